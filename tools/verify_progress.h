/* verify_progress.h - the pace of a `bestroute verify` run: the family of
 * the destinations drawn, the --max-seconds bound and the progress line. */
#ifndef BRT_TOOLS_VERIFY_PROGRESS_H
#define BRT_TOOLS_VERIFY_PROGRESS_H

#include <stdbool.h>
#include <time.h>

#include "verify_dest.h"
#include "verify_opts.h"

struct verify_progress {
	struct timespec start, shown;
	unsigned long count, max_seconds;
	bool tty;		/* stderr is a terminal: show the line */
	bool stopped;		/* --max-seconds ended the run */
};

void verify_progress_start(struct verify_progress *p, const struct verify_opts *o);
/* Whether --max-seconds is over (checked before query @done + 1). */
bool verify_progress_over(struct verify_progress *p, unsigned long done);
/* The progress line, at most every 200 ms, when stderr is a terminal. */
void verify_progress_show(struct verify_progress *p, unsigned long done,
			  unsigned long disagree);
/* Clear the line; say so when --max-seconds stopped the run. */
void verify_progress_end(struct verify_progress *p);

/* verify_draw() until a destination of @family (0: any): 0, or -1 when
 * none came in many draws. */
int verify_draw_family(const struct verify_pool *p, uint64_t *rng, int family,
		       struct brt_addr *out);

#endif
