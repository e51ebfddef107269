/* cmd_snapshot.c - `bestroute snapshot [-4|-6] [--all]`: the live host as a
 * table file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct cli_opt snapshot_options[] = {
	CLI_OPTS_FAMILY,
	{"all", 0, NULL, CLI_OPT_ALL},
	{NULL, 0, NULL, 0},
};

int cmd_snapshot(int argc, char **argv)
{
	unsigned flags = 0;
	brt_table *t = NULL;
	const char *v;
	char err[512] = "";
	int i = 0, id, e, family = 0;

	while ((id = cli_opt_next("snapshot", snapshot_options, argc, argv, &i, &v)) > 0) {
		if (id == CLI_OPT_ALL)
			flags |= BRT_WRITE_ALL;
		else
			family = id == CLI_OPT_V4 ? BRT_AF_INET : BRT_AF_INET6;
	}
	if (id == CLI_OPT_HELP)
		return cli_help("snapshot");
	if (id == CLI_OPT_END && i < argc) {
		cli_error("snapshot: unknown word '%s'", argv[i]);
		cli_try_help("snapshot");
	}
	if (id == CLI_OPT_ERROR || i < argc)
		return CLI_EXIT_USAGE;
	e = brt_live_snapshot(&t, err, sizeof(err));
	if (e) {
		cli_error("snapshot: %s (%s)", err[0] ? err : "failed", brt_strerror(e));
		return CLI_EXIT_USAGE;
	}
	t = table_filter_family(t, family, "snapshot");
	if (!t)
		return CLI_EXIT_USAGE;
	e = show_print(stdout, t, flags);
	brt_table_destroy(t);
	return e;
}
