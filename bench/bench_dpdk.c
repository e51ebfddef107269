/*
 * bench_dpdk.c - DPDK 22.11's lookup structures behind the bench's engine
 * interface: rte_fib (DIR-24-8) and rte_lpm for IPv4, rte_fib6 (trie) and
 * rte_lpm6 for IPv6. Memory is what the rte_malloc heap grew by while the
 * structure was created and filled (for rte_fib it includes its RIB).
 * rte_lpm gets its RCU (QSBR, defer queue) so updates are safe under
 * concurrent readers; rte_fib in 22.11 has no safe concurrent update.
 * rte_lpm and rte_lpm6 refuse /0: the default route is kept beside them
 * and answered on a miss, as DPDK applications do.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_fib.h>
#include <rte_fib6.h>
#include <rte_lpm.h>
#include <rte_lpm6.h>
#include <rte_malloc.h>
#include <rte_rcu_qsbr.h>

#include "bench.h"

struct dp {
	void *t;
	size_t mem;
	struct rte_rcu_qsbr *qsv;
	uint32_t def;		/* rte_lpm/rte_lpm6 take no /0: kept here */
};

int bench_dpdk_init(void)
{
	char *argv[] = { "bench_lpm", "--no-huge", "--no-pci", "-m", "3072",
			 "-l", "0", "--file-prefix=brt_bench", "--log-level=lib.*:error",
			 NULL };

	return rte_eal_init(9, argv) < 0 ? -1 : 0;
}

static size_t heap_used(void)
{
	struct rte_malloc_socket_stats st;

	if (rte_malloc_get_socket_stats(0, &st))
		return 0;
	return st.heap_allocsz_bytes;
}

static uint32_t v4(const struct bset *s, size_t i)
{
	return (uint32_t)(s->key[i] >> 96);
}

static int cmp_key(const void *a, const void *b)
{
	bkey x = *(const bkey *)a, y = *(const bkey *)b;

	return x < y ? -1 : x > y;
}

/* tbl8 groups a table needs: distinct 8-bit-stride nodes below depth 24. */
static uint32_t tbl8_needed(const struct bset *s)
{
	size_t i, n = 0, lvl;
	bkey *t = malloc(s->n * sizeof(*t));

	for (lvl = 24; lvl < (s->v6 ? 128u : 32u); lvl += 8) {
		size_t m = 0, j, u = 0;

		for (i = 0; i < s->n; i++)
			if (s->len[i] > lvl)
				t[m++] = s->key[i] >> (128 - lvl);
		if (m) {
			qsort(t, m, sizeof(*t), cmp_key);
			for (j = 0; j < m; j++)
				u += !j || t[j] != t[j - 1];
		}
		n += u;
	}
	free(t);
	return (uint32_t)(n + n / 4 + 256);
}

static void *finish(void *t, size_t before, struct rte_rcu_qsbr *qsv,
		    uint32_t def)
{
	struct dp *d;

	if (!t)
		return NULL;
	d = calloc(1, sizeof(*d));
	d->t = t;
	d->def = def;
	d->mem = heap_used() - before;
	d->qsv = qsv;
	return d;
}

static size_t dp_memory(void *e)
{
	return ((struct dp *)e)->mem;
}

/* ------------------------------------------------------------ rte_fib */

static void *fib_build(const struct bset *s)
{
	struct rte_fib_conf c;
	size_t before = heap_used(), i;
	struct rte_fib *f;
	int err;

	memset(&c, 0, sizeof(c));
	c.type = RTE_FIB_DIR24_8;
	c.default_nh = BENCH_NONE;
	c.max_routes = 2 * (int)s->n + 64;	/* RIB nodes, branches included */
	c.dir24_8.nh_sz = RTE_FIB_DIR24_8_4B;
	c.dir24_8.num_tbl8 = tbl8_needed(s);
	f = rte_fib_create("bench_fib", 0, &c);
	for (i = 0; f && i < s->n; i++)
		if ((err = rte_fib_add(f, v4(s, i), s->len[i], i))) {
			fprintf(stderr, "rte_fib_add: %s\n", strerror(-err));
			rte_fib_free(f);
			return NULL;
		}
	return finish(f, before, NULL, BENCH_NONE);
}

static void fib_destroy(void *e)
{
	rte_fib_free(((struct dp *)e)->t);
	free(e);
}

static void fib_run(void *e, const struct bset *s, int m, int bulk, size_t off,
		    size_t cnt, uint32_t *out)
{
	struct rte_fib *f = ((struct dp *)e)->t;
	uint32_t *a = s->d4[m] + off;
	uint64_t nh[BENCH_BURST];
	size_t i, j, step = bulk ? BENCH_BURST : 1;

	for (i = 0; i < cnt; i += step) {
		size_t k = cnt - i < step ? cnt - i : step;

		rte_fib_lookup_bulk(f, a + i, nh, (int)k);
		for (j = 0; j < k; j++)
			out[i + j] = (uint32_t)nh[j];
	}
}

static int fib_del(void *e, const struct bset *s, size_t i)
{
	return rte_fib_delete(((struct dp *)e)->t, v4(s, i), s->len[i]);
}

static int fib_add(void *e, const struct bset *s, size_t i)
{
	return rte_fib_add(((struct dp *)e)->t, v4(s, i), s->len[i], i);
}

const struct engine_ops bench_rte_fib = {
	"rte_fib", 0, fib_build, fib_destroy, dp_memory, fib_run, fib_del,
	fib_add, NULL, NULL, NULL,
};

/* ------------------------------------------------------------ rte_lpm */

static void *lpm_build(const struct bset *s)
{
	struct rte_lpm_config c = { (uint32_t)s->n + 64, tbl8_needed(s), 0 };
	struct rte_lpm_rcu_config rc;
	size_t before = heap_used(), i;
	struct rte_rcu_qsbr *qsv;
	struct rte_lpm *l = rte_lpm_create("bench_lpm", 0, &c);
	uint32_t def = BENCH_NONE;

	if (!l)
		return NULL;
	qsv = rte_zmalloc(NULL, rte_rcu_qsbr_get_memsize(1), RTE_CACHE_LINE_SIZE);
	rte_rcu_qsbr_init(qsv, 1);
	memset(&rc, 0, sizeof(rc));
	rc.v = qsv;
	rc.mode = RTE_LPM_QSBR_MODE_DQ;
	if (rte_lpm_rcu_qsbr_add(l, &rc))
		fprintf(stderr, "rte_lpm_rcu_qsbr_add failed\n");
	for (i = 0; i < s->n; i++) {
		int err;

		if (!s->len[i]) {
			def = (uint32_t)i;
			continue;
		}
		if ((err = rte_lpm_add(l, v4(s, i), s->len[i], (uint32_t)i))) {
			fprintf(stderr, "rte_lpm_add: %s\n", strerror(-err));
			rte_lpm_free(l);
			return NULL;
		}
	}
	return finish(l, before, qsv, def);
}

static void lpm_destroy(void *e)
{
	struct dp *d = e;

	rte_lpm_free(d->t);
	rte_free(d->qsv);
	free(d);
}

static void lpm_run(void *e, const struct bset *s, int m, int bulk, size_t off,
		    size_t cnt, uint32_t *out)
{
	struct rte_lpm *l = ((struct dp *)e)->t;
	uint32_t *a = s->d4[m] + off, def = ((struct dp *)e)->def;
	size_t i, j;

	if (!bulk) {
		for (i = 0; i < cnt; i++) {
			uint32_t nh;

			out[i] = rte_lpm_lookup(l, a[i], &nh) ? def : nh;
		}
		return;
	}
	for (i = 0; i < cnt; i += BENCH_BURST) {
		size_t k = cnt - i < BENCH_BURST ? cnt - i : BENCH_BURST;

		rte_lpm_lookup_bulk(l, a + i, out + i, (unsigned)k);
		for (j = 0; j < k; j++)
			out[i + j] = out[i + j] & RTE_LPM_LOOKUP_SUCCESS ?
				     out[i + j] & 0x00ffffff : def;
	}
}

static int lpm_del(void *e, const struct bset *s, size_t i)
{
	if (!s->len[i]) {
		((struct dp *)e)->def = BENCH_NONE;
		return 0;
	}
	return rte_lpm_delete(((struct dp *)e)->t, v4(s, i), s->len[i]);
}

static int lpm_add(void *e, const struct bset *s, size_t i)
{
	if (!s->len[i]) {
		((struct dp *)e)->def = (uint32_t)i;
		return 0;
	}
	return rte_lpm_add(((struct dp *)e)->t, v4(s, i), s->len[i],
			   (uint32_t)i);
}

static void *lpm_reader_start(void *e)
{
	struct dp *d = e;

	rte_rcu_qsbr_thread_register(d->qsv, 0);
	rte_rcu_qsbr_thread_online(d->qsv, 0);
	return d;
}

static void lpm_quiescent(void *r)
{
	rte_rcu_qsbr_quiescent(((struct dp *)r)->qsv, 0);
}

static void lpm_reader_stop(void *r)
{
	struct dp *d = r;

	rte_rcu_qsbr_thread_offline(d->qsv, 0);
	rte_rcu_qsbr_thread_unregister(d->qsv, 0);
}

const struct engine_ops bench_rte_lpm = {
	"rte_lpm", 0, lpm_build, lpm_destroy, dp_memory, lpm_run, lpm_del,
	lpm_add, lpm_reader_start, lpm_quiescent, lpm_reader_stop,
};

/* ----------------------------------------------------------- rte_fib6 */

static void *fib6_build(const struct bset *s)
{
	struct rte_fib6_conf c;
	size_t before = heap_used(), i;
	struct rte_fib6 *f;
	int err;

	memset(&c, 0, sizeof(c));
	c.type = RTE_FIB6_TRIE;
	c.default_nh = BENCH_NONE;
	c.max_routes = 2 * (int)s->n + 64;
	c.trie.nh_sz = RTE_FIB6_TRIE_4B;
	c.trie.num_tbl8 = 8 * tbl8_needed(s);	/* its ranges need more */
	f = rte_fib6_create("bench_fib6", 0, &c);
	for (i = 0; f && i < s->n; i++) {
		uint8_t b[16];

		bkey_bytes(s->key[i], b);
		if ((err = rte_fib6_add(f, b, s->len[i], i))) {
			fprintf(stderr, "rte_fib6_add: %s\n", strerror(-err));
			rte_fib6_free(f);
			return NULL;
		}
	}
	return finish(f, before, NULL, BENCH_NONE);
}

static void fib6_destroy(void *e)
{
	rte_fib6_free(((struct dp *)e)->t);
	free(e);
}

static void fib6_run(void *e, const struct bset *s, int m, int bulk,
		     size_t off, size_t cnt, uint32_t *out)
{
	struct rte_fib6 *f = ((struct dp *)e)->t;
	uint8_t (*a)[16] = s->d6[m] + off;
	uint64_t nh[BENCH_BURST];
	size_t i, j, step = bulk ? BENCH_BURST : 1;

	for (i = 0; i < cnt; i += step) {
		size_t k = cnt - i < step ? cnt - i : step;

		rte_fib6_lookup_bulk(f, a + i, nh, (int)k);
		for (j = 0; j < k; j++)
			out[i + j] = (uint32_t)nh[j];
	}
}

static int fib6_del(void *e, const struct bset *s, size_t i)
{
	uint8_t b[16];

	bkey_bytes(s->key[i], b);
	return rte_fib6_delete(((struct dp *)e)->t, b, s->len[i]);
}

static int fib6_add(void *e, const struct bset *s, size_t i)
{
	uint8_t b[16];

	bkey_bytes(s->key[i], b);
	return rte_fib6_add(((struct dp *)e)->t, b, s->len[i], i);
}

const struct engine_ops bench_rte_fib6 = {
	"rte_fib6", 1, fib6_build, fib6_destroy, dp_memory, fib6_run, fib6_del,
	fib6_add, NULL, NULL, NULL,
};

/* ----------------------------------------------------------- rte_lpm6 */

static void *lpm6_build(const struct bset *s)
{
	struct rte_lpm6_config c = { (uint32_t)s->n + 64, 2 * tbl8_needed(s), 0 };
	size_t before = heap_used(), i;
	struct rte_lpm6 *l = rte_lpm6_create("bench_lpm6", 0, &c);
	uint32_t def = BENCH_NONE;

	for (i = 0; l && i < s->n; i++) {
		uint8_t b[16];
		int err;

		if (!s->len[i]) {
			def = (uint32_t)i;
			continue;
		}
		bkey_bytes(s->key[i], b);
		if ((err = rte_lpm6_add(l, b, s->len[i], (uint32_t)i))) {
			fprintf(stderr, "rte_lpm6_add: %s\n", strerror(-err));
			rte_lpm6_free(l);
			return NULL;
		}
	}
	return finish(l, before, NULL, def);
}

static void lpm6_destroy(void *e)
{
	rte_lpm6_free(((struct dp *)e)->t);
	free(e);
}

static void lpm6_run(void *e, const struct bset *s, int m, int bulk,
		     size_t off, size_t cnt, uint32_t *out)
{
	struct rte_lpm6 *l = ((struct dp *)e)->t;
	uint8_t (*a)[16] = s->d6[m] + off;
	uint32_t def = ((struct dp *)e)->def;
	int32_t nh[BENCH_BURST];
	size_t i, j;

	if (!bulk) {
		for (i = 0; i < cnt; i++) {
			uint32_t v;

			out[i] = rte_lpm6_lookup(l, a[i], &v) ? def : v;
		}
		return;
	}
	for (i = 0; i < cnt; i += BENCH_BURST) {
		size_t k = cnt - i < BENCH_BURST ? cnt - i : BENCH_BURST;

		rte_lpm6_lookup_bulk_func(l, a + i, nh, (unsigned)k);
		for (j = 0; j < k; j++)
			out[i + j] = nh[j] < 0 ? def : (uint32_t)nh[j];
	}
}

static int lpm6_del(void *e, const struct bset *s, size_t i)
{
	uint8_t b[16];

	if (!s->len[i]) {
		((struct dp *)e)->def = BENCH_NONE;
		return 0;
	}
	bkey_bytes(s->key[i], b);
	return rte_lpm6_delete(((struct dp *)e)->t, b, s->len[i]);
}

static int lpm6_add(void *e, const struct bset *s, size_t i)
{
	uint8_t b[16];

	if (!s->len[i]) {
		((struct dp *)e)->def = (uint32_t)i;
		return 0;
	}
	bkey_bytes(s->key[i], b);
	return rte_lpm6_add(((struct dp *)e)->t, b, s->len[i], (uint32_t)i);
}

const struct engine_ops bench_rte_lpm6 = {
	"rte_lpm6", 1, lpm6_build, lpm6_destroy, dp_memory, lpm6_run, lpm6_del,
	lpm6_add, NULL, NULL, NULL,
};
