/*
 * addr.c - addresses and prefixes: parsing, printing, bit arithmetic.
 *
 * Invariants: a brt_addr of family INET uses bytes[0..3] and keeps
 * bytes[4..15] zero; a valid brt_prefix has no host bits set. Parsing is
 * strict (inet_pton rules, no leading/trailing junk), since table files
 * and queries are user input.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "model/vec.h"

int core_vec_reserve(void **data, size_t *cap, size_t n, size_t extra,
		    size_t elem)
{
	size_t want, ncap;
	void *p;

	if (extra > ((size_t)-1) / elem - n)
		return -1;
	want = n + extra;
	if (want <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < want)
		ncap = ncap > ((size_t)-1) / 4 ? want : ncap * 2;
	p = realloc(*data, ncap * elem);
	if (!p)
		return -1;
	*data = p;
	*cap = ncap;
	return 0;
}

bool core_family_valid(uint8_t family)
{
	return family == BRT_AF_INET || family == BRT_AF_INET6;
}

/* Byte-wise compares in 64-bit words, big-endian so that the first @len
 * bits are the top ones: rules and routes test prefixes per query, and a
 * libc memcmp call costs more than the compare. */
static uint64_t be64_at(const uint8_t *p)
{
	uint64_t x;

	memcpy(&x, p, 8);
	return __builtin_bswap64(x);
}

bool core_bits_match(const uint8_t *a, const uint8_t *b, unsigned len)
{
	unsigned full = len / 8, rest = len % 8;

	if (len && len <= 32) {		/* (an IPv4 buffer may hold 4 bytes) */
		uint32_t x, y;

		memcpy(&x, a, 4);
		memcpy(&y, b, 4);
		return ((__builtin_bswap32(x) ^ __builtin_bswap32(y)) &
			(~UINT32_C(0) << (32 - len))) == 0;
	}
	if (len && len <= 64)
		return ((be64_at(a) ^ be64_at(b)) & (~UINT64_C(0) << (64 - len))) == 0;
	if (memcmp(a, b, full))
		return false;
	if (!rest)
		return true;
	return ((a[full] ^ b[full]) & (uint8_t)(0xff << (8 - rest))) == 0;
}

unsigned core_common_bits(const uint8_t *a, const uint8_t *b, unsigned max)
{
	unsigned i, n = 0;

	for (i = 0; n < max; i++) {
		uint8_t x = a[i] ^ b[i];

		if (!x) {
			n += 8;
			continue;
		}
		n += (unsigned)__builtin_clz((unsigned)x) - 24;
		break;
	}
	return n < max ? n : max;
}

void core_bits_mask(uint8_t *a, unsigned bytes, unsigned len)
{
	unsigned i;

	for (i = 0; i < bytes; i++) {
		if (len >= 8 * (i + 1))
			continue;
		if (len <= 8 * i)
			a[i] = 0;
		else
			a[i] &= (uint8_t)(0xff << (8 - (len - 8 * i)));
	}
}

void core_addr_set_v4(struct brt_addr *a, uint32_t v)
{
	memset(a, 0, sizeof(*a));
	a->family = BRT_AF_INET;
	a->bytes[0] = (uint8_t)(v >> 24);
	a->bytes[1] = (uint8_t)(v >> 16);
	a->bytes[2] = (uint8_t)(v >> 8);
	a->bytes[3] = (uint8_t)v;
}

bool core_addr_is_zero(const struct brt_addr *a)
{
	uint64_t w[2];

	memcpy(w, a->bytes, 16);
	if (a->family == BRT_AF_INET)
		return (uint32_t)w[0] == 0;	/* bytes 0..3, either order */
	return !(w[0] | w[1]);
}

bool core_addr_is_v4_loopback(const struct brt_addr *a)
{
	return a->family == BRT_AF_INET && a->bytes[0] == 127;
}

bool core_addr_is_v4_multicast(const struct brt_addr *a)
{
	return a->family == BRT_AF_INET && (a->bytes[0] & 0xf0) == 0xe0;
}

bool core_addr_is_v4_bad_source(const struct brt_addr *a)
{
	return core_addr_is_v4_multicast(a) || a->bytes[0] == 0 ||
	       (a->bytes[0] == 255 && a->bytes[1] == 255 &&
		a->bytes[2] == 255 && a->bytes[3] == 255);
}

bool core_addr_is_v6_linklocal(const struct brt_addr *a)
{
	return a->family == BRT_AF_INET6 && a->bytes[0] == 0xfe &&
	       (a->bytes[1] & 0xc0) == 0x80;
}

bool core_addr_is_v6_multicast(const struct brt_addr *a)
{
	return a->family == BRT_AF_INET6 && a->bytes[0] == 0xff;
}

bool core_addr_is_v6_loopback(const struct brt_addr *a)
{
	static const uint8_t one[16] = {[15] = 1};

	return a->family == BRT_AF_INET6 && !memcmp(a->bytes, one, 16);
}

/*
 * IPv6 scope as the kernel's ipv6_addr_src_scope: multicast carries its
 * scope; loopback and link-local are link scope (2); site-local 5;
 * everything else global (14). IPv4-mapped addresses count as global.
 */
int core_addr6_scope(const struct brt_addr *a)
{
	if (core_addr_is_v6_multicast(a))
		return a->bytes[1] & 0x0f;
	if (core_addr_is_v6_loopback(a) || core_addr_is_v6_linklocal(a))
		return 0x2;
	if (a->bytes[0] == 0xfe && (a->bytes[1] & 0xc0) == 0xc0)
		return 0x5;
	return 0xe;
}

void core_prefix_make(struct brt_prefix *p, const struct brt_addr *a,
		     unsigned len)
{
	memset(p, 0, sizeof(*p));
	p->addr.family = a->family;
	memcpy(p->addr.bytes, a->bytes, core_family_bytes(a->family));
	core_bits_mask(p->addr.bytes, core_family_bytes(a->family), len);
	p->len = (uint8_t)len;
}

bool core_prefix_equal(const struct brt_prefix *a, const struct brt_prefix *b)
{
	return a->len == b->len && a->addr.family == b->addr.family &&
	       !memcmp(a->addr.bytes, b->addr.bytes, 16);
}

int brt_addr_equal(const struct brt_addr *a, const struct brt_addr *b)
{
	if (!a || !b || a->family != b->family)
		return 0;
	return !memcmp(a->bytes, b->bytes, core_family_bytes(a->family));
}

/* Parse without a zone; 0 or BRT_EPARSE. */
static int parse_plain(const char *text, struct brt_addr *out)
{
	memset(out, 0, sizeof(*out));
	if (strchr(text, ':')) {
		if (inet_pton(AF_INET6, text, out->bytes) != 1)
			return BRT_EPARSE;
		out->family = BRT_AF_INET6;
		return 0;
	}
	if (inet_pton(AF_INET, text, out->bytes) != 1)
		return BRT_EPARSE;
	out->family = BRT_AF_INET;
	return 0;
}

/* A decimal zone: 0 and *zone set, or -1. */
static int parse_zone_number(const char *s, uint32_t *zone)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v == 0 || v > 0xffffffffUL)
		return -1;
	*zone = (uint32_t)v;
	return 0;
}

int brt_addr_parse(const char *text, struct brt_addr *out)
{
	char buf[BRT_ADDRSTRLEN];
	const char *pct;
	size_t n;
	int err;

	if (!text || !out)
		return BRT_EINVAL;
	pct = strchr(text, '%');
	n = pct ? (size_t)(pct - text) : strlen(text);
	if (n == 0 || n >= sizeof(buf))
		return BRT_EPARSE;
	memcpy(buf, text, n);
	buf[n] = 0;
	err = parse_plain(buf, out);
	if (err || !pct)
		return err;
	if (out->family != BRT_AF_INET6 || !pct[1] ||
	    strlen(pct + 1) >= BRT_IFNAMSIZ)
		return BRT_EPARSE;
	if (parse_zone_number(pct + 1, &out->zone) == 0)
		return 0;
	return BRT_ENOENT;
}

int brt_addr_format(const struct brt_addr *a, char *buf, size_t len)
{
	char tmp[BRT_ADDRSTRLEN];
	int n;

	if (!a || !buf || !core_family_valid(a->family))
		return BRT_EINVAL;
	if (!inet_ntop(a->family == BRT_AF_INET ? AF_INET : AF_INET6,
		       a->bytes, tmp, sizeof(tmp)))
		return BRT_EINVAL;
	if (a->zone && a->family == BRT_AF_INET6)
		n = snprintf(buf, len, "%s%%%u", tmp, a->zone);
	else
		n = snprintf(buf, len, "%s", tmp);
	if (n < 0 || (size_t)n >= len)
		return BRT_ERANGE;
	return n;
}

/* The length part of "a/len": 0 and *len, or BRT_EPARSE. */
static int parse_len(const char *s, unsigned max, unsigned *len)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return BRT_EPARSE;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > max)
		return BRT_EPARSE;
	*len = (unsigned)v;
	return 0;
}

int brt_prefix_parse(const char *text, int family_hint, int allow_host_bits,
		     struct brt_prefix *out)
{
	char buf[BRT_PREFIXSTRLEN];
	const char *slash;
	struct brt_addr a;
	unsigned len;
	size_t n;

	if (!text || !out)
		return BRT_EINVAL;
	if (!strcmp(text, "default") || !strcmp(text, "all") ||
	    !strcmp(text, "any")) {
		memset(out, 0, sizeof(*out));
		out->addr.family = family_hint == BRT_AF_INET6 ? BRT_AF_INET6
							       : BRT_AF_INET;
		return 0;
	}
	slash = strchr(text, '/');
	n = slash ? (size_t)(slash - text) : strlen(text);
	if (n == 0 || n >= sizeof(buf))
		return BRT_EPARSE;
	memcpy(buf, text, n);
	buf[n] = 0;
	if (strchr(buf, '%') || parse_plain(buf, &a))
		return BRT_EPARSE;
	len = core_family_bits(a.family);
	if (slash && parse_len(slash + 1, len, &len))
		return BRT_EPARSE;
	core_prefix_make(out, &a, len);
	if (!allow_host_bits && memcmp(out->addr.bytes, a.bytes, 16))
		return BRT_EPARSE;
	return 0;
}

int brt_prefix_format(const struct brt_prefix *p, char *buf, size_t len)
{
	char a[BRT_ADDRSTRLEN];
	int n;

	if (!p || !buf || brt_addr_format(&p->addr, a, sizeof(a)) < 0 ||
	    p->len > core_family_bits(p->addr.family))
		return BRT_EINVAL;
	n = snprintf(buf, len, "%s/%u", a, p->len);
	if (n < 0 || (size_t)n >= len)
		return BRT_ERANGE;
	return n;
}

int brt_prefix_contains(const struct brt_prefix *p, const struct brt_addr *a)
{
	if (!p || !a || p->addr.family != a->family ||
	    p->len > core_family_bits(p->addr.family))
		return 0;
	return core_bits_match(p->addr.bytes, a->bytes, p->len);
}
