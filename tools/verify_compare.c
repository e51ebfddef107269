/*
 * verify_compare.c - does the snapshot engine's answer agree with the
 * kernel's? The same rules as tests/live/diff_harness.py:
 *  - route errors agree by kind (--kernel tells a blackhole route from a
 *    refused query, see kernel_get.c);
 *  - otherwise type, output link, gateway and source must match, and the
 *    matched prefix (and its table, when the kernel names a FIB entry);
 *  - a multipath answer agrees when the kernel's (gateway, link, source)
 *    is one of our next hops with that hop's own source, because the
 *    kernel's flow hash cannot be predicted;
 *  - a gateway that is one of the host's own IPv4 addresses may be printed
 *    by either side or not (it depends on how it resolved when added);
 *  - source (the packet's) and prefsrc (what the kernel reports: none for
 *    IPv4 with `from`, the route's own choice for IPv6) both must match.
 * Answers we could not model (BRT_ROUTE_UNSUPPORTED) are the caller's to
 * count apart; they are not compared here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "verify_compare.h"

/* Two addresses are the same, "none" included; zones do not count. */
static int addr_same(const struct brt_addr *a, const struct brt_addr *b)
{
	if (!a->family || !b->family)
		return a->family == b->family;
	return brt_addr_equal(a, b);
}

static int own_ipv4(const brt_table *t, const struct brt_addr *a)
{
	size_t i, n = brt_table_address_count(t);

	if (a->family != BRT_AF_INET)
		return 0;
	for (i = 0; i < n; i++)
		if (brt_addr_equal(&brt_table_address(t, i)->addr, a))
			return 1;
	return 0;
}

static int gateway_same(const brt_table *t, const struct brt_addr *ours,
			const struct brt_addr *kernel)
{
	if (addr_same(ours, kernel))
		return 1;
	return (!kernel->family && own_ipv4(t, ours)) ||
	       (!ours->family && own_ipv4(t, kernel));
}

static const char *type_word(uint8_t type)
{
	static const char *const names[] = {
		"unspec", "unicast", "local", "broadcast", "anycast", "multicast",
		"blackhole", "unreachable", "prohibit", "throw",
	};

	return type < sizeof(names) / sizeof(names[0]) ? names[type] : "unknown";
}

/* Append one difference to @why ("; " between them). */
static void note(char *why, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void note(char *why, size_t len, const char *fmt, ...)
{
	size_t used = strlen(why);
	va_list ap;

	if (used && used + 2 < len) {
		strcat(why, "; ");
		used += 2;
	}
	if (used >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(why + used, len - used, fmt, ap);
	va_end(ap);
}

static const char *addr_text(const struct brt_addr *a, char buf[BRT_ADDRSTRLEN])
{
	struct brt_addr plain = *a;

	plain.zone = 0;
	if (!a->family || brt_addr_format(&plain, buf, BRT_ADDRSTRLEN) < 0)
		return "-";
	return buf;
}

/* Is the kernel's next hop one of ours (multipath)? */
static int hop_among(const brt_table *t, const struct brt_query *q,
		     const struct brt_result *o, const struct brt_result *k,
		     const struct brt_addr *ksrc)
{
	static const struct brt_addr none;
	struct brt_addr unspec = {0};
	int nogw = (o->type == BRT_RT_BROADCAST || o->type == BRT_RT_MULTICAST) &&
		   !o->gateway.family;
	struct brt_addr src;
	uint32_t i;

	unspec.family = q->src.family;
	for (i = 0; i < o->nh_count; i++) {
		if (q->src.family && !brt_addr_equal(&q->src, &unspec))
			src = q->src;	/* (0.0.0.0 and :: mean no source) */
		else if (brt_table_nexthop_source(t, q, o, i, &src))
			src = none;
		if (o->nh[i].ifindex == k->ifindex && addr_same(&src, ksrc) &&
		    gateway_same(t, nogw ? &none : &o->nh[i].gw, &k->gateway))
			return 1;
	}
	return 0;
}

static void compare_hop(const brt_table *t, const struct brt_query *q,
			const struct brt_result *o, const struct brt_result *k,
			char *why, size_t len)
{
	const struct brt_addr *ksrc = &k->source;
	const struct brt_addr *osrc = &o->source;
	char a[BRT_ADDRSTRLEN], b[BRT_ADDRSTRLEN];

	if (o->nh_count > 1) {
		if (!hop_among(t, q, o, k, ksrc))
			note(why, len, "kernel's next hop via %s dev %u src %s is not one of our %u",
			     addr_text(&k->gateway, a), k->ifindex, addr_text(ksrc, b),
			     o->nh_count);
		return;
	}
	if (!gateway_same(t, &o->gateway, &k->gateway))
		note(why, len, "gateway %s vs kernel %s", addr_text(&o->gateway, a),
		     addr_text(&k->gateway, b));
	if (o->ifindex != k->ifindex)
		note(why, len, "interface %u vs kernel %u", o->ifindex, k->ifindex);
	if (!addr_same(osrc, ksrc))
		note(why, len, "source %s vs kernel %s", addr_text(osrc, a), addr_text(ksrc, b));
	if (!addr_same(&o->prefsrc, &k->prefsrc))
		note(why, len, "prefsrc %s vs kernel %s", addr_text(&o->prefsrc, a),
		     addr_text(&k->prefsrc, b));
}

static void compare_prefix(const struct brt_result *o, const struct brt_result *k,
			   char *why, size_t len)
{
	char a[BRT_PREFIXSTRLEN] = "-", b[BRT_PREFIXSTRLEN] = "-";

	if (o->has_prefix)
		brt_prefix_format(&o->prefix, a, sizeof(a));
	if (k->has_prefix)
		brt_prefix_format(&k->prefix, b, sizeof(b));
	if (o->has_prefix != k->has_prefix || strcmp(a, b))
		note(why, len, "prefix %s vs kernel %s", a, b);
	else if (k->has_prefix && o->table != k->table)
		note(why, len, "table %u vs kernel %u", o->table, k->table);
}

int verify_compare(const brt_table *t, const struct brt_query *q,
		   const struct brt_result *ours, const struct brt_result *kernel,
		   char *why, size_t len)
{
	if (!len)
		return 1;
	why[0] = 0;
	if (ours->status != BRT_ROUTE_OK || kernel->status != BRT_ROUTE_OK) {
		if (ours->status != kernel->status)
			note(why, len, "%s vs kernel %s",
			     brt_status_name((enum brt_status)ours->status),
			     brt_status_name((enum brt_status)kernel->status));
		return why[0] != 0;
	}
	if (ours->type != kernel->type)
		note(why, len, "type %s vs kernel %s", type_word(ours->type),
		     type_word(kernel->type));
	compare_hop(t, q, ours, kernel, why, len);
	compare_prefix(ours, kernel, why, len);
	return why[0] != 0;
}

static const char *ifname(const brt_table *t, uint32_t index, char buf[24])
{
	const struct brt_link *l = brt_table_link_by_index(t, index);

	if (l)
		return l->name;
	snprintf(buf, 24, "if%u", index);
	return buf;
}

void verify_describe(const brt_table *t, const struct brt_result *r,
		     char *buf, size_t len)
{
	char p[BRT_PREFIXSTRLEN] = "-", tb[16] = "-", g[BRT_ADDRSTRLEN], s[BRT_ADDRSTRLEN];
	char nb[24];

	if (r->status != BRT_ROUTE_OK) {
		snprintf(buf, len, "error %s", brt_status_name((enum brt_status)r->status));
		return;
	}
	if (r->has_prefix) {
		brt_prefix_format(&r->prefix, p, sizeof(p));
		brt_table_id_format(r->table, tb, sizeof(tb));
	}
	snprintf(buf, len, "%s %s table %s via %s dev %s src %s%s", type_word(r->type), p, tb,
		 addr_text(&r->gateway, g), ifname(t, r->ifindex, nb), addr_text(&r->source, s),
		 r->nh_count > 1 ? " (multipath)" : "");
}
