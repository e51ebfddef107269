/*
 * json_write_route.c - the routing part of the JSON table document:
 * nexthop objects, routes and rules, every field, with ip's keys and words
 * (json_table.h).
 */
#include "format/json_table.h"
#include "format/json_write.h"
#include "format/text.h"

static json_object *jtable(uint32_t id)
{
	char buf[16];

	brt_table_id_format(id, buf, sizeof(buf));
	return json_object_new_string(buf);
}

static json_object *jnexthop(const brt_table *t, const struct brt_nexthop *nh)
{
	json_object *o = json_object_new_object();

	jw_add(o, "gateway", jw_addr(&nh->gw));
	jw_add(o, "dev", jw_dev(t, nh->ifindex));
	jw_uint(o, "weight", nh->weight);
	json_object_object_add(o, "flags", jt_flags_json(jt_route_flags, nh->flags));
	return o;
}

static json_object *jroute(const brt_table *t, const struct brt_route *r)
{
	json_object *o = json_object_new_object(), *a = json_object_new_array();
	char buf[12];
	uint32_t i;

	json_object_object_add(o, "family", json_object_new_string(jw_family(r->family)));
	json_object_object_add(o, "type", json_object_new_string(brt_txt_rtype_name(r->type)));
	json_object_object_add(o, "dst", jw_prefix(&r->dst));
	if (r->src.len)
		json_object_object_add(o, "src", jw_prefix(&r->src));
	jw_add(o, "prefsrc", jw_addr(&r->prefsrc));
	json_object_object_add(o, "table", jtable(r->table));
	jw_uint(o, "metric", r->metric);
	jw_uint(o, "tos", r->tos);
	json_object_object_add(o, "protocol", json_object_new_string(
		brt_txt_proto_name(r->protocol, buf)));
	json_object_object_add(o, "scope", json_object_new_string(
		brt_txt_scope_name(r->scope, buf)));
	if (jt_pref_name(r->pref))
		json_object_object_add(o, "pref", json_object_new_string(jt_pref_name(r->pref)));
	else
		jw_uint(o, "pref", r->pref);
	if (r->nh_id)
		jw_uint(o, "nhid", r->nh_id);
	if (r->mtu)
		jw_uint(o, "mtu", r->mtu);
	if (r->expires)
		jw_uint(o, "expires", r->expires);
	json_object_object_add(o, "flags", jt_flags_json(jt_route_flags, r->flags));
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

	jw_uint(o, "id", n->id);
	json_object_object_add(o, "family", json_object_new_string(jw_family(n->family)));
	jw_add(o, "gateway", jw_addr(&n->gw));
	jw_add(o, "dev", jw_dev(t, n->ifindex));
	json_object_object_add(o, "protocol", json_object_new_string(
		brt_txt_proto_name(n->protocol, buf)));
	json_object_object_add(o, "flags", jt_flags_json(jt_nhobj_flags, n->flags));
	if (n->group_count) {
		g = json_object_new_array();
		for (i = 0; i < n->group_count; i++) {
			json_object *m = json_object_new_object();

			jw_uint(m, "id", n->group[i].id);
			jw_uint(m, "weight", n->group[i].weight);
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
		json_object_object_add(o, "src", jw_prefix(&r->src));
	if (r->dst.len)
		json_object_object_add(o, "dst", jw_prefix(&r->dst));
	if (r->flags & BRT_RULE_F_FWMARK) {
		jw_uint(o, "fwmark", r->fwmark);
		jw_uint(o, "fwmask", r->fwmask);
	}
	if (r->flags & BRT_RULE_F_UIDRANGE)
		json_object_object_add(o, "uid_range", range(r->uid_start, r->uid_end));
	if (r->flags & BRT_RULE_F_SPORT)
		json_object_object_add(o, "sport_range", range(r->sport_lo, r->sport_hi));
	if (r->flags & BRT_RULE_F_DPORT)
		json_object_object_add(o, "dport_range", range(r->dport_lo, r->dport_hi));
	if (r->flags & BRT_RULE_F_IPPROTO)
		json_object_object_add(o, "ipproto", json_object_new_string(
			brt_txt_ipproto_name(r->ipproto, buf)));
	if (r->iif[0])
		json_object_object_add(o, "iif", jt_name(r->iif));
	if (r->oif[0])
		json_object_object_add(o, "oif", jt_name(r->oif));
	jw_uint(o, "tos", r->tos);
}

static json_object *jrule(const struct brt_rule *r)
{
	json_object *o = json_object_new_object();
	const char *action = jt_action_name(r->action);
	char buf[12];

	json_object_object_add(o, "family", json_object_new_string(jw_family(r->family)));
	jw_uint(o, "priority", r->priority);
	rule_selectors(o, r);
	if (action)
		json_object_object_add(o, "action", json_object_new_string(action));
	else
		jw_uint(o, "action", r->action);
	json_object_object_add(o, "table", jtable(r->table));
	if (r->action == BRT_RULE_GOTO)
		jw_uint(o, "goto", r->goto_target);
	if (r->suppress_prefixlen != BRT_RULE_NO_SUPPRESS)
		jw_uint(o, "suppress_prefixlen", r->suppress_prefixlen);
	if (r->suppress_ifgroup != BRT_RULE_NO_SUPPRESS)
		jw_uint(o, "suppress_ifgroup", r->suppress_ifgroup);
	json_object_object_add(o, "protocol", json_object_new_string(
		brt_txt_proto_name(r->protocol, buf)));
	json_object_object_add(o, "flags", jt_flags_json(jt_rule_flags, r->flags));
	return o;
}

void jw_routing(struct jw *w, const brt_table *t)
{
	size_t i;

	jw_begin(w, "nexthops");
	for (i = 0; i < brt_table_nhobj_count(t); i++)
		jw_put(w, jnhobj(t, brt_table_nhobj(t, i)), false);
	jw_end(w, "nexthops");
	jw_begin(w, "routes");
	for (i = 0; i < brt_table_route_count(t); i++)
		jw_put(w, jroute(t, brt_table_route(t, i)),
		       brt_table_route(t, i)->flags & BRT_ROUTE_F_DERIVED);
	jw_end(w, "routes");
	jw_begin(w, "rules");
	for (i = 0; i < brt_table_rule_count(t); i++)
		jw_put(w, jrule(brt_table_rule(t, i)),
		       brt_table_rule(t, i)->flags & BRT_RULE_F_DERIVED);
	jw_end(w, "rules");
}
