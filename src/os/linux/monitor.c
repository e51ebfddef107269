/*
 * monitor.c - route changes of the live host as they happen: a netlink
 * socket subscribed to RTNLGRP_IPV4_ROUTE and RTNLGRP_IPV6_ROUTE, read by
 * a thread the library owns, each change decoded by the route decoder and
 * handed to the caller's callback. brt_live_watch_start follows addresses,
 * links, rules and nexthop objects too (monitor_watch.c decodes them).
 *
 * Invariants:
 *  - callbacks run one at a time, on the monitor's thread, without any
 *    lock of ours held;
 *  - brt_live_monitor_stop from another thread returns when the thread
 *    has ended: no callback is running or will run, all is freed;
 *  - brt_live_monitor_stop from inside the callback cannot wait for its
 *    own return: it only marks the monitor stopped and returns; no further
 *    callback runs, and the thread frees everything once the callback
 *    returns;
 *  - a lost message (ENOBUFS: the socket queue overflowed) is reported as
 *    BRT_LIVE_ROUTE_LOST and reading goes on: the caller must resync;
 *  - only messages sent by the kernel are taken, each length checked.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/rtnetlink.h>

#include "model/model.h"
#include "monitor_watch.h"
#include "netlink/nl.h"

struct brt_live_monitor {
	struct brt_nl nl;
	int wake[2];			/* a pipe: stop writes, thread polls */
	pthread_t thread;
	brt_live_monitor_cb cb;		/* routes only, or NULL */
	brt_live_watch_cb wcb;		/* brt_live_watch_start's, or NULL */
	unsigned objects;		/* BRT_LIVE_OBJ_* the watch follows */
	void *ctx;
	atomic_bool stopping;
	atomic_bool detached;		/* stopped from its callback */
	struct brt_nexthop *nh;		/* decoder room */
};

static void monitor_free(struct brt_live_monitor *m)
{
	os_nl_close(&m->nl);
	close(m->wake[0]);
	close(m->wake[1]);
	free(m->nh);
	free(m);
}

static int event_of(const struct nlmsghdr *nlh)
{
	if (nlh->nlmsg_type == RTM_DELROUTE)
		return BRT_LIVE_ROUTE_DEL;
	return nlh->nlmsg_flags & NLM_F_REPLACE ? BRT_LIVE_ROUTE_CHANGE
						: BRT_LIVE_ROUTE_ADD;
}

/* One message: a route change for the callback, or nothing. */
static void take_message(struct brt_live_monitor *m, const struct nlmsghdr *nlh)
{
	struct brt_route r;
	char err[256];

	if (m->wcb) {
		if (!atomic_load(&m->stopping))
			os_monitor_watch_message(nlh, m->objects, m->wcb, m->ctx, m->nh);
		return;
	}
	if (nlh->nlmsg_type != RTM_NEWROUTE && nlh->nlmsg_type != RTM_DELROUTE)
		return;
	/* cloned routes are skipped; a malformed message is not ours to act on */
	if (os_nl_decode_route(nlh, nlh->nlmsg_len, 0, &r, m->nh,
				BRT_MAX_NEXTHOPS, err, sizeof(err)))
		return;
	if (!atomic_load(&m->stopping))
		m->cb(m->ctx, event_of(nlh), &r);
}

static void take_datagram(struct brt_live_monitor *m, size_t len)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)m->nl.buf;
	int left = (int)len;

	for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left))
		take_message(m, nlh);
}

/* Wait for a datagram or the stop signal; 1 when there is data. */
static int wait_readable(struct brt_live_monitor *m)
{
	struct pollfd p[2] = {
		{mnl_socket_get_fd(m->nl.sock), POLLIN, 0},
		{m->wake[0], POLLIN, 0},
	};

	while (poll(p, 2, -1) < 0)
		if (errno != EINTR)
			return 0;
	return !(p[1].revents) && !atomic_load(&m->stopping);
}

static void *monitor_main(void *arg)
{
	struct brt_live_monitor *m = arg;
	char err[256];
	uint32_t sender;
	ssize_t n;

	while (wait_readable(m)) {
		n = os_nl_recv(&m->nl, &sender, err, sizeof(err));
		if (n < 0 && errno == ENOBUFS) {
			if (!atomic_load(&m->stopping) && m->wcb)
				os_monitor_watch_lost(m->wcb, m->ctx);
			else if (!atomic_load(&m->stopping))
				m->cb(m->ctx, BRT_LIVE_ROUTE_LOST, NULL);
			continue;
		}
		if (n < 0)
			break;
		if (sender == 0)
			take_datagram(m, (size_t)n);
	}
	if (atomic_load(&m->detached))
		monitor_free(m);
	return NULL;
}

static int subscribe(struct brt_nl *nl, unsigned objects, char *err, size_t errlen)
{
	int groups[8];
	size_t i, n = os_monitor_watch_groups(objects, groups);

	for (i = 0; i < n; i++) {
		int group = groups[i];

		if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP,
					  &group, sizeof(group)) < 0) {
			snprintf(err, errlen, "netlink route group: %s",
				 strerror(errno));
			return BRT_EIO;
		}
	}
	return 0;
}

static int monitor_open(struct brt_live_monitor *m, unsigned objects, char *err,
			size_t errlen)
{
	int e;

	m->wake[0] = m->wake[1] = -1;
	m->nh = calloc(BRT_MAX_NEXTHOPS, sizeof(*m->nh));
	if (!m->nh || pipe(m->wake))
		return BRT_ENOMEM;
	e = os_nl_open(&m->nl, err, errlen);
	if (!e)
		e = subscribe(&m->nl, objects, err, errlen);
	return e;
}

/* Start a monitor calling @cb (routes) or @wcb (@objects). */
static int start(brt_live_monitor **out, brt_live_monitor_cb cb, brt_live_watch_cb wcb,
		 unsigned objects, void *ctx, char *err, size_t errlen)
{
	struct brt_live_monitor *m;
	char dummy[1];
	int e;

	if (!err || !errlen)
		err = dummy, errlen = sizeof(dummy);
	err[0] = 0;
	if (out)
		*out = NULL;
	if (!out || (!cb && !wcb) || (objects & ~BRT_MONITOR_ALL_OBJECTS))
		return BRT_EINVAL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return BRT_ENOMEM;
	m->cb = cb;
	m->wcb = wcb;
	m->objects = objects;
	m->ctx = ctx;
	e = monitor_open(m, objects, err, errlen);
	if (!e && pthread_create(&m->thread, NULL, monitor_main, m)) {
		snprintf(err, errlen, "cannot start the monitor thread");
		e = BRT_ENOMEM;
	}
	if (e) {
		monitor_free(m);
		return e;
	}
	*out = m;
	return 0;
}

int brt_live_monitor_start(brt_live_monitor **out, brt_live_monitor_cb cb,
			   void *ctx, char *err, size_t errlen)
{
	return start(out, cb, NULL, BRT_LIVE_OBJ_ROUTE, ctx, err, errlen);
}

int brt_live_watch_start(brt_live_monitor **out, unsigned objects,
			 brt_live_watch_cb cb, void *ctx, char *err, size_t errlen)
{
	return start(out, NULL, cb, objects ? objects : BRT_MONITOR_ALL_OBJECTS, ctx,
		     err, errlen);
}

void brt_live_monitor_stop(brt_live_monitor *m)
{
	char one = 1;

	if (!m)
		return;
	atomic_store(&m->stopping, true);
	if (pthread_equal(pthread_self(), m->thread)) {
		/* our own callback: the thread frees m once it returns */
		atomic_store(&m->detached, true);
		pthread_detach(m->thread);
		return;
	}
	while (write(m->wake[1], &one, 1) < 0 && errno == EINTR)
		;
	pthread_join(m->thread, NULL);
	monitor_free(m);
}
