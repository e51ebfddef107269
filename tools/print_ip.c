/*
 * print_ip.c - `get --format ip`: the answer exactly as `ip route get`
 * (iproute2 6.x) prints it, so scripts written against ip can switch.
 *
 * What ip prints differs by family, because the kernel answers IPv4 with
 * a cloned cache entry and IPv6 with the FIB route:
 *   IPv4: [TYPE ]DST[ from SRC][ via GW] dev DEV[ table T][ src S][ mark M]
 *         uid U \n    cache[ <FLAGS>] \n      (each line ends in a space;
 *         src only when no from was given; mark below 16 in decimal, else
 *         hex; the local table shows as none while no IPv4 rule was added,
 *         since the kernel then merges it into main)
 *   IPv6: [TYPE ]DST from SRC|::[ via GW] dev DEV[ table T][ proto P]
 *         src S metric M pref P\n
 * A route error prints ip's "RTNETLINK answers: ..." on stderr.
 */
#include <string.h>

#include "cli.h"

static void addr(FILE *f, const char *word, const struct brt_addr *a)
{
	char buf[BRT_ADDRSTRLEN];
	struct brt_addr plain = *a;

	plain.zone = 0;
	if (a->family && brt_addr_format(&plain, buf, sizeof(buf)) >= 0)
		fprintf(f, "%s%s", word, buf);
}

static const char *type_word(uint8_t type)
{
	static const char *const names[] = {
		"", "", "local ", "broadcast ", "anycast ", "multicast ",
		"blackhole ", "unreachable ", "prohibit ", "throw ",
	};

	return type < sizeof(names) / sizeof(names[0]) ? names[type] : "";
}

/* Whether IPv4 rules beyond the three defaults exist (fib_has_custom_rules). */
static bool custom_v4_rules(const brt_table *t)
{
	size_t i;

	for (i = 0; i < brt_table_rule_count(t); i++) {
		const struct brt_rule *r = brt_table_rule(t, i);

		if (r->family == BRT_AF_INET && !(r->flags & BRT_RULE_F_DERIVED))
			return true;
	}
	return false;
}

static void table_word(FILE *f, const brt_table *t, const struct brt_result *r)
{
	char tb[16];

	if (!r->has_prefix || r->table == BRT_TABLE_MAIN)
		return;
	if (r->family == BRT_AF_INET && r->table == BRT_TABLE_LOCAL && !custom_v4_rules(t))
		return;
	brt_table_id_format(r->table, tb, sizeof(tb));
	fprintf(f, " table %s", tb);
}

static void print_v4(FILE *f, const brt_table *t, const struct brt_query *q,
		     const struct brt_result *r)
{
	static const char *const cache[] = {
		[BRT_RT_LOCAL] = " <local>", [BRT_RT_BROADCAST] = " <local,brd>",
		[BRT_RT_MULTICAST] = " <mc>",
	};
	char nb[24];

	fprintf(f, "%s", type_word(r->type));
	addr(f, "", &q->dst);
	addr(f, " from ", &q->src);
	addr(f, " via ", &r->gateway);
	fprintf(f, " dev %s", link_name(t, r->ifindex, nb));
	table_word(f, t, r);
	if (!q->src.family)
		addr(f, " src ", &r->source);
	if (r->type == BRT_RT_MULTICAST)
		fputs(" rt_offload_failed", f);	/* the kernel flags its mc entries */
	if (q->flags & BRT_QUERY_F_MARK)
		fprintf(f, q->mark < 16 ? " mark %u" : " mark 0x%x", q->mark);
	fprintf(f, " uid %u \n    cache%s \n", q->flags & BRT_QUERY_F_UID ? q->uid : 0,
		r->type <= BRT_RT_MULTICAST && cache[r->type] ? cache[r->type] : "");
}

static const char *proto_name(uint8_t p)
{
	switch (p) {
	case BRT_PROTO_REDIRECT: return "redirect";
	case BRT_PROTO_KERNEL: return "kernel";
	case BRT_PROTO_STATIC: return "static";
	case BRT_PROTO_RA: return "ra";
	case BRT_PROTO_DHCP: return "dhcp";
	case BRT_PROTO_BGP: return "bgp";
	case BRT_PROTO_OSPF: return "ospf";
	case BRT_PROTO_RIP: return "rip";
	default: return NULL;
	}
}

static void print_v6(FILE *f, const brt_table *t, const struct brt_query *q,
		     const struct brt_result *r)
{
	static const char *const prefs[] = {"medium", "high", "invalid", "low"};
	uint8_t proto = r->route ? r->route->protocol : BRT_PROTO_BOOT;
	char nb[24];

	fprintf(f, "%s", type_word(r->type));
	addr(f, "", &q->dst);
	if (q->src.family)
		addr(f, " from ", &q->src);
	else
		fputs(" from ::", f);
	addr(f, " via ", &r->gateway);
	fprintf(f, " dev %s", link_name(t, r->ifindex, nb));
	table_word(f, t, r);
	if (proto != BRT_PROTO_BOOT && proto != BRT_PROTO_UNSPEC) {
		if (proto_name(proto))
			fprintf(f, " proto %s", proto_name(proto));
		else
			fprintf(f, " proto %u", proto);
	}
	addr(f, " src ", &r->source);
	fprintf(f, " metric %u pref %s\n", r->has_prefix ? r->metric : 0,
		prefs[r->route ? r->route->pref & 3 : 0]);
}

void print_ip(FILE *f, const brt_table *t, const struct brt_query *q,
	      const struct brt_result *r)
{
	if (r->status != BRT_ROUTE_OK) {
		fprintf(stderr, "RTNETLINK answers: %s\n",
			strerror(brt_status_errno((enum brt_status)r->status)));
		return;
	}
	if (q->dst.family == BRT_AF_INET)
		print_v4(f, t, q, r);
	else
		print_v6(f, t, q, r);
}
