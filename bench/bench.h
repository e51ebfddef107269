/* bench.h - what the lookup benchmark's engines share. */
#ifndef BRT_BENCH_H
#define BRT_BENCH_H

#include <stddef.h>
#include <stdint.h>

#define BENCH_NONE 0x7fffffffu	/* answer when no prefix matches */
/* Lookups per bulk call, for every engine alike: DPDK's bulk functions
 * are made for bursts of packets, and a longer call lets a bulk lookup
 * fetch further ahead. */
#define BENCH_BURST 64u

typedef unsigned __int128 bkey;	/* left-aligned address or prefix */

/* A prefix set and its destinations; prefix i maps to value i. */
struct bset {
	const char *name;
	int v6;
	size_t n;
	bkey *key;
	uint8_t *len;
	size_t nd;		/* destinations of each kind */
	uint32_t *d4[2];	/* [0] uniform, [1] inside prefixes (IPv4) */
	uint8_t (*d6[2])[16];	/* the same for IPv6 */
};

struct engine_ops {
	const char *name;
	int v6;
	void *(*build)(const struct bset *s);	/* NULL on failure */
	void (*destroy)(void *e);
	size_t (*memory)(void *e);
	/* answers for destinations [off, off+cnt) of kind @matched */
	void (*run)(void *e, const struct bset *s, int matched, int bulk,
		    size_t off, size_t cnt, uint32_t *out);
	int (*del)(void *e, const struct bset *s, size_t i);
	int (*add)(void *e, const struct bset *s, size_t i);
	/* a lookup thread's quiescent-state protocol (NULL: none needed) */
	void *(*reader_start)(void *e);
	void (*reader_quiescent)(void *r);
	void (*reader_stop)(void *r);
};

static inline void bkey_bytes(bkey k, uint8_t *b)
{
	int i;

	for (i = 15; i >= 0; i--, k >>= 8)
		b[i] = (uint8_t)k;
}

/* bench_lpm.c: the report, its RATIO lines, the clock */
void bench_out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bench_ratio(const char *name, double num, double den);
void bench_value(const char *name, double v);
double bench_now(void);
/* bench_answers.c: the "answers" section on the full sets */
void bench_answers(const struct bset *v4, const struct bset *v6, int dpdk);

#ifdef BENCH_HAVE_DPDK
/* bench_dpdk.c */
int bench_dpdk_init(void);
extern const struct engine_ops bench_rte_fib, bench_rte_lpm, bench_rte_fib6,
	bench_rte_lpm6;
#endif

#endif
