/*
 * json_write_route.c - the routing part of the JSON table document:
 * nexthop objects, routes and rules, every field, with ip's keys and words
 * (json_table.h).
 */
#include "json/json_table.h"
#include "json/json_write.h"
#include "text/text.h"

static json_object *jtable(uint32_t id)
{
	char buf[16];

	brt_table_id_format(id, buf, sizeof(buf));
	return json_object_new_string(buf);
}

static json_object *jnexthop(const brt_table *t, const struct brt_nexthop *nh)
{
	json_object *o = json_object_new_object();

	fmt_jw_add(o, "gateway", fmt_jw_addr(&nh->gw));
	fmt_jw_add(o, "dev", fmt_jw_dev(t, nh->ifindex));
	fmt_jw_uint(o, "weight", nh->weight);
	json_object_object_add(o, "flags", fmt_jt_flags_json(fmt_jt_route_flags, nh->flags));
	return o;
}

static json_object *jroute(const brt_table *t, const struct brt_route *r)
{
	json_object *o = json_object_new_object(), *a = json_object_new_array();
	char buf[12];
	uint32_t i;

	json_object_object_add(o, "family", json_object_new_string(fmt_jw_family(r->family)));
	json_object_object_add(o, "type", json_object_new_string(fmt_txt_rtype_name(r->type)));
	json_object_object_add(o, "dst", fmt_jw_prefix(&r->dst));
	if (r->src.len)
		json_object_object_add(o, "src", fmt_jw_prefix(&r->src));
	fmt_jw_add(o, "prefsrc", fmt_jw_addr(&r->prefsrc));
	json_object_object_add(o, "table", jtable(r->table));
	fmt_jw_uint(o, "metric", r->metric);
	fmt_jw_uint(o, "tos", r->tos);
	json_object_object_add(o, "protocol", json_object_new_string(
		fmt_txt_proto_name(r->protocol, buf)));
	json_object_object_add(o, "scope", json_object_new_string(
		fmt_txt_scope_name(r->scope, buf)));
	if (fmt_jt_pref_name(r->pref))
		json_object_object_add(o, "pref", json_object_new_string(fmt_jt_pref_name(r->pref)));
	else
		fmt_jw_uint(o, "pref", r->pref);
	if (r->nh_id)
		fmt_jw_uint(o, "nhid", r->nh_id);
	if (r->mtu)
		fmt_jw_uint(o, "mtu", r->mtu);
	if (r->expires)
		fmt_jw_uint(o, "expires", r->expires);
	json_object_object_add(o, "flags", fmt_jt_flags_json(fmt_jt_route_flags, r->flags));
	for (i = 0; i < r->nh_count; i++)
		json_object_array_add(a, jnexthop(t, &r->nh[i]));
	json_object_object_add(o, "nexthops", a);
	return o;
}

static json_object *jnhobj(const brt_table *t, const struct brt_nhobj *n)
{
	json_object *o = json_object_new_object(), *g;
	char buf[12];
	uint32_t i;

	fmt_jw_uint(o, "id", n->id);
	json_object_object_add(o, "family", json_object_new_string(fmt_jw_family(n->family)));
	fmt_jw_add(o, "gateway", fmt_jw_addr(&n->gw));
	fmt_jw_add(o, "dev", fmt_jw_dev(t, n->ifindex));
	json_object_object_add(o, "protocol", json_object_new_string(
		fmt_txt_proto_name(n->protocol, buf)));
	json_object_object_add(o, "flags", fmt_jt_flags_json(fmt_jt_nhobj_flags, n->flags));
	if (n->group_count) {
		g = json_object_new_array();
		for (i = 0; i < n->group_count; i++) {
			json_object *m = json_object_new_object();

			fmt_jw_uint(m, "id", n->group[i].id);
			fmt_jw_uint(m, "weight", n->group[i].weight);
			json_object_array_add(g, m);
		}
		json_object_object_add(o, "group", g);
	}
	return o;
}

static json_object *range(uint32_t lo, uint32_t hi)
{
	json_object *a = json_object_new_array();

	json_object_array_add(a, json_object_new_int64(lo));
	json_object_array_add(a, json_object_new_int64(hi));
	return a;
}

/* The selectors of rule @r (only those it has). */
static void rule_selectors(json_object *o, const struct brt_rule *r)
{
	char buf[12];

	if (r->src.len)	/* length 0: "all", whatever family it was given */
		json_object_object_add(o, "src", fmt_jw_prefix(&r->src));
	if (r->dst.len)
		json_object_object_add(o, "dst", fmt_jw_prefix(&r->dst));
	if (r->flags & BRT_RULE_F_FWMARK) {
		fmt_jw_uint(o, "fwmark", r->fwmark);
		fmt_jw_uint(o, "fwmask", r->fwmask);
	}
	if (r->flags & BRT_RULE_F_UIDRANGE)
		json_object_object_add(o, "uid_range", range(r->uid_start, r->uid_end));
	if (r->flags & BRT_RULE_F_SPORT)
		json_object_object_add(o, "sport_range", range(r->sport_lo, r->sport_hi));
	if (r->flags & BRT_RULE_F_DPORT)
		json_object_object_add(o, "dport_range", range(r->dport_lo, r->dport_hi));
	if (r->flags & BRT_RULE_F_IPPROTO)
		json_object_object_add(o, "ipproto", json_object_new_string(
			fmt_txt_ipproto_name(r->ipproto, buf)));
	if (r->iif[0])
		json_object_object_add(o, "iif", fmt_jt_name(r->iif));
	if (r->oif[0])
		json_object_object_add(o, "oif", fmt_jt_name(r->oif));
	fmt_jw_uint(o, "tos", r->tos);
}

static json_object *jrule(const struct brt_rule *r)
{
	json_object *o = json_object_new_object();
	const char *action = fmt_jt_action_name(r->action);
	char buf[12];

	json_object_object_add(o, "family", json_object_new_string(fmt_jw_family(r->family)));
	fmt_jw_uint(o, "priority", r->priority);
	rule_selectors(o, r);
	if (action)
		json_object_object_add(o, "action", json_object_new_string(action));
	else
		fmt_jw_uint(o, "action", r->action);
	json_object_object_add(o, "table", jtable(r->table));
	if (r->action == BRT_RULE_GOTO)
		fmt_jw_uint(o, "goto", r->goto_target);
	if (r->suppress_prefixlen != BRT_RULE_NO_SUPPRESS)
		fmt_jw_uint(o, "suppress_prefixlen", r->suppress_prefixlen);
	if (r->suppress_ifgroup != BRT_RULE_NO_SUPPRESS)
		fmt_jw_uint(o, "suppress_ifgroup", r->suppress_ifgroup);
	json_object_object_add(o, "protocol", json_object_new_string(
		fmt_txt_proto_name(r->protocol, buf)));
	json_object_object_add(o, "flags", fmt_jt_flags_json(fmt_jt_rule_flags, r->flags));
	return o;
}

void fmt_jw_routing(struct jw *w, const brt_table *t)
{
	size_t i;

	fmt_jw_begin(w, "nexthops");
	for (i = 0; i < brt_table_nhobj_count(t); i++)
		fmt_jw_put(w, jnhobj(t, brt_table_nhobj(t, i)), false);
	fmt_jw_end(w, "nexthops");
	fmt_jw_begin(w, "routes");
	for (i = 0; i < brt_table_route_count(t); i++)
		fmt_jw_put(w, jroute(t, brt_table_route(t, i)),
		       brt_table_route(t, i)->flags & BRT_ROUTE_F_DERIVED);
	fmt_jw_end(w, "routes");
	fmt_jw_begin(w, "rules");
	for (i = 0; i < brt_table_rule_count(t); i++)
		fmt_jw_put(w, jrule(brt_table_rule(t, i)),
		       brt_table_rule(t, i)->flags & BRT_RULE_F_DERIVED);
	fmt_jw_end(w, "rules");
}
