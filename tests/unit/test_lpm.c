/*
 * test_lpm.c - the fast lpm engine against a naive reference: random
 * tables in random insertion orders, deletions, value replacement, nested
 * prefixes, /0, host routes, prefixes at the top of the address space;
 * the nesting walks (covering, below) against naive answers;
 * lpm_check() after every mutation, with single and bulk lookups
 * against the reference; bulk lookups equal single ones; every slot of
 * a head, at its first and last address.
 */
#include <stdlib.h>
#include <string.h>

#include "lpm/lpm.h"
#include "lpm/lpm_impl.h"
#include "model/model.h"
#include "testutil.h"
#include "lpm_tu.h"
#include "xorshift.h"

struct ref_pfx {
	uint8_t a[16];
	unsigned len;
	uint32_t value;
	bool live;
};

struct ref {
	struct ref_pfx *p;
	size_t n;
	unsigned bytes;
};

static uint64_t rng_state = 88172645463325252ull;

static uint64_t rnd(void)
{
	return xorshift64(&rng_state);
}

static uint32_t ref_lookup(const struct ref *r, const uint8_t *a)
{
	int best = -1;
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->p[i].live && (best < 0 || r->p[i].len > r->p[best].len) &&
		    core_bits_match(r->p[i].a, a, r->p[i].len))
			best = (int)i;
	return best < 0 ? BRT_LPM_NONE : r->p[best].value;
}

/* Set bits [from, from + n) of @a (big-endian) to the low @n bits of @v. */
static void put_bits(uint8_t *a, unsigned from, unsigned n, uint64_t v)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		unsigned b = from + i, bit = (unsigned)(v >> (n - 1 - i)) & 1;

		a[b / 8] = (uint8_t)((a[b / 8] & ~(0x80u >> (b % 8))) |
				     (bit << (7 - b % 8)));
	}
}

/* An address near the interesting spots of the table. */
static void probe(const struct ref *r, uint8_t *a)
{
	unsigned i, k = (unsigned)(rnd() % 4);

	for (i = 0; i < 16; i++)
		a[i] = (uint8_t)rnd();
	if (k == 0 && r->n) {	/* inside a prefix, often at its ends */
		const struct ref_pfx *p = &r->p[rnd() % r->n];
		uint8_t fill = (rnd() & 1) ? 0xff : 0x00;

		for (i = 0; i < r->bytes * 8; i++) {
			unsigned bit = i < p->len ? (p->a[i / 8] >> (7 - i % 8)) & 1
				       : (rnd() % 3 ? (fill & 1) : (unsigned)rnd() & 1);

			put_bits(a, i, 1, bit);
		}
	} else if (k == 1) {	/* the top of the address space */
		for (i = 0; i < 16; i++)
			a[i] = i < 4 + rnd() % 12 ? 0xff : a[i];
	}
}

static void random_prefix(const struct ref *r, unsigned bits,
			  struct ref_pfx *p);

static uint32_t ref_covering(const struct ref *r, const struct ref_pfx *q)
{
	int best = -1;
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->p[i].live && r->p[i].len < q->len &&
		    (best < 0 || r->p[i].len > r->p[best].len) &&
		    core_bits_match(r->p[i].a, q->a, r->p[i].len))
			best = (int)i;
	return best < 0 ? BRT_LPM_NONE : r->p[best].value;
}

/* Whether a held prefix lies strictly between @q and @p. */
static bool ref_between(const struct ref *r, const struct ref_pfx *q,
			const struct ref_pfx *p)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->p[i].live && r->p[i].len > q->len &&
		    r->p[i].len < p->len &&
		    core_bits_match(r->p[i].a, p->a, r->p[i].len))
			return true;
	return false;
}

struct collected {
	uint32_t v[4096];
	size_t n;
};

static void collect(void *arg, uint32_t value)
{
	struct collected *c = arg;

	if (c->n < 4096)
		c->v[c->n++] = value;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* lpm_covering and lpm_below against the naive answers. */
static void verify_nesting(const struct brt_lpm *l, struct ref *r)
{
	static struct collected got, want;
	struct ref_pfx q;
	size_t i, n;

	random_prefix(r, r->bytes * 8, &q);
	assert_int_equal(lpm_covering(l, q.a, q.len), ref_covering(r, &q));
	got.n = want.n = 0;
	n = lpm_below(l, q.a, q.len, collect, &got);
	assert_int_equal(n, got.n);
	for (i = 0; i < r->n; i++)
		if (r->p[i].live && r->p[i].len > q.len &&
		    core_bits_match(r->p[i].a, q.a, q.len) &&
		    !ref_between(r, &q, &r->p[i]))
			collect(&want, r->p[i].value);
	assert_int_equal(got.n, want.n);
	qsort(got.v, got.n, sizeof(got.v[0]), cmp_u32);
	qsort(want.v, want.n, sizeof(want.v[0]), cmp_u32);
	assert_memory_equal(got.v, want.v, got.n * sizeof(got.v[0]));
}

#define VERIFY_MAX 3000

/* The structure audits clean, and @n probes answer as the reference
 * does, looked up one by one and in one bulk call (whose batches walk
 * level by level: a deep prefix takes a different path there). */
static void verify(const struct brt_lpm *l, const struct ref *r, unsigned n)
{
	static uint8_t a[VERIFY_MAX][16];
	static uint32_t bulk[VERIFY_MAX];
	char msg[160];
	unsigned i;

	assert_true(n <= VERIFY_MAX);
	if (lpm_check(l, msg, sizeof(msg)))
		fail_msg("check: %s", msg);
	for (i = 0; i < n; i++)
		probe(r, a[i]);
	tu_lpm_lookup_bulk(l, r->bytes == 16 ? BRT_AF_INET6 : BRT_AF_INET,
			   (const uint8_t (*)[16])a, bulk, n);
	for (i = 0; i < n; i++) {
		uint32_t want = ref_lookup(r, a[i]);

		if (lpm_lookup(l, a[i]) != want)
			fail_msg("lookup differs from the reference: %u vs %u",
				 lpm_lookup(l, a[i]), want);
		if (bulk[i] != want)
			fail_msg("bulk lookup %u of %u differs from the "
				 "reference: %u vs %u", i, n, bulk[i], want);
	}
}

/* A prefix: random, nested in or around an existing one, or at the top. */
static void random_prefix(const struct ref *r, unsigned bits, struct ref_pfx *p)
{
	unsigned i, k = (unsigned)(rnd() % 5);

	memset(p, 0, sizeof(*p));
	for (i = 0; i < bits / 8; i++)
		p->a[i] = (uint8_t)rnd();
	p->len = (unsigned)(rnd() % (bits + 1));
	if (k == 0 && r->n) {
		const struct ref_pfx *q = &r->p[rnd() % r->n];

		memcpy(p->a, q->a, 16);
		p->len = q->len + (unsigned)(rnd() % 9);
		p->len = p->len > bits ? bits : p->len;
		if (rnd() & 1)
			p->len = q->len > 6 ? q->len - (unsigned)(rnd() % 6) : 0;
	} else if (k == 1) {
		memset(p->a, 0xff, bits / 8);
		p->len = bits - (unsigned)(rnd() % 12);
	} else if (k == 2) {
		p->len = bits - (unsigned)(rnd() % 3);
	}
	core_bits_mask(p->a, bits / 8, p->len);
	p->value = (uint32_t)(rnd() % 1000);
	p->live = true;
}

static struct ref_pfx *ref_find(struct ref *r, const struct ref_pfx *p)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->p[i].len == p->len && !memcmp(r->p[i].a, p->a, 16))
			return &r->p[i];
	return NULL;
}

/* Insert into @l and @r a prefix of @len bits of @a with @value. */
static void add_prefix(struct brt_lpm *l, struct ref *r, const uint8_t *a,
		       unsigned len, uint32_t value)
{
	struct ref_pfx p = { .len = len, .value = value, .live = true };
	struct ref_pfx *old;

	memcpy(p.a, a, 16);
	core_bits_mask(p.a, r->bytes, len);
	assert_int_equal(lpm_insert(l, p.a, len, value), 0);
	old = ref_find(r, &p);
	if (old)
		old->value = value;
	else
		r->p[r->n++] = p;
}

static void run_random(uint8_t family, unsigned dbits, unsigned count)
{
	unsigned bits = family == BRT_AF_INET ? 32 : 128, i;
	struct ref r = { calloc(count, sizeof(struct ref_pfx)), 0, bits / 8 };
	struct brt_lpm *l;

	assert_int_equal(lpm_create(&l, family, dbits, 0), 0);
	for (i = 0; i < count; i++) {
		struct ref_pfx p;

		random_prefix(&r, bits, &p);
		add_prefix(l, &r, p.a, p.len, p.value);
		verify(l, &r, 40);
		verify_nesting(l, &r);
	}
	/* delete in random order, sometimes re-adding with a new value */
	for (i = 0; i < r.n * 2; i++) {
		struct ref_pfx *p = &r.p[rnd() % r.n];

		if (p->live) {
			assert_int_equal(lpm_delete(l, p->a, p->len), 0);
			p->live = false;
		} else if (rnd() % 4 == 0) {
			p->value = (uint32_t)(rnd() % 1000);
			assert_int_equal(lpm_insert(l, p->a, p->len,
							p->value), 0);
			p->live = true;
		} else {
			assert_int_equal(lpm_delete(l, p->a, p->len),
					 BRT_ENOENT);
		}
		verify(l, &r, 40);
		verify_nesting(l, &r);
	}
	for (i = 0; i < r.n; i++)
		if (r.p[i].live) {
			assert_int_equal(lpm_delete(l, r.p[i].a, r.p[i].len), 0);
			r.p[i].live = false;
			verify(l, &r, 10);
		}
	{
		struct brt_lpm_mem m;

		lpm_memory(l, &m);
		assert_int_equal(m.prefixes, 0);
	}
	lpm_destroy(l);
	free(r.p);
}

static void random_v4(void **state)
{
	static const unsigned dbits[] = { 1, 4, 8, 12, 16, 18 };
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(dbits) / sizeof(dbits[0]); i++)
		run_random(BRT_AF_INET, dbits[i], 300);
}

static void random_v6(void **state)
{
	static const unsigned dbits[] = { 2, 8, 12, 16, 18 };
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(dbits) / sizeof(dbits[0]); i++)
		run_random(BRT_AF_INET6, dbits[i], 300);
}

static void edges(void **state)
{
	struct brt_lpm *l;
	uint8_t z[16] = { 0 }, top[16];
	char msg[160];

	(void)state;
	memset(top, 0xff, sizeof(top));
	assert_int_equal(lpm_create(&l, 7, 0, 0), BRT_EINVAL);
	assert_int_equal(lpm_create(&l, BRT_AF_INET, 25, 0), BRT_EINVAL);
	assert_int_equal(lpm_create(&l, BRT_AF_INET, 0, 0), 0);
	assert_int_equal(lpm4_lookup(l, 0x01020304), BRT_LPM_NONE);
	assert_int_equal(lpm_insert(l, z, 33, 1), BRT_EINVAL);
	assert_int_equal(lpm_insert(l, z, 0, BRT_LPM_NONE), BRT_EINVAL);
	assert_int_equal(lpm_delete(l, z, 0), BRT_ENOENT);
	assert_int_equal(lpm_insert(l, z, 0, 5), 0);
	assert_int_equal(lpm4_lookup(l, 0xffffffff), 5);
	assert_int_equal(lpm_insert(l, top, 32, 6), 0);
	assert_int_equal(lpm4_lookup(l, 0xffffffff), 6);
	assert_int_equal(lpm4_lookup(l, 0xfffffffe), 5);
	/* host bits past the length are ignored */
	assert_int_equal(lpm_insert(l, top, 31, 7), 0);
	assert_int_equal(lpm4_lookup(l, 0xfffffffe), 7);
	assert_int_equal(lpm_delete(l, z, 0), 0);
	assert_int_equal(lpm4_lookup(l, 0x01020304), BRT_LPM_NONE);
	assert_int_equal(lpm4_lookup(l, 0xfffffffe), 7);
	assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);
	lpm_destroy(l);

	assert_int_equal(lpm_create(&l, BRT_AF_INET6, 0, 0), 0);
	assert_int_equal(lpm_insert(l, top, 128, 1), 0);
	assert_int_equal(lpm_insert(l, top, 16, 2), 0);
	assert_int_equal(lpm6_lookup(l, top), 1);
	top[15] = 0xfe;
	assert_int_equal(lpm6_lookup(l, top), 2);
	assert_int_equal(lpm_insert(l, z, 129, 1), BRT_EINVAL);
	assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);
	lpm_destroy(l);
}

/* Bulk insertion into a filled structure, duplicates included. */
/* Values up to BRT_LPM_VALUE_MAX, and no further (the two above it mark
 * "inherit" and "none"): in a direct entry, a short head and a node's
 * leaves, one at a time and in bulk. */
static void value_bounds(void **state)
{
	struct brt_lpm_prefix p = { { 10, 1, 2, 0 }, 24, BRT_LPM_VALUE_MAX };
	static const unsigned len[] = { 8, 24, 30 };
	uint8_t a[16] = { 10, 1, 2, 0 };
	uint32_t got, probe = 0x0a010203;
	struct brt_lpm *l;
	char msg[160];
	unsigned i;

	(void)state;
	assert_int_equal(lpm_create(&l, BRT_AF_INET, 18, 0), 0);
	for (i = 0; i < 32; i++)	/* past the range array's 31 */
		assert_int_equal(lpm_insert(l, (uint8_t[4]){ 30, (uint8_t)i },
						16, i), 0);
	assert_int_equal(lpm_insert(l, a, 8, BRT_LPM_VALUE_MAX + 1),
			 BRT_EINVAL);
	p.value = BRT_LPM_VALUE_MAX + 1;
	assert_int_equal(lpm_insert_bulk(l, &p, 1), BRT_EINVAL);
	assert_int_equal(lpm4_lookup(l, probe), BRT_LPM_NONE);
	for (i = 0; i < 3; i++) {	/* /8, /24, /30 over 10.1.2.3 */
		p.len = (uint8_t)len[i];
		p.value = BRT_LPM_VALUE_MAX - i;
		assert_int_equal(lpm_insert_bulk(l, &p, 1), 0);
		assert_int_equal(lpm_insert(l, a, len[i], p.value), 0);
		lpm4_lookup_bulk(l, &probe, &got, 1);
		assert_int_equal(got, p.value);
		assert_int_equal(lpm4_lookup(l, probe), p.value);
	}
	assert_int_equal(lpm4_lookup(l, 0x0a0102ff), BRT_LPM_VALUE_MAX - 1);
	assert_int_equal(lpm4_lookup(l, 0x0a01ffff), BRT_LPM_VALUE_MAX);
	assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);
	lpm_destroy(l);
}

/* The audit must name a difference while the @size bytes at @w hold
 * @bad (a 4- or 8-byte word), and pass again once they are restored. */
static void damage(const struct brt_lpm *l, void *w, size_t size,
		   uint64_t bad, const char *what)
{
	uint64_t keep = 0;
	uint32_t bad32 = (uint32_t)bad;
	char msg[160] = "";

	memcpy(&keep, w, size);
	memcpy(w, size == 4 ? (void *)&bad32 : (void *)&bad, size);
	if (lpm_check(l, msg, sizeof(msg)) != BRT_ECONFLICT || !msg[0])
		fail_msg("damage not found: %s", what);
	memcpy(w, &keep, size);
	assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);
}

#define DAMAGE(l, field, bad, what) \
	damage((l), &(field), sizeof(field), (bad), (what))

/* The trie node holding @a/@len. */
static struct lpm_tnode *held(struct brt_lpm *l, const uint8_t *a,
			      unsigned len)
{
	lpm_key k = lpm_key_of(l, a);
	uint32_t i;

	for (i = 0; i < l->trie.used; i++)
		if (l->trie.n[i].has && l->trie.n[i].len == len &&
		    l->trie.n[i].key == (k & lpm_mask(len)))
			return &l->trie.n[i];
	fail_msg("prefix not in the trie");
	return NULL;
}

/*
 * lpm_check finds damage to any part of the structure: a direct
 * entry, a short head (value, leaf vector, leaf), a full head (value,
 * both vectors, both indexes), a node and a leaf below it, an arena's
 * accounts, the control trie, and a small table's range array. (Tests
 * elsewhere run the audit after every change; this one makes sure that
 * it can fail.)
 */
static void check_finds_damage(void **state)
{
	struct brt_lpm *l;
	struct lpm_shead *sh;
	struct lpm_head *h;
	struct lpm_node *n;
	uint32_t *w;
	unsigned i;

	(void)state;
	assert_int_equal(lpm_create(&l, BRT_AF_INET, 12, 0), 0);
	assert_int_equal(lpm_insert(l, (uint8_t[4]){ 10 }, 8, 1), 0);
	assert_int_equal(lpm_insert(l, (uint8_t[4]){ 10, 1 }, 16, 2), 0);
	assert_int_equal(lpm_insert(l, (uint8_t[4]){ 10, 1, 2 }, 24, 3), 0);
	assert_int_equal(lpm_insert(l, (uint8_t[4]){ 10, 1, 2, 128 }, 25,
					4), 0);
	for (i = 0; i < 40; i++)	/* 20.i/16: one short head, 16 runs */
		assert_int_equal(lpm_insert(l, (uint8_t[4]){ 20, (uint8_t)i },
						16, 100 + i), 0);
	assert_int_equal(l->small, LPM_NIL);
	w = &l->direct[0x0a1];	/* 10.16/12: a leaf entry of the /8 */
	assert_true(*w & LPM_LEAF);
	DAMAGE(l, *w, *w ^ 1, "leaf entry value");
	DAMAGE(l, *w, 0, "leaf entry made a head");
	sh = lpm_shead(l->ha.base, l->direct[0x140]);	/* 20.0/12 */
	assert_true(l->direct[0x140] & LPM_SHORT);
	DAMAGE(l, sh->def, 7, "short head value");
	DAMAGE(l, sh->leafvec, sh->leafvec ^ 2, "short head leaf vector");
	DAMAGE(l, sh->leaf[1], sh->leaf[1] + 1, "short head leaf");
	h = lpm_fhead(l->ha.base, l->direct[0x0a0]);	/* 10.0/12 */
	assert_int_equal(l->direct[0x0a0] & (LPM_LEAF | LPM_SHORT), 0);
	DAMAGE(l, h->def, 2, "full head value");
	DAMAGE(l, h->n.vec, h->n.vec ^ 1, "full head child vector");
	DAMAGE(l, h->n.leafvec, h->n.leafvec ^ 1, "full head leaf vector");
	DAMAGE(l, h->n.base0, h->n.base0 + 1, "full head leaf index");
	DAMAGE(l, h->n.base1, h->n.base1 + 1, "full head child index");
	n = &LPM_NODES(l)[h->n.base1];	/* 10.1.0/18, then 10.1.2/24 */
	DAMAGE(l, n->leafvec, n->leafvec ^ 1, "node leaf vector");
	if (!lpm_inline(n))
		DAMAGE(l, LPM_LEAVES(l)[n->base0], 9, "leaf below a node");
	n = &LPM_NODES(l)[n->base1];
	DAMAGE(l, n->base0, n->base0 ^ 1, "deepest node's first leaf");
	DAMAGE(l, l->na.top, l->na.top + 1, "node arena accounts");
	DAMAGE(l, l->la.top, l->la.top + 1, "leaf arena accounts");
	DAMAGE(l, l->ha.top, l->ha.top + 1, "head arena accounts");
	DAMAGE(l, held(l, (uint8_t[4]){ 10, 1, 2 }, 24)->value, 5,
		 "control trie value");
	lpm_destroy(l);

	assert_int_equal(lpm_create(&l, BRT_AF_INET, 0, 0), 0);
	assert_int_equal(lpm_insert(l, (uint8_t[4]){ 10 }, 8, 1), 0);
	assert_int_equal(lpm_insert(l, (uint8_t[4]){ 10, 1 }, 16, 2), 0);
	assert_int_not_equal(l->small, LPM_NIL);
	DAMAGE(l, lpm_small(l->ha.base, l->small)->bound[1], 0x0a000001,
		 "range start");
	DAMAGE(l, lpm_small(l->ha.base, l->small)->bound[
			 lpm_small(l->ha.base, l->small)->n + 1], 3,
		 "range value");
	lpm_destroy(l);
}

static void insert_bulk(void **state)
{
	unsigned bits[2] = { 32, 128 }, f, i;

	(void)state;
	for (f = 0; f < 2; f++) {
		struct ref r = { calloc(900, sizeof(struct ref_pfx)), 0,
				 bits[f] / 8 };
		struct brt_lpm_prefix p[600];
		struct ref_pfx *old;
		struct brt_lpm *l;

		assert_int_equal(lpm_create(&l, f ? BRT_AF_INET6 : BRT_AF_INET,
						f ? 8 : 12, 0), 0);
		for (i = 0; i < 300; i++) {
			struct ref_pfx q;

			random_prefix(&r, bits[f], &q);
			add_prefix(l, &r, q.a, q.len, q.value);
		}
		for (i = 0; i < 599; i++) {
			struct ref_pfx q;

			random_prefix(&r, bits[f], &q);
			memcpy(p[i].addr, q.a, 16);
			p[i].len = (uint8_t)q.len;
			p[i].value = q.value;
			old = ref_find(&r, &q);
			if (old)
				old->value = q.value;
			else
				r.p[r.n++] = q;
		}
		p[599] = p[0];
		p[599].len = (uint8_t)(bits[f] + 1);
		/* one bad prefix: nothing is applied */
		assert_int_equal(lpm_insert_bulk(l, p, 600), BRT_EINVAL);
		assert_int_equal(lpm_insert_bulk(l, p, 599), 0);
		verify(l, &r, 3000);
		lpm_destroy(l);
		free(r.p);
	}
}


/* The reference's live prefixes as engine prefixes: their count. */
static size_t ref_prefixes(const struct ref *r, struct brt_lpm_prefix *p)
{
	size_t i, n = 0;

	for (i = 0; i < r->n; i++)
		if (r->p[i].live) {
			memcpy(p[n].addr, r->p[i].a, 16);
			p[n].len = (uint8_t)r->p[i].len;
			p[n++].value = r->p[i].value;
		}
	return n;
}

/* A released control trie and fitted arenas: lookups answer as before
 * (from the arenas' new mappings), the writer's calls
 * refuse, a restore from the wrong prefixes fails and leaves it released,
 * one from the right ones audits clean against the painted structure and
 * edits work again (against the reference). */
static void release_restore(void **state)
{
	unsigned bits[2] = { 32, 128 }, f, i;

	(void)state;
	for (f = 0; f < 2; f++) {
		struct ref r = { calloc(1200, sizeof(struct ref_pfx)), 0,
				 bits[f] / 8 };
		static struct brt_lpm_prefix p[1200];
		struct brt_lpm_mem before, after;
		size_t n, mapped;
		struct ref_pfx q;
		struct brt_lpm *l;

		assert_int_equal(lpm_create(&l, f ? BRT_AF_INET6 : BRT_AF_INET,
						f ? 8 : 12, 0), 0);
		for (i = 0; i < 800; i++) {
			random_prefix(&r, bits[f], &q);
			add_prefix(l, &r, q.a, q.len, q.value);
		}
		lpm_memory(l, &before);
		lpm_trie_release(l);
		lpm_trie_release(l);	/* twice: a no-op */
		mapped = lpm_pages_mapped();
		assert_int_equal(lpm_fit(l), 0);	/* arenas moved */
		assert_true(lpm_pages_mapped() < mapped);
		lpm_memory(l, &after);
		assert_false(lpm_trie_held(l));
		assert_true(after.control + 32 * 800 <= before.control);
		assert_int_equal(after.prefixes, before.prefixes);
		assert_int_equal(after.lookup, before.lookup);
		verify(l, &r, 3000);
		assert_int_equal(lpm_insert(l, q.a, q.len, 1), BRT_EINVAL);
		assert_int_equal(lpm_delete(l, q.a, q.len), BRT_EINVAL);
		assert_int_equal(lpm_insert_bulk(l, p, 0), BRT_EINVAL);
		assert_int_equal(lpm_covering(l, q.a, q.len), BRT_LPM_NONE);
		n = ref_prefixes(&r, p);
		assert_int_equal(lpm_trie_restore(l, p, n - 1), BRT_ECONFLICT);
		assert_false(lpm_trie_held(l));
		verify(l, &r, 1000);
		assert_int_equal(lpm_trie_restore(l, p, n), 0);
		assert_true(lpm_trie_held(l));
		verify(l, &r, 3000);	/* lpm_check: trie against structure */
		for (i = 0; i < 300; i++) {
			random_prefix(&r, bits[f], &q);
			add_prefix(l, &r, q.a, q.len, q.value);
			verify(l, &r, 20);
			verify_nesting(l, &r);
		}
		lpm_destroy(l);
		free(r.p);
	}
}


/*
 * One head (the direct entry of @head, @d bits) with prefixes of d + 6
 * bits on random slots under a covering /d-2, and with @deep a longer
 * prefix too (a full head, walked through its nodes): the first, last
 * and a middle address of all 64 slots answer as the reference does,
 * single and bulk. Random tables rarely give a short head's first or
 * last slot a value of its own; an off-by-one there shows here. (An IPv4
 * table of at most 31 prefixes is looked up in its range array.)
 */
static void check_head(uint8_t family, unsigned d, const uint8_t *head,
		       bool deep)
{
	struct ref r = { calloc(1 + 2 * 64, sizeof(struct ref_pfx)), 0,
			 family == BRT_AF_INET ? 4 : 16 };
	static uint8_t a[64 * 3 * 9][16];
	static uint32_t bulk[64 * 3 * 9];
	unsigned bits = r.bytes * 8, s, k, b;
	struct brt_lpm *l;
	uint8_t x[16];

	assert_int_equal(lpm_create(&l, family, d, 0), 0);
	add_prefix(l, &r, head, d - 2, 1);
	for (s = 0; s < 64; s++) {
		if (rnd() % 2)
			continue;
		memcpy(x, head, 16);
		put_bits(x, d, 6, s);
		add_prefix(l, &r, x, d + 6, 100 + s);
		if (deep && (s == 0 || s == 63 || rnd() % 8 == 0))
			add_prefix(l, &r, x, d + 9, 200 + s);
	}
	/* each slot's first address (k 0), a random one (1), its last (2) */
	for (s = 0; s < 64; s++)
		for (k = 0; k < 3; k++) {
			uint8_t *y = a[3 * s + k];

			memcpy(y, head, 16);
			put_bits(y, d, 6, s);
			for (b = d + 6; b < bits; b++)
				put_bits(y, b, 1, k == 1 ? rnd() & 1 : k == 2);
		}
	/* then each again, followed by 7 addresses of a sibling direct
	 * entry (a leaf entry of the /d-2): chunks of mostly leaf entries
	 * take a path of their own in IPv4 bulk lookups */
	for (s = 64 * 3; s < 64 * 3 * 9; s++) {
		memcpy(a[s], a[(s - 64 * 3) / 8], 16);
		if (s % 8)
			put_bits(a[s], d - 1, 1, ~(unsigned)head[(d - 1) / 8] >>
				 (7 - (d - 1) % 8));
	}
	tu_lpm_lookup_bulk(l, family, (const uint8_t (*)[16])a, bulk,
			   64 * 3 * 9);
	for (s = 0; s < 64 * 3 * 9; s++) {
		assert_int_equal(lpm_lookup(l, a[s]), ref_lookup(&r, a[s]));
		assert_int_equal(bulk[s], ref_lookup(&r, a[s]));
	}
	lpm_destroy(l);
	free(r.p);
}

static void head_slots(void **state)
{
	static const unsigned dbits[] = { 12, 18 };
	uint8_t head[16];
	unsigned f, i, j, b;

	(void)state;
	for (f = 0; f < 2; f++)
		for (i = 0; i < 2; i++)
			for (j = 0; j < 8; j++) {
				/* the first two: the last head of the space */
				for (b = 0; b < 16; b++)
					head[b] = j < 2 ? 0xff : (uint8_t)rnd();
				check_head(f ? BRT_AF_INET6 : BRT_AF_INET,
					   dbits[i], head, j % 2);
			}
}

static void bulk_equals_single(void **state)
{
	struct brt_lpm *l4, *l6;
	uint32_t a4[1000], o[1000];
	uint8_t a6[1000][16];
	unsigned i, j;

	(void)state;
	assert_int_equal(lpm_create(&l4, BRT_AF_INET, 10, 0), 0);
	assert_int_equal(lpm_create(&l6, BRT_AF_INET6, 10, 0), 0);
	for (i = 0; i < 3000; i++) {
		uint8_t a[16];

		for (j = 0; j < 16; j++)
			a[j] = (uint8_t)(rnd() & (j < 2 ? 0x0f : 0xff));
		lpm_insert(l4, a, 8 + (unsigned)(rnd() % 25), i);
		lpm_insert(l6, a, 8 + (unsigned)(rnd() % 121), i);
	}
	for (i = 0; i < 1000; i++) {
		a4[i] = (uint32_t)rnd() & 0x0fffffffu;
		for (j = 0; j < 16; j++)
			a6[i][j] = (uint8_t)(rnd() & (j < 2 ? 0x0f : 0xff));
		if (i % 3 == 0)
			memset(a6[i] + 4, 0, 12);
	}
	/* odd length: a partial last batch */
	lpm4_lookup_bulk(l4, a4, o, 999);
	for (i = 0; i < 999; i++)
		assert_int_equal(o[i], lpm4_lookup(l4, a4[i]));
	lpm6_lookup_bulk(l6, (const uint8_t (*)[16])a6, o, 999);
	for (i = 0; i < 999; i++)
		assert_int_equal(o[i], lpm6_lookup(l6, a6[i]));
	/* short calls, and calls of one chunk or a little more: a first
	 * pass with fewer addresses left than its fetch distance; the
	 * addresses in arrays of exactly their size, so that a read past
	 * the last one (a fetch ahead too far) shows under ASan */
	for (j = 0; j <= 140; j++) {
		uint32_t *x4 = malloc(j * sizeof(*x4) + 1);
		uint8_t (*x6)[16] = malloc(j * sizeof(*x6) + 1);

		assert_non_null(x4);
		assert_non_null(x6);
		memcpy(x4, a4 + 7, j * sizeof(*x4));
		memcpy(x6, a6 + 7, j * sizeof(*x6));
		memset(o, 0xa5, sizeof(o));
		lpm4_lookup_bulk(l4, x4, o, j);
		for (i = 0; i < j; i++)
			assert_int_equal(o[i], lpm4_lookup(l4, a4[7 + i]));
		assert_int_equal(o[j], 0xa5a5a5a5u);
		lpm6_lookup_bulk(l6, (const uint8_t (*)[16])x6, o, j);
		for (i = 0; i < j; i++)
			assert_int_equal(o[i], lpm6_lookup(l6, a6[7 + i]));
		assert_int_equal(o[j], 0xa5a5a5a5u);
		free(x4);
		free(x6);
	}
	lpm_destroy(l4);
	lpm_destroy(l6);
}

static void store32(uint8_t *b, uint32_t x)
{
	b[0] = (uint8_t)(x >> 24);
	b[1] = (uint8_t)(x >> 16);
	b[2] = (uint8_t)(x >> 8);
	b[3] = (uint8_t)x;
}

/* An IPv4 destination whose direct entry (10 bits) is of kind @k: 0 a
 * leaf, 1 a short head, 2 a full head (see bulk4_mixed_chunks); 3 any;
 * 4 a leaf 7 times in 8, else a short head (a leaf chunk of mostly
 * leaves, whose heads are looked up without a branch on LPM_INHERIT). */
static uint32_t kind_addr(unsigned k, const uint32_t *p24, unsigned n24)
{
	if (k == 3)
		k = (unsigned)(rnd() % 3);
	if (k == 4)
		k = rnd() % 8 ? 0 : 1;
	if (k == 0)
		return 0x80000000u | ((uint32_t)rnd() & 0x3fffffffu);
	if (k == 1 && rnd() % 2)	/* 30.1.0.0/16 or, mostly, 30.0.0.0/8 */
		return 0x1e000000u | ((uint32_t)rnd() & 0x003fffffu);
	if (k == 1)
		return 0x14000000u | ((uint32_t)rnd() & 0x003fffffu);
	if (rnd() & 1)
		return p24[rnd() % n24] | ((uint32_t)rnd() & 0xffu);
	return 0x0a000000u | ((uint32_t)rnd() & 0x003fffffu);
}

/*
 * Bulk IPv4 lookups go by chunks, which list their heads eight lookups
 * at a time and answer them without a branch on LPM_INHERIT when 3 in 4
 * entries are leaves: runs of every kind of entry and of mixes, of random
 * lengths, so that both forms of chunk, partial groups and partial
 * chunks meet leaf entries, short heads (with and without LPM_INHERIT)
 * and full heads.
 */
static void bulk4_mixed_chunks(void **state)
{
	enum { N = 5000, N24 = 300 };
	uint32_t *a = malloc(N * sizeof(*a)), *o = malloc((N + 1) * sizeof(*o));
	uint32_t p24[N24];
	struct brt_lpm *l;
	uint8_t b[16] = { 128 };
	unsigned i, j, r;

	(void)state;
	assert_non_null(a);
	assert_non_null(o);
	assert_int_equal(lpm_create(&l, BRT_AF_INET, 10, 0), 0);
	assert_int_equal(lpm_insert(l, b, 2, 1), 0);
	for (i = 0; i < 40; i++) {	/* /11../16 under 20.0.0.0/10 */
		uint32_t x = 0x14000000u | ((uint32_t)rnd() & 0x003f0000u);
		unsigned len = 11 + (unsigned)(rnd() % 6);

		store32(b, x);
		assert_int_equal(lpm_insert(l, b, len, 100 + i), 0);
	}
	/* a short head whose lookups mostly meet LPM_INHERIT (the answer of
	 * 30.0.0.0/8): 30.1.0.0/16 fills one slot of 64 */
	store32(b, 0x1e000000u);
	assert_int_equal(lpm_insert(l, b, 8, 2), 0);
	store32(b, 0x1e010000u);
	assert_int_equal(lpm_insert(l, b, 16, 3), 0);
	for (i = 0; i < N24; i++) {	/* /24s under 10.0.0.0/10 */
		p24[i] = 0x0a000000u | ((uint32_t)rnd() & 0x003fff00u);
		store32(b, p24[i]);
		assert_int_equal(lpm_insert(l, b, 24, 1000 + i), 0);
	}
	assert_true(l->direct[0x80000000u >> 22] & LPM_LEAF);
	assert_int_equal(l->direct[0x14000000u >> 22] >> 30, 1);
	assert_int_equal(l->direct[0x1e000000u >> 22] >> 30, 1);
	assert_int_equal(l->direct[0x0a000000u >> 22] >> 30, 0);
	for (i = 0; i < N; i += r) {
		unsigned k = (unsigned)(rnd() % 5);

		r = 1 + (unsigned)(rnd() % 200);
		for (j = i; j < i + r && j < N; j++)
			a[j] = kind_addr(k, p24, N24);
	}
	for (r = 0; r < 40; r++) {
		size_t off = r ? rnd() % N : 0, n = r ? rnd() % (N - off) : N;

		o[n] = 0xa5a5a5a5u;
		lpm4_lookup_bulk(l, a + off, o, n);
		for (j = 0; j < n; j++)
			assert_int_equal(o[j], lpm4_lookup(l, a[off + j]));
		assert_int_equal(o[n], 0xa5a5a5a5u);
	}
	lpm_destroy(l);
	free(a);
	free(o);
}

/* Single and bulk (odd count: a partial group) IPv4 lookups against the
 * reference, on probes near the table's prefixes. */
static void verify_bulk4(const struct brt_lpm *l, const struct ref *r)
{
	uint32_t a4[999], o[999];
	uint8_t a[16];
	unsigned i;

	for (i = 0; i < 999; i++) {
		probe(r, a);
		a4[i] = (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 |
			(uint32_t)a[2] << 8 | a[3];
	}
	lpm4_lookup_bulk(l, a4, o, 999);
	for (i = 0; i < 999; i++) {
		uint8_t b[4] = { (uint8_t)(a4[i] >> 24), (uint8_t)(a4[i] >> 16),
				 (uint8_t)(a4[i] >> 8), (uint8_t)a4[i] };

		assert_int_equal(o[i], ref_lookup(r, b));
		assert_int_equal(lpm4_lookup(l, a4[i]), o[i]);
	}
}

/*
 * A table of at most 31 IPv4 prefixes is also a range array (small.c),
 * which lookups search instead: present exactly while the table is that
 * small, through growth past the bound and back, with /0 and a host route
 * at the top of the address space among the prefixes.
 */
static void small_table(void **state)
{
	struct ref r = { calloc(64, sizeof(struct ref_pfx)), 0, 4 };
	struct brt_lpm *l;
	char msg[160];
	unsigned i;

	(void)state;
	assert_int_equal(lpm_create(&l, BRT_AF_INET, 0, 20), 0);
	assert_int_not_equal(l->small, LPM_NIL);
	verify_bulk4(l, &r);
	/* until 40 distinct prefixes: the bound (31) is crossed whatever
	 * the random state the tests before left */
	for (i = 0; r.n < 40; i++) {
		struct ref_pfx p;

		assert_true(i < 1000);
		random_prefix(&r, 32, &p);
		if (i < 2) {	/* /0 and 255.255.255.255/32 */
			memset(p.a, i ? 0xff : 0, 4);
			p.len = i ? 32 : 0;
		}
		p.value = i;
		if (ref_find(&r, &p))
			continue;
		assert_int_equal(lpm_insert(l, p.a, p.len, i), 0);
		r.p[r.n++] = p;
		assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);
		verify_bulk4(l, &r);
		assert_true((l->small != LPM_NIL) == (r.n <= 31));
	}
	for (i = 0; i < r.n; i++) {
		if (!r.p[i].live)
			continue;
		assert_int_equal(lpm_delete(l, r.p[i].a, r.p[i].len), 0);
		r.p[i].live = false;
		assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);
		verify_bulk4(l, &r);
		assert_true((l->small != LPM_NIL) == (l->trie.prefixes <= 31));
		assert_true(l->small == LPM_NIL ||
			    lpm_small(l->ha.base, l->small)->n <= 64);
	}
	lpm_destroy(l);
	free(r.p);
}

/*
 * Arenas start small and move when they fill up: the outgrown mapping
 * stays mapped while a registered reader may be in it, and goes at the
 * first update after the reader's quiescent point; answers stay exact.
 */
static void arena_moves(void **state)
{
	struct brt_lpm *l;
	struct brt_lpm_reader *r;
	unsigned char *first;
	uint8_t a[16] = { 10, 0, 0, 0 };
	char msg[160];
	uint32_t i;

	(void)state;
	assert_int_equal(lpm_create(&l, BRT_AF_INET, 0, 0), 0);
	first = l->la.base;
	r = lpm_reader_register(l);
	assert_non_null(r);
	for (i = 0; l->la.base == first && i < 100000; i++) {
		a[1] = (uint8_t)(i >> 8);
		a[2] = (uint8_t)i;
		assert_int_equal(lpm_insert(l, a, 28, i), 0);
	}
	assert_ptr_not_equal(l->la.base, first);
	assert_true(l->oldmaps.n > 0);	/* the reader may still be in it */
	assert_int_equal(lpm4_lookup(l, 0x0a000005u), 0);
	assert_int_equal(lpm4_lookup(l, 0x0a000105u), 1);
	assert_int_equal(lpm4_lookup(l, 0x0a000115u), BRT_LPM_NONE);
	lpm_reader_quiescent(r);
	a[3] = 16;
	assert_int_equal(lpm_insert(l, a, 28, 7), 0);
	assert_int_equal(l->oldmaps.n, 0);
	assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);
	lpm_reader_unregister(r);
	lpm_destroy(l);
}

/* The direct entry of IPv4 address @a. */
static uint32_t entry4(const struct brt_lpm *l, uint32_t a)
{
	return l->direct[a >> (32 - l->dbits)];
}

/*
 * The compact forms come and go with the table: a head without children
 * is short (leaves inside), gains a node when a longer prefix arrives
 * (a two-run node keeps its leaves inline), keeps its form when a
 * covering prefix changes its def, and turns short again on delete.
 */
static void compact_forms(void **state)
{
	uint8_t a24[4] = { 10, 0, 0, 0 }, a25[4] = { 10, 0, 0, 128 };
	struct brt_lpm *l;
	struct lpm_node n;
	char msg[160];

	(void)state;
	assert_int_equal(lpm_create(&l, BRT_AF_INET, 18, 0), 0);
	assert_int_equal(lpm_insert(l, a24, 24, 1), 0);
	assert_true(entry4(l, 0x0a000000u) & LPM_SHORT);
	assert_int_equal(lpm4_lookup(l, 0x0a000005u), 1);
	assert_int_equal(lpm4_lookup(l, 0x0a000105u), BRT_LPM_NONE);

	assert_int_equal(lpm_insert(l, a25, 25, 2), 0);
	assert_int_equal(entry4(l, 0x0a000000u) & (LPM_LEAF | LPM_SHORT), 0);
	n = lpm_fhead(l->ha.base, entry4(l, 0x0a000000u))->n;
	assert_true(lpm_inline(&LPM_NODES(l)[n.base1]));
	assert_int_equal(lpm4_lookup(l, 0x0a0000c8u), 2);
	assert_int_equal(lpm4_lookup(l, 0x0a000005u), 1);

	assert_int_equal(lpm_insert(l, a24, 16, 3), 0);
	assert_int_equal(lpm4_lookup(l, 0x0a000105u), 3);
	assert_int_equal(lpm4_lookup(l, 0x0a0000c8u), 2);
	assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);

	assert_int_equal(lpm_delete(l, a25, 25), 0);
	assert_true(entry4(l, 0x0a000000u) & LPM_SHORT);
	assert_int_equal(lpm4_lookup(l, 0x0a0000c8u), 1);
	assert_int_equal(lpm4_lookup(l, 0x0a000105u), 3);
	assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);
	lpm_destroy(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edges),
		cmocka_unit_test(value_bounds),
		cmocka_unit_test(check_finds_damage),
		cmocka_unit_test(head_slots),
		cmocka_unit_test(bulk_equals_single),
		cmocka_unit_test(bulk4_mixed_chunks),
		cmocka_unit_test(insert_bulk),
		cmocka_unit_test(release_restore),
		cmocka_unit_test(random_v4),
		cmocka_unit_test(random_v6),
		cmocka_unit_test(arena_moves),
		cmocka_unit_test(compact_forms),
		cmocka_unit_test(small_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
