/* policy_linux.c - placeholder, replaced by the Linux policy. */
#include "internal.h"

void brt_linux_lookup(struct brt_lookup *lk)
{
	brt_result_error(lk->r, BRT_ROUTE_UNSUPPORTED, "not yet");
}
