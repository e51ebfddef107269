/*
 * model.h - the table model as the core sees it (not installed).
 *
 * A brt_table is built once by brt_builder_finish() and never changes:
 *  - links are sorted by index (link_by_index is a binary search);
 *  - routes are in "kernel insertion order": derived entries first (the
 *    kernel makes them when addresses appear, before users add routes),
 *    then given ones in definition order;
 *  - rules of each family are sorted by priority, stable (equal priorities
 *    keep definition order, as the kernel inserts after its equals);
 *  - every (family, table id) that holds routes has one brt_fib.
 */
#ifndef BRT_CORE_MODEL_H
#define BRT_CORE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bestroute/bestroute.h"

#define BRT_UNUSED __attribute__((unused))

/* @p without its const, for memory the caller owns but reaches through a
 * const view (a copied route's next hops to free, a list's own sentinel).
 * The only place the core drops a qualifier (-Wcast-qual). */
static inline void *core_unconst(const void *p)
{
	return (void *)(uintptr_t)p;
}

/* Provisional link indexes handed out by brt_builder_ifref(). */
#define BRT_IFREF_BASE 0xf0000000u

/* Limits that keep hostile input bounded. */
#define BRT_MAX_NEXTHOPS 4096u		/* next hops of one route */
#define BRT_MAX_GROUP 4096u		/* members of one nexthop group */
#define BRT_MAX_RULE_STEPS 65536u	/* rule evaluations per lookup */

/* ------------------------------------------------------------------ fib */

/*
 * One prefix of one routing table with all its routes, best first:
 * IPv4 by tos descending, then metric, then insertion order (the kernel's
 * fib alias order); IPv6 by metric, then insertion order. The prefix is
 * its routes' own (core_pgroup_dst): a group is 24 bytes, not 48 with a
 * copy of it, and there is one group for nearly every route.
 */
struct brt_pgroup {
	const struct brt_route **routes;	/* count entries, best first */
	uint32_t count;		/* 0: a free slot of an edited fib */
	uint32_t cap;		/* 0: routes is a slice of brt_fib.routes;
				 * else an array of its own, of cap */
	int32_t parent;		/* next shorter group covering dst, or -1 */
	uint8_t len;		/* the prefix length (read by walks up the
				 * parents without touching a route) */
};

/* The prefix of a group that holds routes (count > 0; an edited fib's
 * group from the moment its first route is in until its last is out). */
static inline const struct brt_prefix *
core_pgroup_dst(const struct brt_pgroup *g)
{
	return &g->routes[0]->dst;
}

struct brt_fast;		/* the compiled lookup structure (optional) */
struct brt_fib_edit;		/* an edited fib's writer-side index */
struct brt_table_edits;		/* an edited table's bookkeeping */
struct core_plan;		/* a compiled rule chain (policy/) */
struct core_src6;		/* compiled IPv6 source candidates */
struct core_wplan;		/* the Windows policy's fib order */

struct brt_fib {
	uint32_t id;
	uint8_t family;
	/* compiled: in trie order (fib.c); edited in place (fib_edit.c):
	 * slots, a new group where a freed one was or at the end */
	struct brt_pgroup *groups;
	size_t n_groups;	/* slots, free ones included */
	size_t n_live;		/* groups that hold routes */
	const struct brt_route **routes;	/* as compiled */
	size_t n_routes;
	struct brt_fast *fast;	/* NULL: use the reference lookup */
	struct brt_fib_edit *edit;	/* NULL until edited */
	/* the policy's compiled decisions, one per group slot
	 * (policy/compiled.h); dec_cap slots allocated */
	struct core_dec *dec;
	size_t dec_cap;
};

/* The longest group whose prefix contains @addr (bytes of the family). */
const struct brt_pgroup *core_fib_lookup(const struct brt_fib *f,
					const uint8_t *addr);
/* The obviously correct version: a linear scan. */
const struct brt_pgroup *core_fib_lookup_ref(const struct brt_fib *f,
					    const uint8_t *addr);
/* The group a group falls back to, or NULL. */
static inline const struct brt_pgroup *
core_pgroup_parent(const struct brt_fib *f, const struct brt_pgroup *g)
{
	return g->parent < 0 ? NULL : &f->groups[g->parent];
}

/* ---------------------------------------------------------------- table */

/* Per-link values of sysctls, resolved from "all", "default" and the link. */
struct brt_linkconf {
	int8_t ignore_linkdown4;	/* ipv4 ignore_routes_with_linkdown */
	int8_t ignore_linkdown6;
	int8_t use_tempaddr;		/* ipv6 use_tempaddr */
	int8_t disable_ipv6;
	int8_t forwarding6;
};

struct brt_sysctl {
	char *key;
	char *value;
};

struct core_policy;

struct brt_table {
	enum brt_policy policy;
	const struct core_policy *ops;	/* the policy's operations */
	/* A dump of a real host (it holds kernel routes that were given, not
	 * derived): its flags are the kernel's own, so link state is not used
	 * to infer dead or linkdown next hops. */
	bool is_dump;

	struct brt_link *links;		/* sorted by index */
	struct brt_linkconf *linkconf;	/* parallel to links */
	size_t n_links;

	struct brt_address *addrs;	/* definition order, derived after */
	size_t n_addrs;

	struct brt_route *routes;	/* derived first, then given */
	size_t n_routes;
	struct brt_nexthop *nh_pool;	/* routes[i].nh points in here */
	size_t n_nh;

	struct brt_rule *rules;		/* IPv4 then IPv6, each by priority */
	size_t n_rules;
	size_t n_rules4;		/* rules[0..n_rules4) are IPv4 */

	struct brt_nhobj *nhobjs;	/* sorted by id */
	size_t n_nhobjs;
	struct brt_nhgrp_member *grp_pool;

	struct brt_addrlabel *labels;	/* longest prefix first */
	size_t n_labels;

	struct brt_sysctl *sysctls;
	size_t n_sysctls;
	int multipath_hash_policy;
	/* RFC 6724 rule 4 (prefer home addresses): the kernel applies it only
	 * when built with CONFIG_IPV6_MIP6=y; recorded as the pseudo-sysctl
	 * kernel.config.ipv6_mip6 (core_table_resolve_conf). */
	bool ipv6_mip6;

	struct brt_fib *fibs;		/* sorted by (family, id) */
	size_t n_fibs;

	/* next hops of routes that use nexthop objects, resolved */
	struct brt_nexthop *res_nh_pool;
	uint32_t *res_nh_off;		/* per route: offset, or UINT32_MAX */
	uint32_t *res_nh_cnt;		/* per route: count */
	uint8_t *res_nh_blackhole;	/* per route: the object is blackhole */

	struct brt_builder *source;	/* what the table was built from */
	/* routes changed in place since compiled (table_edit.c), or NULL */
	struct brt_table_edits *edits;
	/* every fib's dec is built and current (policy/compiled.h) */
	bool dec_ready;
	struct core_answers *answers;	/* the decisions' shared records */
	/* the policy's compiled rule chains, IPv4 and IPv6 (NULL: none;
	 * policy/linux/linux_plan.c); one malloc'd block each */
	struct core_plan *plans[2];
	/* the IPv6 source candidates, compiled (linux_src6_compiled.c) */
	struct core_src6 *src6;
	/* the Windows policy's fibs of each family, longest prefix first
	 * (windows_route.c); one block each */
	struct core_wplan *wplans[2];
};

/* Where the fib of (family, id) is in t->fibs, or would go. */
size_t core_table_fib_pos(const brt_table *t, uint8_t family, uint32_t id);
/* The fib of (family, id), or NULL when that table holds no route. */
const struct brt_fib *core_table_fib(const brt_table *t, uint8_t family,
				    uint32_t id);
/* Index of a link in t->links, or -1. */
ptrdiff_t core_table_link_pos(const brt_table *t, uint32_t index);
const struct brt_linkconf *core_table_linkconf(const brt_table *t,
					      uint32_t index);
/* Rules of one family, sorted by priority. */
const struct brt_rule *core_table_rules(const brt_table *t, uint8_t family,
				       size_t *n);
/* A nexthop object by id, or NULL. */
const struct brt_nhobj *core_table_nhobj_by_id(const brt_table *t,
					      uint32_t id);
/* Next hops of a route, with nexthop objects resolved. */
const struct brt_nexthop *core_route_nexthops(const brt_table *t,
					     const struct brt_route *r,
					     uint32_t *count, bool *blackhole);
/* Whether @r is one of t->routes (as compiled), not added by an edit. */
static inline bool core_route_compiled(const brt_table *t,
				      const struct brt_route *r)
{
	return r >= t->routes && r < t->routes + t->n_routes;
}

/* Position of a compiled route in t->routes. */
static inline size_t core_route_pos(const brt_table *t,
				   const struct brt_route *r)
{
	return (size_t)(r - t->routes);
}

/* ------------------------------------------------------------ addresses */

static inline unsigned core_family_bits(uint8_t family)
{
	return family == BRT_AF_INET ? 32 : 128;
}
static inline unsigned core_family_bytes(uint8_t family)
{
	return family == BRT_AF_INET ? 4 : 16;
}
bool core_family_valid(uint8_t family);
/* Whether the first @len bits of @a and @b agree. It reads whole words:
 * 4 bytes of each for @len <= 32, 8 up to 64, else the bytes @len
 * covers, so both must hold at least that many. */
bool core_bits_match(const uint8_t *a, const uint8_t *b, unsigned len);
/* Number of leading bits @a and @b share, at most @max. */
unsigned core_common_bits(const uint8_t *a, const uint8_t *b, unsigned max);
/* Zero the bits of @a past @len. */
void core_bits_mask(uint8_t *a, unsigned bytes, unsigned len);
bool core_addr_is_zero(const struct brt_addr *a);
bool core_addr_is_v4_loopback(const struct brt_addr *a);
bool core_addr_is_v6_linklocal(const struct brt_addr *a);
bool core_addr_is_v6_multicast(const struct brt_addr *a);
bool core_addr_is_v6_loopback(const struct brt_addr *a);
bool core_addr_is_v4_multicast(const struct brt_addr *a);
/* An IPv4 source the kernel refuses before any lookup, with EINVAL
 * (ip_route_output_key_hash_rcu): multicast, 255.255.255.255, 0/8. */
bool core_addr_is_v4_bad_source(const struct brt_addr *a);
/* The IPv6 scope of an address (RFC 4291), as ipv6_addr_src_scope. */
int core_addr6_scope(const struct brt_addr *a);
/* A prefix from an address and length, host bits cleared. */
void core_prefix_make(struct brt_prefix *p, const struct brt_addr *a,
		     unsigned len);
bool core_prefix_equal(const struct brt_prefix *a, const struct brt_prefix *b);
/* Host-order IPv4 value of an address. */
static inline uint32_t core_addr_v4(const struct brt_addr *a)
{
	return (uint32_t)a->bytes[0] << 24 | (uint32_t)a->bytes[1] << 16 |
	       (uint32_t)a->bytes[2] << 8 | a->bytes[3];
}
void core_addr_set_v4(struct brt_addr *a, uint32_t host_order);

/* --------------------------------------------------------------- lookup */

struct brt_explain {
	struct brt_candidate *c;
	size_t n, cap;
	bool oom;
};

/* What a policy needs during one lookup. */
struct brt_lookup {
	const brt_table *t;
	const struct brt_query *q;
	struct brt_result *r;
	struct brt_explain *ex;		/* NULL unless explaining */
	/* bulk lookups (policy/compiled.c): the engine's answer for q->dst
	 * in hint_fib, looked up ahead, is hint_slot (hint_fib NULL: none) */
	const struct brt_fib *hint_fib;
	uint32_t hint_slot;
};

/* Record a candidate (no-op without explain). */
void core_explain_add(struct brt_lookup *lk, int kind, int verdict,
		     const struct brt_rule *rule, const struct brt_route *route,
		     uint32_t table, uint32_t effective_metric,
		     const char *reason);

/* Fill the route part of a result from the chosen route @rt, as found in
 * @table (the table the answer reports) with @effective_metric. */
void core_result_route(struct brt_result *r, const struct brt_route *rt,
		       uint32_t table, uint32_t effective_metric);
/* The result's next hops: @count of them at @nh, @chosen the one used. */
void core_result_nexthops(struct brt_result *r, const struct brt_nexthop *nh,
			  uint32_t count, uint32_t chosen);

/* Fill r as a route error with a static message. */
void core_result_error(struct brt_result *r, enum brt_status s,
		      const char *message);

/* The label of IPv6 address @a seen from link @ifindex: the first entry of
 * the table's address labels (longest prefix first) that covers @a and
 * applies to that link, or CORE_ADDR_LABEL_NONE (the kernel's
 * IPV6_ADDR_LABEL_DEFAULT), which equals no other label. */
#define CORE_ADDR_LABEL_NONE 0xffffffffu
uint32_t core_table_addr_label(const brt_table *t, const struct brt_addr *a,
			       uint32_t ifindex);

#endif /* BRT_CORE_MODEL_H */
