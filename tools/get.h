/* get.h - `bestroute get`'s parts: one answer (cmd_get.c), the batch loop
 * (get_batch.c). */
#ifndef BRT_TOOLS_GET_H
#define BRT_TOOLS_GET_H

#include "cli.h"

struct get_opts {
	struct table_opts tables;
	struct print_opts print;
	const char *batch;
	bool kernel;
};

/* Answer one query of @argc words (a batch's line @lineno, or 0) and print
 * it: its status (enum brt_status), or -1 when it was not answered (the
 * words are bad, the kernel failed) with the reason in @err. */
int get_answer(const brt_table *t, const struct get_opts *o, bool live,
	       int argc, char **argv, unsigned lineno, char *err, size_t errlen);

/* The query of @argc words (get_answer's first half): 0, or -1 with the
 * reason in @err. @live: the uid defaults to ours, as the kernel's. */
int get_query(const brt_table *t, bool live, int argc, char **argv,
	      struct brt_query *q, char *err, size_t errlen);

/* Print the answer @r to @q found in the snapshot (get_answer's second
 * half, without --kernel or --explain): on a live table an answer the
 * model does not cover is asked of the kernel. Returns r->status. */
int get_finish(const brt_table *t, const struct get_opts *o, bool live,
	       const struct brt_query *q, struct brt_result *r,
	       unsigned lineno, char *err, size_t errlen);

/* Every line of o->batch: 0 all answered (route errors included), 1 when
 * a line was bad or the file could not be read. */
int get_batch(const brt_table *t, const struct get_opts *o, bool live);

#endif
