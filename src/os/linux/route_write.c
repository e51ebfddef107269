/*
 * route_write.c - change the kernel's routing table (RTM_NEWROUTE,
 * RTM_DELROUTE), as `ip route add|change|replace|append|del` do.
 *
 * Invariants:
 *  - one request per call, acknowledged (NLM_F_ACK): success means the
 *    kernel has the change in place when the function returns;
 *  - the request carries exactly what the record says: destination,
 *    source prefix, table (RTA_TABLE for ids above 255), metric, preferred
 *    source, one next hop as RTA_GATEWAY/RTA_OIF or several as
 *    RTA_MULTIPATH, or a nexthop object id; error routes carry no next hop;
 *  - a delete leaves scope and protocol open (RT_SCOPE_NOWHERE, 0) as
 *    `ip route del` does, so a route is found by what identifies it, and
 *    a metric of 0 matches any metric;
 *  - a refusal keeps the kernel's own words (its extended ack) in @err.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/rtnetlink.h>

#include "model/model.h"
#include "netlink/nl.h"

enum write_op { OP_ADD, OP_CHANGE, OP_REPLACE, OP_APPEND, OP_DEL };

/* Request room: a multipath entry needs at most 8 + 4 + 20 bytes. */
#define ROUTE_REQ_MAX (MNL_SOCKET_BUFFER_SIZE + 32u * BRT_MAX_NEXTHOPS)

static const uint16_t op_flags[] = {
	[OP_ADD] = NLM_F_CREATE | NLM_F_EXCL,
	[OP_CHANGE] = NLM_F_REPLACE,
	[OP_REPLACE] = NLM_F_CREATE | NLM_F_REPLACE,
	[OP_APPEND] = NLM_F_CREATE | NLM_F_APPEND,
	[OP_DEL] = 0,
};

static const char *const op_names[] = {
	[OP_ADD] = "add", [OP_CHANGE] = "change", [OP_REPLACE] = "replace",
	[OP_APPEND] = "append", [OP_DEL] = "delete",
};

static int has_nexthops(const struct brt_route *r)
{
	return !r->nh_id && r->nh_count &&
	       (r->type == BRT_RT_UNICAST || r->type == BRT_RT_LOCAL ||
		r->type == BRT_RT_BROADCAST || r->type == BRT_RT_ANYCAST ||
		r->type == BRT_RT_MULTICAST);
}

/* RTA_GATEWAY, or RTA_VIA for a gateway of the other family. */
static void put_gateway(struct nlmsghdr *nlh, uint8_t family,
			const struct brt_addr *gw)
{
	unsigned n = core_family_bytes(gw->family);
	char via[sizeof(struct rtvia) + 16];
	struct rtvia *v = (struct rtvia *)via;

	if (!gw->family)
		return;
	if (gw->family == family) {
		mnl_attr_put(nlh, RTA_GATEWAY, n, gw->bytes);
		return;
	}
	v->rtvia_family = gw->family;
	memcpy(v->rtvia_addr, gw->bytes, n);
	mnl_attr_put(nlh, RTA_VIA, sizeof(*v) + n, via);
}

static void put_multipath(struct nlmsghdr *nlh, const struct brt_route *r)
{
	struct nlattr *mp = mnl_attr_nest_start(nlh, RTA_MULTIPATH);
	uint32_t i;

	for (i = 0; i < r->nh_count; i++) {
		const struct brt_nexthop *nh = &r->nh[i];
		struct rtnexthop *rtnh = (struct rtnexthop *)mnl_nlmsg_get_payload_tail(nlh);

		nlh->nlmsg_len += MNL_ALIGN(sizeof(*rtnh));
		memset(rtnh, 0, sizeof(*rtnh));
		rtnh->rtnh_ifindex = (int)nh->ifindex;
		rtnh->rtnh_flags = (unsigned char)(nh->flags & BRT_NH_F_ONLINK);
		rtnh->rtnh_hops = (unsigned char)(nh->weight ? nh->weight - 1 : 0);
		put_gateway(nlh, r->family, &nh->gw);
		rtnh->rtnh_len = (unsigned short)((char *)mnl_nlmsg_get_payload_tail(nlh) -
						  (char *)rtnh);
	}
	mnl_attr_nest_end(nlh, mp);
}

static void put_nexthops(struct nlmsghdr *nlh, struct rtmsg *rtm,
			 const struct brt_route *r)
{
	if (r->nh_id && r->type == BRT_RT_UNICAST)
		mnl_attr_put_u32(nlh, RTA_NH_ID, r->nh_id);
	if (!has_nexthops(r))
		return;
	if (r->nh_count > 1) {
		put_multipath(nlh, r);
		return;
	}
	put_gateway(nlh, r->family, &r->nh[0].gw);
	if (r->nh[0].ifindex)
		mnl_attr_put_u32(nlh, RTA_OIF, r->nh[0].ifindex);
	rtm->rtm_flags |= (r->flags | r->nh[0].flags) & BRT_NH_F_ONLINK;
}

static void put_header(struct rtmsg *rtm, const struct brt_route *r,
		       enum write_op op)
{
	rtm->rtm_family = r->family;
	rtm->rtm_dst_len = r->dst.len;
	rtm->rtm_src_len = r->src.len;
	rtm->rtm_tos = r->tos;
	rtm->rtm_table = r->table < 256 ? (unsigned char)r->table : RT_TABLE_UNSPEC;
	rtm->rtm_type = r->type;
	rtm->rtm_protocol = op == OP_DEL ? 0 : r->protocol;
	rtm->rtm_scope = op == OP_DEL ? RT_SCOPE_NOWHERE : r->scope;
}

static struct nlmsghdr *build_route(char *buf, const struct brt_route *r,
				    enum write_op op)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	unsigned bytes = core_family_bytes(r->family);
	struct rtmsg *rtm;

	nlh->nlmsg_type = op == OP_DEL ? RTM_DELROUTE : RTM_NEWROUTE;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | op_flags[op];
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	put_header(rtm, r, op);
	mnl_attr_put_u32(nlh, RTA_TABLE, r->table);
	if (r->dst.len)
		mnl_attr_put(nlh, RTA_DST, bytes, r->dst.addr.bytes);
	if (r->src.len)
		mnl_attr_put(nlh, RTA_SRC, bytes, r->src.addr.bytes);
	if (op != OP_DEL || r->metric)
		mnl_attr_put_u32(nlh, RTA_PRIORITY, r->metric);
	if (r->prefsrc.family == r->family)
		mnl_attr_put(nlh, RTA_PREFSRC, bytes, r->prefsrc.bytes);
	if (r->family == BRT_AF_INET6 && r->pref != BRT_PREF_MEDIUM && op != OP_DEL)
		mnl_attr_put_u8(nlh, RTA_PREF, r->pref);
	if (r->expires && op != OP_DEL && r->family == BRT_AF_INET6)
		mnl_attr_put_u32(nlh, RTA_EXPIRES, r->expires);
	put_nexthops(nlh, rtm, r);
	return nlh;
}

/* The BRT_E* code of a kernel refusal. */
static int code_of(int kerr)
{
	switch (kerr) {
	case EPERM:
	case EACCES:
		return BRT_EPERM;
	case EEXIST:
		return BRT_EEXIST;
	case ESRCH:
	case ENOENT:
		return BRT_ENOENT;
	default:
		return BRT_EIO;
	}
}

static int check_route(const struct brt_route *r, char *err, size_t errlen)
{
	if (r->family != BRT_AF_INET && r->family != BRT_AF_INET6) {
		snprintf(err, errlen, "route: family must be IPv4 or IPv6");
		return BRT_EINVAL;
	}
	if (r->type < BRT_RT_UNICAST || r->type > BRT_RT_THROW) {
		snprintf(err, errlen, "route: unknown route type %u", r->type);
		return BRT_EINVAL;
	}
	if (r->dst.len > core_family_bits(r->family) ||
	    r->src.len > core_family_bits(r->family) ||
	    r->nh_count > BRT_MAX_NEXTHOPS || (r->nh_count && !r->nh)) {
		snprintf(err, errlen, "route: prefix length or next hops out of range");
		return BRT_EINVAL;
	}
	return 0;
}

static int no_data(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	return 0;
}

static int route_write(const struct brt_route *r, enum write_op op,
		       char *err, size_t errlen)
{
	struct brt_nl nl;
	char *req;
	char dummy[1];
	int kerr = 0, e;

	if (!err || !errlen)
		err = dummy, errlen = sizeof(dummy);
	err[0] = 0;
	if (!r)
		return BRT_EINVAL;
	e = check_route(r, err, errlen);
	if (e)
		return e;
	req = calloc(1, ROUTE_REQ_MAX);
	if (!req)
		return BRT_ENOMEM;
	e = os_nl_open(&nl, err, errlen);
	if (e) {
		free(req);
		return e;
	}
	e = os_nl_request(&nl, build_route(req, r, op), no_data, NULL, &kerr,
			   err, errlen);
	if (e == BRT_EIO && kerr) {
		e = code_of(kerr);
		snprintf(err, errlen, "route %s: %s%s%s", op_names[op],
			 strerror(kerr), nl.ack[0] ? ": " : "", nl.ack);
	}
	os_nl_close(&nl);
	free(req);
	return e;
}

int brt_live_route_add(const struct brt_route *r, char *err, size_t errlen)
{
	return route_write(r, OP_ADD, err, errlen);
}

int brt_live_route_change(const struct brt_route *r, char *err, size_t errlen)
{
	return route_write(r, OP_CHANGE, err, errlen);
}

int brt_live_route_replace(const struct brt_route *r, char *err, size_t errlen)
{
	return route_write(r, OP_REPLACE, err, errlen);
}

int brt_live_route_append(const struct brt_route *r, char *err, size_t errlen)
{
	return route_write(r, OP_APPEND, err, errlen);
}

int brt_live_route_del(const struct brt_route *r, char *err, size_t errlen)
{
	return route_write(r, OP_DEL, err, errlen);
}
