/*
 * compiled.h - compiled decisions: what a policy decided, per prefix group
 * of each fib, for the common query, so that it is answered with one
 * engine lookup per table plus a few loads (not installed).
 *
 * A policy's `compile` fills fib->dec (one core_dec per group slot) when
 * a table version is built, and its `recompile` brings the decisions up
 * to date after an in-place edit (table_edit.c), before the version is
 * published. A decision depends only on its own group's routes and on
 * what only a whole rebuild changes (links, addresses, rules, nexthop
 * objects), except where a policy says otherwise (the Linux policy's
 * IPv4 gateway resolution, see linux_compiled.c). Readers only read them:
 * a table is immutable once published.
 *
 * Kinds:
 *  - CORE_DEC_NONE: the group has no route the common query may use: the
 *    lookup falls back to the parent group (as the interpretive walk);
 *  - CORE_DEC_FOUND: route, next hop and what the policy derives from
 *    them alone (the source when it does not depend on the destination,
 *    whether the gateway is reported);
 *  - CORE_DEC_REDO: the group is evaluated by the interpretive walk for
 *    this one query (error and throw routes, routes with tos or a source
 *    prefix: their outcome depends on the query or is rare);
 *  - CORE_DEC_SLOW: the whole query takes the interpretive path (what
 *    the output step decides from more than the route, such as equal
 *    default routes the kernel alternates between).
 * The differential test (tests/unit/test_compiled_diff.c) holds the
 * compiled answers to the interpretive ones field by field.
 */
#ifndef BRT_CORE_COMPILED_H
#define BRT_CORE_COMPILED_H

#include "model/model.h"

enum core_dec_kind {
	CORE_DEC_NONE = 0,
	CORE_DEC_FOUND,
	CORE_DEC_REDO,
	CORE_DEC_SLOW,
};

#define CORE_DEC_F_GATEWAY 0x01	/* Linux IPv4: report the gateway */
#define CORE_DEC_NO_SRC 0xffffffffu	/* src: none cached */

struct core_dec {
	const struct brt_route *route;	/* FOUND: the route */
	uint32_t src;		/* FOUND: index in t->addrs of the source the
				 * answer gets, or CORE_DEC_NO_SRC */
	uint32_t eff;		/* Windows: route + interface metric */
	uint32_t ifindex;	/* Windows: the chosen next hop's link */
	uint16_t nh_sel;	/* FOUND: the chosen next hop */
	uint8_t kind;		/* enum core_dec_kind */
	uint8_t flags;		/* CORE_DEC_F_* */
};

/* The decision of the longest group of @f holding @addr whose kind is not
 * NONE (the fallback chain walked), or NULL; *@slot its slot. */
const struct core_dec *core_dec_find(const struct brt_fib *f,
				     const uint8_t *addr, uint32_t *slot);

/* The same, from the group in slot @v (BRT_LPM_NONE: none) up. */
const struct core_dec *core_dec_find_from(const struct brt_fib *f, uint32_t v,
					  uint32_t *slot);

/* Make f->dec hold a slot for each of f->n_groups (new ones NONE).
 * 0 or BRT_ENOMEM. */
int core_dec_reserve(struct brt_fib *f);
/* The slot of the group of @f whose prefix is @p, or -1. */
int32_t core_dec_slot_of(const struct brt_fib *f, const struct brt_prefix *p);
/* The index of @a in t->addrs (an address of the table), or NO_SRC. */
uint32_t core_dec_addr_index(const brt_table *t, const struct brt_addr *a);
/* Build the decisions of every fib with @decide (a policy's). */
int core_dec_compile_all(brt_table *t,
			 void (*decide)(const brt_table *t,
					const struct brt_fib *f,
					const struct brt_pgroup *g,
					struct core_dec *d));
/* Whether @t's decisions are built (compile succeeded, edits kept up). */
static inline bool core_dec_ready(const brt_table *t)
{
	return t->dec_ready;
}

#endif /* BRT_CORE_COMPILED_H */
