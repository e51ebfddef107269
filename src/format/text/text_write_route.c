/*
 * text_write_route.c - nexthop objects and routes as text (rules are
 * text_write_rule.c's).
 *
 * Each writer leaves out exactly the values the reader would default to
 * for the same words (table by type, scope by type and next hops, metric
 * by family and protocol), and names the family with -4/-6 only where the
 * reader could not infer it.
 */
#include <stdlib.h>

#include "text/text.h"

#define NH_FLAGS (BRT_NH_F_DEAD | BRT_NH_F_ONLINK | BRT_NH_F_LINKDOWN)

static void write_nh_flags(struct brt_sbuf *sb, uint32_t f)
{
	if (f & BRT_NH_F_ONLINK)
		fmt_sb_printf(sb, " onlink");
	if (f & BRT_NH_F_LINKDOWN)
		fmt_sb_printf(sb, " linkdown");
	if (f & BRT_NH_F_DEAD)
		fmt_sb_printf(sb, " dead");
}

static void write_nhobj(struct brt_sbuf *sb, const brt_table *t,
			const struct brt_nhobj *n)
{
	static const struct {
		uint32_t flag;
		const char *word;
	} f[] = {
		{BRT_NHOBJ_F_BLACKHOLE, "blackhole"}, {BRT_NHOBJ_F_ONLINK, "onlink"},
		{BRT_NHOBJ_F_FDB, "fdb"}, {BRT_NHOBJ_F_DEAD, "dead"},
		{BRT_NHOBJ_F_LINKDOWN, "linkdown"},
	};
	char pr[12];
	uint32_t i;

	fmt_sb_printf(sb, "nexthop id %u", n->id);
	if (!n->gw.family && !n->group_count &&
	    !(n->flags & BRT_NHOBJ_F_BLACKHOLE) && n->family == BRT_AF_INET6)
		fmt_sb_printf(sb, " -6");
	if (n->gw.family)
		fmt_sb_addr(sb, "via", &n->gw);
	fmt_sb_link(sb, t, "dev", n->ifindex);
	for (i = 0; i < n->group_count; i++) {
		fmt_sb_printf(sb, "%s%u", i ? "/" : " group ", n->group[i].id);
		if (n->group[i].weight != 1)
			fmt_sb_printf(sb, ",%u", n->group[i].weight);
	}
	if (n->flags & BRT_NHOBJ_F_RESILIENT)
		fmt_sb_printf(sb, " type resilient");
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (n->flags & f[i].flag)
			fmt_sb_printf(sb, " %s", f[i].word);
	if (n->protocol)
		fmt_sb_printf(sb, " proto %s", fmt_txt_proto_name(n->protocol, pr));
	fmt_sb_printf(sb, "\n");
}

void fmt_txt_write_nhobjs(struct brt_sbuf *sb, const brt_table *t)
{
	size_t i;

	for (i = 0; i < brt_table_nhobj_count(t); i++)
		write_nhobj(sb, t, brt_table_nhobj(t, i));
}

static void write_nh(struct brt_sbuf *sb, const brt_table *t,
		     const struct brt_nexthop *nh)
{
	if (nh->gw.family)
		fmt_sb_addr(sb, "via", &nh->gw);
	fmt_sb_link(sb, t, "dev", nh->ifindex);
	if (nh->weight != 1)
		fmt_sb_printf(sb, " weight %u", nh->weight);
}

/* -4/-6 where `default` leaves the family to the reader's guess. */
static void write_family(struct brt_sbuf *sb, const struct brt_route *r)
{
	uint8_t guess = BRT_AF_INET;

	if (r->dst.len)
		return;
	if (!r->nh_id && r->nh_count && r->nh[0].gw.family)
		guess = r->nh[0].gw.family;
	if (guess != r->family)
		fmt_sb_printf(sb, " %s", r->family == BRT_AF_INET6 ? "-6" : "-4");
}

static void write_route_head(struct brt_sbuf *sb, const struct brt_route *r)
{
	fmt_sb_printf(sb, "route");
	write_family(sb, r);
	if (r->type != BRT_RT_UNICAST)
		fmt_sb_printf(sb, " %s", fmt_txt_rtype_name(r->type));
	fmt_sb_prefix(sb, &r->dst);
	if (r->src.len) {
		fmt_sb_printf(sb, " from");
		fmt_sb_prefix(sb, &r->src);
	}
	if (r->tos)
		fmt_sb_printf(sb, " tos 0x%02x", r->tos);
}

/* Where the route lives and how it was made, after its next hop. */
static void write_route_attrs(struct brt_sbuf *sb, const struct brt_route *r)
{
	char buf[16];

	if (r->table != fmt_txt_route_table_default(r->type)) {
		brt_table_id_format(r->table, buf, sizeof(buf));
		fmt_sb_printf(sb, " table %s", buf);
	}
	if (r->protocol != BRT_PROTO_BOOT)
		fmt_sb_printf(sb, " proto %s", fmt_txt_proto_name(r->protocol, buf));
	if (r->scope != fmt_txt_route_scope_default(r))
		fmt_sb_printf(sb, " scope %s", fmt_txt_scope_name(r->scope, buf));
	if ((r->flags & BRT_ROUTE_F_HAS_METRIC) ||
	    r->metric != fmt_txt_route_metric_default(r->family, r->protocol))
		fmt_sb_printf(sb, " metric %u", r->metric);
	if (r->prefsrc.family)
		fmt_sb_addr(sb, "src", &r->prefsrc);
}

static void write_route(struct brt_sbuf *sb, const brt_table *t,
			const struct brt_route *r)
{
	uint32_t i, n = r->nh_id ? 0 : r->nh_count;

	write_route_head(sb, r);
	if (r->nh_id)
		fmt_sb_printf(sb, " nhid %u", r->nh_id);
	if (n == 1)
		write_nh(sb, t, &r->nh[0]);
	write_route_attrs(sb, r);
	if (n == 1)
		write_nh_flags(sb, (r->flags | r->nh[0].flags) & NH_FLAGS);
	else
		write_nh_flags(sb, r->flags & NH_FLAGS);
	if (r->mtu)
		fmt_sb_printf(sb, " mtu %u", r->mtu);
	if (r->expires)
		fmt_sb_printf(sb, " expires %usec", r->expires);
	if (r->pref != BRT_PREF_MEDIUM)
		fmt_sb_printf(sb, " pref %s",
			      r->pref == BRT_PREF_LOW ? "low" :
			      r->pref == BRT_PREF_HIGH ? "high" : "medium");
	for (i = 0; n > 1 && i < n; i++) {
		fmt_sb_printf(sb, "\n\tnexthop");
		write_nh(sb, t, &r->nh[i]);
		write_nh_flags(sb, r->nh[i].flags & NH_FLAGS);
	}
	fmt_sb_printf(sb, "\n");
}

void fmt_txt_write_routes(struct brt_sbuf *sb, const brt_table *t,
			  unsigned flags)
{
	size_t i;

	for (i = 0; i < brt_table_route_count(t); i++) {
		const struct brt_route *r = brt_table_route(t, i);

		if ((flags & BRT_WRITE_ALL) || !(r->flags & BRT_ROUTE_F_DERIVED)) {
			write_route(sb, t, r);
			fmt_sb_mark_derived(sb, r->flags & BRT_ROUTE_F_DERIVED);
		}
	}
}

int brt_route_write_text(const brt_table *t, const struct brt_route *r,
			 char **out)
{
	struct brt_sbuf sb = {NULL, 0, 0, false};

	if (!t || !r || !out || (r->nh_count && !r->nh))
		return BRT_EINVAL;
	*out = NULL;
	write_route(&sb, t, r);
	if (sb.oom) {
		free(sb.p);
		return BRT_ENOMEM;
	}
	if (sb.n && sb.p[sb.n - 1] == '\n')
		sb.p[--sb.n] = 0;	/* one statement, without its newline */
	*out = sb.p;
	return 0;
}
