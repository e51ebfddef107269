/*
 * table_edit.h - changing a compiled table in place, one route at a time
 * (not installed).
 *
 * For the live handle: it keeps two tables and edits the one no reader
 * holds, so a version costs the size of the change, not of the table.
 * Only tables of the kernel's own (a Linux-policy dump) are edited, and
 * only with routes whose links and nexthop objects the table knows
 * (a nexthop object is resolved when its route is added). Whatever these functions refuse
 * (BRT_ENOTSUP) the caller builds a whole table for instead.
 * No reader may use the table while it is edited. After a failure other
 * than BRT_ENOTSUP/BRT_ENOENT the table may be half changed and must be
 * destroyed.
 */
#ifndef BRT_CORE_TABLE_EDIT_H
#define BRT_CORE_TABLE_EDIT_H

#include "model/model.h"

/* The kernel's route key agrees (family, table, dst, src, tos, metric). */
bool core_route_same_key(const struct brt_route *a, const struct brt_route *b);
/* Same key and same everything else, but the next hops' dead/linkdown
 * flags (link state the kernel changes silently) and expires. */
bool core_route_same(const struct brt_route *a, const struct brt_route *b);
/* Same, dead/linkdown flags included (expires is not compared). */
bool core_route_identical(const struct brt_route *a,
			 const struct brt_route *b);

/*
 * core_table_edit_add - add a copy of @r (and its next hops). @prepend:
 * before the routes of equal tos and metric (an IPv4 add to an existing
 * key); else after them (a new key, or an append).
 * 0, BRT_ENOTSUP, BRT_ENOMEM or BRT_ELIMIT.
 */
int core_table_edit_add(brt_table *t, const struct brt_route *r, bool prepend);
/* Remove the route core_route_same() as @r. 0, BRT_ENOENT or BRT_ENOMEM. */
int core_table_edit_del(brt_table *t, const struct brt_route *r);
/* Put a copy of @r in the place of the route core_route_same() as @old
 * (the same key). 0, BRT_ENOENT, BRT_ENOTSUP or BRT_ENOMEM. */
int core_table_edit_replace(brt_table *t, const struct brt_route *old,
			   const struct brt_route *r);
/* Whether a fib of @t grew so much by edits that compiling the table
 * afresh would look up faster (the caller decides when). */
bool core_table_edit_outgrown(const brt_table *t);
/* The resolved next hops of a route an edit added that uses a nexthop
 * object (core_route_nexthops asks). */
const struct brt_nexthop *core_table_edit_nexthops(const struct brt_route *r,
						  uint32_t *count,
						  bool *blackhole);
/*
 * core_table_edit_prepare - do now what the first edit of each fib of @t
 * would (its writer-side prefix index: tens of milliseconds on an
 * Internet table), so that edit is as quick as the others. Only fibs
 * that have their lookup structure are prepared, and only writer-side
 * fields are written, so readers may use @t meanwhile (the one writer
 * may not edit it at the same time). 0 or BRT_ENOMEM (nothing lost:
 * the first edit tries again).
 */
int core_table_edit_prepare(brt_table *t);
/* Free what edits added (brt_table_destroy calls it). */
void core_table_edit_free(brt_table *t);

/* fib_edit.c: the same on one fib; @r stays owned by the caller and must
 * outlive its place in the fib. */
int core_fib_edit_add(struct brt_fib *f, const struct brt_route *r,
		     bool prepend);
/* Take the route core_route_same() as @like out (*@removed: it), or put
 * @r in its place (*@old: it). 0, BRT_ENOENT or BRT_ENOMEM. */
int core_fib_edit_remove(struct brt_fib *f, const struct brt_route *like,
			const struct brt_route **removed);
int core_fib_edit_swap(struct brt_fib *f, const struct brt_route *like,
		      const struct brt_route *r, const struct brt_route **old);
void core_fib_edit_free(struct brt_fib *f);
/* The first edit's set-up of @f now (see core_table_edit_prepare). */
int core_fib_edit_prepare(struct brt_fib *f);
/*
 * core_fib_audit - every invariant of fib_edit.c's header: live groups,
 * free slots, the prefix index, parents (against a linear scan), route
 * order, and the lookup structure (lpm_check). 0 or BRT_ECONFLICT
 * with the first problem in @msg.
 */
int core_fib_audit(const struct brt_fib *f, char *msg, size_t msglen);

#endif
