/*
 * builder_read.c - reading a builder's entries from the layers above
 * (builder_read.h).
 */
#include "builder/builder_impl.h"
#include "builder/builder_read.h"

size_t core_bld_route_count(const brt_builder *b)
{
	return b->routes.n;
}

void core_bld_route_get(const brt_builder *b, size_t i, struct brt_route *r)
{
	*r = b->routes.data[i].r;
	r->nh = r->nh_count ? b->nh.data + b->routes.data[i].nh_off : NULL;
}

int core_bld_route_reserve(brt_builder *b, size_t n)
{
	return VEC_RESERVE(b->routes, n) ? BRT_ENOMEM : 0;
}

const struct brt_link *core_bld_link_get(brt_builder *b, uint32_t idx)
{
	const struct bld_link *l = core_bld_link_by_index(b, idx);

	return l ? &l->l : NULL;
}

int core_bld_set_link_metric(brt_builder *b, uint32_t idx, uint32_t metric)
{
	struct bld_link *l;

	if (!b)
		return BRT_EINVAL;
	l = core_bld_link_by_index(b, idx);
	if (!l)
		return BRT_ENOENT;
	l->l.metric = metric;
	return 0;
}

void core_bld_set_editable(brt_builder *b)
{
	b->editable = true;
}

size_t core_bld_rule_count(const brt_builder *b)
{
	return b->rules.n;
}

const struct brt_rule *core_bld_rule_get(const brt_builder *b, size_t i)
{
	return &b->rules.data[i].r;
}

int core_bld_copy_all_but_routes(const brt_builder *s, brt_builder *b)
{
	size_t i;
	int e = 0;

	for (i = 0; !e && i < s->links.n; i++)
		e = brt_builder_add_link(b, &s->links.data[i].l);
	for (i = 0; !e && i < s->addrs.n; i++)
		e = brt_builder_add_address(b, &s->addrs.data[i].a);
	for (i = 0; !e && i < s->rules.n; i++)
		e = brt_builder_add_rule(b, &s->rules.data[i].r);
	for (i = 0; !e && i < s->nhobjs.n; i++) {
		struct brt_nhobj n = s->nhobjs.data[i].n;

		n.group = n.group_count ? s->grp.data + s->nhobjs.data[i].grp_off
					: NULL;
		e = brt_builder_add_nhobj(b, &n);
	}
	for (i = 0; !e && i < s->labels.n; i++)
		e = brt_builder_add_addrlabel(b, &s->labels.data[i]);
	for (i = 0; !e && i < s->sysctls.n; i++)
		e = brt_builder_set_sysctl(b, s->sysctls.data[i].key,
					   s->sysctls.data[i].value);
	return e;
}
