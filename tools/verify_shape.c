/*
 * verify_shape.c - the query shapes of `bestroute verify`, the same as
 * tests/live/diff_harness.py draws: plain destinations, a source (one of
 * the host's addresses, loopback, unspecified, not the host's, multicast),
 * an output interface, a mark, a uid, a tos, and a source with an output
 * interface or a mark. Each shape exists because snapshot and kernel
 * answered it differently once (issue 22).
 */
#include <string.h>

#include "verify_dest.h"
#include "verify_shape.h"

static const char *const names[VS_COUNT] = {
	"plain", "from-host", "from-loopback", "from-unspec", "from-nonlocal",
	"from-mcast", "oif", "mark", "uid", "tos", "from-oif", "from-mark",
};

const char *verify_shape_name(int s)
{
	return s >= 0 && s < VS_COUNT ? names[s] : "unknown";
}

uint32_t verify_shapes_parse(const char *list, const char **bad, size_t *badlen)
{
	uint32_t set = 0;
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, ",");
		int s;

		for (s = 0; s < VS_COUNT; s++)
			if (strlen(names[s]) == n && !strncmp(names[s], p, n))
				break;
		if (s == VS_COUNT) {
			*bad = p;
			*badlen = n;
			return 0;
		}
		set |= 1u << s;
		p += n + (p[n] == ',');
	}
	return set;
}

/* One of the host's addresses of @family, or family 0 when it has none. */
static struct brt_addr host_addr(const brt_table *t, uint8_t family, uint64_t *rng)
{
	struct brt_addr a, none;
	size_t i, n = brt_table_address_count(t), k = 0, pick;

	memset(&none, 0, sizeof(none));
	for (i = 0; i < n; i++)
		k += brt_table_address(t, i)->addr.family == family;
	if (!k)
		return none;
	pick = (size_t)(verify_rand(rng) % k);
	for (i = 0; i < n; i++)
		if (brt_table_address(t, i)->addr.family == family && !pick--)
			break;
	a = brt_table_address(t, i)->addr;
	a.zone = 0;
	return a;
}

static void fixed_addr(struct brt_addr *a, uint8_t family, const char *v4,
		       const char *v6)
{
	brt_addr_parse(family == BRT_AF_INET ? v4 : v6, a);
}

/* A source that is (almost surely) no address of this host. */
static void nonlocal_addr(struct brt_addr *a, uint8_t family, uint64_t *rng)
{
	uint64_t r = verify_rand(rng);

	fixed_addr(a, family, "198.51.100.0", "2001:db8:f00d::");
	a->bytes[family == BRT_AF_INET ? 3 : 15] = (uint8_t)(1 + r % 250);
}

static uint32_t some_link(const brt_table *t, uint64_t *rng)
{
	size_t n = brt_table_link_count(t);

	return n ? brt_table_link(t, (size_t)(verify_rand(rng) % n))->index : 0;
}

static void set_source(int s, const brt_table *t, uint64_t *rng, struct brt_query *q)
{
	uint8_t f = q->dst.family;

	switch (s) {
	case VS_FROM_HOST: case VS_FROM_OIF: case VS_FROM_MARK:
		q->src = host_addr(t, f, rng);
		break;
	case VS_FROM_LOOPBACK: fixed_addr(&q->src, f, "127.0.0.1", "::1"); break;
	case VS_FROM_UNSPEC: fixed_addr(&q->src, f, "0.0.0.0", "::"); break;
	case VS_FROM_NONLOCAL: nonlocal_addr(&q->src, f, rng); break;
	case VS_FROM_MCAST: fixed_addr(&q->src, f, "224.0.0.251", "ff02::fb"); break;
	default: break;
	}
}

void verify_shape_apply(int s, const brt_table *t, uint64_t *rng, struct brt_query *q)
{
	set_source(s, t, rng, q);
	if (s == VS_OIF || s == VS_FROM_OIF)
		q->oif = some_link(t, rng);
	if (s == VS_MARK || s == VS_FROM_MARK) {
		q->mark = (uint32_t)(verify_rand(rng) % 4);
		q->flags |= BRT_QUERY_F_MARK;
	}
	if (s == VS_UID)
		q->uid = (uint32_t)(verify_rand(rng) % 3) * 1000;
	if (s == VS_TOS && q->dst.family == BRT_AF_INET)
		q->tos = (uint8_t)((verify_rand(rng) % 8) << 2);
}
