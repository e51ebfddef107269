/*
 * builder.c - collecting a table's entries.
 *
 * Invariants: every entry in the builder passed its add-time checks
 * (families, prefix lengths, host bits, indexes); links are unique by name
 * and by index; provisional link indexes (>= BRT_IFREF_BASE) name an entry
 * of b->ifrefs and are resolved by brt_builder_finish(). Checks happen
 * here, at the API entry, so that finishing and lookups need not repeat
 * them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder/builder_impl.h"
#include "policy/policy.h"

int core_bld_fail(struct brt_builder *b, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b->err, sizeof(b->err), fmt, ap);
	va_end(ap);
	return code;
}

void core_bld_origin_str(const struct brt_builder *b,
			const struct brt_origin *o, char *buf, size_t len)
{
	const char *name = o->name < b->origin_names.n
				   ? b->origin_names.data[o->name]
				   : "(api)";

	if (o->line)
		snprintf(buf, len, "%s:%u", name, o->line);
	else
		snprintf(buf, len, "%s", name);
}

brt_builder *brt_builder_create(void)
{
	struct brt_builder *b = calloc(1, sizeof(*b));
	char *api;

	if (!b)
		return NULL;
	b->dump = -1;
	api = strdup("(api)");
	if (!api || VEC_PUSH(b->origin_names, api)) {
		free(api);
		free(b);
		return NULL;
	}
	return b;
}

static void free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
}

void brt_builder_destroy(brt_builder *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->sysctls.n; i++) {
		free(b->sysctls.data[i].key);
		free(b->sysctls.data[i].value);
	}
	core_bld_route_index_drop(b);
	free_strings(b->origin_names.data, b->origin_names.n);
	free_strings(b->ifrefs.data, b->ifrefs.n);
	VEC_FREE(b->links);
	VEC_FREE(b->addrs);
	VEC_FREE(b->routes);
	VEC_FREE(b->nh);
	VEC_FREE(b->rules);
	VEC_FREE(b->nhobjs);
	VEC_FREE(b->grp);
	VEC_FREE(b->labels);
	VEC_FREE(b->sysctls);
	VEC_FREE(b->origin_names);
	VEC_FREE(b->ifrefs);
	free(b);
}

const char *brt_builder_error(const brt_builder *b)
{
	return b ? b->err : "";
}

int brt_builder_set_origin(brt_builder *b, const char *name, unsigned line)
{
	char *copy;

	if (!b || !name)
		return BRT_EINVAL;
	b->cur.line = line;
	if (!strcmp(b->origin_names.data[b->origin_names.n - 1], name)) {
		b->cur.name = (uint32_t)(b->origin_names.n - 1);
		return 0;
	}
	copy = strdup(name);
	if (!copy || VEC_PUSH(b->origin_names, copy)) {
		free(copy);
		return BRT_ENOMEM;
	}
	b->cur.name = (uint32_t)(b->origin_names.n - 1);
	return 0;
}

int brt_builder_set_policy(brt_builder *b, enum brt_policy policy)
{
	char a[300], c[300];

	if (!b || !core_policy_get(policy))
		return BRT_EINVAL;
	if (b->policy_forced)
		return 0;
	if (b->policy_set && b->policy != (int)policy) {
		core_bld_origin_str(b, &b->policy_origin, a, sizeof(a));
		core_bld_origin_str(b, &b->cur, c, sizeof(c));
		return core_bld_fail(b, BRT_ECONFLICT,
				    "%s: policy differs from the one at %s", c,
				    a);
	}
	b->policy = policy;
	b->policy_set = true;
	b->policy_origin = b->cur;
	return 0;
}

int brt_builder_force_policy(brt_builder *b, enum brt_policy policy)
{
	if (!b || !core_policy_get(policy))
		return BRT_EINVAL;
	b->policy = policy;
	b->policy_set = true;
	b->policy_forced = true;
	return 0;
}

struct bld_link *core_bld_link_by_index(struct brt_builder *b, uint32_t idx)
{
	size_t i;

	for (i = 0; i < b->links.n; i++)
		if (b->links.data[i].l.index == idx)
			return &b->links.data[i];
	return NULL;
}

struct bld_link *core_bld_link_by_name(struct brt_builder *b, const char *name)
{
	size_t i;

	for (i = 0; i < b->links.n; i++)
		if (!strncmp(b->links.data[i].l.name, name, BRT_IFNAMSIZ))
			return &b->links.data[i];
	return NULL;
}

uint32_t brt_builder_ifref(brt_builder *b, const char *name)
{
	struct bld_link *l;
	char *copy;
	size_t i;

	if (!b || !name || !*name || strlen(name) >= BRT_IFNAMSIZ)
		return 0;
	l = core_bld_link_by_name(b, name);
	if (l)
		return l->l.index;
	for (i = 0; i < b->ifrefs.n; i++)
		if (!strcmp(b->ifrefs.data[i], name))
			return BRT_IFREF_BASE + (uint32_t)i;
	if (b->ifrefs.n >= 0x0fffffffu)
		return 0;
	copy = strdup(name);
	if (!copy || VEC_PUSH(b->ifrefs, copy)) {
		free(copy);
		return 0;
	}
	return BRT_IFREF_BASE + (uint32_t)(b->ifrefs.n - 1);
}

static bool name_ok(const char *name)
{
	return memchr(name, 0, BRT_IFNAMSIZ) && name[0];
}

/* Same name and index, different attributes, or one of them clashing. */
static int link_conflict(struct brt_builder *b, const struct bld_link *old,
			 const struct brt_link *l)
{
	char a[300], c[300];

	core_bld_origin_str(b, &old->o, a, sizeof(a));
	core_bld_origin_str(b, &b->cur, c, sizeof(c));
	if (strncmp(old->l.name, l->name, BRT_IFNAMSIZ))
		return core_bld_fail(b, BRT_ECONFLICT,
				    "%s: link index %u is '%s' here but '%s' at %s",
				    c, l->index, l->name, old->l.name, a);
	if (old->l.index != l->index)
		return core_bld_fail(b, BRT_ECONFLICT,
				    "%s: link '%s' has index %u here but %u at %s",
				    c, l->name, l->index, old->l.index, a);
	return core_bld_fail(b, BRT_ECONFLICT,
			    "%s: link '%s' is defined differently at %s", c,
			    l->name, a);
}

/* The name a link index stands for: a provisional or a defined link. */
static const char *ifindex_name(struct brt_builder *b, uint32_t idx)
{
	struct bld_link *x;

	if (idx >= BRT_IFREF_BASE)
		return idx - BRT_IFREF_BASE < b->ifrefs.n ?
		       b->ifrefs.data[idx - BRT_IFREF_BASE] : NULL;
	x = core_bld_link_by_index(b, idx);
	return x ? x->l.name : NULL;
}

/* Identical links, where a master named before it was defined (a
 * provisional index) equals the same master named afterwards. */
static bool same_link(struct brt_builder *b, const struct brt_link *old,
		      const struct brt_link *l)
{
	struct brt_link x = *old;
	const char *m1, *m2;

	if (x.master != l->master && x.master && l->master) {
		m1 = ifindex_name(b, x.master);
		m2 = ifindex_name(b, l->master);
		if (m1 && m2 && !strncmp(m1, m2, BRT_IFNAMSIZ))
			x.master = l->master;
	}
	return !memcmp(&x, l, sizeof(x));
}

int brt_builder_add_link(brt_builder *b, const struct brt_link *l)
{
	struct bld_link *old, nl;

	if (!b || !l)
		return BRT_EINVAL;
	if (!name_ok(l->name) || l->index == 0 || l->index >= BRT_IFREF_BASE ||
	    l->type > BRT_LINK_WIRELESS)
		return core_bld_fail(b, BRT_EINVAL, "invalid link '%.16s' (index %u)",
				    name_ok(l->name) ? l->name : "", l->index);
	old = core_bld_link_by_name(b, l->name);
	if (!old)
		old = core_bld_link_by_index(b, l->index);
	if (old) {
		if (same_link(b, &old->l, l))
			return 0;
		return link_conflict(b, old, l);
	}
	nl.l = *l;
	nl.o = b->cur;
	if (VEC_PUSH(b->links, nl))
		return BRT_ENOMEM;
	return 0;
}

static bool addr_ok(const struct brt_addr *a, bool optional)
{
	if (a->family == BRT_AF_UNSPEC)
		return optional;
	return core_family_valid(a->family);
}

int brt_builder_add_address(brt_builder *b, const struct brt_address *a)
{
	struct bld_address na;

	if (!b || !a)
		return BRT_EINVAL;
	if (!addr_ok(&a->addr, false) || a->plen > core_family_bits(a->addr.family) ||
	    !a->ifindex || !addr_ok(&a->peer, true) ||
	    !addr_ok(&a->broadcast, true) || !memchr(a->label, 0, BRT_IFNAMSIZ))
		return core_bld_fail(b, BRT_EINVAL, "invalid address");
	na.a = *a;
	na.o = b->cur;
	if (VEC_PUSH(b->addrs, na))
		return BRT_ENOMEM;
	return 0;
}

static bool prefix_ok(const struct brt_prefix *p, uint8_t family)
{
	struct brt_prefix m;

	if (p->addr.family == BRT_AF_UNSPEC && p->len == 0)
		return true;
	if (p->addr.family != family || p->len > core_family_bits(family))
		return false;
	core_prefix_make(&m, &p->addr, p->len);
	return !memcmp(m.addr.bytes, p->addr.bytes, 16);
}

static int check_route(struct brt_builder *b, const struct brt_route *r,
		       const struct brt_nexthop *nh, uint32_t n)
{
	uint32_t i;

	if (!core_family_valid(r->family) || r->dst.addr.family != r->family ||
	    !prefix_ok(&r->dst, r->family) || !prefix_ok(&r->src, r->family))
		return core_bld_fail(b, BRT_EINVAL, "invalid route prefix");
	if (r->type < BRT_RT_UNICAST || r->type > BRT_RT_THROW)
		return core_bld_fail(b, BRT_EINVAL, "invalid route type %u",
				    r->type);
	if (!addr_ok(&r->prefsrc, true) || r->table == 0)
		return core_bld_fail(b, BRT_EINVAL, "invalid route source or table");
	if (n > BRT_MAX_NEXTHOPS)
		return core_bld_fail(b, BRT_ELIMIT,
				    "route has %u next hops (at most %u)", n,
				    BRT_MAX_NEXTHOPS);
	if (n && !nh)
		return core_bld_fail(b, BRT_EINVAL, "next hops missing");
	for (i = 0; i < n; i++)
		if (!addr_ok(&nh[i].gw, true) || nh[i].weight < 1 ||
		    nh[i].weight > 256)
			return core_bld_fail(b, BRT_EINVAL,
					    "invalid next hop %u", i + 1);
	return 0;
}

int core_bld_add_route_nh(struct brt_builder *b, const struct brt_route *r,
			 const struct brt_nexthop *nh, uint32_t n)
{
	struct bld_route nr;
	int err = check_route(b, r, nh, n);

	if (err)
		return err;
	if (VEC_RESERVE(b->nh, n) || VEC_RESERVE(b->routes, 1))
		return BRT_ENOMEM;
	nr.r = *r;
	nr.r.nh = NULL;
	nr.r.nh_count = n;
	nr.nh_off = (uint32_t)b->nh.n;
	nr.o = b->cur;
	if (n)
		memcpy(b->nh.data + b->nh.n, nh, n * sizeof(*nh));
	b->nh.n += n;
	b->routes.data[b->routes.n++] = nr;
	return 0;
}

int brt_builder_add_route(brt_builder *b, const struct brt_route *r)
{
	if (!b || !r)
		return BRT_EINVAL;
	return core_bld_add_route_nh(b, r, r->nh, r->nh_count);
}

int brt_builder_add_rule(brt_builder *b, const struct brt_rule *r)
{
	struct bld_rule nr;

	if (!b || !r)
		return BRT_EINVAL;
	if (!core_family_valid(r->family) || !prefix_ok(&r->src, r->family) ||
	    !prefix_ok(&r->dst, r->family) ||
	    !memchr(r->iif, 0, BRT_IFNAMSIZ) || !memchr(r->oif, 0, BRT_IFNAMSIZ))
		return core_bld_fail(b, BRT_EINVAL, "invalid rule");
	switch (r->action) {
	case BRT_RULE_LOOKUP:
		if (!r->table)
			return core_bld_fail(b, BRT_EINVAL, "rule without table");
		break;
	case BRT_RULE_GOTO:
		if (r->goto_target <= r->priority)
			return core_bld_fail(b, BRT_EINVAL,
					    "goto must point to a later rule");
		break;
	case BRT_RULE_NOP: case BRT_RULE_BLACKHOLE: case BRT_RULE_UNREACHABLE:
	case BRT_RULE_PROHIBIT:
		break;
	default:
		return core_bld_fail(b, BRT_EINVAL, "invalid rule action %u",
				    r->action);
	}
	nr.r = *r;
	nr.o = b->cur;
	return VEC_PUSH(b->rules, nr) ? BRT_ENOMEM : 0;
}

int brt_builder_add_nhobj(brt_builder *b, const struct brt_nhobj *n)
{
	struct bld_nhobj nn;
	size_t i;

	if (!b || !n)
		return BRT_EINVAL;
	if (n->group_count > BRT_MAX_GROUP)
		return core_bld_fail(b, BRT_ELIMIT,
				    "nexthop group has %u members (at most %u)",
				    n->group_count, BRT_MAX_GROUP);
	if (!n->id || !addr_ok(&n->gw, true) || (n->group_count && !n->group))
		return core_bld_fail(b, BRT_EINVAL, "invalid nexthop object");
	for (i = 0; i < n->group_count; i++)
		if (!n->group[i].id || n->group[i].weight < 1 ||
		    n->group[i].weight > 256)
			return core_bld_fail(b, BRT_EINVAL,
					    "nexthop %u: invalid group member %zu",
					    n->id, i + 1);
	for (i = 0; i < b->nhobjs.n; i++)
		if (b->nhobjs.data[i].n.id == n->id)
			return core_bld_fail(b, BRT_EEXIST,
					    "nexthop id %u defined twice", n->id);
	if (VEC_RESERVE(b->grp, n->group_count))
		return BRT_ENOMEM;
	nn.n = *n;
	nn.n.group = NULL;
	nn.grp_off = (uint32_t)b->grp.n;
	nn.o = b->cur;
	if (n->group_count)
		memcpy(b->grp.data + b->grp.n, n->group,
		       n->group_count * sizeof(*n->group));
	b->grp.n += n->group_count;
	return VEC_PUSH(b->nhobjs, nn) ? BRT_ENOMEM : 0;
}

int brt_builder_add_addrlabel(brt_builder *b, const struct brt_addrlabel *l)
{
	if (!b || !l)
		return BRT_EINVAL;
	if (!prefix_ok(&l->prefix, BRT_AF_INET6) ||
	    l->prefix.addr.family != BRT_AF_INET6)
		return core_bld_fail(b, BRT_EINVAL, "invalid address label");
	return VEC_PUSH(b->labels, *l) ? BRT_ENOMEM : 0;
}

const char *core_bld_sysctl(const struct brt_builder *b, const char *key)
{
	size_t i;

	for (i = b->sysctls.n; i-- > 0;)
		if (!strcmp(b->sysctls.data[i].key, key))
			return b->sysctls.data[i].value;
	return NULL;
}

int brt_builder_set_sysctl(brt_builder *b, const char *key, const char *value)
{
	struct brt_sysctl s;
	size_t i;

	if (!b || !key || !value || !*key || strlen(key) > 255 ||
	    strlen(value) > 255)
		return BRT_EINVAL;
	for (i = 0; i < b->sysctls.n; i++) {
		if (strcmp(b->sysctls.data[i].key, key))
			continue;
		s.value = strdup(value);
		if (!s.value)
			return BRT_ENOMEM;
		free(b->sysctls.data[i].value);
		b->sysctls.data[i].value = s.value;
		return 0;
	}
	s.key = strdup(key);
	s.value = strdup(value);
	if (!s.key || !s.value || VEC_PUSH(b->sysctls, s)) {
		free(s.key);
		free(s.value);
		return BRT_ENOMEM;
	}
	return 0;
}

static bool nh_list_equal(const struct brt_nexthop *a,
			  const struct brt_nexthop *c, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (!brt_addr_equal(&a[i].gw, &c[i].gw) &&
		    (a[i].gw.family || c[i].gw.family))
			return false;
		else if (a[i].ifindex != c[i].ifindex)
			return false;
	return true;
}

int brt_builder_del_route(brt_builder *b, const struct brt_route *r)
{
	size_t i;

	if (!b || !r)
		return BRT_EINVAL;
	for (i = 0; i < b->routes.n; i++) {
		struct bld_route *x = &b->routes.data[i];

		if (x->r.family != r->family || x->r.table != r->table ||
		    !core_prefix_equal(&x->r.dst, &r->dst) ||
		    x->r.tos != r->tos || x->r.metric != r->metric ||
		    x->r.type != r->type)
			continue;
		if (r->nh_count && (x->r.nh_count != r->nh_count ||
				    !nh_list_equal(b->nh.data + x->nh_off,
						   r->nh, r->nh_count)))
			continue;
		memmove(x, x + 1, (b->routes.n - i - 1) * sizeof(*x));
		b->routes.n--;
		core_bld_route_index_drop(b);
		return 0;
	}
	return core_bld_fail(b, BRT_ENOENT, "no such route");
}


bool core_bld_is_dump(const struct brt_builder *b, size_t given)
{
	size_t i;

	if (b->dump >= 0)	/* settled for this finish (finish.c) */
		return b->dump;
	for (i = 0; i < given && i < b->routes.n; i++)
		if (b->routes.data[i].r.protocol == BRT_PROTO_KERNEL &&
		    !(b->routes.data[i].r.flags & BRT_ROUTE_F_DERIVED))
			return true;
	return false;
}
