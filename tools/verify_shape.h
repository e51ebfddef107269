/* verify_shape.h - the query shapes `bestroute verify` draws (verify_shape.c). */
#ifndef BRT_TOOLS_VERIFY_SHAPE_H
#define BRT_TOOLS_VERIFY_SHAPE_H

#include <stdint.h>

#include "bestroute/bestroute.h"

enum verify_shape {
	VS_PLAIN, VS_FROM_HOST, VS_FROM_LOOPBACK, VS_FROM_UNSPEC, VS_FROM_NONLOCAL,
	VS_FROM_MCAST, VS_OIF, VS_MARK, VS_UID, VS_TOS, VS_FROM_OIF, VS_FROM_MARK,
	VS_COUNT
};

/* "plain", "from-host", ...: the word --shapes takes. */
const char *verify_shape_name(int s);
/* The bit set of the comma-separated words of @list, or 0 (an unknown word,
 * named in @bad) . */
uint32_t verify_shapes_parse(const char *list, const char **bad, size_t *badlen);
/*
 * verify_shape_apply - give @q (its destination drawn) the source, output
 * interface, mark, uid or tos of shape @s, drawn from @t's links and
 * addresses with @rng. A shape the host cannot give (no address of the
 * family) leaves the query plain.
 */
void verify_shape_apply(int s, const brt_table *t, uint64_t *rng, struct brt_query *q);

#endif
