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

/* The objects brt_live_watch_start follows (its @objects, a mask). */
enum brt_live_object {
	BRT_LIVE_OBJ_ROUTE = 0x01,
	BRT_LIVE_OBJ_ADDRESS = 0x02,
	BRT_LIVE_OBJ_LINK = 0x04,
	BRT_LIVE_OBJ_RULE = 0x08,
	BRT_LIVE_OBJ_NEXTHOP = 0x10,
};

/*
 * One change of the live host: @event is a BRT_LIVE_ROUTE_* value (ADD,
 * CHANGE, DEL, or LOST with @object 0 when changes were lost), @object one
 * BRT_LIVE_OBJ_* bit, and the matching pointer is set (valid during the
 * call only). A link change that is not a removal is reported as ADD (the
 * kernel does not tell a new link from a changed one). Next hops of
 * nexthop objects and routes are not resolved; a link index may name a
 * link the caller has not seen yet.
 */
struct brt_live_change {
	int event;
	int object;
	const struct brt_route *route;
	const struct brt_address *address;
	const struct brt_link *link;
	const struct brt_rule *rule;
	const struct brt_nhobj *nexthop;
};

typedef void (*brt_live_watch_cb)(void *ctx, const struct brt_live_change *c);

/*
 * brt_live_watch_start - brt_live_monitor_start for more than routes:
 * call @cb for every change of the @objects (BRT_LIVE_OBJ_* bits, 0 for
 * all) of the live host, from a thread the library owns, one call at a
 * time. End it with brt_live_monitor_stop. Returns 0, BRT_EINVAL (NULL
 * @out or @cb, an unknown bit), BRT_ENOMEM or BRT_EIO (with @err); on
 * failure *@out is NULL.
 */
int brt_live_watch_start(brt_live_monitor **out, unsigned objects,
			 brt_live_watch_cb cb, void *ctx, char *err,
			 size_t errlen);

/*
 * brt_live_monitor_stop - end the monitor. From any other thread it
 * returns once the callback is not running and will not run again, with
 * everything freed. From inside the callback it cannot wait for itself:
 * it returns at once, no further callback runs, and the monitor is freed
 * when the running callback returns. NULL is a no-op.
 */
void brt_live_monitor_stop(brt_live_monitor *m);

/* ------------------------------------------------------------ live handle */

typedef struct brt_live brt_live;
typedef struct brt_live_reader brt_live_reader;

/* brt_live_open flags */
#define BRT_LIVE_F_SMALL_RCVBUF 0x01	/* tests: a tiny event queue, so
					 * bursts overflow it (ENOBUFS) */
#define BRT_LIVE_F_NO_REALTIME 0x02	/* keep the update thread in the
					 * normal scheduling class */

/*
 * brt_live_open - a handle on the live host whose lookups come from an
 * in-process table kept current by a thread the library owns: it listens
 * to link, address, route, rule and nexthop changes (IPv4 and IPv6),
 * applies route changes to its model one by one, dumps again what the
 * kernel changes without telling (link down/up, address and nexthop
 * deletions) or what it could not follow (lost notifications), and
 * publishes each batch of changes as a new immutable table version.
 * The handle keeps two tables: a new version is the one before the
 * current, once no reader holds it, edited in place by the changes it
 * lacks, so a version costs the size of the change, not of the table.
 * A whole table is built (twice, the second kept for editing) at open and
 * after link, address, rule or nexthop-object changes; at open the call
 * returns after the first (compiled straight from the dump), and the
 * thread loads its route model and builds the second before it applies
 * any change (changes made meanwhile become visible once it has).
 * Where the process may (root, CAP_SYS_NICE or RLIMIT_RTPRIO), the thread
 * waits for and applies changes in SCHED_FIFO at the lowest real-time
 * priority, so that a change is visible within about a millisecond on a
 * busy host; dumps and whole builds run in the normal class.
 * BRT_LIVE_F_NO_REALTIME keeps it in the normal class throughout.
 * Returns 0, BRT_EINVAL, BRT_ENOMEM or BRT_EIO (with @err).
 */
int brt_live_open(brt_live **out, unsigned flags, char *err, size_t errlen);

/*
 * brt_live_close - stop the thread and free the handle with every table
 * version. Unregister all readers first (any left are freed here, their
 * tables with them). NULL is a no-op.
 */
void brt_live_close(brt_live *h);

/*
 * Readers. Each thread that looks up registers a reader of its own (a
 * reader is used by one thread at a time). A reader's lookups never block
 * and never wait for the update thread: they take the newest published
 * version with an atomic load. The version a reader used - its table and
 * every pointer in an answer (r->route, r->nh) - stays valid until that
 * reader's next lookup, acquire or quiescent call (quiescent-state based
 * reclamation): a reader that stops looking up for a while should call
 * brt_live_reader_quiescent so old versions can be freed, and so that
 * the version it holds can be edited into the next one (when a reader
 * keeps the version before the current one for more than 100 ms, the
 * handle builds the next one as a whole table instead).
 */
/* A new reader of @h in *@out (the caller unregisters it before closing
 * @h). Returns 0, BRT_EINVAL (NULL argument) or BRT_ENOMEM. */
int brt_live_reader_register(brt_live *h, brt_live_reader **out);
/* Release the version @rd holds and free it; NULL is a no-op. */
void brt_live_reader_unregister(brt_live_reader *rd);
/* @rd holds no version until its next lookup or acquire (pointers from
 * its answers are invalid after it); NULL is a no-op. */
void brt_live_reader_quiescent(brt_live_reader *rd);

/*
 * brt_live_acquire - the newest table and its version number in *@version
 * (when not NULL). Versions are numbered from 1 and only move forward.
 * The table belongs to the handle (valid as the reader rules above say);
 * NULL only for a NULL @rd.
 */
const brt_table *brt_live_acquire(brt_live_reader *rd, uint64_t *version);

/* brt_live_lookup - brt_table_lookup on the newest table; its version in
 * *@version (when not NULL). Returns as brt_table_lookup. */
int brt_live_lookup(brt_live_reader *rd, const struct brt_query *q,
		    struct brt_result *r, uint64_t *version);

/*
 * brt_live_lookup_bulk - brt_table_lookup_bulk on the newest table: all
 * @n answers come from one version (its number in *@version when not
 * NULL), and their pointers stay valid as a brt_live_lookup's do (until
 * this reader's next lookup, acquire or quiescent call). @q and @r are
 * the caller's arrays of @n entries; nothing is allocated. Returns 0, or
 * BRT_EINVAL for a NULL @rd and as brt_table_lookup_bulk.
 */
int brt_live_lookup_bulk(brt_live_reader *rd, const struct brt_query *q,
			 size_t n, struct brt_result *r, uint64_t *version);

/* The table this reader's last lookup or acquire used (NULL when it is
 * quiescent). */
const brt_table *brt_live_reader_table(const brt_live_reader *rd);

/* What the update thread has done so far (brt_live_stats_get). */
struct brt_live_stats {
	uint64_t version;	/* newest published version */
	uint64_t messages;	/* notifications read */
	uint64_t applied;	/* route changes applied in place */
	uint64_t overflows;	/* ENOBUFS: notifications were lost */
	uint64_t full_resyncs;	/* everything dumped again */
	uint64_t route_resyncs;	/* routes dumped again (silent changes) */
	uint64_t small_resyncs;	/* links, addresses, rules, nexthops again */
	uint64_t publishes;	/* versions published */
	uint64_t errors;	/* failed dumps or builds (retried) */
	uint64_t edited;	/* versions made by editing the previous
				 * table with the changes (cost: the change) */
	uint64_t whole;		/* versions built as a whole table (the
				 * first, and after link, address, rule or
				 * nexthop changes; cost: the table) */
	uint64_t realtime;	/* 1 once the update thread waits for and
				 * applies changes in SCHED_FIFO, else 0 */
};
/* Copy @h's counters into *@s: each is read atomically (exact), together
 * they are not one instant's view. A NULL @h gives zeros; a NULL @s is a
 * no-op. Any thread may call it at any time while @h is open. */
void brt_live_stats_get(const brt_live *h, struct brt_live_stats *s);

#endif /* BESTROUTE_LIVE_H */
