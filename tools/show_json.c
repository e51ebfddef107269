/*
 * show_json.c - `bestroute show --json`: the table as one JSON object with
 * arrays "links", "addresses", "routes", "rules", "nexthops", "addrlabels"
 * and "sysctls" (keys follow `ip -j` where it has a name for the field).
 */
#include <json-c/json.h>
#include <stdio.h>

#include "cli.h"

static json_object *jstr(const char *s)
{
	return json_object_new_string(s);
}

static json_object *jaddr(const struct brt_addr *a)
{
	char buf[BRT_ADDRSTRLEN];

	return a->family && brt_addr_format(a, buf, sizeof(buf)) >= 0 ? jstr(buf) : NULL;
}

static json_object *jprefix(const struct brt_prefix *p)
{
	char buf[BRT_PREFIXSTRLEN];

	return brt_prefix_format(p, buf, sizeof(buf)) >= 0 ? jstr(buf) : NULL;
}

static json_object *jtable(uint32_t id)
{
	char buf[16];

	brt_table_id_format(id, buf, sizeof(buf));
	return jstr(buf);
}

static json_object *jlink(const struct brt_link *l)
{
	static const char *const types[] = {"other", "ethernet", "loopback",
					    "tunnel", "ppp", "wireless"};
	json_object *o = json_object_new_object();

	json_object_object_add(o, "ifname", cli_jname(l->name));
	json_object_object_add(o, "ifindex", json_object_new_int64(l->index));
	json_object_object_add(o, "type", jstr(l->type < 6 ? types[l->type] : "other"));
	json_object_object_add(o, "up", json_object_new_boolean(l->flags & BRT_LINK_F_UP));
	json_object_object_add(o, "carrier", json_object_new_boolean(l->flags & BRT_LINK_F_CARRIER));
	json_object_object_add(o, "mtu", json_object_new_int64(l->mtu));
	json_object_object_add(o, "metric", json_object_new_int64(l->metric));
	json_object_object_add(o, "derived", json_object_new_boolean(l->flags & BRT_LINK_F_DERIVED));
	return o;
}

static json_object *jaddress(const brt_table *t, const struct brt_address *a)
{
	json_object *o = json_object_new_object();
	char nb[24];

	json_object_object_add(o, "local", jaddr(&a->addr));
	json_object_object_add(o, "prefixlen", json_object_new_int(a->plen));
	json_object_object_add(o, "dev", jstr(link_name(t, a->ifindex, nb)));
	json_object_object_add(o, "scope", json_object_new_int(a->scope));
	json_object_object_add(o, "flags", json_object_new_int64(a->flags));
	return o;
}

static json_object *jnexthops(const brt_table *t, const struct brt_route *r)
{
	json_object *arr = json_object_new_array();
	char nb[24];
	uint32_t i;

	for (i = 0; i < r->nh_count; i++) {
		json_object *h = json_object_new_object();

		json_object_object_add(h, "gateway", jaddr(&r->nh[i].gw));
		json_object_object_add(h, "dev", r->nh[i].ifindex ?
				       jstr(link_name(t, r->nh[i].ifindex, nb)) : NULL);
		json_object_object_add(h, "weight", json_object_new_int64(r->nh[i].weight));
		json_object_object_add(h, "flags", json_object_new_int64(r->nh[i].flags));
		json_object_array_add(arr, h);
	}
	return arr;
}

static json_object *jroute(const brt_table *t, const struct brt_route *r)
{
	static const char *const types[] = {"unspec", "unicast", "local", "broadcast",
					    "anycast", "multicast", "blackhole",
					    "unreachable", "prohibit", "throw"};
	json_object *o = json_object_new_object();

	json_object_object_add(o, "type", jstr(r->type < 10 ? types[r->type] : "unspec"));
	json_object_object_add(o, "dst", jprefix(&r->dst));
	json_object_object_add(o, "table", jtable(r->table));
	json_object_object_add(o, "metric", json_object_new_int64(r->metric));
	json_object_object_add(o, "protocol", json_object_new_int(r->protocol));
	json_object_object_add(o, "scope", json_object_new_int(r->scope));
	json_object_object_add(o, "prefsrc", jaddr(&r->prefsrc));
	if (r->nh_id)
		json_object_object_add(o, "nhid", json_object_new_int64(r->nh_id));
	json_object_object_add(o, "nexthops", jnexthops(t, r));
	json_object_object_add(o, "derived",
			       json_object_new_boolean(r->flags & BRT_ROUTE_F_DERIVED));
	return o;
}

static json_object *jrule(const struct brt_rule *r)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "family", jstr(r->family == BRT_AF_INET ? "inet" : "inet6"));
	json_object_object_add(o, "priority", json_object_new_int64(r->priority));
	json_object_object_add(o, "not", json_object_new_boolean(r->flags & BRT_RULE_F_INVERT));
	json_object_object_add(o, "src", r->src.len ? jprefix(&r->src) : jstr("all"));
	json_object_object_add(o, "dst", r->dst.len ? jprefix(&r->dst) : jstr("all"));
	json_object_object_add(o, "action", json_object_new_int(r->action));
	json_object_object_add(o, "table", jtable(r->table));
	if (r->flags & BRT_RULE_F_FWMARK) {
		json_object_object_add(o, "fwmark", json_object_new_int64(r->fwmark));
		json_object_object_add(o, "fwmask", json_object_new_int64(r->fwmask));
	}
	if (r->iif[0])
		json_object_object_add(o, "iifname", cli_jname(r->iif));
	if (r->oif[0])
		json_object_object_add(o, "oifname", cli_jname(r->oif));
	json_object_object_add(o, "derived", json_object_new_boolean(r->flags & BRT_RULE_F_DERIVED));
	return o;
}

int show_json(FILE *f, const brt_table *t, bool all, bool pretty)
{
	json_object *o = json_object_new_object(), *a;
	size_t i;
	int rc;

	json_object_object_add(o, "policy", jstr(brt_table_policy(t) == BRT_POLICY_WINDOWS
						 ? "windows" : "linux"));
	a = json_object_new_array();
	for (i = 0; i < brt_table_link_count(t); i++)
		if (all || !(brt_table_link(t, i)->flags & BRT_LINK_F_DERIVED))
			json_object_array_add(a, jlink(brt_table_link(t, i)));
	json_object_object_add(o, "links", a);
	a = json_object_new_array();
	for (i = 0; i < brt_table_address_count(t); i++)
		if (all || !(brt_table_address(t, i)->flags & BRT_ADDR_F_DERIVED))
			json_object_array_add(a, jaddress(t, brt_table_address(t, i)));
	json_object_object_add(o, "addresses", a);
	a = json_object_new_array();
	for (i = 0; i < brt_table_route_count(t); i++)
		if (all || !(brt_table_route(t, i)->flags & BRT_ROUTE_F_DERIVED))
			json_object_array_add(a, jroute(t, brt_table_route(t, i)));
	json_object_object_add(o, "routes", a);
	a = json_object_new_array();
	for (i = 0; i < brt_table_rule_count(t); i++)
		if (all || !(brt_table_rule(t, i)->flags & BRT_RULE_F_DERIVED))
			json_object_array_add(a, jrule(brt_table_rule(t, i)));
	json_object_object_add(o, "rules", a);
	rc = cli_json_print(f, o, pretty);
	json_object_put(o);
	return rc;
}
