/* cmd_show.c - `bestroute show`: the table in our text format, or JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_show(int argc, char **argv)
{
	struct table_opts o = {NULL, 0, -1};
	unsigned flags = 0;
	bool json = false;
	brt_table *t;
	char *text = NULL;
	bool live;
	int i, taken, rc;

	for (i = 0; i < argc; i++) {
		taken = table_opts_take(&o, argc, argv, &i);
		if (taken < 0)
			goto usage;
		if (taken)
			continue;
		if (!strcmp(argv[i], "--all"))
			flags |= BRT_WRITE_ALL;
		else if (!strcmp(argv[i], "--json"))
			json = true;
		else
			goto usage;
	}
	t = table_opts_open(&o, &live);
	table_opts_free(&o);
	if (!t)
		return 1;
	if (json) {
		show_json(stdout, t, flags & BRT_WRITE_ALL);
		brt_table_destroy(t);
		return 0;
	}
	rc = brt_table_write_text(t, flags, &text);
	if (rc)
		cli_error("show: %s", brt_strerror(rc));
	else
		fputs(text, stdout);
	free(text);
	brt_table_destroy(t);
	return rc ? 1 : 0;
usage:
	table_opts_free(&o);
	cli_error("usage: bestroute show [--table FILE]... [--policy linux|windows] [--all] [--json]");
	return 1;
}
