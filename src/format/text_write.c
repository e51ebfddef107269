/* text_write.c - placeholder, replaced by the text-format writer. */
#include "format.h"

int brt_table_write_text(const brt_table *t, unsigned flags, char **out)
{
	(void)t, (void)flags, (void)out;
	return BRT_ENOTSUP;
}
