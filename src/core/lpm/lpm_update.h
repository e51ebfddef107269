/* lpm_update.h - the change an incremental rebuild follows (lpm engine). */
#ifndef BRT_LPM_UPDATE_H
#define BRT_LPM_UPDATE_H

#include "lpm_impl.h"

/*
 * A prefix longer than dbits was inserted or deleted, and the trie nodes
 * on its path after the change (upd_path.c): what a rebuild needs to
 * know about the trie, so it repaints only the slots the prefix touches.
 */
struct lpm_upd {
	lpm_key key;		/* the prefix inserted or deleted */
	unsigned len;
	unsigned dbits;
	unsigned n;		/* path[0..n): nodes covering key, shorter
				 * than len, from the slot node down */
	uint32_t path[130];
	uint32_t tail;		/* the node after them on key's side, or
				 * LPM_NIL (not necessarily covering key) */
};

/* Fill @u's path for @key/@len from the slot node @slot (after the trie
 * change). */
void lpm_upd_path(const struct lpm_trie *t, uint32_t slot, lpm_key key,
		      unsigned len, unsigned dbits, struct lpm_upd *u);
/* The first node on the path, of length >= @x (<= len), whose first @x
 * bits are the key's: the trie subtree of key/x; or LPM_NIL. */
uint32_t lpm_upd_at(const struct lpm_trie *t, const struct lpm_upd *u,
			unsigned x);
/* The value of the longest prefix on the path with dbits < length <= @x
 * (< len), or LPM_INHERIT. */
uint32_t lpm_upd_value(const struct lpm_trie *t, const struct lpm_upd *u,
			   unsigned x);

/* Write *dst: node *old (at depth @d, on the path) after the change @u. */
int lpm_rebuild_node(struct brt_lpm *l, struct lpm_node *dst,
			 const struct lpm_node *old, unsigned d,
			 const struct lpm_upd *u);

/* The same for the node of a head (depth dbits): without children, its
 * leaves go to @inl[] (64 room) instead of the arena, for a short head.
 * @oleaves: the old node's leaves when a short head holds them (then
 * @old has no blocks of its own), else NULL. */
int lpm_rebuild_head(struct brt_lpm *l, struct lpm_node *dst,
			 uint32_t *inl, const struct lpm_node *old,
			 const uint32_t *oleaves, const struct lpm_upd *u);

#endif
