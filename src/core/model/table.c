/*
 * table.c - reading an immutable table: accessors and look-ups by key.
 *
 * Nothing here modifies a table after core_table_compile(): every function
 * is safe to call from any number of threads at once.
 */
#include <stdlib.h>
#include <string.h>

#include "builder/fib_build.h"
#include "builder/table_build.h"
#include "fib/table_edit.h"
#include "policy/compiled.h"

void brt_table_destroy(brt_table *t)
{
	size_t i;

	if (!t)
		return;
	core_table_edit_free(t);
	core_compiled_free(t);
	for (i = 0; i < t->n_fibs; i++)
		core_fib_free(&t->fibs[i]);
	for (i = 0; i < t->n_sysctls; i++) {
		free(t->sysctls[i].key);
		free(t->sysctls[i].value);
	}
	free(t->fibs);
	free(t->sysctls);
	free(t->labels);
	free(t->nhobjs);
	free(t->grp_pool);
	free(t->rules);
	free(t->nh_pool);
	free(t->routes);
	free(t->addrs);
	free(t->linkconf);
	free(t->links);
	free(t->res_nh_pool);
	free(t->res_nh_off);
	free(t->res_nh_cnt);
	free(t->res_nh_blackhole);
	free(t);
}

enum brt_policy brt_table_policy(const brt_table *t)
{
	return t ? t->policy : BRT_POLICY_LINUX;
}

#define ACCESSORS(kind, type, arr, cnt)                                       \
	size_t brt_table_##kind##_count(const brt_table *t)                   \
	{                                                                     \
		return t ? t->cnt : 0;                                        \
	}                                                                     \
	const type *brt_table_##kind(const brt_table *t, size_t i)            \
	{                                                                     \
		return t && i < t->cnt ? &t->arr[i] : NULL;                   \
	}

ACCESSORS(link, struct brt_link, links, n_links)
ACCESSORS(address, struct brt_address, addrs, n_addrs)
ACCESSORS(rule, struct brt_rule, rules, n_rules)
ACCESSORS(nhobj, struct brt_nhobj, nhobjs, n_nhobjs)
ACCESSORS(addrlabel, struct brt_addrlabel, labels, n_labels)

size_t brt_table_sysctl_count(const brt_table *t)
{
	return t ? t->n_sysctls : 0;
}

int brt_table_sysctl(const brt_table *t, size_t i, const char **key,
		     const char **value)
{
	if (!t || i >= t->n_sysctls || !key || !value)
		return BRT_EINVAL;
	*key = t->sysctls[i].key;
	*value = t->sysctls[i].value;
	return 0;
}

ptrdiff_t core_table_link_pos(const brt_table *t, uint32_t index)
{
	size_t lo = 0, hi = t->n_links;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->links[mid].index == index)
			return (ptrdiff_t)mid;
		if (t->links[mid].index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const struct brt_link *brt_table_link_by_index(const brt_table *t,
					       uint32_t index)
{
	ptrdiff_t p;

	if (!t)
		return NULL;
	p = core_table_link_pos(t, index);
	return p < 0 ? NULL : &t->links[p];
}

const struct brt_link *brt_table_link_by_name(const brt_table *t,
					      const char *name)
{
	size_t i;

	if (!t || !name)
		return NULL;
	for (i = 0; i < t->n_links; i++)
		if (!strncmp(t->links[i].name, name, BRT_IFNAMSIZ))
			return &t->links[i];
	return NULL;
}

const struct brt_linkconf *core_table_linkconf(const brt_table *t,
					      uint32_t index)
{
	static const struct brt_linkconf none;
	ptrdiff_t p = core_table_link_pos(t, index);

	return p < 0 ? &none : &t->linkconf[p];
}

size_t core_table_fib_pos(const brt_table *t, uint8_t family, uint32_t id)
{
	size_t lo = 0, hi = t->n_fibs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct brt_fib *f = &t->fibs[mid];

		if (f->family < family || (f->family == family && f->id < id))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct brt_fib *core_table_fib(const brt_table *t, uint8_t family,
				    uint32_t id)
{
	size_t i = core_table_fib_pos(t, family, id);
	const struct brt_fib *f;

	if (i == t->n_fibs)
		return NULL;
	f = &t->fibs[i];
	if (f->family != family || f->id != id)
		return NULL;
	return f->n_live ? f : NULL;	/* edited to empty */
}

const struct brt_rule *core_table_rules(const brt_table *t, uint8_t family,
				       size_t *n)
{
	if (family == BRT_AF_INET) {
		*n = t->n_rules4;
		return t->rules;
	}
	*n = t->n_rules - t->n_rules4;
	return t->rules + t->n_rules4;
}

const struct brt_nhobj *core_table_nhobj_by_id(const brt_table *t, uint32_t id)
{
	size_t lo = 0, hi = t->n_nhobjs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->nhobjs[mid].id == id)
			return &t->nhobjs[mid];
		if (t->nhobjs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct brt_nexthop *core_route_nexthops(const brt_table *t,
					     const struct brt_route *r,
					     uint32_t *count, bool *blackhole)
{
	size_t pos = core_route_pos(t, r);

	*blackhole = false;
	if (r->nh_id && !core_route_compiled(t, r))
		return core_table_edit_nexthops(r, count, blackhole);
	if (!r->nh_id || !t->res_nh_off || t->res_nh_off[pos] == UINT32_MAX) {
		*count = r->nh_count;
		return r->nh;
	}
	*count = t->res_nh_cnt[pos];
	*blackhole = t->res_nh_blackhole[pos];
	return t->res_nh_pool + t->res_nh_off[pos];
}

int brt_table_addr_parse(const brt_table *t, const char *text,
			 struct brt_addr *out)
{
	const struct brt_link *l;
	const char *pct;
	int err;

	if (!t || !text || !out)
		return BRT_EINVAL;
	err = brt_addr_parse(text, out);
	if (err != BRT_ENOENT)
		return err;
	pct = strchr(text, '%');
	l = brt_table_link_by_name(t, pct + 1);
	if (!l)
		return BRT_ENOENT;
	out->zone = l->index;
	return 0;
}

/* Both policies' RFC 6724 rule 6 (Linux's ipv6_addr_label, Windows' prefix
 * policy table) read the same list, longest prefix first. */
uint32_t core_table_addr_label(const brt_table *t, const struct brt_addr *a,
			       uint32_t ifindex)
{
	size_t i;

	for (i = 0; i < t->n_labels; i++) {
		const struct brt_addrlabel *l = &t->labels[i];

		if ((!l->ifindex || l->ifindex == ifindex) &&
		    brt_prefix_contains(&l->prefix, a))
			return l->label;
	}
	return CORE_ADDR_LABEL_NONE;
}
