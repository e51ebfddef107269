/*
 * resolve.c - values the table computes once at build time: per-link
 * sysctl settings and the next hops of routes that use nexthop objects.
 *
 * Sysctl precedence follows the kernel: a per-link value wins; otherwise
 * "all" (which the kernel propagates to every link when written), then
 * "default" (what links created later inherit). ignore_routes_with_linkdown
 * is the OR of "all" and the link's value, as IN_DEV_ORCONF reads it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder/table_build.h"

static int sysctl_int(const struct brt_builder *b, const char *fam,
		      const char *dev, const char *name, int dflt)
{
	char key[128];
	const char *v;

	snprintf(key, sizeof(key), "net.%s.conf.%s.%s", fam, dev, name);
	v = core_bld_sysctl(b, key);
	return v ? atoi(v) : dflt;
}

/* link value, else all, else default, else @dflt */
static int conf_value(const struct brt_builder *b, const char *fam,
		      const char *dev, const char *name, int dflt)
{
	int all = sysctl_int(b, fam, "all", name, -1);
	int def = sysctl_int(b, fam, "default", name, -1);
	int v = sysctl_int(b, fam, dev, name, -1);

	if (v >= 0)
		return v;
	if (all >= 0)
		return all;
	return def >= 0 ? def : dflt;
}

static int conf_or(const struct brt_builder *b, const char *fam,
		   const char *dev, const char *name)
{
	int all = sysctl_int(b, fam, "all", name, 0);
	int v = sysctl_int(b, fam, dev, name, -1);

	if (v < 0)
		v = sysctl_int(b, fam, "default", name, 0);
	return all > 0 || v > 0;
}

int core_table_resolve_conf(brt_table *t, const struct brt_builder *b)
{
	const char *hp = core_bld_sysctl(b, "net.ipv4.fib_multipath_hash_policy");
	size_t i;

	const char *mip6 = core_bld_sysctl(b, "kernel.config.ipv6_mip6");

	t->multipath_hash_policy = hp ? atoi(hp) : 0;
	t->ipv6_mip6 = mip6 && !strcmp(mip6, "y");
	for (i = 0; i < t->n_links; i++) {
		const char *dev = t->links[i].name;
		struct brt_linkconf *c = &t->linkconf[i];

		c->ignore_linkdown4 =
			(int8_t)conf_or(b, "ipv4", dev, "ignore_routes_with_linkdown");
		c->ignore_linkdown6 =
			(int8_t)conf_or(b, "ipv6", dev, "ignore_routes_with_linkdown");
		c->use_tempaddr = (int8_t)conf_value(b, "ipv6", dev, "use_tempaddr", 0);
		c->disable_ipv6 = (int8_t)(conf_value(b, "ipv6", dev, "disable_ipv6", 0) > 0 ||
					   (t->links[i].flags & BRT_LINK_F_NO_IPV6));
		c->forwarding6 = (int8_t)conf_value(b, "ipv6", dev, "forwarding", 0);
	}
	return 0;
}

/* Next hops of one nexthop object (single or group) appended to @out. */
static int expand_nhobj(const brt_table *t, const struct brt_nhobj *o,
			struct brt_nexthop *out, uint32_t *n, bool *bh)
{
	uint32_t i;

	if (o->flags & BRT_NHOBJ_F_BLACKHOLE) {
		*bh = true;
		return 0;
	}
	if (!o->group_count) {
		brt_nexthop_init(&out[*n]);
		out[*n].gw = o->gw;
		out[*n].ifindex = o->ifindex;
		out[*n].flags = (o->flags & BRT_NHOBJ_F_ONLINK ? BRT_NH_F_ONLINK : 0) |
				(o->flags & BRT_NHOBJ_F_DEAD ? BRT_NH_F_DEAD : 0) |
				(o->flags & BRT_NHOBJ_F_LINKDOWN ? BRT_NH_F_LINKDOWN : 0);
		(*n)++;
		return 0;
	}
	for (i = 0; i < o->group_count; i++) {
		const struct brt_nhobj *m = core_table_nhobj_by_id(t, o->group[i].id);

		if (!m || m->group_count)
			return BRT_ENOENT;
		expand_nhobj(t, m, out, n, bh);
		if (*n)
			out[*n - 1].weight = o->group[i].weight ? o->group[i].weight : 1;
	}
	return 0;
}

size_t core_table_nhobj_size(const brt_table *t, uint32_t id)
{
	const struct brt_nhobj *o = core_table_nhobj_by_id(t, id);

	if (!o)
		return 0;
	return o->group_count ? o->group_count : 1;
}

int core_table_nhobj_expand(const brt_table *t, uint32_t id,
			   struct brt_nexthop *out, uint32_t *n, bool *bh)
{
	*n = 0;
	*bh = false;
	return expand_nhobj(t, core_table_nhobj_by_id(t, id), out, n, bh);
}

static int fail_nh(struct brt_builder *b, const struct brt_route *r,
		   uint32_t id)
{
	char p[BRT_PREFIXSTRLEN];

	brt_prefix_format(&r->dst, p, sizeof(p));
	return core_bld_fail(b, BRT_ENOENT,
			    "route %s refers to unknown or invalid nexthop id %u",
			    p, id);
}

int core_table_resolve_nhobjs(brt_table *t, struct brt_builder *b)
{
	size_t i, total = 0;
	uint32_t used = 0;

	for (i = 0; i < t->n_routes; i++)
		if (t->routes[i].nh_id) {
			size_t s = core_table_nhobj_size(t, t->routes[i].nh_id);

			if (!s)
				return fail_nh(b, &t->routes[i], t->routes[i].nh_id);
			total += s;
		}
	if (!total)
		return 0;
	t->res_nh_pool = calloc(total, sizeof(*t->res_nh_pool));
	t->res_nh_off = malloc(t->n_routes * sizeof(*t->res_nh_off));
	t->res_nh_cnt = calloc(t->n_routes, sizeof(*t->res_nh_cnt));
	t->res_nh_blackhole = calloc(t->n_routes, 1);
	if (!t->res_nh_pool || !t->res_nh_off || !t->res_nh_cnt ||
	    !t->res_nh_blackhole)
		return BRT_ENOMEM;
	for (i = 0; i < t->n_routes; i++) {
		const struct brt_route *r = &t->routes[i];
		uint32_t n = 0;
		bool bh = false;

		t->res_nh_off[i] = UINT32_MAX;
		if (!r->nh_id)
			continue;
		if (expand_nhobj(t, core_table_nhobj_by_id(t, r->nh_id),
				 t->res_nh_pool + used, &n, &bh))
			return fail_nh(b, r, r->nh_id);
		t->res_nh_off[i] = used;
		t->res_nh_cnt[i] = n;
		t->res_nh_blackhole[i] = bh;
		used += n;
	}
	return 0;
}
