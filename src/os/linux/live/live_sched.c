/*
 * live_sched.c - the update thread's scheduling class.
 *
 * Why: a route change is visible as soon as the update thread has run for
 * a few microseconds, but on a busy host a thread woken in the normal
 * class waits for a CPU for a scheduler tick or more (1-15 ms measured on
 * two CPUs with other builds running: bench/RESULTS.md "Live host"). The
 * freshness target (99th percentile <= 1 ms) is met only when the woken
 * thread runs at once, which is what the real-time class does.
 *
 * Invariants:
 *  - the thread takes SCHED_FIFO at the lowest real-time priority when the
 *    process may (root, CAP_SYS_NICE or RLIMIT_RTPRIO), unless the handle
 *    was opened with BRT_LIVE_F_NO_REALTIME; otherwise it stays as it was;
 *  - it is real-time only for short work: waiting for events, applying
 *    them and editing a table by a batch. Dumps and whole-table builds
 *    (seconds on an Internet table) run in the normal class, so the
 *    thread never holds a CPU from other tasks for long;
 *  - failing to change class is never an error: freshness only.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>

#include "live/live_impl.h"

void os_live_sched_init(struct brt_live *h, unsigned flags)
{
	struct sched_param sp;

	sp.sched_priority = sched_get_priority_min(SCHED_FIFO);
	h->realtime = false;
	if (flags & BRT_LIVE_F_NO_REALTIME)
		return;
	h->realtime = pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0;
	atomic_store(&h->st.realtime, h->realtime);
}

void os_live_sched_long(struct brt_live *h, bool long_work)
{
	struct sched_param sp = {.sched_priority = 0};

	if (!h->realtime)
		return;
	if (!long_work)
		sp.sched_priority = sched_get_priority_min(SCHED_FIFO);
	(void)pthread_setschedparam(pthread_self(),
				    long_work ? SCHED_OTHER : SCHED_FIFO, &sp);
}
