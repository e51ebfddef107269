/*
 * builder_impl.h - the builder's state (not installed).
 *
 * The builder only collects entries; brt_builder_finish() checks, derives
 * and compiles them. Next hops and group members live in pools and are
 * referred to by offset, so that adding entries never invalidates them.
 */
#ifndef BRT_CORE_BUILDER_IMPL_H
#define BRT_CORE_BUILDER_IMPL_H

#include "model/model.h"
#include "model/vec.h"

/* Where an entry came from, for messages. */
struct brt_origin {
	uint32_t name;		/* index into builder.origin_names */
	uint32_t line;
};

struct bld_link {
	struct brt_link l;
	struct brt_origin o;
};
struct bld_address {
	struct brt_address a;
	struct brt_origin o;
};
struct bld_route {
	struct brt_route r;	/* r.nh is NULL while building */
	uint32_t nh_off;	/* into builder.nh */
	struct brt_origin o;
};
struct bld_rule {
	struct brt_rule r;
	struct brt_origin o;
};
struct bld_nhobj {
	struct brt_nhobj n;	/* n.group is NULL while building */
	uint32_t grp_off;
	struct brt_origin o;
};

struct brt_builder {
	VEC(struct bld_link) links;
	VEC(struct bld_address) addrs;
	VEC(struct bld_route) routes;
	VEC(struct brt_nexthop) nh;
	VEC(struct bld_rule) rules;
	VEC(struct bld_nhobj) nhobjs;
	VEC(struct brt_nhgrp_member) grp;
	VEC(struct brt_addrlabel) labels;
	VEC(struct brt_sysctl) sysctls;
	VEC(char *) origin_names;
	VEC(char *) ifrefs;		/* provisional names, by offset */
	struct brt_origin cur;		/* origin of entries added now */

	int policy;
	bool policy_set;
	bool policy_forced;
	struct brt_origin policy_origin;

	/* entries with index >= these were derived by brt_derive_* */
	size_t derived_routes_from;
	size_t derived_rules_from;

	/* hash index of routes by derivation key (route_index.c), covering
	 * routes [0, rindexed); NULL until first asked */
	struct brt_route_index *rindex;
	size_t rindexed;
	unsigned rquestions;		/* has_route questions since the last drop */
	int8_t dump;			/* core_bld_is_dump during finish, or -1 */
	bool editable;			/* core_bld_set_editable */

	char err[512];
};

/* printf-style error into b->err; returns @code. */
int core_bld_fail(struct brt_builder *b, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "file:line" of an origin, into a static-free buffer of @len bytes. */
void core_bld_origin_str(const struct brt_builder *b,
			const struct brt_origin *o, char *buf, size_t len);
/* Look-ups while building. */
struct bld_link *core_bld_link_by_index(struct brt_builder *b, uint32_t idx);
struct bld_link *core_bld_link_by_name(struct brt_builder *b,
				      const char *name);
/* Add a route with next hops given as an array (used by derive). */
int core_bld_add_route_nh(struct brt_builder *b, const struct brt_route *r,
			 const struct brt_nexthop *nh, uint32_t n);
/* Whether a route with this (family, table, type, dst, first link) exists
 * (link 0: on any link). Indexed: O(1) per question. */
bool core_bld_has_route(struct brt_builder *b, uint8_t family, uint32_t table,
		       uint8_t type, const struct brt_prefix *dst,
		       uint32_t ifindex);
/* Derivations both policies share: a loopback link with 127.0.0.1/8 and
 * ::1/128 when the table has no loopback link, and the default IPv6
 * address label table when it has none. */
int core_derive_common(struct brt_builder *b);
/* Positions in b->links sorted by link index (malloc'd, b->links.n
 * entries; free() it), or NULL when out of memory. Per-link derived routes
 * are made in this order. */
size_t *core_derive_link_order(const struct brt_builder *b);
/* Forget the route index (after routes were removed or truncated). */
void core_bld_route_index_drop(struct brt_builder *b);
/* Whether the first @given routes hold kernel-made ones (a dump). */
bool core_bld_is_dump(const struct brt_builder *b, size_t given);
/* Value of a sysctl or NULL. */
const char *core_bld_sysctl(const struct brt_builder *b, const char *key);

#endif /* BRT_CORE_BUILDER_IMPL_H */
