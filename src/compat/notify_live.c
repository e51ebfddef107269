/*
 * notify_live.c - the kernel's route changes as NotifyRouteChange2
 * notifications (the monitor callback of a live registration).
 *
 * Invariants:
 *  - rows are those GetIpForwardTable2 lists: one per next hop, routes of
 *    the main and local tables with an interface; a new route is
 *    MibAddInstance, a replaced one (NLM_F_REPLACE) MibParameterNotification,
 *    a removed one MibDeleteInstance;
 *  - the registration is held for the whole route, so a callback that
 *    cancels it does not free it under the rows still to deliver;
 *  - a fresh snapshot gives the rows their interface LUIDs (a removed
 *    route's link may be gone: its LUID is then 0);
 *  - lost kernel messages are not notified yet: resynchronising is a
 *    later step. Routes using nexthop objects carry no inline next hop
 *    and give no row.
 */
#include "compat.h"

static MIB_NOTIFICATION_TYPE type_of(int event)
{
	switch (event) {
	case BRT_LIVE_ROUTE_DEL: return MibDeleteInstance;
	case BRT_LIVE_ROUTE_CHANGE: return MibParameterNotification;
	default: return MibAddInstance;
	}
}

static void deliver_rows(struct compat_reg *reg, const brt_table *t, int event,
			 const struct brt_route *r)
{
	MIB_IPFORWARD_ROW2 row;
	uint32_t i;

	if (!compat_route_listed(t, r))
		return;
	for (i = 0; i < r->nh_count; i++) {
		if (!r->nh[i].ifindex)
			continue;
		compat_row_from_route(t, r, &r->nh[i], &row);
		compat_reg_deliver(reg, row.DestinationPrefix.Prefix.si_family, &row,
				   type_of(event));
	}
}

void compat_notify_live(void *ctx, int event, const struct brt_route *r)
{
	struct compat_reg *reg = (struct compat_reg *)ctx;
	struct brt_compat_ref ref;

	if (!r || event == BRT_LIVE_ROUTE_LOST)
		return;
	if (!compat_reg_hold(reg))
		return;
	if (compat_acquire_fresh(&ref) == NO_ERROR) {
		deliver_rows(reg, ref.t, event, r);
		compat_release(&ref);
	}
	compat_reg_release(reg);
}
