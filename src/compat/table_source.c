/*
 * table_source.c - which table the Windows API answers for, and the
 * per-call check that it is current.
 *
 * Invariants:
 *  - the choice is made once, at the first call (BESTROUTE_TABLE) or by
 *    brt_compat_use_table(); a table that fails to load makes every
 *    function fail with ERROR_CAN_NOT_COMPLETE: the live host is never
 *    used in its place, since that would answer a different question;
 *  - a loaded table sits in a reference-counted holder: a call keeps the
 *    table it started with even when an edit swaps in a new one, and the
 *    last user frees it;
 *  - every change of the choice or of the current holder bumps
 *    `generation` (under src_lock). Each thread keeps a counted reference
 *    to the holder it last used, tagged with the generation it saw: a
 *    call whose generation is still current uses it with one atomic load
 *    and no lock. Otherwise the thread takes the current holder under
 *    the lock and drops its old one - only when no call of this thread is
 *    in progress (a callback's nested call takes a counted reference of
 *    its own instead), so an outer call's table stays alive. A thread's
 *    reference is dropped at its exit (a pthread key destructor), so an
 *    old table lives until each thread that used it calls again or ends
 *    (the thread that replaces a table drops its own at once);
 *  - the live host: one process-wide handle (brt_live_open, opened at the
 *    first live call) and a reader per thread, quiescent between calls.
 *    A nested call uses the version its outer call holds (a new acquire
 *    would let that one be freed). When the handle cannot be opened (or
 *    after fork, whose child has no update thread), every call reads a
 *    snapshot of the host as before. After this process's own route
 *    writes, calls read snapshots until the handle shows them
 *    (live_pending.c), so a write is seen by the next call.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"

enum source_mode { SRC_UNSET, SRC_LIVE, SRC_TABLE, SRC_FAILED };

struct holder {
	brt_table *t;
	unsigned refs;			/* atomic */
	struct compat_links links;	/* built once, with the holder */
};

/* What a thread remembers between calls. */
struct thread_src {
	uint64_t gen;			/* of mode/h; 0: nothing yet */
	enum source_mode mode;
	struct holder *h;		/* counted, table mode */
	unsigned depth;			/* calls of this thread under way */
	brt_live_reader *rd;		/* this thread's reader, or NULL */
	uint64_t version;		/* of live_links */
	struct compat_links live_links;
};

static pthread_mutex_t src_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t edit_lock = PTHREAD_MUTEX_INITIALIZER;
static enum source_mode mode = SRC_UNSET;
static struct holder *current;
static uint64_t generation = 1;		/* atomic; written under src_lock */
/* initial-exec: every call reads it, and in the shared library the
 * default model would cost a __tls_get_addr call each time (it is small,
 * so a library loaded with dlopen still finds room for it) */
static __thread struct thread_src me __attribute__((tls_model("initial-exec")));

/* The live handle: 0 not tried, 1 open, -1 unusable (snapshots). */
static int live_state;
static brt_live *live_h;
static pthread_key_t thread_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void holder_put(struct holder *h)
{
	if (h && __atomic_sub_fetch(&h->refs, 1, __ATOMIC_ACQ_REL) == 0) {
		compat_links_free(&h->links);
		brt_table_destroy(h->t);
		free(h);
	}
}

static void holder_get(struct holder *h)
{
	__atomic_add_fetch(&h->refs, 1, __ATOMIC_RELAXED);
}

static struct holder *holder_new(brt_table *t)
{
	struct holder *h = calloc(1, sizeof(*h));

	if (!h)
		return NULL;
	h->t = t;
	h->refs = 1;
	compat_links_build(t, &h->links, true);
	return h;
}

/* The end of a thread: its holder reference and its reader go. */
static void thread_end(void *arg)
{
	struct thread_src *s = arg;

	holder_put(s->h);
	s->h = NULL;
	brt_live_reader_unregister(s->rd);
	s->rd = NULL;
	s->gen = 0;
}

/* The child of fork has no update thread: it reads snapshots. */
static void after_fork_child(void)
{
	if (__atomic_load_n(&live_state, __ATOMIC_RELAXED) == 1)
		__atomic_store_n(&live_state, -1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&generation, 1, __ATOMIC_RELEASE);
}

static void make_key(void)
{
	(void)pthread_key_create(&thread_key, thread_end);
	(void)pthread_atfork(NULL, NULL, after_fork_child);
}

/* After a change made by this thread outside any call of its own: its
 * reference to the old table goes now, not at its next call, so a
 * single-threaded program frees a table as soon as it is replaced. */
static void drop_own_view(void)
{
	if (me.depth)
		return;
	holder_put(me.h);
	me.h = NULL;
	me.gen = 0;
}

/* Called with src_lock held: a new current table (or none). */
static void set_current(struct holder *h, enum source_mode m)
{
	holder_put(current);
	current = h;
	mode = m;
	__atomic_add_fetch(&generation, 1, __ATOMIC_RELEASE);
}

/* Split "a:inet:b:inet6:c" into specs; "inet"/"inet6" join the next. */
static size_t split_specs(char *list, char **specs, size_t max)
{
	size_t n = 0;
	char *p = list, *colon;

	while (*p && n < max) {
		colon = strchr(p, ':');
		if (colon &&
		    (!strncmp(p, "inet:", 5) || !strncmp(p, "inet6:", 6)))
			colon = strchr(colon + 1, ':');
		if (colon)
			*colon = 0;
		if (*p)
			specs[n++] = p;
		if (!colon)
			break;
		p = colon + 1;
	}
	return n;
}

#define MAX_SPECS 64

/* Load @list into a new holder; on failure print why (once per choice). */
static int load_list(const char *list, struct holder **out)
{
	char *copy = strdup(list), *specs[MAX_SPECS], err[512] = "";
	brt_table *t = NULL;
	size_t n;
	int rc = BRT_ENOMEM;

	if (copy) {
		n = split_specs(copy, specs, MAX_SPECS);
		rc = n ? brt_table_load((const char *const *)specs, n, -1, &t,
					err, sizeof(err))
		       : BRT_EINVAL;
		if (!n)
			snprintf(err, sizeof(err), "no table file named");
	}
	free(copy);
	if (!rc && !(*out = holder_new(t))) {
		brt_table_destroy(t);
		rc = BRT_ENOMEM;
	}
	if (rc)
		fprintf(stderr,
			"bestroute: cannot load BESTROUTE_TABLE '%s': %s\n",
			list, err[0] ? err : brt_strerror(rc));
	return rc;
}

/* Make a choice; called with src_lock held. */
static int choose(const char *list)
{
	struct holder *h = NULL;
	int rc = 0;

	if (list && *list)
		rc = load_list(list, &h);
	set_current(h, !list || !*list ? SRC_LIVE
				       : rc ? SRC_FAILED : SRC_TABLE);
	return rc;
}

static void choose_once(void)
{
	if (mode == SRC_UNSET)
		choose(getenv("BESTROUTE_TABLE"));
}

int brt_compat_use_table(const char *spec_list)
{
	int rc = 0;

	/* An edit in progress finishes on the table it started with. */
	pthread_mutex_lock(&edit_lock);
	pthread_mutex_lock(&src_lock);
	if (spec_list)
		rc = choose(spec_list);
	else
		set_current(NULL, SRC_UNSET);
	pthread_mutex_unlock(&src_lock);
	pthread_mutex_unlock(&edit_lock);
	drop_own_view();
	return rc;
}

/*
 * Bring this thread's view up to the current generation (slow path,
 * under src_lock) and return the mode. With no call of the thread under
 * way its old holder is dropped; inside one, the outer call may still be
 * using it, so the view stays and the caller gets a counted reference of
 * its own (*@extra, table mode).
 */
static enum source_mode refresh(struct holder **extra)
{
	enum source_mode m;

	*extra = NULL;
	pthread_once(&key_once, make_key);
	pthread_mutex_lock(&src_lock);
	choose_once();
	m = mode;
	if (me.depth == 0) {
		holder_put(me.h);
		me.h = NULL;
		if (mode == SRC_TABLE) {
			holder_get(current);
			me.h = current;
		}
		me.mode = mode;
		me.gen = __atomic_load_n(&generation, __ATOMIC_RELAXED);
		(void)pthread_setspecific(thread_key, &me);
	} else if (mode == SRC_TABLE) {
		holder_get(current);
		*extra = current;
	}
	pthread_mutex_unlock(&src_lock);
	return m;
}

int compat_mode(void)
{
	int m;

	pthread_mutex_lock(&src_lock);
	choose_once();
	m = mode == SRC_LIVE ? 0 : mode == SRC_TABLE ? 1 : -1;
	pthread_mutex_unlock(&src_lock);
	return m;
}

static DWORD acquire_snapshot(struct brt_compat_ref *ref)
{
	char err[512] = "";
	static int told;

	if (brt_live_snapshot(&ref->owned, err, sizeof(err)) == 0) {
		ref->t = ref->owned;
		return NO_ERROR;
	}
	/* A host we cannot read now may be readable later: say it once. */
	if (!__atomic_exchange_n(&told, 1, __ATOMIC_RELAXED))
		fprintf(stderr,
			"bestroute: cannot read the host's tables: %s\n", err);
	return ERROR_CAN_NOT_COMPLETE;
}

/* Open the process's live handle once; false when it cannot be used. */
static bool live_ready(void)
{
	int st = __atomic_load_n(&live_state, __ATOMIC_ACQUIRE);

	if (st)
		return st > 0;
	pthread_mutex_lock(&src_lock);
	if (!live_state) {
		char err[256] = "";

		st = brt_live_open(&live_h, 0, err, sizeof(err)) ? -1 : 1;
		if (st < 0)
			live_h = NULL;
		__atomic_store_n(&live_state, st, __ATOMIC_RELEASE);
	}
	st = live_state;
	pthread_mutex_unlock(&src_lock);
	return st > 0;
}

/* A nested call: the version its outer call pinned, if that one is
 * live and shows this process's writes; else a snapshot. */
static DWORD acquire_nested(struct brt_compat_ref *ref)
{
	ref->t = brt_live_reader_table(me.rd);
	if (!ref->t || compat_live_pending(ref->t)) {
		ref->t = NULL;
		return acquire_snapshot(ref);
	}
	ref->links = &me.live_links;
	return NO_ERROR;
}

/* The newest version of the live host, through this thread's reader. */
static DWORD acquire_live(struct brt_compat_ref *ref)
{
	uint64_t v;

	ref->live = true;
	if (!live_ready() ||
	    (!me.rd && brt_live_reader_register(live_h, &me.rd)))
		return acquire_snapshot(ref);
	if (me.depth)
		return acquire_nested(ref);
	ref->t = brt_live_acquire(me.rd, &v);
	if (compat_live_pending(ref->t)) {
		brt_live_reader_quiescent(me.rd);
		ref->t = NULL;
		return acquire_snapshot(ref);
	}
	if (v != me.version) {
		compat_links_build(ref->t, &me.live_links, false);
		me.version = v;
	}
	ref->links = &me.live_links;
	return NO_ERROR;
}

/* The source this thread's call uses: its cached one while the
 * generation is current (one atomic load), else refreshed; *@extra a
 * counted holder the refresh could not install as the thread's own. */
static enum source_mode current_mode(struct holder **extra)
{
	*extra = NULL;
	if (me.gen != __atomic_load_n(&generation, __ATOMIC_ACQUIRE))
		return refresh(extra);
	return me.mode;
}

DWORD compat_acquire(struct brt_compat_ref *ref)
{
	struct holder *extra;
	enum source_mode m = current_mode(&extra);
	DWORD rc;

	if (m == SRC_TABLE) {
		struct holder *h = extra ? extra : me.h;

		ref->t = h->t;
		ref->holder = extra;
		ref->owned = NULL;
		ref->live = false;
		ref->links = &h->links;
		me.depth++;
		return NO_ERROR;
	}
	memset(ref, 0, sizeof(*ref));
	if (m != SRC_LIVE)
		return ERROR_CAN_NOT_COMPLETE;
	rc = acquire_live(ref);
	if (!rc)
		me.depth++;
	return rc;
}

DWORD compat_acquire_fresh(struct brt_compat_ref *ref)
{
	struct holder *extra;
	enum source_mode m = current_mode(&extra);
	DWORD rc;

	if (m != SRC_LIVE) {
		if (extra)
			holder_put(extra);
		return compat_acquire(ref);
	}
	memset(ref, 0, sizeof(*ref));
	ref->live = true;
	rc = acquire_snapshot(ref);
	if (!rc)
		me.depth++;
	return rc;
}

void compat_release(struct brt_compat_ref *ref)
{
	if (!ref || !ref->t)
		return;
	if (ref->holder)
		holder_put(ref->holder);
	if (ref->owned)
		brt_table_destroy(ref->owned);
	if (--me.depth == 0 && me.rd)
		brt_live_reader_quiescent(me.rd);
	ref->t = NULL;
	ref->holder = NULL;
	ref->owned = NULL;
}

void compat_edit_lock(void)
{
	pthread_mutex_lock(&edit_lock);
}

void compat_edit_unlock(void)
{
	pthread_mutex_unlock(&edit_lock);
}

int compat_swap(brt_table *t)
{
	struct holder *h = holder_new(t);

	if (!h) {
		brt_table_destroy(t);
		return BRT_ENOMEM;
	}
	pthread_mutex_lock(&src_lock);
	set_current(h, SRC_TABLE);
	pthread_mutex_unlock(&src_lock);
	drop_own_view();
	return 0;
}
