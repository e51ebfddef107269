/* policy_windows.c - placeholder, replaced by the Windows policy. */
#include "internal.h"

void brt_windows_lookup(struct brt_lookup *lk)
{
	brt_result_error(lk->r, BRT_ROUTE_UNSUPPORTED, "not yet");
}
