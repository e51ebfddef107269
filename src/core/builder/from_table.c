/*
 * from_table.c - a builder holding what a table was built from.
 *
 * Only given entries are copied (derived ones carry a DERIVED flag): the
 * new builder's finish derives them again, so edits such as deleting an
 * address also remove what the address derived.
 */
#include <stdlib.h>

#include "builder/builder_impl.h"

static int copy_given(brt_builder *b, const brt_table *t)
{
	size_t i;
	int err = 0;

	for (i = 0; i < t->n_links && !err; i++)
		if (!(t->links[i].flags & BRT_LINK_F_DERIVED))
			err = brt_builder_add_link(b, &t->links[i]);
	for (i = 0; i < t->n_addrs && !err; i++)
		if (!(t->addrs[i].flags & BRT_ADDR_F_DERIVED))
			err = brt_builder_add_address(b, &t->addrs[i]);
	for (i = 0; i < t->n_nhobjs && !err; i++)
		err = brt_builder_add_nhobj(b, &t->nhobjs[i]);
	for (i = 0; i < brt_table_route_count(t) && !err; i++) {
		const struct brt_route *r = brt_table_route(t, i);

		if (!r)
			err = BRT_ENOMEM;	/* an edited table's list */
		else if (!(r->flags & BRT_ROUTE_F_DERIVED))
			err = brt_builder_add_route(b, r);
	}
	for (i = 0; i < t->n_rules && !err; i++)
		if (!(t->rules[i].flags & BRT_RULE_F_DERIVED))
			err = brt_builder_add_rule(b, &t->rules[i]);
	for (i = 0; i < t->n_labels && !err; i++)
		if (!(t->labels[i].flags & BRT_LABEL_F_DERIVED))
			err = brt_builder_add_addrlabel(b, &t->labels[i]);
	for (i = 0; i < t->n_sysctls && !err; i++)
		err = brt_builder_set_sysctl(b, t->sysctls[i].key,
					     t->sysctls[i].value);
	return err;
}

brt_builder *brt_builder_from_table(const brt_table *t)
{
	brt_builder *b;

	if (!t)
		return NULL;
	b = brt_builder_create();
	if (!b)
		return NULL;
	b->policy = t->policy;
	b->policy_set = true;
	if (copy_given(b, t)) {
		brt_builder_destroy(b);
		return NULL;
	}
	return b;
}
