/* lpm_update.h - the change an incremental rebuild follows (lpm engine). */
#ifndef BRT_LPM_UPDATE_H
#define BRT_LPM_UPDATE_H

#include "lpm_impl.h"

struct lpm_upd {
	lpm_key key;		/* the prefix inserted or deleted */
	unsigned len;
};

/* Write *dst: node *old rebuilt at depth @d after the change @u. */
int brt_lpm_rebuild_node(struct brt_lpm *l, struct lpm_node *dst,
			 const struct lpm_node *old, unsigned d, uint32_t sub,
			 uint32_t def, const struct lpm_upd *u);

/* The same for the node of a head (depth dbits): without children, its
 * leaves go to @inl[] (64 room) instead of the arena, for a short head. */
int brt_lpm_rebuild_head(struct brt_lpm *l, struct lpm_node *dst,
			 uint32_t *inl, const struct lpm_node *old,
			 uint32_t sub, uint32_t def, const struct lpm_upd *u);

#endif
