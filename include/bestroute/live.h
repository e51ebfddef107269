/*
 * live.h - the live host (Linux rtnetlink backend), part of bestroute.h.
 * Included by bestroute.h; do not include directly.
 */
#ifndef BESTROUTE_LIVE_H
#define BESTROUTE_LIVE_H

/*
 * brt_live_snapshot - a table holding the live host's links, addresses,
 * routes of every table, rules, nexthop objects, address labels and the
 * sysctls that change answers (Linux policy). On error writes the reason
 * (with the kernel's extended-ack text when it gave one) into @err.
 * Returns 0, BRT_EINVAL (@out NULL), BRT_EIO (netlink failed), BRT_ENOMEM,
 * BRT_ENOTSUP (not Linux).
 */
int brt_live_snapshot(brt_table **out, char *err, size_t errlen);

/*
 * brt_live_kernel_lookup - ask the kernel itself (RTM_GETROUTE, as
 * `ip route get`) for @q. r->has_prefix/prefix/table come from a second
 * request with RTM_F_FIB_MATCH; r->route is NULL. A route error of the
 * kernel (ENETUNREACH, EHOSTUNREACH, EACCES, EINVAL) is returned as 0 with
 * r->status set. Returns 0, BRT_EINVAL, BRT_EIO (with @err).
 */
int brt_live_kernel_lookup(const struct brt_query *q, struct brt_result *r,
			   char *err, size_t errlen);

/*
 * Changing the kernel's routing table, as `ip route add|change|replace|
 * append|del`: @r as the model holds a route (its table, metric as the
 * priority, next hops inline or a nexthop object). add fails when the
 * route exists; change replaces an existing one; replace adds or
 * replaces; append adds another route (IPv4) or next hop (IPv6) for the
 * same prefix and metric; del removes the route, or for IPv6 only the
 * given next hops (a metric of 0 matches any). Needs CAP_NET_ADMIN.
 * Returns 0, BRT_EINVAL, BRT_ENOMEM, BRT_EPERM (not permitted),
 * BRT_EEXIST, BRT_ENOENT (no such route) or BRT_EIO; on failure @err holds
 * the reason with the kernel's extended-ack text when it gave one.
 */
int brt_live_route_add(const struct brt_route *r, char *err, size_t errlen);
int brt_live_route_change(const struct brt_route *r, char *err,
			  size_t errlen);
int brt_live_route_replace(const struct brt_route *r, char *err,
			   size_t errlen);
int brt_live_route_append(const struct brt_route *r, char *err,
			  size_t errlen);
int brt_live_route_del(const struct brt_route *r, char *err, size_t errlen);

/* ---------------------------------------------------------- route monitor */

typedef struct brt_live_monitor brt_live_monitor;

/* What happened to a route (the callback's @event). */
enum brt_live_event {
	BRT_LIVE_ROUTE_ADD = 1,		/* a new route (or next hop) */
	BRT_LIVE_ROUTE_CHANGE = 2,	/* a route replaced in place */
	BRT_LIVE_ROUTE_DEL = 3,		/* a route removed */
	BRT_LIVE_ROUTE_LOST = 4,	/* changes were lost (@r NULL): resync */
};

/*
 * @r (with its next hops) is valid during the call only. Next hops of a
 * nexthop object are not resolved: r->nh_id names it.
 */
typedef void (*brt_live_monitor_cb)(void *ctx, int event,
				    const struct brt_route *r);

/*
 * brt_live_monitor_start - call @cb for every route change of the live
 * host (IPv4 and IPv6, every table), from a thread the library owns, one
 * call at a time. Returns 0, BRT_EINVAL, BRT_ENOMEM or BRT_EIO (with
 * @err); on failure *@out is NULL.
 */
int brt_live_monitor_start(brt_live_monitor **out, brt_live_monitor_cb cb,
			   void *ctx, char *err, size_t errlen);

/*
 * brt_live_monitor_stop - end the monitor. From any other thread it
 * returns once the callback is not running and will not run again, with
 * everything freed. From inside the callback it cannot wait for itself:
 * it returns at once, no further callback runs, and the monitor is freed
 * when the running callback returns. NULL is a no-op.
 */
void brt_live_monitor_stop(brt_live_monitor *m);

#endif /* BESTROUTE_LIVE_H */
