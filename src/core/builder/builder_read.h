/*
 * builder_read.h - what the layers above the core may ask of a builder
 * they fill (not installed).
 *
 * The builder's state (builder_impl.h) is the core's own: the text format
 * and the live handle read entries already added through these calls
 * instead, so that the pools and offsets can change without them.
 */
#ifndef BRT_CORE_BUILDER_READ_H
#define BRT_CORE_BUILDER_READ_H

#include <stddef.h>

#include "model/model.h"

/* Routes added so far. */
size_t core_bld_route_count(const brt_builder *b);
/* Route @i (< core_bld_route_count) with its next hops: r->nh points into
 * the builder and stays valid until the next route is added. */
void core_bld_route_get(const brt_builder *b, size_t i, struct brt_route *r);
/* Room for @n more routes, so that adding them does not fail for memory:
 * 0 or BRT_ENOMEM. */
int core_bld_route_reserve(brt_builder *b, size_t n);
/* Rules added so far, and rule @i (< core_bld_rule_count). */
size_t core_bld_rule_count(const brt_builder *b);
const struct brt_rule *core_bld_rule_get(const brt_builder *b, size_t i);
/* The link of index @idx added so far, or NULL. */
const struct brt_link *core_bld_link_get(brt_builder *b, uint32_t idx);
/* Change the interface metric of link @idx already in @b (links cannot be
 * added twice, so this is the one way to change one; the Windows API's
 * SetIpInterfaceEntry): 0, BRT_EINVAL (NULL @b) or BRT_ENOENT. */
int core_bld_set_link_metric(brt_builder *b, uint32_t idx, uint32_t metric);
/* The table @b will build is one its owner edits in place (the live
 * handle's versions): its engines keep their control tries, which a
 * table built only for lookups releases (lpm.h; the first edit would
 * restore them from the groups). */
void core_bld_set_editable(brt_builder *b);
/* Add to @b everything of @s but its routes (links, addresses, rules,
 * nexthop objects, address labels, sysctls): 0 or the first error of the
 * brt_builder_add_* calls, @b's message saying which. */
int core_bld_copy_all_but_routes(const brt_builder *s, brt_builder *b);

#endif /* BRT_CORE_BUILDER_READ_H */
