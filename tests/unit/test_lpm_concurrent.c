/*
 * test_lpm_concurrent.c - lookups on reader threads while one writer
 * inserts and deletes: every answer must be one that some published
 * version gives (base table plus any subset of the toggled prefixes), and
 * memory is reused only after readers passed a quiescent point (a reused
 * block seen by a reader would produce answers outside the allowed set).
 * The engine starts with small arenas, so they move (grow) while the
 * readers run; a reader left on an unmapped copy would crash. A small
 * IPv4 table toggles around the bound of the range-array form (small.c),
 * so readers also meet it coming and going.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "lpm/lpm.h"
#include "lpm/lpm_impl.h"
#include "model/model.h"
#include "testutil.h"

#define N_BASE 3000
#define N_TOGGLE 200
#define N_PROBE 4096
#define MAX_ALLOWED 8

struct pfx {
	uint8_t a[16];
	unsigned len;
};

struct world {
	uint8_t family;
	unsigned bytes;
	unsigned nbase, ntog;	/* <= N_BASE, N_TOGGLE */
	struct brt_lpm *l;
	struct pfx base[N_BASE], tog[N_TOGGLE];
	uint8_t probe[N_PROBE][16];
	uint32_t allowed[N_PROBE][MAX_ALLOWED];
	unsigned n_allowed[N_PROBE];
	atomic_int stop;
	atomic_long bad, lookups;
};

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void make_pfx(struct world *w, struct pfx *p, uint64_t *s,
		     unsigned minlen, unsigned span)
{
	unsigned i;

	for (i = 0; i < 16; i++)
		p->a[i] = i < w->bytes ? (uint8_t)rnd(s) : 0;
	p->a[0] &= 0x3f;	/* keep the tables dense */
	p->len = minlen + (unsigned)(rnd(s) % span);
	core_bits_mask(p->a, 16, p->len);
}

/* The values an address may get: the base answer, or a longer toggled one. */
static void allowed_of(struct world *w, unsigned i)
{
	const uint8_t *a = w->probe[i];
	unsigned j, best = 0, n = 0;
	int bi = -1;

	for (j = 0; j < w->nbase; j++)
		if (core_bits_match(w->base[j].a, a, w->base[j].len) &&
		    (bi < 0 || w->base[j].len >= best))	/* last one wins */
			bi = (int)j, best = w->base[j].len;
	w->allowed[i][n++] = bi < 0 ? BRT_LPM_NONE : (uint32_t)bi;
	for (j = 0; j < w->ntog && n < MAX_ALLOWED; j++)
		if (core_bits_match(w->tog[j].a, a, w->tog[j].len) &&
		    (bi < 0 || w->tog[j].len > best))
			w->allowed[i][n++] = 100000 + j;
	w->n_allowed[i] = n;
}

static bool is_allowed(const struct world *w, unsigned i, uint32_t v)
{
	unsigned j;

	for (j = 0; j < w->n_allowed[i]; j++)
		if (w->allowed[i][j] == v)
			return true;
	return false;
}

static void *reader(void *arg)
{
	struct world *w = arg;
	struct brt_lpm_reader *r = lpm_reader_register(w->l);
	uint32_t a4[64], out[64];
	long n = 0;
	unsigned i, base = 0;

	if (!r) {
		atomic_fetch_add(&w->bad, 1);
		return NULL;
	}
	while (!atomic_load(&w->stop)) {
		base = (base + 64) % N_PROBE;
		if (w->family == BRT_AF_INET) {
			for (i = 0; i < 64; i++)
				a4[i] = (uint32_t)w->probe[base + i][0] << 24 |
					(uint32_t)w->probe[base + i][1] << 16 |
					(uint32_t)w->probe[base + i][2] << 8 |
					w->probe[base + i][3];
			lpm4_lookup_bulk(w->l, a4, out, 64);
		} else {
			lpm6_lookup_bulk(w->l, (const uint8_t (*)[16])
					     w->probe[base], out, 64);
		}
		for (i = 0; i < 64; i++) {
			if (!is_allowed(w, base + i, out[i]) ||
			    !is_allowed(w, base + i,
					lpm_lookup(w->l, w->probe[base + i])))
				atomic_fetch_add(&w->bad, 1);
		}
		n += 128;
		lpm_reader_quiescent(r);
	}
	lpm_reader_unregister(r);
	atomic_fetch_add(&w->lookups, n);
	return NULL;
}

static bool same(const struct pfx *a, const struct pfx *b)
{
	return a->len == b->len && !memcmp(a->a, b->a, 16);
}

/* Whether toggled prefix @n equals a base prefix or an earlier toggle. */
static bool held(const struct world *w, const struct pfx *p, unsigned n)
{
	unsigned j;

	for (j = 0; j < w->nbase; j++)
		if (same(&w->base[j], p))
			return true;
	for (j = 0; j < n; j++)
		if (same(&w->tog[j], p))
			return true;
	return false;
}

static void setup(struct world *w, uint8_t family, unsigned nbase,
		  unsigned ntog)
{
	uint64_t s = 12345;
	unsigned i, bits = family == BRT_AF_INET ? 32 : 128;

	memset(w, 0, sizeof(*w));
	w->family = family;
	w->bytes = bits / 8;
	w->nbase = nbase;
	w->ntog = ntog;
	assert_int_equal(lpm_create(&w->l, family, 0, 0), 0);
	for (i = 0; i < nbase; i++) {
		make_pfx(w, &w->base[i], &s, 8, family == BRT_AF_INET ? 17 : 60);
		assert_int_equal(lpm_insert(w->l, w->base[i].a,
						w->base[i].len, i), 0);
	}
	for (i = 0; i < ntog; i++)
		do
			make_pfx(w, &w->tog[i], &s, i % 10 ? 12 : 2,
				 family == BRT_AF_INET ? 21 : 110);
		while (held(w, &w->tog[i], i));
	for (i = 0; i < N_PROBE; i++) {
		const struct pfx *p = i % 2 ? &w->tog[rnd(&s) % ntog]
					    : &w->base[rnd(&s) % nbase];
		unsigned k;

		for (k = 0; k < 16; k++)
			w->probe[i][k] = k < w->bytes ? (uint8_t)rnd(&s) : 0;
		memcpy(w->probe[i], p->a, p->len / 8);
		allowed_of(w, i);
	}
}

static void run(uint8_t family, unsigned nbase, unsigned ntog,
		unsigned updates)
{
	static struct world w;
	pthread_t th[2];
	bool present[N_TOGGLE] = { false };
	uint64_t s = 777;
	char msg[160];
	unsigned i;
	uint32_t caps;

	setup(&w, family, nbase, ntog);
	caps = w.l->na.cap + w.l->la.cap + w.l->ha.cap;
	for (i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&th[i], NULL, reader, &w), 0);
	for (i = 0; i < updates; i++) {
		unsigned j = (unsigned)(rnd(&s) % ntog);

		if (present[j])
			assert_int_equal(lpm_delete(w.l, w.tog[j].a,
							w.tog[j].len), 0);
		else
			assert_int_equal(lpm_insert(w.l, w.tog[j].a,
							w.tog[j].len,
							100000 + j), 0);
		present[j] = !present[j];
		if (i % 1000 == 0)
			assert_int_equal(lpm_check(w.l, msg, sizeof(msg)), 0);
	}
	atomic_store(&w.stop, 1);
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	assert_int_equal(lpm_check(w.l, msg, sizeof(msg)), 0);
	assert_int_equal(atomic_load(&w.bad), 0);
	assert_true(atomic_load(&w.lookups) > 0);
	if (nbase > 1000)	/* a few dozen prefixes fit the first arenas */
		assert_true(w.l->na.cap + w.l->la.cap + w.l->ha.cap > caps);
	/* with the readers gone everything retired can be reused */
	lpm_reclaim(w.l);
	assert_int_equal(lpm_check(w.l, msg, sizeof(msg)), 0);
	lpm_destroy(w.l);
}

static void concurrent_v4(void **state)
{
	(void)state;
	run(BRT_AF_INET, N_BASE, N_TOGGLE, 30000);
}

/* 20 prefixes and 24 toggled: the table crosses 31 prefixes both ways. */
static void concurrent_small(void **state)
{
	(void)state;
	run(BRT_AF_INET, 20, 24, 30000);
}

static void concurrent_v6(void **state)
{
	(void)state;
	run(BRT_AF_INET6, N_BASE, N_TOGGLE, 20000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(concurrent_v4),
		cmocka_unit_test(concurrent_v6),
		cmocka_unit_test(concurrent_small),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
