/*
 * test_lpm_nomem.c - the lpm engine when memory runs out. Every
 * allocation an update makes is failed in turn (malloc, calloc, realloc,
 * aligned_alloc and mmap are wrapped at link time: CMakeLists.txt), the
 * one allocation alone or it and every later one. An update that fails
 * must say BRT_ENOMEM and leave the structure as it was: audit clean
 * (lpm_check also accounts for every arena element), the answers of
 * a twin that never failed, single and bulk; and the same update must
 * then succeed. An update that succeeds although an allocation failed
 * must have done the whole update.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lpm/lpm.h"
#include "model/model.h"
#include "testutil.h"
#include "lpm_tu.h"
#include "xorshift.h"

/* Allocations let through before the failing one; -1: no failure.
 * @all: every later allocation fails too, not only that one. @counted:
 * allocations made (all of them, failed or not). */
static long budget = -1, counted;
static bool all_fail, denied;

static bool allow(void)
{
	counted++;
	if (budget < 0)
		return true;
	if (budget > 0) {
		budget--;
		return true;
	}
	denied = true;
	if (!all_fail)
		budget = -1;
	return false;
}

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__real_aligned_alloc(size_t align, size_t n);
void *__real_mmap(void *addr, size_t len, int prot, int flags, int fd,
		  off_t off);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void *__wrap_aligned_alloc(size_t align, size_t n);
void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd,
		  off_t off);

void *__wrap_malloc(size_t n)
{
	return allow() ? __real_malloc(n) : NULL;
}

void *__wrap_calloc(size_t n, size_t size)
{
	return allow() ? __real_calloc(n, size) : NULL;
}

void *__wrap_realloc(void *p, size_t n)
{
	return allow() ? __real_realloc(p, n) : NULL;
}

void *__wrap_aligned_alloc(size_t align, size_t n)
{
	return allow() ? __real_aligned_alloc(align, n) : NULL;
}

void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd,
		  off_t off)
{
	return allow() ? __real_mmap(addr, len, prot, flags, fd, off) :
			 MAP_FAILED;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	return xorshift64(&rng_state);
}

#define BASE_N 400
#define OP_MAX 3000

enum op_kind { OP_INSERT, OP_DELETE, OP_BULK };

/* A table to start from, and the update tried on it. */
struct scenario {
	uint8_t family;
	size_t expected;	/* lpm_create's hint: arenas grow from it */
	struct brt_lpm_prefix base[BASE_N];
	size_t nbase;
	enum op_kind kind;
	struct brt_lpm_prefix op[OP_MAX];
	size_t nop;
};

static void random_prefix(uint8_t family, struct brt_lpm_prefix *p,
			  unsigned minlen)
{
	unsigned bits = family == BRT_AF_INET ? 32 : 128, i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < bits / 8; i++)
		p->addr[i] = (uint8_t)rnd();
	if (family == BRT_AF_INET6)	/* bunched, as real IPv6 tables are */
		p->addr[0] = 0x20, p->addr[1] = (uint8_t)(rnd() % 4);
	p->len = (uint8_t)(minlen + rnd() % (bits - minlen + 1));
	core_bits_mask(p->addr, bits / 8, p->len);
	p->value = (uint32_t)(rnd() % 100000);
}

/* The scenario's update: one insert, one delete, or one bulk insert. */
static int apply(struct brt_lpm *l, const struct scenario *s)
{
	switch (s->kind) {
	case OP_INSERT:
		return lpm_insert(l, s->op[0].addr, s->op[0].len,
				      s->op[0].value);
	case OP_DELETE:
		return lpm_delete(l, s->op[0].addr, s->op[0].len);
	default:
		return lpm_insert_bulk(l, s->op, s->nop);
	}
}

static struct brt_lpm *make(const struct scenario *s, bool updated)
{
	struct brt_lpm *l;

	assert_int_equal(lpm_create(&l, s->family, 0, s->expected), 0);
	assert_int_equal(lpm_insert_bulk(l, s->base, s->nbase), 0);
	if (updated)
		assert_int_equal(apply(l, s), 0);
	return l;
}

#define PROBES (2 * (BASE_N + OP_MAX) + 256)

/* The first and last address of each of @p[0..n) into @a at *k. */
static void add_ends(uint8_t (*a)[16], size_t *k,
		     const struct brt_lpm_prefix *p, size_t n, unsigned bytes)
{
	size_t i;
	unsigned b;

	for (i = 0; i < n; i++) {
		memcpy(a[*k], p[i].addr, 16);
		memcpy(a[*k + 1], p[i].addr, 16);
		for (b = p[i].len; b < bytes * 8; b++)
			a[*k + 1][b / 8] |= (uint8_t)(0x80u >> (b % 8));
		*k += 2;
	}
}

/* @l audits clean and answers as @want does, single and bulk, at both
 * ends of every prefix of the scenario and at random addresses. */
static void same_as(const struct brt_lpm *l, const struct brt_lpm *want,
		    const struct scenario *s, const char *when)
{
	static uint8_t a[PROBES][16];
	static uint32_t got[PROBES];
	unsigned bytes = s->family == BRT_AF_INET ? 4 : 16, b;
	struct brt_lpm_mem m, mw;
	size_t n = 0, i;
	char msg[160];

	if (lpm_check(l, msg, sizeof(msg)))
		fail_msg("%s: check: %s", when, msg);
	lpm_memory(l, &m);
	lpm_memory(want, &mw);
	assert_int_equal(m.prefixes, mw.prefixes);
	add_ends(a, &n, s->base, s->nbase, bytes);
	add_ends(a, &n, s->op, s->nop, bytes);
	for (i = 0; i < 256; i++, n++)
		for (b = 0; b < 16; b++)
			a[n][b] = (uint8_t)rnd();
	tu_lpm_lookup_bulk(l, s->family, (const uint8_t (*)[16])a, got, n);
	for (i = 0; i < n; i++) {
		uint32_t v = lpm_lookup(want, a[i]);

		if (lpm_lookup(l, a[i]) != v || got[i] != v)
			fail_msg("%s: probe %zu: %u (bulk %u), want %u", when, i,
				 lpm_lookup(l, a[i]), got[i], v);
	}
}

/* Fail the update's allocations in turn, one alone (@all false) or it
 * and all later ones; returns how many allocations the update made. */
static long fail_each(const struct scenario *s, const struct brt_lpm *pre,
		      const struct brt_lpm *post, bool all)
{
	char when[96];
	long n;

	for (n = 0;; n++) {
		struct brt_lpm *l = make(s, false);
		int err;

		all_fail = all;
		denied = false;
		budget = n;
		err = apply(l, s);
		budget = -1;
		snprintf(when, sizeof(when), "allocation %ld%s failed, %s", n,
			 all ? " and later ones" : "",
			 !denied ? "none failed" : err ? "then the update again" :
			 "the update went on");
		if (!denied) {
			assert_int_equal(err, 0);
			same_as(l, post, s, when);
			lpm_destroy(l);
			return n;
		}
		if (err) {
			assert_int_equal(err, BRT_ENOMEM);
			same_as(l, pre, s, "after the failed update");
			assert_int_equal(apply(l, s), 0);
		}
		same_as(l, post, s, when);
		lpm_destroy(l);
	}
}

/* How many allocations the scenario's update makes. */
static long allocations(const struct scenario *s)
{
	struct brt_lpm *l = make(s, false);
	long n;

	counted = 0;
	assert_int_equal(apply(l, s), 0);
	n = counted;
	lpm_destroy(l);
	return n;
}

static void run(const struct scenario *s, const char *what)
{
	struct brt_lpm *pre = make(s, false), *post = make(s, true);
	long one = fail_each(s, pre, post, false);
	long all = fail_each(s, pre, post, true);

	assert_int_equal(one, all);
	print_message("%s: %ld allocations failed in turn\n", what, one);
	lpm_destroy(pre);
	lpm_destroy(post);
}

static struct scenario sc;	/* static: the arrays are large */

/* A prefix 1-8 bits longer than a base prefix, below it, whose insert
 * allocates (most inserts find room in the arenas and lists already):
 * the first of 500 tries that does, else the last. */
static void below_a_prefix(unsigned bits)
{
	unsigned try, extra;

	sc.kind = OP_INSERT;
	sc.nop = 1;
	for (try = 0; try < 500; try++) {
		struct brt_lpm_prefix *p = &sc.op[0];

		do
			*p = sc.base[rnd() % sc.nbase];
		while (p->len == bits);
		extra = 1 + (unsigned)(rnd() % 8);
		extra = p->len + extra > bits ? bits - p->len : extra;
		p->addr[p->len / 8] ^= (uint8_t)(0x80u >> p->len % 8);
		p->len = (uint8_t)(p->len + extra);
		core_bits_mask(p->addr, bits / 8, p->len);
		p->value = 424242;
		if (allocations(&sc))
			return;
	}
}

/* Each kind of update on a random table of @nbase prefixes. */
static void updates(uint8_t family, size_t nbase)
{
	unsigned bits = family == BRT_AF_INET ? 32 : 128;
	size_t i;

	memset(&sc, 0, sizeof(sc));
	sc.family = family;
	sc.nbase = nbase;
	sc.expected = nbase;
	for (i = 0; i < nbase; i++)
		random_prefix(family, &sc.base[i], family == BRT_AF_INET ? 8 : 16);
	below_a_prefix(bits);	/* heads and nodes below it rebuilt */
	run(&sc, "insert below a prefix");
	memset(&sc.op[0], 0, sizeof(sc.op[0]));	/* every direct entry */
	sc.op[0].value = 77;
	run(&sc, "insert /0");
	sc.op[0] = sc.base[nbase / 3];
	sc.op[0].value++;
	run(&sc, "new value for a prefix held");
	sc.kind = OP_DELETE;
	run(&sc, "delete");
	sc.kind = OP_BULK;	/* past the arenas' first size */
	sc.nop = OP_MAX;
	for (i = 0; i < sc.nop; i++)
		random_prefix(family, &sc.op[i], family == BRT_AF_INET ? 8 : 16);
	run(&sc, "bulk insert");
}

static void ipv4(void **state)
{
	(void)state;
	updates(BRT_AF_INET, BASE_N);
}

/* at most 31 prefixes: the range array (small.c) is rebuilt as well */
static void ipv4_small(void **state)
{
	(void)state;
	updates(BRT_AF_INET, 20);
}

static void ipv6(void **state)
{
	(void)state;
	updates(BRT_AF_INET6, BASE_N);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ipv4),
		cmocka_unit_test(ipv4_small),
		cmocka_unit_test(ipv6),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
