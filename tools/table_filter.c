/*
 * table_filter.c - -4/-6 for show and snapshot: the table rebuilt from its
 * given entries of one family (links, sysctls, the policy and the nexthop
 * objects without a family are kept: the family's entries refer to them).
 * Rebuilding derives that family's own entries again, as reading the
 * printed table back would.
 */
#include "cli.h"

static int add_family(brt_builder *b, const brt_table *t, int fam)
{
	size_t i;
	int rc = brt_builder_set_policy(b, brt_table_policy(t));

	for (i = 0; !rc && i < brt_table_link_count(t); i++)
		if (!(brt_table_link(t, i)->flags & BRT_LINK_F_DERIVED))
			rc = brt_builder_add_link(b, brt_table_link(t, i));
	for (i = 0; !rc && i < brt_table_address_count(t); i++) {
		const struct brt_address *a = brt_table_address(t, i);

		if (!(a->flags & BRT_ADDR_F_DERIVED) && a->addr.family == fam)
			rc = brt_builder_add_address(b, a);
	}
	for (i = 0; !rc && i < brt_table_nhobj_count(t); i++) {
		const struct brt_nhobj *n = brt_table_nhobj(t, i);

		if (n->family == fam || n->family == BRT_AF_UNSPEC)
			rc = brt_builder_add_nhobj(b, n);
	}
	for (i = 0; !rc && i < brt_table_route_count(t); i++) {
		const struct brt_route *r = brt_table_route(t, i);

		if (!(r->flags & BRT_ROUTE_F_DERIVED) && r->family == fam)
			rc = brt_builder_add_route(b, r);
	}
	for (i = 0; !rc && i < brt_table_rule_count(t); i++) {
		const struct brt_rule *r = brt_table_rule(t, i);

		if (!(r->flags & BRT_RULE_F_DERIVED) && r->family == fam)
			rc = brt_builder_add_rule(b, r);
	}
	for (i = 0; !rc && fam == BRT_AF_INET6 && i < brt_table_addrlabel_count(t); i++)
		if (!(brt_table_addrlabel(t, i)->flags & BRT_LABEL_F_DERIVED))
			rc = brt_builder_add_addrlabel(b, brt_table_addrlabel(t, i));
	return rc;
}

static int add_sysctls(brt_builder *b, const brt_table *t)
{
	const char *k, *v;
	size_t i;
	int rc = 0;

	for (i = 0; !rc && i < brt_table_sysctl_count(t); i++)
		if (!brt_table_sysctl(t, i, &k, &v))
			rc = brt_builder_set_sysctl(b, k, v);
	return rc;
}

brt_table *table_filter_family(brt_table *t, int family, const char *cmd)
{
	brt_builder *b;
	brt_table *out = NULL;
	int rc;

	if (!family || !t)
		return t;
	b = brt_builder_create();
	rc = b ? add_family(b, t, family) : BRT_ENOMEM;
	if (!rc)
		rc = add_sysctls(b, t);
	if (!rc)
		rc = brt_builder_finish(b, &out);
	if (rc)
		cli_error("%s: cannot keep only %s entries: %s", cmd,
			  family == BRT_AF_INET ? "IPv4" : "IPv6",
			  b && brt_builder_error(b)[0] ? brt_builder_error(b) : brt_strerror(rc));
	brt_builder_destroy(b);
	brt_table_destroy(t);
	return out;
}
