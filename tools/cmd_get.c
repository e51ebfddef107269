/*
 * cmd_get.c - `bestroute get`: one query, or one per line with --batch.
 *
 * Exit status: 0 when answered (route errors included in batch mode),
 * 2 when a single query's answer is a route error, 1 for usage, table or
 * query errors (a bad line of a batch included).
 *
 * --batch: see get_batch.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "get.h"

enum { OPT_EXPLAIN = 100, OPT_KERNEL, OPT_BATCH, OPT_FORMAT, OPT_NEXTHOPS };

static const struct cli_opt get_options[] = {
	CLI_OPTS_JSON, CLI_OPTS_TABLE,
	{"explain", 0, NULL, OPT_EXPLAIN},
	{"kernel", 0, NULL, OPT_KERNEL},
	{"batch", 0, "a file", OPT_BATCH},
	{"format", 0, "a format (ip)", OPT_FORMAT},
	{"nexthops", 0, NULL, OPT_NEXTHOPS},
	{NULL, 0, NULL, 0},
};

static int set_opt(struct get_opts *o, int id, const char *v)
{
	switch (id) {
	case CLI_OPT_JSON: o->print.json = true; break;
	case CLI_OPT_PRETTY: o->print.pretty = true; break;
	case OPT_EXPLAIN: o->print.explain = true; break;
	case OPT_KERNEL: o->kernel = true; break;
	case OPT_BATCH: o->batch = v; break;
	case OPT_NEXTHOPS: o->print.nexthops = true; break;
	case OPT_FORMAT:
		if (strcmp(v, "ip")) {
			cli_error("get: --format: unknown format '%s' (ip)", v);
			return -1;
		}
		o->print.ip_format = true;
		break;
	default:
		return table_opts_set(&o->tables, "get", id, v) < 0 ? -1 : 0;
	}
	return 0;
}

/* Options before the query words; the index of DEST, or -1 with a
 * message, or -2 for --help. */
static int parse_opts(int argc, char **argv, struct get_opts *o)
{
	const char *v;
	int i = 0, id;

	o->tables.policy = -1;
	while ((id = cli_opt_next("get", get_options, argc, argv, &i, &v)) > 0)
		if (set_opt(o, id, v))
			return -1;
	if (id == CLI_OPT_HELP)
		return -2;
	if (id == CLI_OPT_ERROR)
		return -1;
	if (o->print.ip_format && (o->print.json || o->print.explain)) {
		cli_error("get: --format ip prints ip's line only: not with --json or --explain");
		return -1;
	}
	return i;
}

/* --explain --kernel: the kernel says only its answer; explain the
 * snapshot's decision beside it, and say whose it is. */
static void explain_snapshot(const brt_table *t, const struct brt_query *q,
			     brt_explain **ex, struct print_opts *po)
{
	struct brt_result mine;

	if (brt_table_explain(t, q, &mine, ex))
		*ex = NULL;
	po->explain_from = "snapshot";
}

int get_query(const brt_table *t, bool live, int argc, char **argv,
	      struct brt_query *q, char *err, size_t errlen)
{
	if (query_parse(t, argc, argv, q, err, errlen))
		return -1;
	if (live && !(q->flags & BRT_QUERY_F_UID) && !q->iif) {
		q->uid = (uint32_t)getuid();
		q->flags |= BRT_QUERY_F_UID;
	}
	return 0;
}

/* On a live table an answer the model does not cover is asked of the
 * kernel; then @r (with @ex, the snapshot's explanation, or NULL) is
 * printed. Returns r->status. */
static int print_answer(const brt_table *t, const struct get_opts *o,
			bool live, const struct brt_query *q,
			struct brt_result *r, const brt_explain *ex,
			unsigned lineno, char *err, size_t errlen)
{
	struct print_opts po = o->print;
	char note[300];

	po.line = lineno;
	if (live && r->status == BRT_ROUTE_UNSUPPORTED) {
		snprintf(note, sizeof(note), "kernel (not modelled: %s)",
			 r->message ? r->message : "");
		if (!brt_live_kernel_lookup(q, r, err, errlen))
			po.source_note = note;
	}
	print_result(stdout, t, q, r, ex, &po);
	return r->status;
}

int get_finish(const brt_table *t, const struct get_opts *o, bool live,
	       const struct brt_query *q, struct brt_result *r,
	       unsigned lineno, char *err, size_t errlen)
{
	return print_answer(t, o, live, q, r, NULL, lineno, err, errlen);
}

/* --kernel: the kernel's answer, with --explain the snapshot's beside. */
static int kernel_answer(const brt_table *t, const struct get_opts *o,
			 const struct brt_query *q, unsigned lineno,
			 char *err, size_t errlen)
{
	struct print_opts po = o->print;
	struct brt_result r;
	brt_explain *ex = NULL;

	po.line = lineno;
	if (brt_live_kernel_lookup(q, &r, err, errlen))
		return -1;
	po.source_note = "kernel";
	if (o->print.explain)
		explain_snapshot(t, q, &ex, &po);
	print_result(stdout, t, q, &r, ex, &po);
	brt_explain_destroy(ex);
	return r.status;
}

int get_answer(const brt_table *t, const struct get_opts *o, bool live,
		  int argc, char **argv, unsigned lineno, char *err, size_t errlen)
{
	struct brt_query q;
	struct brt_result r;
	brt_explain *ex = NULL;
	int rc, status;

	if (get_query(t, live, argc, argv, &q, err, errlen))
		return -1;
	if (o->kernel)
		return kernel_answer(t, o, &q, lineno, err, errlen);
	if (!o->print.explain) {
		rc = brt_table_lookup(t, &q, &r);
		if (rc && rc != BRT_EINVAL) {
			snprintf(err, errlen, "%s", brt_strerror(rc));
			return -1;
		}
		return print_answer(t, o, live, &q, &r, NULL, lineno, err, errlen);
	}
	rc = brt_table_explain(t, &q, &r, &ex);
	status = print_answer(t, o, live, &q, &r, ex, lineno, err, errlen);
	brt_explain_destroy(ex);
	if (rc && rc != BRT_EINVAL) {
		snprintf(err, errlen, "%s", brt_strerror(rc));
		return -1;
	}
	return status;
}

int cmd_get(int argc, char **argv)
{
	struct get_opts o;
	char err[512];
	brt_table *t;
	bool live;
	int first, st;

	memset(&o, 0, sizeof(o));
	first = parse_opts(argc, argv, &o);
	if (first == -2 || first == -1) {
		table_opts_free(&o.tables);
		return first == -2 ? cli_help("get") : CLI_EXIT_USAGE;
	}
	if (!o.batch && first >= argc)
		cli_error("get: which destination? (get DEST, or get --batch FILE)");
	else if (o.batch && first < argc)
		cli_error("get: --batch reads the queries from %s: no words after it ('%s')",
			  o.batch, argv[first]);
	if ((!o.batch && first >= argc) || (o.batch && first < argc)) {
		table_opts_free(&o.tables);
		cli_try_help("get");
		return CLI_EXIT_USAGE;
	}
	t = table_opts_open(&o.tables, &live);
	table_opts_free(&o.tables);
	if (!t)
		return CLI_EXIT_USAGE;
	if (o.kernel && !live) {
		cli_error("get: --kernel asks the live host; it does not go with --table");
		brt_table_destroy(t);
		return CLI_EXIT_USAGE;
	}
	if (o.batch) {
		o.print.batch = true;
		st = get_batch(t, &o, live);
	} else {
		st = get_answer(t, &o, live, argc - first, argv + first, 0, err, sizeof(err));
		if (st < 0)
			cli_error("get: %s", err);
		st = st < 0 || st == BRT_ROUTE_INVALID ? CLI_EXIT_USAGE
		     : st == BRT_ROUTE_OK ? CLI_EXIT_OK : CLI_EXIT_ANSWER;
	}
	brt_table_destroy(t);
	return st;
}
