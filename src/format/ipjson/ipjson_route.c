/*
 * ipjson_route.c - records of `ip -j route show [table all]`.
 *
 * Invariants: a route's family is that of its dst, gateway, prefsrc or
 * "from" (which must agree); "pref" only exists on IPv6 routes; a "via"
 * gateway may be of the other family (RFC 5549) and says nothing. A route
 * that shows none of these (a default route without gateway) takes the
 * family marked on the file, else it is an error asking for the mark.
 * Absent keys mean ip's defaults: unicast, table main, proto boot, scope
 * universe. A single path is one next hop carrying the route's flags, as
 * the builder's own derived routes do; "nexthops" lists a multipath route.
 * A route using a nexthop object ("nhid") keeps only the id, and an error
 * route (blackhole...) no path, as the text reader does for the same line.
 */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "ipjson/ipjson_impl.h"

static const char *const route_types[] = {
	[BRT_RT_UNICAST] = "unicast", [BRT_RT_LOCAL] = "local",
	[BRT_RT_BROADCAST] = "broadcast", [BRT_RT_ANYCAST] = "anycast",
	[BRT_RT_MULTICAST] = "multicast", [BRT_RT_BLACKHOLE] = "blackhole",
	[BRT_RT_UNREACHABLE] = "unreachable", [BRT_RT_PROHIBIT] = "prohibit",
	[BRT_RT_THROW] = "throw",
};

static const struct ipj_flagname nh_flags[] = {
	{"dead", BRT_NH_F_DEAD}, {"onlink", BRT_NH_F_ONLINK},
	{"linkdown", BRT_NH_F_LINKDOWN}, {NULL, 0},
};

struct ipj_route {
	struct brt_route r;
	struct brt_nexthop *nh;
	uint32_t n;
	int family;
};

static int route_type(struct ipj_ctx *c, json_object *o, uint8_t *type)
{
	const char *s;
	uint8_t t;
	int rc = fmt_ipj_str(c, o, "type", &s);

	*type = BRT_RT_UNICAST;
	if (rc <= 0)
		return rc;
	for (t = BRT_RT_UNICAST; t <= BRT_RT_THROW; t++)
		if (!strcmp(route_types[t], s)) {
			*type = t;
			return 0;
		}
	return fmt_ipj_fail(c, "\"type\": unknown route type \"%.40s\"", s);
}

/* "gateway" (same family as the route) or "via" {family, host}. */
static int nh_gateway(struct ipj_ctx *c, json_object *o, int *family,
		      struct brt_addr *gw)
{
	json_object *via = fmt_ipj_get(o, "via");
	int any = 0, rc;

	rc = fmt_ipj_addr(c, o, "gateway", family, gw);
	if (rc || !via)
		return rc < 0 ? rc : 0;
	if (!json_object_is_type(via, json_type_object))
		return fmt_ipj_fail(c, "\"via\" is not an object");
	rc = fmt_ipj_addr(c, via, "host", &any, gw);
	if (rc == 0)
		return fmt_ipj_fail(c, "\"via\" has no \"host\"");
	return rc < 0 ? rc : 0;
}

/* One next hop: a multipath entry, or the route object itself. */
static int read_nexthop(struct ipj_ctx *c, json_object *o, int *family,
			bool entry, struct brt_nexthop *nh)
{
	char dev[BRT_IFNAMSIZ];
	uint32_t w = 1;
	int rc;

	brt_nexthop_init(nh);
	if (!json_object_is_type(o, json_type_object))
		return fmt_ipj_fail(c, "a \"nexthops\" entry is not an object");
	if ((rc = nh_gateway(c, o, family, &nh->gw)) < 0 ||
	    (rc = fmt_ipj_ifname(c, o, "dev", dev)) < 0 ||
	    (rc = fmt_ipj_flag_list(c, o, "flags", nh_flags, &nh->flags)) < 0)
		return rc;
	if (entry && (rc = fmt_ipj_uint(c, o, "weight", 256, &w)) < 0)
		return rc;
	if (w == 0)
		return fmt_ipj_fail(c, "\"weight\": 0 is not in 1..256");
	nh->weight = w;
	nh->ifindex = dev[0] ? fmt_ipj_ifref(c, dev) : 0;
	return 0;
}

static int read_paths(struct ipj_ctx *c, json_object *o, struct ipj_route *x)
{
	json_object *list = fmt_ipj_get(o, "nexthops");
	size_t i, n;
	int rc;

	if (!list) {
		x->nh = calloc(1, sizeof(*x->nh));
		if (!x->nh)
			return BRT_ENOMEM;
		rc = read_nexthop(c, o, &x->family, false, x->nh);
		x->r.flags |= x->nh->flags;
		/* a route without gateway or device (blackhole) has no path */
		x->n = x->nh->gw.family || x->nh->ifindex ? 1 : 0;
		return rc;
	}
	if (!json_object_is_type(list, json_type_array))
		return fmt_ipj_fail(c, "\"nexthops\" is not an array");
	n = json_object_array_length(list);
	if (n > BRT_MAX_NEXTHOPS) {	/* a limit, as the builder says */
		fmt_ipj_fail(c, "%zu next hops (at most %u)", n, BRT_MAX_NEXTHOPS);
		return BRT_ELIMIT;
	}
	x->nh = calloc(n ? n : 1, sizeof(*x->nh));
	if (!x->nh)
		return BRT_ENOMEM;
	for (i = 0; i < n; i++) {
		rc = read_nexthop(c, json_object_array_get_idx(list, i),
				  &x->family, true, &x->nh[i]);
		if (rc)
			return rc;
	}
	x->n = (uint32_t)n;
	return fmt_ipj_flag_list(c, o, "flags", nh_flags, &x->r.flags) < 0 ?
	       BRT_EPARSE : 0;
}

/* "metrics": [{"mtu": N}, ...]; other metrics do not change answers. */
static int read_metrics(struct ipj_ctx *c, json_object *o, uint32_t *mtu)
{
	json_object *list = fmt_ipj_get(o, "metrics");
	size_t i, n;
	int rc;

	if (!list)
		return 0;
	if (!json_object_is_type(list, json_type_array))
		return fmt_ipj_fail(c, "\"metrics\" is not an array");
	n = json_object_array_length(list);
	for (i = 0; i < n; i++) {
		json_object *m = json_object_array_get_idx(list, i);

		if (!json_object_is_type(m, json_type_object))
			return fmt_ipj_fail(c, "a \"metrics\" entry is not an object");
		rc = fmt_ipj_uint(c, m, "mtu", 0xffffffffu, mtu);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int read_pref(struct ipj_ctx *c, json_object *o, int *family,
		     uint8_t *pref)
{
	const char *s;
	int rc = fmt_ipj_str(c, o, "pref", &s);

	if (rc <= 0)
		return rc;
	if (*family == BRT_AF_INET)
		return fmt_ipj_fail(c, "\"pref\" on an IPv4 route");
	*family = BRT_AF_INET6;
	if (!strcmp(s, "medium"))
		*pref = BRT_PREF_MEDIUM;
	else if (!strcmp(s, "high"))
		*pref = BRT_PREF_HIGH;
	else if (!strcmp(s, "low"))
		*pref = BRT_PREF_LOW;
	else
		return fmt_ipj_fail(c, "\"pref\": \"%.30s\" is not low, medium or "
				"high", s);
	return 0;
}

/* The keys that are plain values of the route. */
static int route_values(struct ipj_ctx *c, json_object *o, struct ipj_route *x)
{
	struct brt_route *r = &x->r;
	uint8_t tos = 0;
	int rc;

	if ((rc = fmt_ipj_table(c, o, "table", &r->table)) < 0 ||
	    (rc = fmt_ipj_protocol(c, o, "protocol", &r->protocol)) < 0 ||
	    (rc = fmt_ipj_scope(c, o, "scope", &r->scope)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "nhid", 0xffffffffu, &r->nh_id)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "expires", 0xffffffffu, &r->expires)) < 0 ||
	    (rc = fmt_ipj_dsfield(c, o, "tos", &tos)) < 0 ||
	    (rc = fmt_ipj_dsfield(c, o, "dsfield", &tos)) < 0 ||
	    (rc = read_metrics(c, o, &r->mtu)) < 0 ||
	    (rc = read_pref(c, o, &x->family, &r->pref)) < 0)
		return rc;
	r->tos = tos;
	rc = fmt_ipj_uint(c, o, "metric", 0xffffffffu, &r->metric);
	if (rc > 0)
		r->flags |= BRT_ROUTE_F_HAS_METRIC;
	return rc < 0 ? rc : 0;
}

static int read_route(struct ipj_ctx *c, json_object *o, struct ipj_route *x)
{
	struct brt_route *r = &x->r;
	int rc;

	brt_route_init(r);
	if ((rc = route_type(c, o, &r->type)) < 0 ||
	    (rc = fmt_ipj_prefix(c, o, "dst", &x->family, &r->dst)) < 0)
		return rc;
	if (rc == 0)
		return fmt_ipj_fail(c, "a route needs \"dst\"");
	if ((rc = fmt_ipj_prefix(c, o, "from", &x->family, &r->src)) < 0 ||
	    (rc = fmt_ipj_addr(c, o, "prefsrc", &x->family, &r->prefsrc)) < 0 ||
	    (rc = read_paths(c, o, x)) < 0 ||
	    (rc = route_values(c, o, x)) < 0)
		return rc;
	/* ip prints the paths of a nexthop object; the object is the truth.
	 * The kernel hangs IPv6 error routes on "lo"; they have no path. */
	if (r->nh_id || (r->type >= BRT_RT_BLACKHOLE && r->type <= BRT_RT_THROW))
		x->n = 0;
	if (!x->family)
		x->family = c->family;
	if (!x->family)
		return fmt_ipj_fail(c, "the route to %s does not show its address "
				"family; mark the file inet:%s or inet6:%s",
				json_object_get_string(fmt_ipj_get(o, "dst")),
				c->name, c->name);
	r->family = (uint8_t)x->family;
	fmt_ipj_prefix_settle(&r->dst, x->family);
	return 0;
}

int fmt_ipj_route_record(struct ipj_ctx *c, json_object *o)
{
	struct ipj_route x;
	int rc;

	memset(&x, 0, sizeof(x));
	rc = read_route(c, o, &x);
	if (!rc && !c->dry) {
		x.r.nh = x.nh;
		x.r.nh_count = x.n;
		rc = brt_builder_add_route(c->b, &x.r);
		if (rc)
			rc = fmt_ipj_builder_fail(c, rc);
	}
	free(x.nh);
	return rc;
}
