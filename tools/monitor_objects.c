/*
 * monitor_objects.c - changes of addresses, links, rules and nexthop
 * objects for `bestroute monitor`, as `ip monitor` prints them (one line,
 * "Deleted " before a removal), or as JSON events with "event", "object"
 * and the fields `ip -j` names (monitor_route.c does routes).
 */
#include <string.h>

#include "cli.h"

static json_object *jaddr(const struct brt_addr *a)
{
	char buf[BRT_ADDRSTRLEN];

	return a->family && brt_addr_format(a, buf, sizeof(buf)) >= 0
		       ? json_object_new_string(buf) : NULL;
}

static void add(json_object *o, const char *key, json_object *v)
{
	if (v)
		json_object_object_add(o, key, v);
}

static json_object *head(const char *event, const char *object)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "event", json_object_new_string(event));
	json_object_object_add(o, "object", json_object_new_string(object));
	return o;
}

static const char *fam(unsigned f)
{
	return f == BRT_AF_INET ? "inet" : f == BRT_AF_INET6 ? "inet6" : "unspec";
}

json_object *monitor_address_json(const brt_table *t, const char *event,
				  const struct brt_address *a)
{
	json_object *o = head(event, "address");
	char nb[24], sb[12];

	json_object_object_add(o, "family", json_object_new_string(fam(a->addr.family)));
	json_object_object_add(o, "ifindex", json_object_new_int64(a->ifindex));
	json_object_object_add(o, "dev", json_object_new_string(link_name(t, a->ifindex, nb)));
	add(o, "local", jaddr(&a->addr));
	json_object_object_add(o, "prefixlen", json_object_new_int(a->plen));
	add(o, "address", jaddr(&a->peer));
	add(o, "broadcast", jaddr(&a->broadcast));
	json_object_object_add(o, "scope", json_object_new_string(cli_scope_name(a->scope, sb)));
	if (a->label[0])
		json_object_object_add(o, "label", cli_jname(a->label));
	return o;
}

json_object *monitor_link_json(const char *event, const struct brt_link *l)
{
	json_object *o = head(event, "link"), *f = json_object_new_array();

	json_object_object_add(o, "ifindex", json_object_new_int64(l->index));
	json_object_object_add(o, "ifname", cli_jname(l->name));
	if (l->flags & BRT_LINK_F_UP)
		json_object_array_add(f, json_object_new_string("UP"));
	if (l->flags & BRT_LINK_F_CARRIER)
		json_object_array_add(f, json_object_new_string("LOWER_UP"));
	json_object_object_add(o, "flags", f);
	json_object_object_add(o, "mtu", json_object_new_int64(l->mtu));
	return o;
}

static json_object *jprefix(const struct brt_prefix *p)
{
	char buf[BRT_PREFIXSTRLEN];

	if (!p->len)
		return json_object_new_string("all");
	brt_prefix_format(p, buf, sizeof(buf));
	return json_object_new_string(buf);
}

json_object *monitor_rule_json(const char *event, const struct brt_rule *r)
{
	json_object *o = head(event, "rule");
	char tb[16];

	json_object_object_add(o, "family", json_object_new_string(fam(r->family)));
	json_object_object_add(o, "priority", json_object_new_int64(r->priority));
	json_object_object_add(o, "src", jprefix(&r->src));
	json_object_object_add(o, "dst", jprefix(&r->dst));
	if (r->flags & BRT_RULE_F_FWMARK)
		json_object_object_add(o, "fwmark", json_object_new_int64(r->fwmark));
	if (r->iif[0])
		json_object_object_add(o, "iif", cli_jname(r->iif));
	if (r->oif[0])
		json_object_object_add(o, "oif", cli_jname(r->oif));
	brt_table_id_format(r->table, tb, sizeof(tb));
	json_object_object_add(o, "table", json_object_new_string(tb));
	return o;
}

json_object *monitor_nexthop_json(const brt_table *t, const char *event,
				  const struct brt_nhobj *n)
{
	json_object *o = head(event, "nexthop"), *g;
	char nb[24];
	uint32_t i;

	json_object_object_add(o, "id", json_object_new_int64(n->id));
	add(o, "gateway", jaddr(&n->gw));
	if (n->ifindex)
		json_object_object_add(o, "dev", json_object_new_string(
			link_name(t, n->ifindex, nb)));
	if (n->flags & BRT_NHOBJ_F_BLACKHOLE)
		json_object_object_add(o, "blackhole", json_object_new_boolean(1));
	if (n->group_count) {
		g = json_object_new_array();
		for (i = 0; i < n->group_count; i++) {
			json_object *m = json_object_new_object();

			json_object_object_add(m, "id", json_object_new_int64(n->group[i].id));
			json_object_object_add(m, "weight", json_object_new_int64(n->group[i].weight));
			json_object_array_add(g, m);
		}
		json_object_object_add(o, "group", g);
	}
	return o;
}

static void rule_text(FILE *f, const struct brt_rule *r, char tb[16])
{
	char pb[BRT_PREFIXSTRLEN];

	fprintf(f, "%u:\t%sfrom ", r->priority, r->flags & BRT_RULE_F_INVERT ? "not " : "");
	if (r->src.len && brt_prefix_format(&r->src, pb, sizeof(pb)) >= 0)
		fputs(pb, f);
	else
		fputs("all", f);
	if (r->dst.len && brt_prefix_format(&r->dst, pb, sizeof(pb)) >= 0)
		fprintf(f, " to %s", pb);
	if (r->flags & BRT_RULE_F_FWMARK)
		fprintf(f, " fwmark 0x%x", r->fwmark);
	brt_table_id_format(r->table, tb, 16);
	fprintf(f, " lookup %s\n", tb);
}

/* ip monitor's text: the same fields, as ip's own lines show them. */
void monitor_object_text(FILE *f, const brt_table *t, const char *event,
			 const struct brt_live_change *c)
{
	char nb[24], ab[BRT_ADDRSTRLEN], sb[12], tb[16];

	if (!strcmp(event, "del"))
		fputs("Deleted ", f);
	if (c->address) {
		brt_addr_format(&c->address->addr, ab, sizeof(ab));
		fprintf(f, "%u: %s    %s %s/%u scope %s\n", c->address->ifindex,
			link_name(t, c->address->ifindex, nb), fam(c->address->addr.family),
			ab, c->address->plen, cli_scope_name(c->address->scope, sb));
	} else if (c->link) {
		fprintf(f, "%u: %s: <%s%s> mtu %u\n", c->link->index,
			cli_name_escape(c->link->name, (char[CLI_NAME_ESCAPED]){0}, CLI_NAME_ESCAPED),
			c->link->flags & BRT_LINK_F_UP ? "UP" : "",
			c->link->flags & BRT_LINK_F_CARRIER ? ",LOWER_UP" : "", c->link->mtu);
	} else if (c->rule) {
		rule_text(f, c->rule, tb);
	} else if (c->nexthop) {
		fprintf(f, "id %u", c->nexthop->id);
		if (c->nexthop->gw.family && brt_addr_format(&c->nexthop->gw, ab, sizeof(ab)) >= 0)
			fprintf(f, " via %s", ab);
		if (c->nexthop->ifindex)
			fprintf(f, " dev %s", link_name(t, c->nexthop->ifindex, nb));
		fputc('\n', f);
	}
}
