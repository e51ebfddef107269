/*
 * show_json.c - `bestroute show --json`: the table as the library's JSON
 * table document (brt_table_write_json), which --table reads back.
 */
#include <stdlib.h>

#include "cli.h"

int show_json(FILE *f, const brt_table *t, bool all, bool pretty)
{
	char *text = NULL;
	int rc = brt_table_write_json(t, (all ? BRT_WRITE_ALL : 0) |
					 (pretty ? BRT_WRITE_PRETTY : 0), &text);

	if (rc) {
		cli_error("cannot write the table as JSON: %s", brt_strerror(rc));
		return -1;
	}
	fputs(text, f);
	free(text);
	return fflush(f) ? -1 : 0;
}
