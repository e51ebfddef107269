/* text_parse.c - placeholder, replaced by the text-format parser. */
#include "format.h"

int brt_builder_load_text(brt_builder *b, const char *name, const char *data,
			  size_t len, char *err, size_t errlen)
{
	(void)b, (void)name, (void)data, (void)len, (void)err, (void)errlen;
	return BRT_ENOTSUP;
}
