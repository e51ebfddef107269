/*
 * policy.h - the interface every routing policy implements (not installed).
 *
 * A policy is what a host does with its table: which implicit routes and
 * rules it derives from links and addresses, which route, next hop and
 * source it answers a query with, and how it explains that answer. The
 * core reaches a policy only through these operations: lookup.c calls
 * lookup/explain/nexthop_source, finish.c calls derive, table_edit.c
 * reads edit_in_place. There is no switch on the policy anywhere else.
 *
 * Adding a policy (FreeBSD's, a router's): a folder policy/NAME/ that
 * defines one `const struct core_policy core_policy_NAME`, its value in
 * enum brt_policy, and one line in policy/registry.c.
 *
 * Invariants every policy keeps:
 *  - lookup and explain give identical results for every query; explain
 *    also records candidates through core_explain_add(). lookup may take
 *    a faster path (compiled decisions) as long as it stays identical to
 *    explain, the reference (a differential test holds them together);
 *  - neither allocates, except explain's records; both only read the table;
 *  - arguments were validated by brt_table_lookup (family, interfaces).
 */
#ifndef BRT_CORE_POLICY_H
#define BRT_CORE_POLICY_H

#include "model/model.h"

struct brt_builder;

struct core_policy {
	enum brt_policy id;
	const char *name;	/* the text format's word: `policy NAME` */
	/* Add what the host would derive from links and addresses (local,
	 * connected, multicast routes; default rules), where the builder
	 * lacks it. 0 or a negative BRT_E* code with the builder's message. */
	int (*derive)(struct brt_builder *b);
	/* Answer lk->q into lk->r; lk->ex is NULL. */
	void (*lookup)(struct brt_lookup *lk);
	/* The same answer, recording every candidate into lk->ex; with
	 * lk->ex NULL, the interpretive reference lookup must equal. */
	void (*explain)(struct brt_lookup *lk);
	/* Optional: answer the commonest queries before any other work
	 * (brt_table_lookup calls it first, with non-NULL arguments): 1 with
	 * every field of @r written exactly as lookup would write it, or 0
	 * with @r untouched, and lookup answers. It validates what it relies
	 * on itself, so it declines what it does not know. */
	int (*lookup_fast)(const brt_table *t, const struct brt_query *q,
			   struct brt_result *r);
	/* Optional: answer @n queries at once (brt_table_lookup_bulk has
	 * checked the arrays), each exactly as brt_table_lookup would. */
	void (*lookup_bulk)(const brt_table *t, const struct brt_query *q,
			    size_t n, struct brt_result *r);
	/* Optional: build t's compiled decisions (compiled.h) after the
	 * table was compiled; 0 or BRT_ENOMEM. NULL: none. */
	int (*compile)(brt_table *t);
	/* Optional: bring t's compiled decisions up to date after an edit
	 * changed the routes of @dst in table @table (table_edit.c). */
	int (*recompile)(brt_table *t, uint8_t family, uint32_t table,
			 const struct brt_prefix *dst, const struct brt_route *r);
	/* The source a packet to @dst leaving by next hop @nh of route @r
	 * gets, when no source was given; false when the host has none. */
	bool (*nexthop_source)(const brt_table *t, const struct brt_addr *dst,
			       const struct brt_route *r,
			       const struct brt_nexthop *nh,
			       struct brt_addr *out);
	/* Whether a compiled table's given routes may be changed in place
	 * (table_edit.c): only when what the policy derived cannot depend
	 * on them. */
	bool (*edit_in_place)(const brt_table *t);
};

/* brt_table_lookup itself (argument checks and the policy's lookup). */
int core_table_answer(const brt_table *t, const struct brt_query *q,
		      struct brt_result *r);
/* The same, told that the engine gives @hint_slot for q->dst in
 * @hint_fib (bulk lookups look the engine up ahead). */
int core_table_answer_hinted(const brt_table *t, const struct brt_query *q,
			     struct brt_result *r, const struct brt_fib *hint_fib,
			     uint32_t hint_slot);
/* brt_table_lookup through the policy's interpretive walk (explain
 * without records): the reference compiled answers are held to. */
int core_table_lookup_ref(const brt_table *t, const struct brt_query *q,
			  struct brt_result *r);

/* The registered policy of @id, or NULL when there is none. */
const struct core_policy *core_policy_get(enum brt_policy id);
/* The registered policy whose name is @name, or NULL. */
const struct core_policy *core_policy_by_name(const char *name);

/* The policies (one per folder under policy/). */
extern const struct core_policy core_policy_linux;
extern const struct core_policy core_policy_windows;

#endif /* BRT_CORE_POLICY_H */
