/*
 * live_events.c - one notification applied to the live handle's model.
 *
 * Invariants:
 *  - a route change is applied in place when its meaning is certain
 *    (live_routes.c), otherwise the routes are marked for a dump;
 *  - link, address, rule and nexthop events mark the small kinds for a
 *    dump (they are few); those after which the kernel changes routes
 *    silently - a link going down, up, losing or regaining carrier or
 *    vanishing, an address or a nexthop object deleted - mark the routes
 *    too;
 *  - a message that does not decode is not trusted to change anything,
 *    but it may hide a change: its kind is dumped again.
 */
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>

#include "live/live_impl.h"

#define LINK_STATE (BRT_LINK_F_UP | BRT_LINK_F_CARRIER)

static int take_route(struct brt_live *h, const struct nlmsghdr *nlh)
{
	struct brt_route r;
	char err[128];
	int e = os_nl_decode_route(nlh, nlh->nlmsg_len, 0, &r, h->nh,
				    BRT_MAX_NEXTHOPS, err, sizeof(err));

	if (e == BRT_NL_SKIP)
		return 0;	/* a clone or a cache entry: not in the model */
	if (e) {
		h->need |= NEED_ROUTES;
		return 0;
	}
	e = os_lroutes_apply(&h->routes, nlh->nlmsg_type == RTM_DELROUTE,
			      nlh->nlmsg_flags & (NLM_F_REPLACE | NLM_F_APPEND),
			      &r, &h->pending);
	if (e == BRT_LR_RESYNC)
		h->need |= NEED_ROUTES;
	else if (e == BRT_LR_APPLIED) {
		h->changed = true;
		atomic_fetch_add(&h->st.applied, 1);
	}
	return e < 0 ? e : 0;
}

/* Whether the kernel may have changed routes silently for this link. */
static bool link_state_changed(struct brt_live *h, const struct nlmsghdr *nlh)
{
	struct brt_link l;
	const struct brt_link *old;
	char err[128];

	if (nlh->nlmsg_type == RTM_DELLINK)
		return true;
	if (os_nl_decode_link(nlh, nlh->nlmsg_len, &l, err, sizeof(err)))
		return true;
	old = h->small ? core_bld_link_get(h->small, l.index) : NULL;
	return old && (old->flags & LINK_STATE) != (l.flags & LINK_STATE);
}

int os_live_take_message(struct brt_live *h, const struct nlmsghdr *nlh)
{
	switch (nlh->nlmsg_type) {
	case RTM_NEWROUTE:
	case RTM_DELROUTE:
		return take_route(h, nlh);
	case RTM_NEWLINK:
	case RTM_DELLINK:
		h->need |= NEED_SMALL;
		if (link_state_changed(h, nlh)) {
			h->need |= NEED_ROUTES;
			h->settle_ns = os_live_now_ns() + BRT_LIVE_SETTLE_NS;
			h->recheck_ns = h->settle_ns + BRT_LIVE_RECHECK_NS;
			h->rechecks = BRT_LIVE_RECHECKS;
		}
		return 0;
	case RTM_DELADDR:
	case RTM_DELNEXTHOP:
		/* told before the kernel flushes what goes with it */
		h->need |= NEED_ALL;
		h->settle_ns = os_live_now_ns() + BRT_LIVE_SETTLE_NS;
		h->recheck_ns = h->settle_ns + BRT_LIVE_RECHECK_NS;
		h->rechecks = BRT_LIVE_RECHECKS;
		return 0;
	case RTM_NEWADDR:
	case RTM_NEWRULE:
	case RTM_DELRULE:
	case RTM_NEWNEXTHOP:
		h->need |= NEED_SMALL;
		return 0;
	default:
		return 0;
	}
}
