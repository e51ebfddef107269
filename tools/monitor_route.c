/*
 * monitor_route.c - one route change of `bestroute monitor` as `ip monitor`
 * prints it: the route's words ("Deleted " before a removed one), or with
 * --json one object of the fields `ip -j route` names (dst, gateway, dev,
 * table, metric, protocol, scope, type, prefsrc, nexthops, ...) plus
 * "event" (add, change, del) and "object" ("route").
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static json_object *jaddr(const struct brt_addr *a)
{
	char buf[BRT_ADDRSTRLEN];

	return a->family && brt_addr_format(a, buf, sizeof(buf)) >= 0
		       ? json_object_new_string(buf) : NULL;
}

static json_object *jdst(const struct brt_route *r)
{
	char buf[BRT_PREFIXSTRLEN];

	if (!r->dst.len)
		return json_object_new_string("default");
	/* as ip -j: a host route is its address alone */
	if (r->dst.len == (r->family == BRT_AF_INET ? 32 : 128))
		return jaddr(&r->dst.addr);
	brt_prefix_format(&r->dst, buf, sizeof(buf));
	return json_object_new_string(buf);
}

static void add_nexthop(json_object *o, const brt_table *t, const struct brt_nexthop *nh)
{
	char nb[24];

	if (nh->gw.family)
		json_object_object_add(o, "gateway", jaddr(&nh->gw));
	if (nh->ifindex)
		json_object_object_add(o, "dev", json_object_new_string(
			link_name(t, nh->ifindex, nb)));
}

static json_object *jnexthops(const brt_table *t, const struct brt_route *r)
{
	json_object *a = json_object_new_array();
	uint32_t i;

	for (i = 0; i < r->nh_count; i++) {
		json_object *h = json_object_new_object();

		add_nexthop(h, t, &r->nh[i]);
		json_object_object_add(h, "weight", json_object_new_int64(r->nh[i].weight));
		json_object_array_add(a, h);
	}
	return a;
}

json_object *monitor_route_json(const brt_table *t, const char *event,
				const struct brt_route *r)
{
	json_object *o = json_object_new_object();
	char buf[16];

	json_object_object_add(o, "event", json_object_new_string(event));
	json_object_object_add(o, "object", json_object_new_string("route"));
	json_object_object_add(o, "family", json_object_new_string(
		r->family == BRT_AF_INET ? "inet" : "inet6"));
	json_object_object_add(o, "type", json_object_new_string(cli_type_name(r->type)));
	json_object_object_add(o, "dst", jdst(r));
	if (r->nh_count == 1)
		add_nexthop(o, t, &r->nh[0]);
	brt_table_id_format(r->table, buf, sizeof(buf));
	json_object_object_add(o, "table", json_object_new_string(buf));
	json_object_object_add(o, "metric", json_object_new_int64(r->metric));
	json_object_object_add(o, "protocol", json_object_new_string(
		cli_proto_name(r->protocol, buf)));
	json_object_object_add(o, "scope", json_object_new_string(
		cli_scope_name(r->scope, buf)));
	if (r->prefsrc.family)
		json_object_object_add(o, "prefsrc", jaddr(&r->prefsrc));
	if (r->nh_id)
		json_object_object_add(o, "nhid", json_object_new_int64(r->nh_id));
	if (r->nh_count > 1)
		json_object_object_add(o, "nexthops", jnexthops(t, r));
	return o;
}

int monitor_route_text(FILE *f, const brt_table *t, const char *event,
		       const struct brt_route *r)
{
	char *text = NULL;
	const char *words;

	if (brt_route_write_text(t, r, &text))
		return -1;
	words = strncmp(text, "route ", 6) ? text : text + 6;
	fputs(strcmp(event, "del") ? "" : "Deleted ", f);
	cli_fputs_escaped(words, f);	/* link names are the kernel's bytes */
	if (!*words || words[strlen(words) - 1] != '\n')
		fputc('\n', f);
	free(text);
	return 0;
}
