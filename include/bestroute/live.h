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
 * Returns 0, BRT_EIO (netlink failed), BRT_ENOMEM, BRT_ENOTSUP (not Linux).
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

#endif /* BESTROUTE_LIVE_H */
