/* os.h - what the OS layer's files share (not installed). */
#ifndef BRT_OS_LINUX_OS_H
#define BRT_OS_LINUX_OS_H

#include <stddef.h>

#include "bestroute/bestroute.h"

/*
 * The last step of every table the OS layer builds (files, snapshot, live
 * versions): when @e is 0, finish @b into @out; then destroy @b. Returns
 * @e or finish's error. When the result is an error and @err holds no
 * message yet (err[0] == 0), it gets "@what: " and the builder's message
 * (its own message, without @what, when @what is NULL).
 */
int os_builder_done(brt_builder *b, int e, brt_table **out, const char *what,
		    char *err, size_t errlen);

#endif /* BRT_OS_LINUX_OS_H */
