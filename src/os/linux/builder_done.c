/*
 * builder_done.c - finishing a builder the OS layer filled, with the
 * builder's message when it fails (os.h).
 */
#include <stdio.h>

#include "os.h"

int os_builder_done(brt_builder *b, int e, brt_table **out, const char *what,
		    char *err, size_t errlen)
{
	if (!e)
		e = brt_builder_finish(b, out);
	if (e && err && errlen && !err[0])
		snprintf(err, errlen, "%s%s%s", what ? what : "",
			 what ? ": " : "", brt_builder_error(b));
	brt_builder_destroy(b);
	return e;
}
