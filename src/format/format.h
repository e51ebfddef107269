/* format.h - shared by the table-file readers and writers (not installed). */
#ifndef BRT_FORMAT_FORMAT_H
#define BRT_FORMAT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "bestroute/bestroute.h"

/* Split a table file's spec "inet:PATH" / "inet6:PATH" / "PATH": the
 * path part, and in @family the family it names (BRT_AF_UNSPEC if none). */
const char *fmt_split_spec(const char *spec, int *family);
/* Load one file's bytes (@name for messages) into @b in whichever format
 * they are: 0 or a negative BRT_E* code with the message in @err. */
int fmt_load_bytes(brt_builder *b, const char *name, int family,
		   const char *data, size_t len, char *err, size_t errlen);

#endif
