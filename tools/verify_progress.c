/*
 * verify_progress.c - the pace of a `bestroute verify` run. The progress
 * line goes to stderr only when it is a terminal (a log or a pipe gets the
 * report alone), is redrawn in place at most every 200 ms, and is erased
 * before the report. --max-seconds ends the run early with the counts so
 * far: the report says how many queries were made.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "verify_progress.h"

static double since(const struct timespec *a)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - a->tv_sec) + (double)(now.tv_nsec - a->tv_nsec) / 1e9;
}

void verify_progress_start(struct verify_progress *p, const struct verify_opts *o)
{
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->shown = p->start;
	p->count = o->count;
	p->max_seconds = o->max_seconds;
	p->tty = isatty(STDERR_FILENO);
	p->stopped = false;
}

bool verify_progress_over(struct verify_progress *p, unsigned long done)
{
	/* the clock every 64 queries: a kernel query costs some µs */
	if (!p->max_seconds || done % 64)
		return false;
	if (since(&p->start) >= (double)p->max_seconds)
		p->stopped = true;
	return p->stopped;
}

void verify_progress_show(struct verify_progress *p, unsigned long done,
			  unsigned long disagree)
{
	if (!p->tty || (done != p->count && since(&p->shown) < 0.2))
		return;
	clock_gettime(CLOCK_MONOTONIC, &p->shown);
	fprintf(stderr, "\rverify: %lu/%lu queries (%.0f%%), %lu disagree, %.1f s ",
		done, p->count, 100.0 * (double)done / (double)p->count, disagree,
		since(&p->start));
}

void verify_progress_end(struct verify_progress *p)
{
	if (p->tty)
		fputs("\r\033[K", stderr);
	if (p->stopped)
		fprintf(stderr, "verify: stopped after --max-seconds %lu\n", p->max_seconds);
}

int verify_draw_family(const struct verify_pool *p, uint64_t *rng, int family,
		       struct brt_addr *out)
{
	int tries;

	for (tries = 0; tries < 1000; tries++) {
		verify_draw(p, rng, out);
		if (!family || out->family == family)
			return 0;
	}
	return -1;
}
