/* live_placeholder.c - until the rtnetlink backend lands. */
#include <stdio.h>

#include "bestroute/bestroute.h"

int brt_live_snapshot(brt_table **out, char *err, size_t errlen)
{
	if (out)
		*out = NULL;
	snprintf(err, errlen, "the live host backend is not built yet");
	return BRT_ENOTSUP;
}

int brt_live_kernel_lookup(const struct brt_query *q, struct brt_result *r,
			   char *err, size_t errlen)
{
	(void)q, (void)r;
	snprintf(err, errlen, "the live host backend is not built yet");
	return BRT_ENOTSUP;
}
