/* cmd_snapshot.c - `bestroute snapshot [--all]`: the live host as a table file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_snapshot(int argc, char **argv)
{
	unsigned flags = 0;
	brt_table *t = NULL;
	char err[512], *text = NULL;
	int i, e;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--all")) {
			flags |= BRT_WRITE_ALL;
		} else {
			cli_error("snapshot: unknown argument '%s'", argv[i]);
			return 2;
		}
	}
	e = brt_live_snapshot(&t, err, sizeof(err));
	if (e) {
		cli_error("snapshot: %s (%s)", err[0] ? err : "failed",
			  brt_strerror(e));
		return 1;
	}
	e = brt_table_write_text(t, flags, &text);
	brt_table_destroy(t);
	if (e) {
		cli_error("snapshot: cannot write the table: %s", brt_strerror(e));
		return 1;
	}
	fputs(text, stdout);
	free(text);
	return fflush(stdout) ? 1 : 0;
}
