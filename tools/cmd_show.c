/* cmd_show.c - `bestroute show`: the table in our text format, or JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct cli_opt show_options[] = {
	CLI_OPTS_JSON, CLI_OPTS_TABLE, CLI_OPTS_FAMILY,
	{"all", 0, NULL, CLI_OPT_ALL},
	{NULL, 0, NULL, 0},
};

struct show_opts {
	struct table_opts tables;
	unsigned flags;		/* BRT_WRITE_* */
	int family;		/* -4/-6, or 0 */
	bool json, pretty;
};

/* 0, or a CLI_OPT_* code (HELP, ERROR) */
static int parse(int argc, char **argv, struct show_opts *o)
{
	const char *v;
	int i = 0, id;

	while ((id = cli_opt_next("show", show_options, argc, argv, &i, &v)) > 0) {
		if (id == CLI_OPT_ALL)
			o->flags |= BRT_WRITE_ALL;
		else if (id == CLI_OPT_JSON)
			o->json = true;
		else if (id == CLI_OPT_PRETTY)
			o->pretty = true;
		else if (id == CLI_OPT_V4 || id == CLI_OPT_V6)
			o->family = id == CLI_OPT_V4 ? BRT_AF_INET : BRT_AF_INET6;
		else if (table_opts_set(&o->tables, "show", id, v) < 0)
			return CLI_OPT_ERROR;
	}
	if (id == CLI_OPT_END && i < argc) {
		cli_error("show: unknown word '%s'", argv[i]);
		cli_try_help("show");
		return CLI_OPT_ERROR;
	}
	return id;
}

int show_print(FILE *f, const brt_table *t, unsigned flags)
{
	char *text = NULL;
	int rc = brt_table_write_text(t, flags, &text);

	if (rc)
		cli_error("cannot write the table: %s", brt_strerror(rc));
	else
		cli_fputs_escaped(text, f);
	free(text);
	return rc || fflush(f) ? CLI_EXIT_USAGE : CLI_EXIT_OK;
}

int cmd_show(int argc, char **argv)
{
	struct show_opts o;
	brt_table *t;
	bool live;
	int rc;

	memset(&o, 0, sizeof(o));
	o.tables.policy = -1;
	rc = parse(argc, argv, &o);
	if (rc != CLI_OPT_END) {
		table_opts_free(&o.tables);
		return rc == CLI_OPT_HELP ? cli_help("show") : CLI_EXIT_USAGE;
	}
	t = table_opts_open(&o.tables, &live);
	table_opts_free(&o.tables);
	t = table_filter_family(t, o.family, "show");
	if (!t)
		return CLI_EXIT_USAGE;
	if (o.json)
		rc = show_json(stdout, t, o.flags & BRT_WRITE_ALL, o.pretty) ? CLI_EXIT_USAGE
									   : CLI_EXIT_OK;
	else
		rc = show_print(stdout, t, o.flags);
	brt_table_destroy(t);
	return rc;
}
