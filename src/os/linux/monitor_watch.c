/*
 * monitor_watch.c - the changes brt_live_watch_start follows: which
 * rtnetlink groups each object needs, and one message decoded (by the
 * snapshot's own decoders) into a struct brt_live_change.
 *
 * Only messages of the followed objects reach the callback; a message a
 * decoder skips (a record the model does not hold, a cloned route) or
 * refuses (malformed) is dropped, as the route monitor drops them.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/rtnetlink.h>

#include "model/model.h"
#include "monitor_watch.h"
#include "netlink/nl.h"

size_t os_monitor_watch_groups(unsigned objects, int groups[8])
{
	size_t n = 0;

	if (objects & BRT_LIVE_OBJ_ROUTE)
		groups[n++] = RTNLGRP_IPV4_ROUTE, groups[n++] = RTNLGRP_IPV6_ROUTE;
	if (objects & BRT_LIVE_OBJ_ADDRESS)
		groups[n++] = RTNLGRP_IPV4_IFADDR, groups[n++] = RTNLGRP_IPV6_IFADDR;
	if (objects & BRT_LIVE_OBJ_LINK)
		groups[n++] = RTNLGRP_LINK;
	if (objects & BRT_LIVE_OBJ_RULE)
		groups[n++] = RTNLGRP_IPV4_RULE, groups[n++] = RTNLGRP_IPV6_RULE;
	if (objects & BRT_LIVE_OBJ_NEXTHOP)
		groups[n++] = RTNLGRP_NEXTHOP;
	return n;
}

/* The object a message type is about, or 0. */
static int object_of(uint16_t type)
{
	switch (type) {
	case RTM_NEWROUTE: case RTM_DELROUTE: return BRT_LIVE_OBJ_ROUTE;
	case RTM_NEWADDR: case RTM_DELADDR: return BRT_LIVE_OBJ_ADDRESS;
	case RTM_NEWLINK: case RTM_DELLINK: return BRT_LIVE_OBJ_LINK;
	case RTM_NEWRULE: case RTM_DELRULE: return BRT_LIVE_OBJ_RULE;
	case RTM_NEWNEXTHOP: case RTM_DELNEXTHOP: return BRT_LIVE_OBJ_NEXTHOP;
	default: return 0;
	}
}

static int event_of(const struct nlmsghdr *nlh)
{
	switch (nlh->nlmsg_type) {
	case RTM_DELROUTE: case RTM_DELADDR: case RTM_DELLINK: case RTM_DELRULE:
	case RTM_DELNEXTHOP:
		return BRT_LIVE_ROUTE_DEL;
	default:
		return nlh->nlmsg_flags & NLM_F_REPLACE ? BRT_LIVE_ROUTE_CHANGE
							: BRT_LIVE_ROUTE_ADD;
	}
}

/* Room for one decoded record of any kind. */
struct watch_room {
	struct brt_nhgrp_member grp[BRT_MAX_NEXTHOPS];
	struct brt_route r;
	struct brt_address a;
	struct brt_link l;
	struct brt_rule ru;
	struct brt_nhobj n;
};

/* Decode @nlh (of c->object) into @w, pointing @c at it: 0 or BRT_E*. */
static int decode(const struct nlmsghdr *nlh, struct brt_live_change *c,
		  struct watch_room *w, struct brt_nexthop *nh)
{
	size_t len = nlh->nlmsg_len;
	char err[256];

	switch (c->object) {
	case BRT_LIVE_OBJ_ROUTE:
		c->route = &w->r;
		return os_nl_decode_route(nlh, len, 0, &w->r, nh, BRT_MAX_NEXTHOPS, err,
					   sizeof(err));
	case BRT_LIVE_OBJ_ADDRESS:
		c->address = &w->a;
		return os_nl_decode_addr(nlh, len, &w->a, err, sizeof(err));
	case BRT_LIVE_OBJ_LINK:
		c->link = &w->l;
		return os_nl_decode_link(nlh, len, &w->l, err, sizeof(err));
	case BRT_LIVE_OBJ_RULE:
		c->rule = &w->ru;
		return os_nl_decode_rule(nlh, len, &w->ru, err, sizeof(err));
	default:
		c->nexthop = &w->n;
		return os_nl_decode_nexthop(nlh, len, &w->n, w->grp, BRT_MAX_NEXTHOPS, err,
					     sizeof(err));
	}
}

void os_monitor_watch_message(const struct nlmsghdr *nlh, unsigned objects,
			       brt_live_watch_cb cb, void *ctx, struct brt_nexthop *nh)
{
	struct nlmsghdr *copy = NULL;
	struct brt_live_change c;
	struct watch_room *w;

	memset(&c, 0, sizeof(c));
	c.object = object_of(nlh->nlmsg_type);
	if (!(c.object & (int)objects))
		return;
	c.event = event_of(nlh);
	/* the decoders take the NEW message a dump gives; a DEL message has
	 * the same layout (RTM_DELx is RTM_NEWx + 1): decode it as NEW */
	if (c.event == BRT_LIVE_ROUTE_DEL && c.object != BRT_LIVE_OBJ_ROUTE) {
		copy = malloc(nlh->nlmsg_len);
		if (!copy)
			return;
		memcpy(copy, nlh, nlh->nlmsg_len);
		copy->nlmsg_type--;
		nlh = copy;
	}
	w = malloc(sizeof(*w));
	if (w && !decode(nlh, &c, w, nh))
		cb(ctx, &c);
	free(w);
	free(copy);
}

void os_monitor_watch_lost(brt_live_watch_cb cb, void *ctx)
{
	struct brt_live_change c;

	memset(&c, 0, sizeof(c));
	c.event = BRT_LIVE_ROUTE_LOST;
	cb(ctx, &c);
}
