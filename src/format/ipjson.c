/* ipjson.c - placeholder, replaced by the ip -j importer. */
#include "format.h"

int brt_builder_load_ipjson(brt_builder *b, const char *name, int family,
			    const char *data, size_t len, char *err,
			    size_t errlen)
{
	(void)b, (void)name, (void)family, (void)data, (void)len, (void)err,
		(void)errlen;
	return BRT_ENOTSUP;
}
