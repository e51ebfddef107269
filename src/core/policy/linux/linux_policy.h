/*
 * linux_policy.h - the Linux policy's internal pieces (not installed).
 *
 * The policy mirrors the kernel's output route path, as RTM_GETROUTE runs
 * it for `ip route get` (one lookup, no second connect pass):
 *   rules (core_lx_rules_lookup) -> per-table lookup (core_lx_fib4_lookup,
 *   core_lx_fib6_lookup) -> the family's output logic (core_lx_output4/6) ->
 *   source selection (core_lx_select_src4 / core_lx_select_src6).
 */
#ifndef BRT_CORE_LINUX_POLICY_H
#define BRT_CORE_LINUX_POLICY_H

#include <string.h>

#include "model/model.h"
#include "policy/compiled.h"
#include "policy/policy.h"

struct brt_builder;

/* The policy's entry (core_policy_linux.lookup and .explain). */
void core_linux_lookup(struct brt_lookup *lk);
/* What the Linux kernel derives from links and addresses (linux_derive.c). */
int core_derive_linux(struct brt_builder *b);

/* The flow as the kernel sees it during the lookup. */
struct lx_flow {
	struct brt_addr dst;
	struct brt_addr src;	/* family 0 while unknown */
	uint32_t oif;
	uint32_t iif;		/* the loopback index for local output */
	uint32_t mark;
	uint32_t uid;
	uint8_t tos;
	uint8_t proto;
	uint16_t sport, dport;
	bool strict_oif;	/* IPv6 RT6_LOOKUP_F_IFACE */
};

/* Outcome of a table or rule lookup. */
enum lx_verdict {
	LX_FOUND = 0,
	LX_AGAIN,		/* nothing here (or throw): next rule */
	LX_ERROR,		/* a route error: status in res.status */
	LX_THROW,		/* a throw route: next rule */
	LX_SLOW,		/* compiled only: the query needs the
				 * interpretive walk (policy/compiled.h) */
};

struct core_dec;

struct lx_res {
	enum brt_status status;		/* for LX_ERROR */
	const char *message;
	const struct brt_route *route;
	const struct brt_rule *rule;	/* the rule whose lookup found it */
	uint32_t table;
	uint8_t plen;
	uint8_t type;
	const struct brt_nexthop *nh;	/* resolved next hops of route */
	uint32_t nh_count;
	uint32_t nh_sel;		/* the next hop the lookup chose */
	/* the compiled decision that gave it, NULL from the interpretive
	 * walk: what the output step derives from the route alone */
	const struct core_dec *dec;
};

/*
 * The rule chain compiled for the compiled lookup's flows (linux_plan.c):
 * one record a rule, with what a locally sent flow without oif and tos
 * cannot change decided. t->plans[0] IPv4, [1] IPv6; NULL: none.
 */
#define CORE_PR_MARK 0x01		/* selectors that read the query */
#define CORE_PR_UID 0x02
#define CORE_PR_SRC 0x04
#define CORE_PR_DST 0x08
#define CORE_PR_PROTO 0x10
#define CORE_PR_SPORT 0x20
#define CORE_PR_DPORT 0x40

enum core_pstep {
	CORE_PS_LOOKUP,			/* look the destination up in fib */
	CORE_PS_GOTO,			/* continue at next */
	CORE_PS_ERROR,			/* end with the action's error */
};

struct core_prule {
	const struct brt_rule *rule;
	const struct brt_fib *fib;	/* CORE_PS_LOOKUP: the table */
	uint32_t fwmark, fwmask;
	uint32_t uid_lo, uid_hi;
	uint8_t src[16], dst[16];
	uint8_t src_len, dst_len, src_family, dst_family;
	uint8_t step;			/* enum core_pstep */
	uint8_t action;			/* enum brt_rule_action */
	uint8_t reads;			/* CORE_PR_*: 0 = decided statically */
	bool invert;
	bool stat;			/* the static selectors match */
	uint8_t ipproto;
	uint16_t sport_lo, sport_hi, dport_lo, dport_hi;
	uint32_t next;			/* CORE_PS_GOTO: where (may be n) */
	/* CORE_PS_LOOKUP of a small table (the local one): bit k set when
	 * one of its prefixes meets the destinations whose first 16 bits
	 * are k; a destination whose bit is clear is not looked up (it
	 * would find nothing). NULL: always look up. In the plan's block. */
	const uint64_t *filter;
};

/* Whether @dst may be in the table of plan rule @r (see filter). */
static inline bool core_prule_may_hold(const struct core_prule *r,
				       const uint8_t *dst)
{
	return core_filter_may_hold(r->filter, dst);
}

/* Only the rules that can act: a rule that matches no flow of the kind,
 * a nop, a goto to no rule and a lookup of a table without routes are
 * left out (the walk would pass them by). */
struct core_plan {
	size_t n;
	const struct brt_fib *fibs;	/* t->fibs and t->n_fibs when built */
	size_t n_fibs;
	/* The chain of the "plain" query, which has zero in every selector
	 * some rule reads (no from, mark 0, uid 0, no protocol or ports):
	 * the lookups it reaches, in order (plain[0..n_plain) index r), and
	 * how it ends without an answer (plain_end: the index of an error
	 * rule, or -1: no rule found one). Without a rule that reads the
	 * destination this chain is the same for every destination. */
	bool plain_ok;
	bool quick;			/* plain_ok, and n <= 64 (plain_seq) */
	uint8_t reads;			/* CORE_PR_* of every rule */
	/* reads as masks: a query is plain when each of its selectors
	 * ANDed with its mask is zero (uid: when BRT_QUERY_F_UID) */
	uint8_t z_src, z_proto;
	uint16_t z_sport, z_dport;
	uint32_t z_mark, z_uid;
	size_t n_plain;
	uint32_t *plain;		/* in the same block, after r[] */
	ptrdiff_t plain_end;
	uint64_t plain_seq;		/* plain[] as bits (plans of <= 64) */
	/* Plans of <= 64 rules without goto (core_lx_plan_chain): every
	 * rule that reads nothing of the query applies to all of them, so
	 * a query's list is the lookup rules among those (always) and the
	 * readers that apply (readers), up to the first error rule that
	 * applies (cut: the bits below it; always_cut for the ones that
	 * read nothing). */
	bool linear;
	uint64_t always, always_cut, readers;
	struct core_prule r[];
};

/* Whether @a is in prefix @p/@len of @family (len 0: any address); up
 * to /32 in one word compare, as a `from` rule's test runs for every
 * query with a source. */
static inline bool core_lx_prefix_match(const uint8_t *p, uint8_t len,
					uint8_t family, const struct brt_addr *a)
{
	uint32_t x, y;

	if (!len)
		return true;
	if (a->family != family)
		return false;
	if (len > 32)
		return core_bits_match(p, a->bytes, len);
	memcpy(&x, p, 4);
	memcpy(&y, a->bytes, 4);
	return !((__builtin_bswap32(x) ^ __builtin_bswap32(y)) & (~UINT32_C(0) << (32 - len)));
}

/* Whether the selectors of plan rule @r that read the query match @q
 * (linux_plan.c; its rule walk's test). */
bool core_lx_plan_match(const struct core_prule *r, const struct brt_query *q,
			uint32_t uid);
/* Whether reader @r of a plan (r->reads != 0, so r->stat) applies to @q
 * (flow uid @uid): only the selectors it reads are tested, since the
 * others pass every query (linux_plan.c plan_rule: their masks and
 * ranges are the full ones). */
static inline bool core_lx_reader_applies(const struct core_prule *r,
					  const struct brt_query *q, uint32_t uid)
{
	uint8_t m = r->reads;
	bool ok = true;

	if (m & (CORE_PR_PROTO | CORE_PR_SPORT | CORE_PR_DPORT))
		ok = core_lx_plan_match(r, q, uid);	/* (rare: all of them) */
	else {
		if (m & CORE_PR_MARK)
			ok = !((r->fwmark ^ q->mark) & r->fwmask);
		if (ok && (m & CORE_PR_UID))
			ok = uid >= r->uid_lo && uid <= r->uid_hi;
		if (ok && (m & CORE_PR_SRC))
			ok = core_lx_prefix_match(r->src, r->src_len, r->src_family, &q->src);
		if (ok && (m & CORE_PR_DST))
			ok = core_lx_prefix_match(r->dst, r->dst_len, r->dst_family, &q->dst);
	}
	return ok != r->invert;
}

/* The list of a linear plan @p (struct core_plan) for @q, as
 * core_lx_plan_chain gives it: only the readers are tested. */
static inline uint64_t core_lx_plan_linear(const struct core_plan *p,
					   const struct brt_query *q)
{
	uint32_t uid = (q->flags & BRT_QUERY_F_UID) ? q->uid : 0;
	uint64_t s = p->always, cut = p->always_cut, m;

	for (m = p->readers; m; m &= m - 1) {
		const struct core_prule *r = &p->r[__builtin_ctzll(m)];

		if (!core_lx_reader_applies(r, q, uid))
			continue;
		if (r->step == CORE_PS_ERROR)
			cut &= (m & -m) - 1;
		else
			s |= m & -m;
	}
	return s & cut;
}

/* The lookup rules plan @p's walk reaches for @q when none of them
 * answers, as bits of their indices in *@seq (increasing: gotos only go
 * forward), up to the end or an error rule; false for a plan of more than
 * 64 rules. @q is of the compiled lookup's kind (core_lx_fast_shape). */
bool core_lx_plan_chain(const struct core_plan *p, const struct brt_query *q,
			uint64_t *seq);
/* The family index (0 IPv4, 1 IPv6) of a query that lookup_fast may
 * answer from the plan (its shape, source and the table), or -1. */
int core_lx_fast_shape(const brt_table *t, const struct brt_query *q);
/* IPv4 destinations or sources the output step treats apart (0/8,
 * multicast, class E and broadcast). */
static inline bool core_lx_v4_special(const struct brt_addr *a)
{
	return a->bytes[0] == 0 || a->bytes[0] >= 224;
}

/* Whether @a is a local IPv4 address (configured, or in a local route). */
bool core_lx_is_local4(const brt_table *t, const struct brt_addr *a);

/* Whether IPv4 source @src passes the output step's checks before the
 * lookup as a compiled answer needs (linux_out4.c): unicast and local;
 * a loopback source is refused after the lookup, so output4 decides. */
static inline bool core_lx_v4_source_ok(const brt_table *t, const struct brt_addr *src)
{
	return !core_lx_v4_special(src) && src->bytes[0] != 127 &&
	       core_lx_is_local4(t, src);
}

/* Whether @q (family index @f: 0 IPv4, 1 IPv6) is a flow the compiled
 * plan serves, its source aside: locally sent (no iif), no oif, zone or
 * tos, and no IPv4 destination the output step treats apart. */
static inline bool core_lx_local_flow(const struct brt_query *q, int f)
{
	return !q->iif && !q->oif && !q->dst.zone && !q->tos &&
	       !(f == 0 && core_lx_v4_special(&q->dst));
}

/* Whether @q is plan @p's plain query (struct core_plan): zero in every
 * selector a rule of the plan reads, the flow's uid being the caller's
 * or root's (core_lx_flow_init). */
static inline bool core_lx_plan_plain(const struct core_plan *p,
				      const struct brt_query *q)
{
	uint32_t uid = (q->flags & BRT_QUERY_F_UID) ? q->uid : 0;

	return p->plain_ok &&
	       !((q->mark & p->z_mark) | (uid & p->z_uid) | (q->src.family & p->z_src) |
		 (q->ipproto & p->z_proto) | (q->sport & p->z_sport) |
		 (q->dport & p->z_dport));
}

/* Build t->plans (after the decisions, and again after an edit that
 * may change them: core_lx_plan_stale). */
void core_lx_plan_build(brt_table *t);
/* Whether an edit of table (@family, @table) may have made t->plans
 * wrong: the fibs moved or were added, or that table is small enough to
 * have a filter, or to become empty or not (n_live <= FILTER_MAX + 1). */
bool core_lx_plan_stale(const brt_table *t, uint8_t family, uint32_t table);
/* The rule walk of the plan @p for lk->q (no oif, iif, zone or tos):
 * LX_FOUND with res->dec (a FOUND decision) and res->rule; LX_ERROR with
 * res->status and res->message as the interpretive walk sets them;
 * LX_SLOW where a table's decision is not FOUND (the caller takes
 * linux_compiled.c's walk). */
enum lx_verdict core_lx_plan_lookup(struct brt_lookup *lk,
				    const struct core_plan *p,
				    struct lx_res *res);
/* For the actions that end the walk with an error (unreachable,
 * prohibit, blackhole): LX_ERROR with res filled; else LX_FOUND. */
enum lx_verdict core_lx_action_error(uint8_t action, struct lx_res *res);
/* The walk's end without an answer. */
enum lx_verdict core_lx_no_rule(struct lx_res *res);

/* The flow of a query, as the kernel starts it: iif = loopback for local
 * output, uid = the caller's (INVALID for input lookups without one). */
void core_lx_flow_init(const struct brt_lookup *lk, struct lx_flow *fl);

/* A family's table lookup (fib_table_lookup / fib6_table_lookup). */
typedef enum lx_verdict (*lx_table_fn)(struct brt_lookup *lk,
				       const struct brt_fib *fib,
				       const struct lx_flow *fl,
				       struct lx_res *res);

enum lx_verdict core_lx_rules_lookup(struct brt_lookup *lk, const struct lx_flow *fl,
				lx_table_fn table_fn, struct lx_res *res);
enum lx_verdict core_lx_fib4_lookup(struct brt_lookup *lk, const struct brt_fib *fib,
			       const struct lx_flow *fl, struct lx_res *res);
enum lx_verdict core_lx_fib6_lookup(struct brt_lookup *lk, const struct brt_fib *fib,
			       const struct lx_flow *fl, struct lx_res *res);

/* One prefix group of a table lookup (the walk's step; LX_AGAIN when
 * none of its routes serves the flow). */
enum lx_verdict core_lx_fib4_group(struct brt_lookup *lk, const struct brt_fib *fib,
				   const struct brt_pgroup *g,
				   const struct lx_flow *fl, struct lx_res *res);
enum lx_verdict core_lx_fib6_group(struct brt_lookup *lk, const struct brt_fib *fib,
				   const struct brt_pgroup *g,
				   const struct lx_flow *fl, struct lx_res *res);

/* The output route of a family with the table lookup @table_fn (the
 * interpretive core_lx_fib4/6_lookup, or linux_compiled.c's); false,
 * with nothing written to lk->r, when @table_fn said LX_SLOW. */
bool core_lx_output4(struct brt_lookup *lk, lx_table_fn table_fn);
bool core_lx_output6(struct brt_lookup *lk, lx_table_fn table_fn);
/* The output step's part that depends on a found route alone, into a
 * compiled decision (source, gateway; SLOW where it depends on more). */
void core_lx_out4_decide(brt_table *t, const struct brt_fib *fib,
			 const struct lx_res *res, struct core_dec *d);
/* The compiled policy (linux_compiled.c). */
void core_linux_lookup_compiled(struct brt_lookup *lk);
/* The policy's lookup_fast (policy.h): plan and decisions only
 * (linux_fast.c). */
int core_linux_lookup_fast(const brt_table *t, const struct brt_query *q,
			   struct brt_result *r);
/* brt_table_lookup_bulk under the Linux policy (linux_fast.c). */
void core_linux_lookup_bulk(const brt_table *t, const struct brt_query *q,
			    size_t n, struct brt_result *r);
/* The compiled answer of FOUND decision @d, found by rule @rule, into @r
 * (every field written); false for a local route, whose answer the
 * output step makes (linux_compiled.c). */
bool core_lx_compiled_fill(const brt_table *t, const struct brt_query *q,
			   const struct core_dec *d, const struct brt_rule *rule,
			   struct brt_result *r);

int core_linux_compile(brt_table *t);
int core_linux_recompile(brt_table *t, uint8_t family, uint32_t table,
			 const struct brt_prefix *dst, const struct brt_route *r);

/* inet_select_addr(dev, dst, scope); 0 family when none. */
struct brt_addr core_lx_select_src4(const brt_table *t, uint32_t ifindex,
			       const struct brt_addr *near, int scope);
/* The RFC 6724 rules as the kernel orders them (ipv6_get_saddr_eval):
 * a candidate's score is one value per rule, higher is better. */
enum { S6_LOCAL, S6_SCOPE, S6_PREFERRED, S6_HOA, S6_OIF, S6_LABEL, S6_PRIVACY,
       S6_ORCHID, S6_PREFIX, S6_NOT_OPTIMISTIC, S6_MAX };
/* Rule by rule: the first rule that differs decides; ties keep @best. */
bool core_lx_src6_better(const int s[S6_MAX], const int best[S6_MAX]);
/* Pieces of IPv6 source selection both linux_src6.c and its compiled
 * form use: ORCHID (2001:10::/28), "preferred whatever its flags"
 * (loopback, IPv4-mapped and -compatible), whether an address may be a
 * candidate at all, and the kernel's list scope of an address. */
bool core_lx_is_orchid(const struct brt_addr *a);
bool core_lx_always_preferred(const struct brt_addr *a);
bool core_lx_src6_candidate(const struct brt_address *a);
int core_lx_list_scope(const struct brt_address *a);
/* t->src6 for core_lx_src6_pick (with the decisions; NULL without
 * memory), and the pick: core_lx_select_src6's answer, faster
 * (linux_src6_compiled.c). */
void core_lx_src6_build(brt_table *t);
bool core_lx_src6_pick(const brt_table *t, uint32_t ifindex,
		       const struct brt_addr *dst, struct brt_addr *out);
/* ipv6_dev_get_saddr(dev, dst); false when no address fits. */
bool core_lx_select_src6(const brt_table *t, uint32_t ifindex,
		    const struct brt_addr *dst, struct brt_addr *out);

/* The source a next hop of a route gets (no `from` given); false if none. */
bool core_lx_nexthop_source(const brt_table *t, const struct brt_addr *dst,
		       const struct brt_route *r, const struct brt_nexthop *nh,
		       struct brt_addr *out);
/* The link's index of the loopback device (0 if none). */
uint32_t core_lx_loopback_index(const brt_table *t);
/* Whether a next hop can be used now (not dead, link state). */
bool core_lx_nh_alive(const brt_table *t, const struct brt_nexthop *nh,
		 const struct brt_route *r, uint8_t family);
/* Copy the found route into the lookup result (prefix, table, ...). */
void core_lx_fill_from_res(struct brt_lookup *lk, const struct lx_res *res);
/* A short reason for a route verdict (for explain). */
const char *core_lx_verdict_reason(int verdict);
/* Record route candidates of @res's prefix chain for explain. */
void core_lx_explain_rest(struct brt_lookup *lk, const struct lx_res *res);

#endif /* BRT_CORE_LINUX_POLICY_H */
