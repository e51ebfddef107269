/*
 * builder_link_metric.c - change the interface metric of a link already
 * in a builder (what SetIpInterfaceEntry does to a table; links cannot be
 * added twice, so this is the one way to change one).
 */
#include "builder/builder_impl.h"

int brt_builder_set_link_metric(brt_builder *b, uint32_t index,
				uint32_t metric)
{
	struct bld_link *l;

	if (!b)
		return BRT_EINVAL;
	l = core_bld_link_by_index(b, index);
	if (!l)
		return BRT_ENOENT;
	l->l.metric = metric;
	return 0;
}
