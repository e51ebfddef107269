/*
 * linux_rules.c - policy rules as fib_rules_lookup() walks them.
 *
 * Invariants (from the kernel's fib_rules.c, fib4_rules.c, fib6_rules.c):
 *  - rules are tried in priority order; "not" inverts the whole match,
 *    including iif/oif/fwmark/uid;
 *  - a goto jumps to the first rule whose priority equals its target and
 *    evaluates that rule's selectors; a goto with no such rule is skipped;
 *    targets are always later rules, so the walk ends;
 *  - a lookup that yields nothing (or a throw route) continues with the
 *    next rule (EAGAIN); a lookup result is rejected by
 *    suppress_prefixlength (prefix length <= N) or suppress_ifgroup;
 *  - unreachable/prohibit/blackhole actions end the walk with
 *    ENETUNREACH (not EHOSTUNREACH) / EACCES / EINVAL;
 *  - with no rule answering, the result is ENETUNREACH.
 * Selectors see the flow as `ip route get` makes it: no source address
 * unless `from` was given, iif = the loopback device for local output.
 */
#include <string.h>

#include "policy/linux/linux_policy.h"

static bool match_prefix(const struct brt_prefix *p, const struct brt_addr *a)
{
	if (!p->len)
		return true;
	if (a->family != p->addr.family)
		return false;
	return core_bits_match(p->addr.bytes, a->bytes, p->len);
}

static bool match_ifname(const brt_table *t, const char *name, uint32_t idx)
{
	const struct brt_link *l;

	if (!name[0])
		return true;
	l = brt_table_link_by_name(t, name);
	return l && l->index == idx;
}

static bool match_ports(uint16_t lo, uint16_t hi, uint16_t port)
{
	return port >= lo && port <= hi;
}

/* The selectors, before "not" is applied. */
static bool selectors_match(const brt_table *t, const struct brt_rule *r,
			    const struct lx_flow *fl)
{
	uint32_t uid_lo = 0, uid_hi = UINT32_MAX;

	if (!match_ifname(t, r->iif, fl->iif) || !match_ifname(t, r->oif, fl->oif))
		return false;
	if ((r->flags & BRT_RULE_F_FWMARK) &&
	    ((r->fwmark ^ fl->mark) & r->fwmask))
		return false;
	if (r->flags & BRT_RULE_F_L3MDEV)
		return false;	/* no VRF devices are modelled */
	if (r->flags & BRT_RULE_F_UIDRANGE)
		uid_lo = r->uid_start, uid_hi = r->uid_end;
	if (fl->uid < uid_lo || fl->uid > uid_hi)
		return false;
	if (!match_prefix(&r->src, &fl->src) || !match_prefix(&r->dst, &fl->dst))
		return false;
	if (r->tos && r->tos != (fl->tos & 0x1c))
		return false;
	if ((r->flags & BRT_RULE_F_IPPROTO) && r->ipproto != fl->proto)
		return false;
	if ((r->flags & BRT_RULE_F_SPORT) &&
	    !match_ports(r->sport_lo, r->sport_hi, fl->sport))
		return false;
	if ((r->flags & BRT_RULE_F_DPORT) &&
	    !match_ports(r->dport_lo, r->dport_hi, fl->dport))
		return false;
	return true;
}

static bool rule_match(const brt_table *t, const struct brt_rule *r,
		       const struct lx_flow *fl)
{
	bool m = selectors_match(t, r, fl);

	return (r->flags & BRT_RULE_F_INVERT) ? !m : m;
}

/* Index of the first rule with priority @prio, or -1. */
static ptrdiff_t find_priority(const struct brt_rule *rules, size_t n,
			       uint32_t prio)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rules[mid].priority < prio)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && rules[lo].priority == prio ? (ptrdiff_t)lo : -1;
}

static bool suppressed(const brt_table *t, const struct brt_rule *r,
		       const struct lx_res *res)
{
	const struct brt_link *l;

	if (r->suppress_prefixlen != BRT_RULE_NO_SUPPRESS &&
	    res->plen <= r->suppress_prefixlen)
		return true;
	if (r->suppress_ifgroup == BRT_RULE_NO_SUPPRESS || !res->nh_count)
		return false;
	l = brt_table_link_by_index(t, res->nh[0].ifindex);
	return l && l->group == r->suppress_ifgroup;
}

static enum lx_verdict rule_error(struct lx_res *res, enum brt_status s,
				  const char *msg)
{
	res->status = s;
	res->message = msg;
	return LX_ERROR;
}

enum lx_verdict core_lx_action_error(uint8_t action, struct lx_res *res)
{
	switch (action) {
	case BRT_RULE_UNREACHABLE:
		return rule_error(res, BRT_ROUTE_NO_ROUTE, "rule: unreachable");
	case BRT_RULE_PROHIBIT:
		return rule_error(res, BRT_ROUTE_PROHIBIT, "rule: prohibit");
	case BRT_RULE_BLACKHOLE:
		return rule_error(res, BRT_ROUTE_BLACKHOLE, "rule: blackhole");
	default:
		return LX_FOUND;
	}
}

enum lx_verdict core_lx_no_rule(struct lx_res *res)
{
	return rule_error(res, BRT_ROUTE_NO_ROUTE, "no rule found a route");
}

/* Run one matched rule's action. */
static enum lx_verdict run_action(struct brt_lookup *lk, const struct brt_rule *r,
				  const struct lx_flow *fl, lx_table_fn table_fn,
				  struct lx_res *res)
{
	const struct brt_fib *fib;

	if (core_lx_action_error(r->action, res) == LX_ERROR)
		return LX_ERROR;
	fib = core_table_fib(lk->t, fl->dst.family, r->table);
	if (!fib)
		return LX_AGAIN;
	memset(res, 0, sizeof(*res));
	res->rule = r;
	res->table = r->table;
	return table_fn(lk, fib, fl, res);
}

static void note_rule(struct brt_lookup *lk, const struct brt_rule *r,
		      int verdict, const char *why)
{
	core_explain_add(lk, BRT_CAND_RULE, verdict, r, NULL, r->table, 0, why);
}

/* Set the verdict of the explain entry at @idx (the rule noted before its
 * table's routes, so that the record reads in the order of the walk). */
static void settle_rule(struct brt_lookup *lk, size_t idx, int verdict,
			const char *why)
{
	if (!lk->ex || idx >= lk->ex->n)
		return;
	lk->ex->c[idx].verdict = verdict;
	lk->ex->c[idx].reason = why;
}

enum lx_verdict core_lx_rules_lookup(struct brt_lookup *lk, const struct lx_flow *fl,
				lx_table_fn table_fn, struct lx_res *res)
{
	size_t n, i, steps = 0;
	const struct brt_rule *rules = core_table_rules(lk->t, fl->dst.family, &n);
	enum lx_verdict v;

	for (i = 0; i < n; i++) {
		const struct brt_rule *r = &rules[i];
		ptrdiff_t target;
		size_t mark;

		if (++steps > BRT_MAX_RULE_STEPS)
			return rule_error(res, BRT_ROUTE_UNSUPPORTED, "rule walk too long");
		if (!rule_match(lk->t, r, fl)) {
			note_rule(lk, r, BRT_V_RULE_NO_MATCH, "selectors do not match");
			continue;
		}
		if (r->action == BRT_RULE_GOTO) {
			target = find_priority(rules, n, r->goto_target);
			note_rule(lk, r, BRT_V_RULE_MATCHED,
				  target < 0 ? "goto target missing: skipped" : "goto");
			if (target >= 0)
				i = (size_t)target - 1;
			continue;
		}
		if (r->action == BRT_RULE_NOP) {
			note_rule(lk, r, BRT_V_RULE_MATCHED, "nop");
			continue;
		}
		mark = lk->ex ? lk->ex->n : 0;
		note_rule(lk, r, BRT_V_RULE_MATCHED, "matched");
		v = run_action(lk, r, fl, table_fn, res);
		if (v == LX_SLOW)
			return v;
		if (v == LX_FOUND && suppressed(lk->t, r, res)) {
			settle_rule(lk, mark, BRT_V_RULE_SUPPRESSED, "result suppressed");
			continue;
		}
		if (v == LX_AGAIN || v == LX_THROW) {
			settle_rule(lk, mark, BRT_V_RULE_NO_RESULT,
				    v == LX_THROW ? "throw route" : "table has no usable route");
			continue;
		}
		settle_rule(lk, mark, BRT_V_CHOSEN,
			    v == LX_FOUND ? "route found" : "ended with an error");
		res->rule = r;
		return v;
	}
	return core_lx_no_rule(res);
}
