/*
 * fuzz_text.c - the table text parser, and the writer as its inverse.
 *
 * Whatever the bytes, loading never crashes. When they load and finish,
 * the written text must load and finish again, write back to the same
 * text (the writer is a fixed point after one round), and the re-read
 * table must answer the same as the first for the destination of each of
 * its routes (the promise of brt_table_write_text).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bestroute/bestroute.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static brt_table *load(const char *text, size_t len)
{
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;
	char err[256];

	if (b && brt_builder_load_text(b, "fuzz", text, len, err, sizeof(err)) == 0)
		brt_builder_finish(b, &t);
	brt_builder_destroy(b);
	return t;
}

static void same_answer(const brt_table *a, const brt_table *b,
			const struct brt_addr *dst)
{
	struct brt_query q;
	struct brt_result ra, rb;
	int ea, eb;

	brt_query_init(&q);
	q.dst = *dst;
	ea = brt_table_lookup(a, &q, &ra);
	eb = brt_table_lookup(b, &q, &rb);
	if (ea != eb || ra.status != rb.status || ra.ifindex != rb.ifindex ||
	    !brt_addr_equal(&ra.gateway, &rb.gateway) ||
	    !brt_addr_equal(&ra.source, &rb.source))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	brt_table *t1, *t2;
	char *text1 = NULL, *text2 = NULL;
	size_t i;

	t1 = load((const char *)data, size);
	if (!t1)
		return 0;
	if (brt_table_write_text(t1, 0, &text1))
		abort();
	t2 = load(text1, strlen(text1));
	if (!t2)	/* our own output must read back */
		abort();
	if (brt_table_write_text(t2, 0, &text2) || strcmp(text1, text2))
		abort();
	for (i = 0; i < brt_table_route_count(t1) && i < 64; i++)
		same_answer(t1, t2, &brt_table_route(t1, i)->dst.addr);
	free(text1);
	free(text2);
	brt_table_destroy(t1);
	brt_table_destroy(t2);
	return 0;
}
