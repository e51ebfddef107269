/*
 * table_source.c - which table the Windows API answers for.
 *
 * Invariants:
 *  - the choice is made once, at the first call (BESTROUTE_TABLE) or by
 *    brt_compat_use_table(); a table that fails to load makes every
 *    function fail with ERROR_CAN_NOT_COMPLETE: the live host is never
 *    used in its place, since that would answer a different question;
 *  - a loaded table sits in a reference-counted holder: a call keeps the
 *    table it started with even when an edit swaps in a new one, and the
 *    last user frees it;
 *  - the live host is read afresh (a snapshot) by every call.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"

enum source_mode { SRC_UNSET, SRC_LIVE, SRC_TABLE, SRC_FAILED };

struct holder {
	brt_table *t;
	unsigned refs;
};

static pthread_mutex_t src_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t edit_lock = PTHREAD_MUTEX_INITIALIZER;
static enum source_mode mode = SRC_UNSET;
static struct holder *current;

static void holder_put(struct holder *h)
{
	if (h && --h->refs == 0) {
		brt_table_destroy(h->t);
		free(h);
	}
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
	struct holder *h = calloc(1, sizeof(*h));
	size_t n;
	int rc = BRT_ENOMEM;

	if (copy && h) {
		n = split_specs(copy, specs, MAX_SPECS);
		rc = n ? brt_table_load((const char *const *)specs, n, -1,
					&h->t, err, sizeof(err))
		       : BRT_EINVAL;
		if (!n)
			snprintf(err, sizeof(err), "no table file named");
	}
	free(copy);
	if (rc) {
		fprintf(stderr,
			"bestroute: cannot load BESTROUTE_TABLE '%s': %s\n",
			list, err[0] ? err : brt_strerror(rc));
		free(h);
		return rc;
	}
	h->refs = 1;
	*out = h;
	return 0;
}

/* Make a choice; called with src_lock held. */
static int choose(const char *list)
{
	struct holder *h = NULL;
	int rc = 0;

	if (list && *list)
		rc = load_list(list, &h);
	holder_put(current);
	current = h;
	mode = !list || !*list ? SRC_LIVE : rc ? SRC_FAILED : SRC_TABLE;
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
	else {
		holder_put(current);
		current = NULL;
		mode = SRC_UNSET;
	}
	pthread_mutex_unlock(&src_lock);
	pthread_mutex_unlock(&edit_lock);
	return rc;
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

static DWORD acquire_live(struct brt_compat_ref *ref)
{
	char err[512] = "";
	static int told;

	if (brt_live_snapshot(&ref->t, err, sizeof(err)) == 0)
		return NO_ERROR;
	/* A host we cannot read now may be readable later: say it once. */
	if (!__atomic_exchange_n(&told, 1, __ATOMIC_RELAXED))
		fprintf(stderr,
			"bestroute: cannot read the host's tables: %s\n", err);
	ref->t = NULL;
	return ERROR_CAN_NOT_COMPLETE;
}

DWORD compat_acquire(struct brt_compat_ref *ref)
{
	enum source_mode m;

	memset(ref, 0, sizeof(*ref));
	pthread_mutex_lock(&src_lock);
	choose_once();
	m = mode;
	if (m == SRC_TABLE) {
		current->refs++;
		ref->holder = current;
		ref->t = current->t;
	}
	pthread_mutex_unlock(&src_lock);
	if (m == SRC_TABLE)
		return NO_ERROR;
	if (m == SRC_LIVE) {
		ref->live = true;
		return acquire_live(ref);
	}
	return ERROR_CAN_NOT_COMPLETE;
}

void compat_release(struct brt_compat_ref *ref)
{
	if (!ref)
		return;
	if (ref->holder) {
		pthread_mutex_lock(&src_lock);
		holder_put(ref->holder);
		pthread_mutex_unlock(&src_lock);
	} else
		brt_table_destroy(ref->t);
	memset(ref, 0, sizeof(*ref));
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
	struct holder *h = calloc(1, sizeof(*h));

	if (!h) {
		brt_table_destroy(t);
		return BRT_ENOMEM;
	}
	h->t = t;
	h->refs = 1;
	pthread_mutex_lock(&src_lock);
	holder_put(current);
	current = h;
	pthread_mutex_unlock(&src_lock);
	return 0;
}
