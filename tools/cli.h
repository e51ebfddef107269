/* cli.h - the bestroute command-line tool: one file per subcommand. */
#ifndef BRT_TOOLS_CLI_H
#define BRT_TOOLS_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "bestroute/bestroute.h"

/* Each subcommand gets argv after its own name; returns the exit status. */
int cmd_get(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_snapshot(int argc, char **argv);
int cmd_verify(int argc, char **argv);

/* Print "bestroute: " and a message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Options every table-reading command shares. */
struct table_opts {
	const char **specs;	/* --table arguments */
	size_t n_specs;
	int policy;		/* -1, BRT_POLICY_LINUX or _WINDOWS */
};

/* Consume "--table F" / "--policy P" at argv[*i]; 1 if taken, 0 if not
 * ours, -1 on a usage error (message printed). */
int table_opts_take(struct table_opts *o, int argc, char **argv, int *i);
/* The table: from the files, or the live host. NULL with a message. */
brt_table *table_opts_open(const struct table_opts *o, bool *live);
void table_opts_free(struct table_opts *o);

/* Parse "DEST [from SRC] [oif DEV] ..." words into a query. 0, or -1 with
 * a message naming the bad word. */
int query_parse(const brt_table *t, int argc, char **argv, struct brt_query *q,
		char *err, size_t errlen);

/* Printing one answer. */
struct print_opts {
	bool json;
	bool explain;
	const char *source_note;	/* e.g. "kernel" for --kernel answers */
};
void print_result(FILE *f, const brt_table *t, const struct brt_query *q,
		  const struct brt_result *r, const brt_explain *ex,
		  const struct print_opts *po);

/* `show --json`: the table as one JSON object on one line. */
int show_json(FILE *f, const brt_table *t, bool all);

/* Name of a link index ("if7" when unknown). */
const char *link_name(const brt_table *t, uint32_t index, char buf[24]);

#endif
