/*
 * small.c - IPv4 tables of a few prefixes: a range array, searched
 * without branches.
 *
 * A host's own table (a default route, a few connected nets, their host
 * and broadcast routes) fits in a few cache lines as address ranges, and
 * a binary search over them has no data-dependent branch, whereas the
 * trie walk of a /32 host route takes four levels below the direct table
 * and mispredicts its depth on every other lookup.
 *
 * Invariants (lpm_check() rebuilds and compares):
 *  - l->small is LPM_NIL exactly when the table is IPv6 or holds more than
 *    LPM_SMALL_MAX prefixes; else it is the head-arena index of a block
 *    (struct lpm_small) for the current table, written before it was
 *    published with one release store, never written afterwards, retired
 *    like a head when replaced: readers that load it see one version;
 *  - the block holds n (a power of two) range starts, strictly increasing
 *    from 0, each with the value of the longest prefix containing its
 *    range; two adjacent ranges never share a value; the last range is
 *    repeated up to n, so the search needs no bound check;
 *  - the direct table and nodes are kept as well (an update only adds this
 *    block), so leaving or entering small mode is one store.
 */
#include <string.h>

#include "lpm_impl.h"
#include "bestroute/bestroute.h"

struct small_pfx {
	uint32_t start;
	uint64_t end;		/* one past the last address */
	unsigned len;
	uint32_t value;
};

/* The prefixes of the trie (at most LPM_SMALL_MAX), in any order. */
static unsigned collect(const struct lpm_trie *t, struct small_pfx *p)
{
	uint32_t stack[2 * LPM_SMALL_MAX + 2 * 129], top = 0;
	unsigned n = 0;

	stack[top++] = 0;
	while (top) {
		const struct lpm_tnode *x = &t->n[stack[--top]];

		if (x->has) {
			p[n].start = (uint32_t)(x->key >> 96);
			p[n].end = (uint64_t)p[n].start +
				   ((uint64_t)1 << (32 - x->len));
			p[n].len = x->len;
			p[n++].value = x->value;
		}
		if (x->child[0] != LPM_NIL)
			stack[top++] = x->child[0];
		if (x->child[1] != LPM_NIL)
			stack[top++] = x->child[1];
	}
	return n;
}

static uint32_t value_at(const struct small_pfx *p, unsigned n, uint64_t a)
{
	uint32_t v = BRT_LPM_NONE;
	unsigned i, best = 0;

	for (i = 0; i < n; i++)
		if (a >= p[i].start && a < p[i].end && (v == BRT_LPM_NONE ||
							p[i].len > best)) {
			v = p[i].value;
			best = p[i].len;
		}
	return v;
}

/* Range starts @b and values @v of the table (2 * LPM_SMALL_MAX + 1 room
 * each before padding); returns n, padded to a power of two (<= 64). */
static unsigned ranges(const struct lpm_trie *t, uint32_t *b, uint32_t *v)
{
	struct small_pfx p[LPM_SMALL_MAX];
	uint64_t pts[2 * LPM_SMALL_MAX + 1];
	unsigned np = collect(t, p), n = 0, k = 1, i, j;

	pts[0] = 0;
	for (i = 0; i < np; i++) {
		pts[k++] = p[i].start;
		if (p[i].end < ((uint64_t)1 << 32))
			pts[k++] = p[i].end;
	}
	for (i = 1; i < k; i++)	/* insertion sort: a few dozen points */
		for (j = i; j > 0 && pts[j - 1] > pts[j]; j--) {
			uint64_t x = pts[j];

			pts[j] = pts[j - 1];
			pts[j - 1] = x;
		}
	for (i = 0; i < k; i++) {
		uint32_t val = value_at(p, np, pts[i]);

		if (i && pts[i] == pts[i - 1])
			continue;
		if (n && v[n - 1] == val)
			continue;
		b[n] = (uint32_t)pts[i];
		v[n++] = val;
	}
	for (k = 1; k < n; k *= 2)
		;
	for (i = n; i < k; i++) {
		b[i] = b[n - 1];
		v[i] = v[n - 1];
	}
	return k;
}

unsigned lpm_small_units(unsigned n)
{
	return (unsigned)(sizeof(struct lpm_small) + 8 * n + LPM_HEAD_UNIT - 1) /
	       LPM_HEAD_UNIT;
}

/* The block the table should have: n, or 0 when it should have none. */
unsigned lpm_small_expect(const struct brt_lpm *l, uint32_t *b,
			      uint32_t *v)
{
	if (l->family != BRT_AF_INET || l->trie.prefixes > LPM_SMALL_MAX)
		return 0;
	return ranges(&l->trie, b, v);
}

/* Before an update's stores: retire the current block, write the next
 * one (or none), in *idx for lpm_small_set(). */
int lpm_small_prepare(struct brt_lpm *l, uint32_t *idx)
{
	uint32_t b[64], v[64], at, old = l->small;
	unsigned n = lpm_small_expect(l, b, v);
	struct lpm_small *s;
	int err;

	*idx = LPM_NIL;
	if (old != LPM_NIL) {
		err = lpm_retire(l, LPM_K_HEAD, old, lpm_small_units(
					     lpm_small(l->ha.base, old)->n));
		if (err)
			return err;
	}
	if (!n)
		return 0;
	at = lpm_alloc(l, LPM_K_HEAD, lpm_small_units(n));
	if (at == LPM_NIL)
		return BRT_ENOMEM;
	s = lpm_small(l->ha.base, at);
	memset(s, 0, sizeof(*s));
	s->n = n;
	memcpy(s->bound, b, n * sizeof(*b));
	memcpy(s->bound + n, v, n * sizeof(*v));
	*idx = at;
	return 0;
}

/* After the update's direct entries: publish the block prepared. */
void lpm_small_set(struct brt_lpm *l, uint32_t idx)
{
	__atomic_store_n(&l->small, idx, __ATOMIC_RELEASE);
}
