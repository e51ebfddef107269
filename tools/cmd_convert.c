/*
 * cmd_convert.c - `bestroute convert --to text|json|ip-batch FILE...`:
 * the table the files make (any of our formats, `ip -j` dumps), written
 * in another format on stdout.
 *
 * ip-batch is the `ip -batch` commands that recreate the table in a
 * namespace: links as dummy links (`ip` cannot know what they were),
 * then addresses, nexthop objects, routes and rules, from the statements
 * of our text format, whose words are ip's. Derived entries are left
 * out: the kernel derives them itself. Sysctls and the policy are
 * comments (ip sets neither).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_TO = 100 };
enum to { TO_NONE, TO_TEXT, TO_JSON, TO_IPBATCH };

static const struct cli_opt convert_options[] = {
	{"to", 0, "a format (text, json, ip-batch)", OPT_TO},
	{"pretty", 'p', NULL, CLI_OPT_PRETTY},
	{"policy", 0, "linux or windows", CLI_OPT_POLICY},
	{"all", 0, NULL, CLI_OPT_ALL},
	{NULL, 0, NULL, 0},
};

static int to_word(const char *v, enum to *to)
{
	*to = !strcmp(v, "text") ? TO_TEXT : !strcmp(v, "json") ? TO_JSON
	      : !strcmp(v, "ip-batch") ? TO_IPBATCH : TO_NONE;
	if (*to == TO_NONE)
		cli_error("convert: --to: unknown format '%s' (text, json, ip-batch)", v);
	return *to == TO_NONE ? -1 : 0;
}

static int parse(int argc, char **argv, struct table_opts *o, enum to *to,
		 unsigned *flags, bool *pretty)
{
	const char *v;
	int i = 0, id;

	while ((id = cli_opt_next("convert", convert_options, argc, argv, &i, &v)) > 0) {
		if (id == OPT_TO && to_word(v, to))
			return CLI_OPT_ERROR;
		if (id == CLI_OPT_ALL)
			*flags |= BRT_WRITE_ALL;
		if (id == CLI_OPT_PRETTY)
			*pretty = true;
		if (id == CLI_OPT_POLICY && table_opts_set(o, "convert", id, v) < 0)
			return CLI_OPT_ERROR;
	}
	if (id != CLI_OPT_END)
		return id;
	if (*to == TO_NONE)
		cli_error("convert: which format? (--to text, json or ip-batch)");
	else if (i >= argc)
		cli_error("convert: which files? (FILE... or - for standard input)");
	for (; *to != TO_NONE && i < argc; i++)
		table_opts_set(o, "convert", CLI_OPT_TABLE, argv[i]);
	if (*to == TO_NONE || !o->n_specs) {
		cli_try_help("convert");
		return CLI_OPT_ERROR;
	}
	return CLI_OPT_END;
}

int cmd_convert(int argc, char **argv)
{
	struct table_opts o = {NULL, 0, -1};
	enum to to = TO_NONE;
	unsigned flags = 0;
	bool pretty = false, live;
	brt_table *t;
	int rc = parse(argc, argv, &o, &to, &flags, &pretty);

	if (rc != CLI_OPT_END) {
		table_opts_free(&o);
		return rc == CLI_OPT_HELP ? cli_help("convert") : CLI_EXIT_USAGE;
	}
	t = table_opts_open(&o, &live);
	table_opts_free(&o);
	if (!t)
		return CLI_EXIT_USAGE;
	if (to == TO_TEXT)
		rc = show_print(stdout, t, flags);
	else if (to == TO_JSON)
		rc = show_json(stdout, t, flags & BRT_WRITE_ALL, pretty) ? CLI_EXIT_USAGE : CLI_EXIT_OK;
	else
		rc = convert_ip_batch(stdout, t);
	brt_table_destroy(t);
	return rc;
}
