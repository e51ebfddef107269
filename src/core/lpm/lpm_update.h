/* lpm_update.h - the change an incremental rebuild follows (lpm engine). */
#ifndef BRT_LPM_UPDATE_H
#define BRT_LPM_UPDATE_H

#include "lpm_impl.h"

struct lpm_upd {
	lpm_key key;		/* the prefix inserted or deleted */
	unsigned len;
	/* values the 64 slots of the level where len ends held before */
	uint32_t oldv[64];
};

/* Write node @dst: node @old rebuilt at depth @d after the change @u. */
int brt_lpm_rebuild_node(struct brt_lpm *l, uint32_t dst, uint32_t old,
			 unsigned d, uint32_t sub, uint32_t def,
			 const struct lpm_upd *u);

#endif
