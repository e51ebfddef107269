/* cli.h - the bestroute command-line tool: one file per subcommand. */
#ifndef BRT_TOOLS_CLI_H
#define BRT_TOOLS_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <json-c/json.h>

#include "bestroute/bestroute.h"

/* Each subcommand gets argv after its own name; returns the exit status. */
int cmd_get(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_snapshot(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_route(int argc, char **argv);
int cmd_monitor(int argc, char **argv);

int cmd_convert(int argc, char **argv);

/* Print "bestroute: " and a message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "warning: " and a message to stderr. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Exit statuses, the same for every subcommand (bestroute(1) EXIT STATUS):
 * answered; a usage or input error; the answer is an error (a single
 * query's route error, disagreements in verify, a refusal of the kernel).
 */
enum { CLI_EXIT_OK = 0, CLI_EXIT_USAGE = 1, CLI_EXIT_ANSWER = 2 };

/* ---- options (options.c) */

/* One option of a subcommand; a table of them ends with a NULL name. */
struct cli_opt {
	const char *name;	/* long name without "--" */
	char short_name;	/* 'j' for -j, or 0 */
	const char *arg;	/* the value, for messages ("a file"); NULL: none */
	int id;			/* > 0 */
};

enum { CLI_OPT_END = 0, CLI_OPT_ERROR = -1, CLI_OPT_HELP = -2 };

/* Option ids shared by several subcommands (a subcommand's own from 100). */
enum {
	CLI_OPT_JSON = 1, CLI_OPT_PRETTY, CLI_OPT_TABLE, CLI_OPT_POLICY,
	CLI_OPT_V4, CLI_OPT_V6, CLI_OPT_ALL, CLI_OPT_COUNT,
};

#define CLI_OPTS_JSON {"json", 'j', NULL, CLI_OPT_JSON}, \
		      {"pretty", 'p', NULL, CLI_OPT_PRETTY}
#define CLI_OPTS_TABLE {"table", 't', "a file", CLI_OPT_TABLE}, \
		       {"policy", 0, "linux or windows", CLI_OPT_POLICY}
#define CLI_OPTS_FAMILY {"inet", '4', NULL, CLI_OPT_V4}, \
			{"inet6", '6', NULL, CLI_OPT_V6}

/*
 * The next option at argv[*i]: its id (*val its value when it takes one,
 * *i past both); CLI_OPT_END at the first word that is not an option, or
 * after "--" (skipped); CLI_OPT_HELP for -h/--help; CLI_OPT_ERROR with a
 * message printed. @cmd names the subcommand in messages.
 */
int cli_opt_next(const char *cmd, const struct cli_opt *opts, int argc,
		 char **argv, int *i, const char **val);
/* "Try 'bestroute CMD --help'." on stderr. */
void cli_try_help(const char *cmd);
/* A count: digits only, 1..@max; 0, or -1 with a message naming @opt. */
int cli_count(const char *cmd, const char *opt, const char *v, unsigned long max,
	      unsigned long *out);
/* CMD's usage on stdout (for --help): returns 0. */
int cli_help(const char *cmd);
/* `help CMD`: CMD's usage, or an error for an unknown CMD. */
int cli_help_known(const char *cmd);
/* Every command's usage on @f: 0 for stdout, 1 (a usage error) otherwise. */
int cli_usage_all(FILE *f);
/* A usage error of CMD after its message: the hint, returns 1. */
int cli_usage_error(const char *cmd);

/* Options every table-reading command shares. */
struct table_opts {
	const char **specs;	/* --table arguments */
	size_t n_specs;
	int policy;		/* -1, BRT_POLICY_LINUX or _WINDOWS */
};

/* Take option @id (CLI_OPT_TABLE, CLI_OPT_POLICY) with @val: 1 if taken,
 * 0 if not ours, -1 on a usage error (message printed). */
int table_opts_set(struct table_opts *o, const char *cmd, int id, const char *val);
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
	bool pretty;		/* indented JSON (not in a batch) */
	bool explain;
	bool batch;		/* one line per answer; errors start "error:" */
	bool nexthops;		/* in a batch, list multipath next hops */
	bool ip_format;		/* exactly `ip route get`'s line (print_ip.c) */
	unsigned line;		/* the batch line, for JSON "line"; 0 none */
	const char *source_note;	/* e.g. "kernel" for --kernel answers */
	const char *explain_from;	/* whose decision the candidates show, when
					 * not the answer's ("snapshot") */
};
void print_result(FILE *f, const brt_table *t, const struct brt_query *q,
		  const struct brt_result *r, const brt_explain *ex,
		  const struct print_opts *po);

/* --explain for the source address (source_explain.c): JSON
 * "source_choice" (NULL when there is none: an error answer), or lines. */
json_object *source_choice_json(const brt_table *t, const struct brt_query *q,
				const struct brt_result *r);
void source_choice_text(FILE *f, const brt_table *t, const struct brt_query *q,
			const struct brt_result *r);

/* --format ip: the answer exactly as `ip route get` prints it. */
void print_ip(FILE *f, const brt_table *t, const struct brt_query *q,
	      const struct brt_result *r);

/* `show --json`: the table as one JSON object (indented with @pretty);
 * 0, or -1 when it could not be written (message printed). */
int show_json(FILE *f, const brt_table *t, bool all, bool pretty);
/* The table in our text format (BRT_WRITE_* @flags): an exit status. */
int show_print(FILE *f, const brt_table *t, unsigned flags);
/* `convert --to ip-batch`: ip -batch commands recreating @t; exit status. */
int convert_ip_batch(FILE *f, const brt_table *t);
/* -4/-6: @t (consumed) rebuilt from its given entries of @family (0: @t
 * itself); NULL with a message naming @cmd. */
brt_table *table_filter_family(brt_table *t, int family, const char *cmd);

/* ---- JSON and names (json_out.c) */

/* @o as one line (or indented when @pretty), slashes not escaped. 0/-1. */
int cli_json_print(FILE *f, json_object *o, bool pretty);
/* Room for any escaped name of up to 64 bytes. */
#define CLI_NAME_ESCAPED 260
/* @name as printable UTF-8: itself, or in @buf with each byte that is not
 * (a control, a backslash, invalid UTF-8) as the text \xNN. */
const char *cli_name_escape(const char *name, char *buf, size_t len);
/* @text to @f, each control byte (but newline and tab) and each byte of
 * invalid UTF-8 as the text \\xNN: nothing raw reaches a terminal. */
void cli_fputs_escaped(const char *text, FILE *f);
/* A JSON string of the escaped name. */
json_object *cli_jname(const char *name);

/* ---- names of numbers as `ip` prints them (names.c); a number without
 * a name is printed into @buf. */
const char *cli_proto_name(unsigned proto, char buf[12]);
const char *cli_scope_name(unsigned scope, char buf[12]);
const char *cli_type_name(unsigned type);	/* "unicast", ... */

/* ---- monitor_route.c: one route change, as `ip monitor` prints it, or
 * as a JSON event {"event", "object": "route", "dst", ...}. */
json_object *monitor_route_json(const brt_table *t, const char *event,
				const struct brt_route *r);
int monitor_route_text(FILE *f, const brt_table *t, const char *event,
		       const struct brt_route *r);

/* ---- monitor_objects.c: the other objects' changes, the same way. */
json_object *monitor_address_json(const brt_table *t, const char *event,
				  const struct brt_address *a);
json_object *monitor_link_json(const char *event, const struct brt_link *l);
json_object *monitor_rule_json(const char *event, const struct brt_rule *r);
json_object *monitor_nexthop_json(const brt_table *t, const char *event,
				  const struct brt_nhobj *n);
void monitor_object_text(FILE *f, const brt_table *t, const char *event,
			 const struct brt_live_change *c);

/* Name of a link index, escaped ("if7" when unknown); valid until the
 * same thread has asked for 8 more names. */
const char *link_name(const brt_table *t, uint32_t index, char buf[24]);

#endif
