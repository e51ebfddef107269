/* verify_dest.h - destinations for `bestroute verify` (public API only). */
#ifndef BRT_TOOLS_VERIFY_DEST_H
#define BRT_TOOLS_VERIFY_DEST_H

#include <stddef.h>
#include <stdint.h>

#include "bestroute/bestroute.h"

struct verify_pool {
	struct brt_addr *addr;
	size_t n, cap;
};

/* The next pseudo-random number of @state (any seed, 0 included). */
uint64_t verify_rand(uint64_t *state);
/* The host's own interesting addresses (never multicast); 0 or -1 (memory). */
int verify_pool_fill(struct verify_pool *p, const brt_table *t, uint64_t *rng);
void verify_pool_free(struct verify_pool *p);
/* One destination: a pool entry (3 in 4) or a random IPv4/IPv6 address. */
void verify_draw(const struct verify_pool *p, uint64_t *rng, struct brt_addr *out);

#endif
