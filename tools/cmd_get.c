/*
 * cmd_get.c - `bestroute get`: one query, or one per line with --batch.
 *
 * Exit status: 0 when answered (route errors included in batch mode),
 * 2 when a single query's answer is an error kind, 1 for usage or table
 * errors.
 *
 * A batch line is a query of a few words: a line longer than
 * BATCH_MAX_LINE bytes or of more than BATCH_MAX_WORDS words is an error
 * for that line (the rest of it is skipped unread into memory), so
 * hostile input costs bounded memory and the other lines still answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "cli.h"

struct get_opts {
	struct table_opts tables;
	struct print_opts print;
	const char *batch;
	bool kernel;
};

static int usage(void)
{
	cli_error("usage: bestroute get [--json] [--table FILE]... [--policy linux|windows] "
		  "[--explain] [--kernel] DEST [from SRC] [oif DEV] [iif DEV] [mark N] "
		  "[uid N] [tos N] [ipproto P] [sport N] [dport N]\n"
		  "       bestroute get [--json] [--table FILE]... --batch FILE|-");
	return 1;
}

/* Options (--long, and -t) before the query words; returns the index of
 * DEST or -1. A destination never starts with "-". */
static int parse_opts(int argc, char **argv, struct get_opts *o)
{
	int i, taken;

	o->tables.policy = -1;
	for (i = 0; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		taken = table_opts_take(&o->tables, argc, argv, &i);
		if (taken < 0)
			return -1;
		if (taken)
			continue;
		if (!strcmp(argv[i], "--json"))
			o->print.json = true;
		else if (!strcmp(argv[i], "--explain"))
			o->print.explain = true;
		else if (!strcmp(argv[i], "--kernel"))
			o->kernel = true;
		else if (!strcmp(argv[i], "--batch") && i + 1 < argc)
			o->batch = argv[++i];
		else {
			cli_error("get: unknown option '%s'", argv[i]);
			return -1;
		}
	}
	return i;
}

/* The query of a command line or batch line; 0 or -1 (said why). */
static int prepare(const brt_table *t, bool live, int argc, char **argv,
		   struct brt_query *q)
{
	char err[512];

	if (query_parse(t, argc, argv, q, err, sizeof(err))) {
		cli_error("get: %s", err);
		return -1;
	}
	if (live && !(q->flags & BRT_QUERY_F_UID) && !q->iif) {
		q->uid = (uint32_t)getuid();
		q->flags |= BRT_QUERY_F_UID;
	}
	return 0;
}

/* Print a table's answer @r (of brt_table_lookup/explain, returned @rc);
 * returns its status (enum brt_status) or -1. */
static int report(const brt_table *t, const struct get_opts *o, bool live,
		  struct brt_query *q, struct brt_result *r, brt_explain *ex,
		  int rc)
{
	struct print_opts po = o->print;
	char err[512], note[300];

	if (live && r->status == BRT_ROUTE_UNSUPPORTED) {
		snprintf(note, sizeof(note), "kernel (not modelled: %s)",
			 r->message ? r->message : "");
		if (!brt_live_kernel_lookup(q, r, err, sizeof(err)))
			po.source_note = note;
	}
	print_result(stdout, t, q, r, ex, &po);
	brt_explain_destroy(ex);
	return rc && rc != BRT_EINVAL ? -1 : r->status;
}

/* Answer one query; returns its status (enum brt_status) or -1. */
static int answer(const brt_table *t, const struct get_opts *o, bool live,
		  int argc, char **argv)
{
	struct brt_query q;
	struct brt_result r;
	brt_explain *ex = NULL;
	struct print_opts po = o->print;
	char err[512];
	int rc;

	if (prepare(t, live, argc, argv, &q))
		return -1;
	if (o->kernel) {
		rc = brt_live_kernel_lookup(&q, &r, err, sizeof(err));
		po.source_note = "kernel";
		if (rc) {
			cli_error("get --kernel: %s", err);
			return -1;
		}
		print_result(stdout, t, &q, &r, ex, &po);
		return r.status;
	}
	rc = o->print.explain ? brt_table_explain(t, &q, &r, &ex)
			      : brt_table_lookup(t, &q, &r);
	return report(t, o, live, &q, &r, ex, rc);
}

/* Batch lines answered together by brt_table_lookup_bulk. */
#define BATCH_BULK 64

struct pending {
	struct brt_query q[BATCH_BULK];
	struct brt_result r[BATCH_BULK];
	unsigned lineno[BATCH_BULK];
	size_t n;
};

/* Answer and print the pending queries, in line order; 0 or 1. */
static int flush(const brt_table *t, const struct get_opts *o, bool live,
		 struct pending *p)
{
	int status = 0;
	size_t i;

	if (p->n && brt_table_lookup_bulk(t, p->q, p->n, p->r))
		status = 1;
	for (i = 0; !status && i < p->n; i++)
		if (report(t, o, live, &p->q[i], &p->r[i], NULL, 0) < 0) {
			cli_error("%s:%u: query not answered", o->batch, p->lineno[i]);
			status = 1;
		}
	p->n = 0;
	return status;
}

/* Split a line into words in place; returns the count. */
static int split_words(char *line, char **words, int max)
{
	int n = 0;
	char *save = NULL, *w;

	for (w = strtok_r(line, " \t\r\n", &save); w && n < max;
	     w = strtok_r(NULL, " \t\r\n", &save))
		words[n++] = w;
	return n;
}

#define BATCH_MAX_LINE 4096
#define BATCH_MAX_WORDS 64

/* The next line into @buf (BATCH_MAX_LINE + 2 bytes): 1, 0 at the end,
 * or -1 for a line too long (then consumed up to its newline). */
static int read_line(FILE *f, char *buf)
{
	size_t n;
	int c;

	if (!fgets(buf, BATCH_MAX_LINE + 2, f))
		return 0;
	n = strlen(buf);
	if (n <= BATCH_MAX_LINE || buf[n - 1] == '\n')
		return 1;
	while ((c = getc(f)) != EOF && c != '\n')
		;
	return -1;
}

static int run_batch(const brt_table *t, const struct get_opts *o, bool live)
{
	FILE *f = strcmp(o->batch, "-") ? fopen(o->batch, "r") : stdin;
	char *line, *words[BATCH_MAX_WORDS + 1];
	struct pending *p;
	unsigned lineno = 0;
	int n, rl, status = 0;

	if (!f) {
		cli_error("get: cannot open %s", o->batch);
		return 1;
	}
	line = malloc(BATCH_MAX_LINE + 2);
	p = calloc(1, sizeof(*p));	/* NULL: one query at a time */
	while (line && (rl = read_line(f, line)) != 0) {
		lineno++;
		n = rl < 0 ? 0 : split_words(line, words, BATCH_MAX_WORDS + 1);
		if (rl < 0 || n > BATCH_MAX_WORDS) {
			cli_error("%s:%u: %s", o->batch, lineno,
				  rl < 0 ? "line longer than 4096 bytes"
					 : "more than 64 words");
			status = 1;
			continue;
		}
		if (n == 0 || words[0][0] == '#')
			continue;
		if (p && !o->kernel && !o->print.explain) {
			if (prepare(t, live, n, words, &p->q[p->n]))
				cli_error("%s:%u: query not answered", o->batch, lineno),
				status = 1;
			else
				p->lineno[p->n++] = lineno;
			if (p->n == BATCH_BULK)
				status |= flush(t, o, live, p);
			continue;
		}
		if (answer(t, o, live, n, words) < 0) {
			cli_error("%s:%u: query not answered", o->batch, lineno);
			status = 1;
		}
	}
	if (p)
		status |= flush(t, o, live, p);
	free(p);
	if (!line) {
		cli_error("get: out of memory");
		status = 1;
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return status;
}

int cmd_get(int argc, char **argv)
{
	struct get_opts o;
	brt_table *t;
	bool live;
	int first, st;

	memset(&o, 0, sizeof(o));
	first = parse_opts(argc, argv, &o);
	if (first < 0 || (!o.batch && first >= argc) || (o.batch && first < argc)) {
		table_opts_free(&o.tables);
		return usage();
	}
	t = table_opts_open(&o.tables, &live);
	table_opts_free(&o.tables);
	if (!t)
		return 1;
	if (o.kernel && !live) {
		cli_error("get: --kernel asks the live host; it does not go with --table");
		brt_table_destroy(t);
		return 1;
	}
	if (o.batch)
		st = run_batch(t, &o, live);
	else {
		st = answer(t, &o, live, argc - first, argv + first);
		st = st < 0 ? 1 : st == BRT_ROUTE_OK ? 0 : 2;
	}
	brt_table_destroy(t);
	return st;
}
