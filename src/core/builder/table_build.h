/* table_build.h - compiling a checked builder into a table (not installed). */
#ifndef BRT_CORE_TABLE_BUILD_H
#define BRT_CORE_TABLE_BUILD_H

#include "builder/builder_impl.h"

/*
 * core_table_compile - copy the builder's entries into a new table. Routes
 * [0, given) were given, the rest derived: derived ones are placed first.
 * Returns 0, BRT_ENOENT (a nexthop group names an unknown id, a route an
 * unknown nexthop id) with a message in b->err, or BRT_ENOMEM.
 */
int core_table_compile(struct brt_builder *b, size_t given, brt_table **out);

/* Resolve per-link sysctl values into t->linkconf (t->links set). */
int core_table_resolve_conf(brt_table *t, const struct brt_builder *b);

/* Resolve next hops of routes that use nexthop objects. */
int core_table_resolve_nhobjs(brt_table *t, struct brt_builder *b);
/* How many next hops nexthop object @id resolves to at most (0: none
 * such), and those next hops written to @out (@n of them; @bh when it
 * is a blackhole). BRT_ENOENT for a group naming a missing member. */
size_t core_table_nhobj_size(const brt_table *t, uint32_t id);
int core_table_nhobj_expand(const brt_table *t, uint32_t id,
			   struct brt_nexthop *out, uint32_t *n, bool *bh);

#endif
