/*
 * kernel_get.c - brt_live_kernel_lookup: ask the kernel, as `ip route get`.
 *
 * Two requests: the plain RTM_GETROUTE gives what a sender gets (type,
 * output link, gateway, preferred source, and for IPv4 with
 * RTM_F_LOOKUP_TABLE the table); RTM_F_FIB_MATCH then gives the FIB entry
 * that matched (prefix, table, metric). IPv4 may answer the first without
 * any FIB entry (an output interface makes it assume on-link): then the
 * second fails and has_prefix stays 0. Route errors come back as errno
 * values; EINVAL is a blackhole only when the kernel attached no
 * extended-ack text, which it does when it rejects the request itself,
 * and, for IPv4 with a source, when it was not the source that was
 * refused (blackhole_or_invalid).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <linux/rtnetlink.h>

#include "model/model.h"
#include "netlink/nl.h"

/* Room for one RTM_GETROUTE request: a header and a few attributes (libmnl's
 * MNL_SOCKET_BUFFER_SIZE is a run-time value, so a buffer of it is a VLA). */
#define KERNEL_GET_REQ_MAX 1024

struct get_reply {
	struct brt_route r;
	struct brt_nexthop *nh;
	uint32_t cap;
	int got;
	char err[256];
};

static void put_selectors(struct nlmsghdr *nlh, const struct brt_query *q)
{
	uint32_t oif = q->oif;

	if (!oif && q->dst.family == BRT_AF_INET6 && q->dst.zone)
		oif = q->dst.zone;	/* fe80::1%eth0 means "through eth0" */
	if (oif)
		mnl_attr_put_u32(nlh, RTA_OIF, oif);
	if (q->iif)
		mnl_attr_put_u32(nlh, RTA_IIF, q->iif);
	if (q->flags & BRT_QUERY_F_MARK)
		mnl_attr_put_u32(nlh, RTA_MARK, q->mark);
	/* the model reads an unset uid as root; say so to the kernel */
	if ((q->flags & BRT_QUERY_F_UID) || !q->iif)
		mnl_attr_put_u32(nlh, RTA_UID,
				 (q->flags & BRT_QUERY_F_UID) ? q->uid : 0);
	if (q->flags & BRT_QUERY_F_IPPROTO)
		mnl_attr_put_u8(nlh, RTA_IP_PROTO, q->ipproto);
	if (q->flags & BRT_QUERY_F_SPORT)
		mnl_attr_put_u16(nlh, RTA_SPORT, htons(q->sport));
	if (q->flags & BRT_QUERY_F_DPORT)
		mnl_attr_put_u16(nlh, RTA_DPORT, htons(q->dport));
}

static struct nlmsghdr *build_get(char *buf, const struct brt_query *q,
				  int fibmatch)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	unsigned bytes = core_family_bytes(q->dst.family);
	struct rtmsg *rtm;

	nlh->nlmsg_type = RTM_GETROUTE;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = q->dst.family;
	rtm->rtm_dst_len = (uint8_t)(bytes * 8);
	if (q->dst.family == BRT_AF_INET)
		rtm->rtm_tos = q->tos;
	/*
	 * Without LOOKUP_TABLE IPv4 reports table main whatever table
	 * answered (fib match included); strict checking refuses the flag
	 * for IPv6, which always reports the real table.
	 */
	if (fibmatch)
		rtm->rtm_flags = RTM_F_FIB_MATCH;
	if (q->dst.family == BRT_AF_INET)
		rtm->rtm_flags |= RTM_F_LOOKUP_TABLE;
	mnl_attr_put(nlh, RTA_DST, bytes, q->dst.bytes);
	if (q->src.family) {
		rtm->rtm_src_len = (uint8_t)(bytes * 8);
		mnl_attr_put(nlh, RTA_SRC, bytes, q->src.bytes);
	}
	put_selectors(nlh, q);
	return nlh;
}

static int on_reply(const struct nlmsghdr *nlh, void *data)
{
	struct get_reply *g = data;
	int e = os_nl_decode_route(nlh, nlh->nlmsg_len,
				    BRT_NL_ROUTE_ACCEPT_CLONED, &g->r, g->nh,
				    g->cap, g->err, sizeof(g->err));

	if (e == BRT_NL_SKIP) {
		snprintf(g->err, sizeof(g->err), "the kernel answered with a route we cannot model");
		return BRT_ENOTSUP;
	}
	g->got = e == 0;
	return e;
}

/* A kernel refusal as a route status; -1 when it is not a route error. */
static int status_of(int kerr, const char *ack)
{
	switch (kerr) {
	case ENETUNREACH:
		return BRT_ROUTE_NO_ROUTE;
	case EHOSTUNREACH:
		return BRT_ROUTE_UNREACHABLE;
	case EACCES:
		return BRT_ROUTE_PROHIBIT;
	case EINVAL:
		return ack[0] ? -1 : BRT_ROUTE_BLACKHOLE;
	default:
		return -1;
	}
}

static const char *status_message(int s, int kerr)
{
	switch (s) {
	case BRT_ROUTE_NO_ROUTE:
		return "the kernel says: Network is unreachable";
	case BRT_ROUTE_UNREACHABLE:
		return "the kernel says: No route to host";
	case BRT_ROUTE_PROHIBIT:
		return "the kernel says: Permission denied";
	case BRT_ROUTE_INVALID:
		return kerr == ENODEV ? "the kernel says: No such device"
				      : "the kernel says: Invalid argument";
	default:
		return "the kernel says: Invalid argument";
	}
}

static int ask(struct brt_nl *nl, const struct brt_query *q, int fibmatch,
	       struct get_reply *g, int *kerr, char *err, size_t errlen)
{
	char req[KERNEL_GET_REQ_MAX];
	int e;

	g->got = 0;
	g->err[0] = 0;
	*kerr = 0;
	e = os_nl_request(nl, build_get(req, q, fibmatch), on_reply, g, kerr,
			   err, errlen);
	if (e < 0 && e != BRT_EIO && g->err[0])
		snprintf(err, errlen, "%s", g->err);
	if (!e && !g->got) {
		snprintf(err, errlen, "the kernel sent no route");
		return BRT_EIO;
	}
	return e;
}

/* prefsrc is RTA_PREFSRC as sent; the packet's source is the given one
 * (the kernel echoes it as RTA_SRC), else prefsrc. */
static void fill_answer(struct brt_result *r, const struct brt_query *q,
			const struct get_reply *g)
{
	memset(r, 0, sizeof(*r));
	r->status = BRT_ROUTE_OK;
	r->family = g->r.family;
	r->type = g->r.type;
	r->scope = g->r.scope;
	r->table = g->r.table;
	r->metric = g->r.metric;
	r->effective_metric = g->r.metric;
	if (g->r.nh_count) {
		r->gateway = g->nh[0].gw;
		r->ifindex = g->nh[0].ifindex;
	}
	r->prefsrc = g->r.prefsrc;
	r->source = q->src.family && !core_addr_is_zero(&q->src) ? q->src : g->r.prefsrc;
	if (q->dst.family == BRT_AF_INET)
		r->source.zone = 0;
}

static int check_query(const struct brt_query *q)
{
	if (q->dst.family != BRT_AF_INET && q->dst.family != BRT_AF_INET6)
		return BRT_EINVAL;
	if (q->src.family && q->src.family != q->dst.family)
		return BRT_EINVAL;
	return 0;
}

/*
 * IPv4 EINVAL means a blackhole route or a refused source. A multicast,
 * broadcast or zero-net source is refused before any lookup; a loopback
 * source only after the route was found (__mkroute_output), so asking
 * again without it tells: EINVAL again is the blackhole route. Any other
 * source is refused with ENETUNREACH, so EINVAL is the route's.
 * (Asking with fibmatch would not help: it fails the same way.)
 */
static int blackhole_or_invalid(struct brt_nl *nl, const struct brt_query *q,
				struct get_reply *g)
{
	struct brt_query bare;
	char err[64];
	int kerr = 0, e;

	if (q->dst.family != BRT_AF_INET || !q->src.family || core_addr_is_zero(&q->src))
		return BRT_ROUTE_BLACKHOLE;	/* 0.0.0.0: no source given */
	if (core_addr_is_v4_bad_source(&q->src))
		return BRT_ROUTE_INVALID;
	if (!core_addr_is_v4_loopback(&q->src))	/* a source rule may pick the */
		return BRT_ROUTE_BLACKHOLE;	/* table: do not drop the source */
	bare = *q;
	memset(&bare.src, 0, sizeof(bare.src));
	e = ask(nl, &bare, 0, g, &kerr, err, sizeof(err));
	return e == BRT_EIO && kerr == EINVAL && !nl->ack[0] ? BRT_ROUTE_BLACKHOLE
							     : BRT_ROUTE_INVALID;
}

/* The plain request: the answer, a route error in r->status, or BRT_E*. */
static int ask_route(struct brt_nl *nl, const struct brt_query *q,
		     struct get_reply *g, struct brt_result *r, char *err,
		     size_t errlen)
{
	int kerr, s, e = ask(nl, q, 0, g, &kerr, err, errlen);

	if (e == BRT_EIO && kerr) {
		s = status_of(kerr, nl->ack);
		if (s == BRT_ROUTE_BLACKHOLE)
			s = blackhole_or_invalid(nl, q, g);
		if (s < 0 && kerr == ENODEV)
			s = BRT_ROUTE_INVALID;
		if (s < 0)
			return e;
		core_result_error(r, s, status_message(s, kerr));
		return 1;
	}
	if (!e)
		fill_answer(r, q, g);
	return e;
}

int brt_live_kernel_lookup(const struct brt_query *q, struct brt_result *r,
			   char *err, size_t errlen)
{
	struct get_reply g;
	struct brt_nl nl;
	char dummy[1];
	int kerr, e;

	if (!err || !errlen)
		err = dummy, errlen = sizeof(dummy);
	err[0] = 0;
	if (!q || !r)
		return BRT_EINVAL;
	memset(r, 0, sizeof(*r));
	r->family = q->dst.family;
	if (check_query(q)) {
		core_result_error(r, BRT_ROUTE_INVALID, "destination and source must be one family");
		return BRT_EINVAL;
	}
	memset(&g, 0, sizeof(g));
	g.cap = BRT_MAX_NEXTHOPS;
	g.nh = calloc(g.cap, sizeof(*g.nh));
	if (!g.nh)
		return BRT_ENOMEM;
	e = os_nl_open(&nl, err, errlen);
	if (!e)
		e = ask_route(&nl, q, &g, r, err, errlen);
	if (!e) {
		struct brt_result keep = *r;

		/* a failing fib match only means "no FIB entry answered" */
		e = ask(&nl, q, 1, &g, &kerr, err, errlen);
		if (!e) {
			keep.has_prefix = 1;
			keep.prefix = g.r.dst;
			keep.table = g.r.table;
			keep.metric = keep.effective_metric = g.r.metric;
		} else if (e == BRT_EIO && kerr) {
			e = 0;
			err[0] = 0;
		}
		*r = keep;
	}
	if (e == 1)
		e = 0;
	if (nl.sock)
		os_nl_close(&nl);
	free(g.nh);
	return e;
}
