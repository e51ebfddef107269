/*
 * live_handle.c - brt_live: the live host as a table kept current.
 *
 * One thread per handle owns the model (the routes index of live_routes.c
 * and a builder holding the last dump of links, addresses, rules, nexthop
 * objects, address labels and sysctls: the "small" kinds) and is the only
 * writer of published versions.
 *
 * Invariants:
 *  - it subscribes before its first dump, so no change falls between;
 *  - open compiles the first version straight from its dump and returns;
 *    the thread, before it reads any event, loads the model from that
 *    dump (the same routes in the same order) and builds the spare;
 *  - route notifications are applied to the model one by one and logged
 *    for the tables (live_build.c edits a table with them); a batch is
 *    whatever arrived until the socket is empty, or for as long as the
 *    last version took to make (at least BRT_LIVE_BATCH_NS): an edited
 *    version costs the size of the change, a whole one the size of the
 *    table, so after a whole build batches grow with it and the handle
 *    keeps up instead of falling ever further behind; each batch that
 *    changed the model is one new version;
 *  - what the kernel changes without a notification is dumped again:
 *    routes after a link changes its up or carrier state or goes away,
 *    after an address or a nexthop object is deleted (IPv4 routes flushed,
 *    linkdown and dead flags set or cleared); the small kinds after any
 *    event of theirs;
 *  - ENOBUFS (notifications lost): pending notifications are discarded
 *    and everything is dumped again;
 *  - the kernel tells of an address deletion before it flushes the routes
 *    it takes along, and route dumps do not wait for it: routes are
 *    dumped BRT_LIVE_SETTLE_NS after the last such event (others keep applying);
 *  - a failed dump or build leaves the last version published and is
 *    retried with a full dump after RETRY_MS, doubling up to
 *    RETRY_MAX_MS; readers never see a partial model.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <linux/rtnetlink.h>

#include "live/live_impl.h"

#define RETRY_MS 20		/* first retry of a failed dump or build */
#define RETRY_MAX_MS 1000
#define DISCARD_NS 100000000ull	/* drop queued events for 100 ms at most */
#define EVENT_RCVBUF (64 << 20)
#define SMALL_KINDS (BRT_NL_DUMP_ALL & ~BRT_NL_DUMP_ROUTES)

uint64_t os_live_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* ------------------------------------------------------------- dumping */

brt_builder *os_live_new_builder(void)
{
	brt_builder *b = brt_builder_create();

	if (b && (brt_builder_set_origin(b, "live", 0) ||
		  brt_builder_set_policy(b, BRT_POLICY_LINUX))) {
		brt_builder_destroy(b);
		b = NULL;
	}
	if (b)
		core_bld_set_editable(b);	/* its versions are edited */
	return b;
}

/* What a dump attempt puts into its new builder @b: 0 or an error. */
typedef int (*dump_fill_fn)(struct brt_live *h, unsigned kinds, brt_builder *b);

/* A new builder filled by @fill, again while the kernel says the dump
 * was interrupted. */
static int dump_retrying(struct brt_live *h, unsigned kinds, dump_fill_fn fill,
			 brt_builder **out)
{
	brt_builder *b = NULL;
	int e, attempt = 0;

	do {
		brt_builder_destroy(b);
		b = os_live_new_builder();
		if (!b)
			return BRT_ENOMEM;
		e = fill(h, kinds, b);
	} while (os_nl_dump_intr_retry(e, attempt++));
	if (e) {
		brt_builder_destroy(b);
		return e == BRT_NL_INTR ? BRT_EIO : e;
	}
	*out = b;
	return 0;
}

/* @kinds, with the sysctls and kernel configuration beside the links. */
static int fill_kinds(struct brt_live *h, unsigned kinds, brt_builder *b)
{
	int e = os_nl_dump_some(&h->req, b, kinds, h->err, sizeof(h->err));

	if (!e && (kinds & BRT_NL_DUMP_LINKS))
		e = os_sysctl_read_all(b, "/proc/sys", h->err, sizeof(h->err));
	if (!e && (kinds & BRT_NL_DUMP_LINKS))
		e = os_kernel_config_read(b, h->err, sizeof(h->err));
	return e;
}

/* The small kinds already held, then the routes (@kinds) dumped. */
static int fill_onto_small(struct brt_live *h, unsigned kinds, brt_builder *b)
{
	int e = core_bld_copy_all_but_routes(h->small, b);

	return e ? e : os_nl_dump_some(&h->req, b, kinds, h->err, sizeof(h->err));
}

/* Dump @kinds into a new builder (retrying interrupted dumps). */
static int dump_kinds(struct brt_live *h, unsigned kinds, brt_builder **out)
{
	return dump_retrying(h, kinds, fill_kinds, out);
}

/* At open: the routes dumped into a builder that holds the small kinds
 * already, so the first table is compiled from it directly; the thread
 * loads the model from it afterwards (os_live_prepare). */
static int open_dump(struct brt_live *h, brt_builder **out)
{
	int e = dump_retrying(h, BRT_NL_DUMP_ROUTES, fill_onto_small, out);

	if (!e)
		atomic_fetch_add(&h->st.route_resyncs, 1);
	return e;
}

/* The small kinds are few: a new dump always makes a whole table. */
static int resync_small(struct brt_live *h)
{
	brt_builder *b;
	int e = dump_kinds(h, SMALL_KINDS, &b);

	if (e)
		return e;
	brt_builder_destroy(h->small);
	h->small = b;
	h->rebuild = h->changed = true;
	atomic_fetch_add(&h->st.small_resyncs, 1);
	return 0;
}

/* A route dump that finds the model right changes nothing (most of the
 * dumps after a link or address event find no silent change). */
static int resync_routes(struct brt_live *h)
{
	brt_builder *b;
	bool changed;
	int e = dump_kinds(h, BRT_NL_DUMP_ROUTES, &b);

	if (e)
		return e;
	e = os_lroutes_load(&h->routes, b, &changed);
	brt_builder_destroy(b);
	if (e)
		return e;
	if (changed)
		h->rebuild = h->changed = true;
	atomic_fetch_add(&h->st.route_resyncs, 1);
	return 0;
}

/* Dump what h->need asks for. */
static int resync(struct brt_live *h)
{
	int e = 0;

	if (h->need & NEED_SMALL)
		e = resync_small(h);
	if (!e && (h->need & NEED_ROUTES))
		e = resync_routes(h);
	if (e)
		return e;
	h->need = 0;
	return 0;
}

/* -------------------------------------------------------------- events */

/* Read what the socket holds (for at most h->batch_ns); ENOBUFS asks for a
 * full dump. Returns 0, or BRT_EIO when the socket failed otherwise. */
static int drain(struct brt_live *h)
{
	uint64_t until = os_live_now_ns() + h->batch_ns;
	const struct nlmsghdr *nlh;
	uint32_t sender;
	ssize_t n;
	int left;

	do {
		n = os_nl_recv(&h->ev, &sender, h->err, sizeof(h->err));
		if (n < 0 && errno == ENOBUFS) {
			atomic_fetch_add(&h->st.overflows, 1);
			h->need = NEED_ALL;
			continue;
		}
		if (n < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : BRT_EIO;
		if (sender != 0)
			continue;	/* only the kernel speaks for the kernel */
		left = (int)n;
		nlh = (const struct nlmsghdr *)h->ev.buf;
		for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
			atomic_fetch_add(&h->st.messages, 1);
			if (os_live_take_message(h, nlh))
				h->need = NEED_ALL;	/* out of memory */
		}
	} while (os_live_now_ns() < until);
	return 0;
}

/* Before a full dump: what is queued predates it and is dropped. */
static void discard_queued(struct brt_live *h)
{
	uint64_t until = os_live_now_ns() + DISCARD_NS;
	uint32_t sender;

	while ((os_nl_recv(&h->ev, &sender, h->err, sizeof(h->err)) >= 0 ||
		errno == ENOBUFS) && os_live_now_ns() < until)
		;
}

/* Wait for notifications (or the stop signal) up to @ms (-1: forever). */
static bool wait_events(struct brt_live *h, int ms)
{
	struct pollfd p[2] = {
		{mnl_socket_get_fd(h->ev.sock), POLLIN, 0},
		{h->wake[0], POLLIN, 0},
	};

	while (poll(p, 2, ms) < 0)
		if (errno != EINTR)
			return false;
	return !p[1].revents && !atomic_load(&h->stopping);
}

/* Whether a silent change may still be under way in the kernel. */
static bool settling(const struct brt_live *h)
{
	return (h->need & NEED_ROUTES) && os_live_now_ns() < h->settle_ns;
}

/* One round: dump what must be, publish what changed. A failure is
 * retried with a full dump, after a delay that doubles each time. */
static void catch_up(struct brt_live *h)
{
	uint64_t now = os_live_now_ns();
	int e = 0;

	if (h->rechecks && now >= h->recheck_ns) {	/* a late silent flush */
		h->need |= NEED_ROUTES;
		h->rechecks--;
		h->recheck_ns = now + BRT_LIVE_RECHECK_NS;
	}
	if (h->need && !settling(h)) {
		os_live_sched_long(h, true);	/* dumps are long work */
		if (h->need == NEED_ALL) {
			discard_queued(h);
			atomic_fetch_add(&h->st.full_resyncs, 1);
		}
		e = resync(h);
		os_live_sched_long(h, false);
	}
	if (!e && h->changed)
		e = os_live_publish(h);
	if (e >= 0) {	/* published, or waiting for readers to move on */
		h->retry_ms = RETRY_MS;
		return;
	}
	atomic_fetch_add(&h->st.errors, 1);
	h->need = NEED_ALL;
	h->settle_ns = os_live_now_ns() + (uint64_t)h->retry_ms * 1000000u;
	h->retry_ms = h->retry_ms * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : h->retry_ms * 2;
}

/* How long to wait for events: forever when all is published. */
static int wait_ms(const struct brt_live *h)
{
	uint64_t t = os_live_now_ns();

	if (!h->need && !h->changed)
		return !h->rechecks ? -1
		       : h->recheck_ns <= t ? 0
		       : (int)((h->recheck_ns - t) / 1000000u) + 1;
	if (settling(h) && !h->changed)
		return (int)((h->settle_ns - t) / 1000000u) + 1;
	if (h->spare_wait_ns && (!h->need || settling(h)))
		return 1;	/* a reader still holds the version to edit (and
			 * nothing to dump yet): never spin, the thread
			 * may be real-time */
	return 0;
}

static void *live_main(void *arg)
{
	struct brt_live *h = arg;

	os_live_sched_init(h, h->flags);
	os_live_prepare(h);
	while (wait_events(h, wait_ms(h))) {
		if (drain(h))
			h->need = NEED_ALL;
		catch_up(h);
		os_live_pub_reclaim(&h->pub);
	}
	return NULL;
}

/* ------------------------------------------------------------ open/close */

static int subscribe(struct brt_live *h, unsigned flags)
{
	static const int groups[] = {
		RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR,
		RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE, RTNLGRP_IPV4_RULE,
		RTNLGRP_IPV6_RULE, RTNLGRP_NEXTHOP,
	};
	int fd = mnl_socket_get_fd(h->ev.sock), size = EVENT_RCVBUF;
	size_t i;

	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		int group = groups[i];

		if (mnl_socket_setsockopt(h->ev.sock, NETLINK_ADD_MEMBERSHIP,
					  &group, sizeof(group)) >= 0 ||
		    group == RTNLGRP_NEXTHOP)	/* older kernels lack it */
			continue;
		snprintf(h->err, sizeof(h->err), "netlink group %d: %s",
			 group, strerror(errno));
		return BRT_EIO;
	}
	if (flags & BRT_LIVE_F_SMALL_RCVBUF) {
		size = 1;	/* the kernel raises it to its minimum */
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	} else if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size,
			      sizeof(size)) < 0) {
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	}
	return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0 ? BRT_EIO : 0;
}

static int live_init(struct brt_live *h, unsigned flags)
{
	brt_builder *b = NULL;
	int e;

	h->wake[0] = h->wake[1] = -1;
	os_live_pub_init(&h->pub);
	h->nh = calloc(BRT_MAX_NEXTHOPS, sizeof(*h->nh));
	if (!h->nh || pipe(h->wake) || os_lroutes_init(&h->routes))
		return BRT_ENOMEM;
	e = os_nl_open(&h->ev, h->err, sizeof(h->err));
	if (!e)
		e = subscribe(h, flags);
	if (!e)
		e = os_nl_open(&h->req, h->err, sizeof(h->err));
	if (e)
		return e;
	h->need = NEED_ALL;
	h->retry_ms = RETRY_MS;
	h->flags = flags;
	h->spare_later = true;	/* open returns after one table */
	e = resync_small(h);
	if (!e)
		e = open_dump(h, &b);
	if (!e)
		e = os_live_publish_first(h, b);
	if (!e)
		h->need = 0;
	if (!e && pthread_create(&h->thread, NULL, live_main, h)) {
		snprintf(h->err, sizeof(h->err), "cannot start the live thread");
		e = BRT_ENOMEM;
	}
	h->started = !e;
	return e;
}

int brt_live_open(brt_live **out, unsigned flags, char *err, size_t errlen)
{
	struct brt_live *h;
	int e;

	if (!out || (flags & ~(unsigned)(BRT_LIVE_F_SMALL_RCVBUF |
					  BRT_LIVE_F_NO_REALTIME)))
		return BRT_EINVAL;
	*out = NULL;
	h = calloc(1, sizeof(*h));
	if (!h)
		return BRT_ENOMEM;
	e = live_init(h, flags);
	if (e) {
		if (err && errlen)
			snprintf(err, errlen, "%s", h->err[0] ? h->err
					       : brt_strerror(e));
		brt_live_close(h);
		return e;
	}
	*out = h;
	return 0;
}

void brt_live_close(brt_live *h)
{
	char one = 1;

	if (!h)
		return;
	if (h->started) {
		atomic_store(&h->stopping, true);
		while (write(h->wake[1], &one, 1) < 0 && errno == EINTR)
			;
		pthread_join(h->thread, NULL);
	}
	os_live_drop_spare(h);
	brt_builder_destroy(h->first_dump);
	os_live_pub_destroy(&h->pub);
	os_ldeltas_free(&h->pending);
	os_ldeltas_free(&h->behind);
	os_lroutes_free(&h->routes);
	brt_builder_destroy(h->small);
	os_nl_close(&h->ev);
	os_nl_close(&h->req);
	if (h->wake[0] >= 0)
		close(h->wake[0]);
	if (h->wake[1] >= 0)
		close(h->wake[1]);
	free(h->nh);
	free(h);
}

/* ------------------------------------------------------- readers, stats */

int brt_live_reader_register(brt_live *h, brt_live_reader **out)
{
	brt_live_reader *rd;

	if (!h || !out)
		return BRT_EINVAL;
	rd = calloc(1, sizeof(*rd));
	if (!rd)
		return BRT_ENOMEM;
	rd->pub = &h->pub;
	atomic_init(&rd->seen, 0);
	pthread_mutex_lock(&h->pub.readers_lock);
	rd->next = h->pub.readers;
	h->pub.readers = rd;
	pthread_mutex_unlock(&h->pub.readers_lock);
	*out = rd;
	return 0;
}

void brt_live_reader_unregister(brt_live_reader *rd)
{
	struct brt_live_reader **pp;

	if (!rd)
		return;
	pthread_mutex_lock(&rd->pub->readers_lock);
	for (pp = &rd->pub->readers; *pp && *pp != rd; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = rd->next;
	pthread_mutex_unlock(&rd->pub->readers_lock);
	free(rd);
}

void brt_live_stats_get(const brt_live *h, struct brt_live_stats *s)
{
	const struct brt_live *m = h;

	if (!s)
		return;
	memset(s, 0, sizeof(*s));
	if (!h)
		return;
	s->version = atomic_load(&m->pub.published);
	s->messages = atomic_load(&m->st.messages);
	s->applied = atomic_load(&m->st.applied);
	s->overflows = atomic_load(&m->st.overflows);
	s->full_resyncs = atomic_load(&m->st.full_resyncs);
	s->route_resyncs = atomic_load(&m->st.route_resyncs);
	s->small_resyncs = atomic_load(&m->st.small_resyncs);
	s->publishes = atomic_load(&m->st.publishes);
	s->errors = atomic_load(&m->st.errors);
	s->edited = atomic_load(&m->st.edited);
	s->whole = atomic_load(&m->st.whole);
	s->realtime = atomic_load(&m->st.realtime);
}
