/*
 * test_lpm_data.c - the engine on a sample of the real prefix sets
 * (/work/shared/data, or $BRT_DATA_DIR), nested with covering aggregates
 * and a default route, inserted in random order, then half deleted in
 * random order; checked and compared with a reference (binary search per
 * length) on 200,000 addresses, random and inside the prefixes.
 */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lpm/lpm.h"
#include "testutil.h"
#include "xorshift.h"

typedef unsigned __int128 key_t128;

struct ent {
	key_t128 k;
	unsigned len;
	uint32_t value;
	bool live;
};

static uint64_t rng = 424242;

static uint64_t rnd(void)
{
	return xorshift64(&rng);
}

static key_t128 mask(unsigned len)
{
	return len ? ~(key_t128)0 << (128 - len) : 0;
}

static int cmp_ent(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;

	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

/* Every @every-th prefix of the file, its /16 and /12 (IPv4) or /24 and
 * /20 (IPv6) aggregates, and a default route; sorted, unique. */
static struct ent *load(const char *file, bool v6, unsigned every, size_t *n)
{
	char cmd[600], line[128];
	size_t cap = 1 << 16, i = 0, j;
	struct ent *e = malloc(cap * sizeof(*e));
	FILE *f;

	snprintf(cmd, sizeof(cmd), "xz -dc '%s' 2>/dev/null", file);
	f = popen(cmd, "r");
	assert_non_null(f);
	e[i++] = (struct ent){ 0, 0, 0, false };
	for (j = 0; fgets(line, sizeof(line), f); j++) {
		char *slash = strchr(line, '/');
		uint8_t b[16] = { 0 };
		key_t128 k = 0;
		unsigned len, x;

		if (j % every || !slash)
			continue;
		*slash = 0;
		len = (unsigned)atoi(slash + 1);
		if (inet_pton(v6 ? AF_INET6 : AF_INET, line, b) != 1)
			continue;
		for (x = 0; x < 16; x++)
			k = k << 8 | b[x];
		if (i + 3 >= cap)
			e = realloc(e, (cap *= 2) * sizeof(*e));
		e[i++] = (struct ent){ k & mask(len), len, 0, false };
		if (j % (every * 4) == 0) {
			unsigned agg = v6 ? 24 : 16;

			e[i++] = (struct ent){ k & mask(agg), agg, 0, false };
			e[i++] = (struct ent){ k & mask(agg - 4), agg - 4, 0, false };
		}
	}
	pclose(f);
	qsort(e, i, sizeof(*e), cmp_ent);
	for (j = 0, *n = 0; j < i; j++)
		if (!*n || cmp_ent(&e[*n - 1], &e[j]))
			e[(*n)++] = e[j];
	for (j = 0; j < *n; j++)
		e[j].value = (uint32_t)j;
	return e;
}

/* The reference: per length, a binary search over the sorted entries. */
static uint32_t ref_lookup(const struct ent *e, size_t n, key_t128 a,
			   unsigned width)
{
	int len;

	for (len = (int)width; len >= 0; len--) {
		size_t lo = 0, hi = n;
		key_t128 k = a & mask((unsigned)len);

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			struct ent probe = { k, (unsigned)len, 0, false };

			if (cmp_ent(&e[mid], &probe) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n && e[lo].len == (unsigned)len && e[lo].k == k &&
		    e[lo].live)
			return e[lo].value;
	}
	return BRT_LPM_NONE;
}

static void to_bytes(key_t128 k, uint8_t *b)
{
	int i;

	for (i = 15; i >= 0; i--, k >>= 8)
		b[i] = (uint8_t)k;
}

static void compare(const struct brt_lpm *l, const struct ent *e, size_t n,
		    unsigned width)
{
	char msg[160];
	unsigned i;

	assert_int_equal(lpm_check(l, msg, sizeof(msg)), 0);
	for (i = 0; i < 200000; i++) {
		key_t128 a = (key_t128)rnd() << 64 | rnd();
		uint8_t b[16];

		if (i % 2) {
			const struct ent *p = &e[rnd() % n];

			a = p->k | (a & ~mask(p->len));
		}
		if (width == 32)
			a &= mask(32);
		to_bytes(a, b);	/* keys are left-aligned, as addresses */
		if (lpm_lookup(l, b) !=
		    ref_lookup(e, n, a, width))
			fail_msg("address %u differs from the reference", i);
	}
}

static void run(const char *name, bool v6)
{
	char path[512];
	const char *dir = getenv("BRT_DATA_DIR");
	unsigned width = v6 ? 128 : 32;
	size_t n, i, *order;
	struct ent *e;
	struct brt_lpm *l;

	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir :
		 "/work/shared/data", name);
	if (access(path, R_OK)) {
		print_message("no data at %s\n", path);
		skip();
	}
	e = load(path, v6, v6 ? 6 : 20, &n);
	assert_true(n > 1000);
	order = malloc(n * sizeof(*order));
	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = n - 1; i > 0; i--) {
		size_t j = rnd() % (i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	assert_int_equal(lpm_create(&l, v6 ? BRT_AF_INET6 : BRT_AF_INET,
					0, n), 0);
	for (i = 0; i < n; i++) {
		struct ent *p = &e[order[i]];
		uint8_t b[16];

		to_bytes(p->k, b);
		assert_int_equal(lpm_insert(l, b, p->len,
						p->value), 0);
		p->live = true;
	}
	compare(l, e, n, width);
	for (i = 0; i < n / 2; i++) {
		struct ent *p = &e[order[i]];
		uint8_t b[16];

		to_bytes(p->k, b);
		assert_int_equal(lpm_delete(l, b, p->len), 0);
		p->live = false;
	}
	compare(l, e, n, width);
	lpm_destroy(l);
	free(order);
	free(e);
}

static void real_v4(void **state)
{
	(void)state;
	run("internet-ipv4-prefixes.txt.xz", false);
}

static void real_v6(void **state)
{
	(void)state;
	run("internet-ipv6-prefixes.txt.xz", true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_v4),
		cmocka_unit_test(real_v6),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
