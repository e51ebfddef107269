/*
 * fuzz_ipjson.c - the `ip -j` dump importer: any bytes, under each family
 * hint, load or fail with a message; never crash, leak or leave a builder
 * that cannot finish or be destroyed.
 */
#include <stdint.h>

#include "bestroute/bestroute.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int families[] = {BRT_AF_UNSPEC, BRT_AF_INET, BRT_AF_INET6};
	brt_builder *b;
	brt_table *t = NULL;
	char err[256];
	int family;

	if (size < 1)
		return 0;
	family = families[data[0] % 3];
	b = brt_builder_create();
	if (!b)
		return 0;
	if (brt_builder_load_ipjson(b, "fuzz", family, (const char *)data + 1,
				    size - 1, err, sizeof(err)) == 0 &&
	    brt_builder_finish(b, &t) == 0)
		brt_table_destroy(t);
	brt_builder_destroy(b);
	return 0;
}
