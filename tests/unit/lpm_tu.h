/* lpm_tu.h - a helper the lpm engine's tests share. */
#ifndef BRT_LPM_TU_H
#define BRT_LPM_TU_H

#include <stdint.h>
#include <stdlib.h>

#include "lpm/lpm.h"

/* The bulk lookups of @a[0..n) (network-order bytes of @family) into
 * @out; IPv4 addresses go through an array of exactly their number, so
 * that a read past the last one shows under ASan. */
static inline void tu_lpm_lookup_bulk(const struct brt_lpm *l, uint8_t family,
				      const uint8_t (*a)[16], uint32_t *out,
				      size_t n)
{
	uint32_t *a4;
	size_t i;

	if (family == BRT_AF_INET6) {
		lpm6_lookup_bulk(l, a, out, n);
		return;
	}
	a4 = malloc(n * sizeof(*a4) + 1);
	if (!a4)
		abort();
	for (i = 0; i < n; i++)
		a4[i] = (uint32_t)a[i][0] << 24 | (uint32_t)a[i][1] << 16 |
			(uint32_t)a[i][2] << 8 | a[i][3];
	lpm4_lookup_bulk(l, a4, out, n);
	free(a4);
}

#endif /* BRT_LPM_TU_H */
