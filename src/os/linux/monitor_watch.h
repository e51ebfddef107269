/* monitor_watch.h - brt_live_watch_start's decoding (monitor_watch.c). */
#ifndef BRT_OS_LINUX_MONITOR_WATCH_H
#define BRT_OS_LINUX_MONITOR_WATCH_H

#include <linux/netlink.h>

#include "bestroute/bestroute.h"

#define BRT_MONITOR_ALL_OBJECTS 0x1fu

/* The netlink groups of @objects into @groups (room for 8); the count. */
size_t os_monitor_watch_groups(unsigned objects, int groups[8]);
/* One message: decoded and handed to @cb when it is a change of one of
 * @objects; anything else (or malformed) is skipped. @nh: room for
 * BRT_MAX_NEXTHOPS next hops. */
void os_monitor_watch_message(const struct nlmsghdr *nlh, unsigned objects,
			       brt_live_watch_cb cb, void *ctx, struct brt_nexthop *nh);
/* Tell @cb that changes were lost. */
void os_monitor_watch_lost(brt_live_watch_cb cb, void *ctx);

#endif
