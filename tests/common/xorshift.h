/*
 * xorshift.h - the one pseudo-random generator of the tests and benchmarks
 * (Marsaglia's xorshift64, shifts 13, 7, 17): fast, and the same sequence
 * for the same seed on every machine, so a failure replays from its seed.
 * Each program keeps its own state (and seed); never 0.
 */
#ifndef BRT_TESTS_XORSHIFT_H
#define BRT_TESTS_XORSHIFT_H

#include <stdint.h>

static inline uint64_t xorshift64(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

#endif /* BRT_TESTS_XORSHIFT_H */
