/*
 * text_values.c - numbers, addresses, prefixes and names in table text.
 *
 * Each reader checks one word and, when it is wrong, writes a message
 * that says what is wrong with it (bad number, out of range, host bits
 * set, prefix length too long), so users need not guess.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "text/text.h"

/* Decimal, or hexadecimal after "0x" (as ip prints marks and tos). */
static bool parse_ul(const char *s, unsigned long long *out)
{
	char *end;
	int base = 10;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	if (!((*s >= '0' && *s <= '9') ||
	      (base == 16 && strchr("abcdefABCDEF", *s) && *s)))
		return false;
	errno = 0;
	*out = strtoull(s, &end, base);
	return !errno && !*end;
}

bool fmt_txt_parse_u32(const char *s, uint32_t *out)
{
	unsigned long long v;

	if (!parse_ul(s, &v) || v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

int fmt_txt_u32(struct brt_txt *t, size_t i, uint32_t max, uint32_t *out)
{
	const char *s = fmt_txt_word(t, i);
	unsigned long long v;

	if (!parse_ul(s, &v))
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad number '%s'", s);
	if (v > max)
		return fmt_txt_fail(t, i, BRT_EPARSE,
				    "number out of range (at most %u) '%s'",
				    max, s);
	*out = (uint32_t)v;
	return 0;
}

int fmt_txt_seconds(struct brt_txt *t, size_t i, uint32_t *out)
{
	const char *s = fmt_txt_word(t, i);
	char num[24];
	size_t n = strlen(s);
	unsigned long long v;

	if (n > 3 && !strcmp(s + n - 3, "sec"))
		n -= 3;
	if (n >= sizeof(num))
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad number '%s'", s);
	memcpy(num, s, n);
	num[n] = 0;
	if (!parse_ul(num, &v) || v > UINT32_MAX)
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad number '%s'", s);
	*out = (uint32_t)v;
	return 0;
}

int fmt_txt_range(struct brt_txt *t, size_t i, uint32_t max, uint32_t *lo,
		  uint32_t *hi)
{
	const char *s = fmt_txt_word(t, i), *dash = strchr(s, '-');
	unsigned long long a, b;
	char first[32];
	size_t n = dash ? (size_t)(dash - s) : strlen(s);

	if (n >= sizeof(first))
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad range '%s'", s);
	memcpy(first, s, n);
	first[n] = 0;
	if (!parse_ul(first, &a) || (dash && !parse_ul(dash + 1, &b)))
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad range '%s'", s);
	if (!dash)
		b = a;
	if (a > b || b > max)
		return fmt_txt_fail(t, i, BRT_EPARSE,
				    "range out of order or above %u '%s'", max,
				    s);
	*lo = (uint32_t)a;
	*hi = (uint32_t)b;
	return 0;
}

int fmt_txt_addr(struct brt_txt *t, size_t i, struct brt_addr *out)
{
	const char *s = fmt_txt_word(t, i);

	if (brt_addr_parse(s, out))
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad address '%s'", s);
	return 0;
}

int fmt_txt_addr_len(struct brt_txt *t, size_t i, struct brt_addr *out,
		     int *plen)
{
	const char *s = fmt_txt_word(t, i), *slash = strchr(s, '/');
	char buf[BRT_ADDRSTRLEN];
	unsigned long long v;
	size_t n = slash ? (size_t)(slash - s) : strlen(s);

	if (n >= sizeof(buf))
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad address '%s'", s);
	memcpy(buf, s, n);
	buf[n] = 0;
	if (strchr(buf, '%') || brt_addr_parse(buf, out))
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad address '%s'", s);
	*plen = -1;
	if (!slash)
		return 0;
	if (!(slash[1] >= '0' && slash[1] <= '9') || !parse_ul(slash + 1, &v))
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad prefix length '%s'",
				    s);
	if (v > core_family_bits(out->family))
		return fmt_txt_fail(t, i, BRT_EPARSE,
				    "prefix length too long '%s'", s);
	*plen = (int)v;
	return 0;
}

int fmt_txt_prefix(struct brt_txt *t, size_t i, int family,
		   struct brt_prefix *out)
{
	const char *s = fmt_txt_word(t, i);
	struct brt_addr a;
	int plen, err;

	if (!strcmp(s, "default") || !strcmp(s, "all") || !strcmp(s, "any")) {
		memset(out, 0, sizeof(*out));
		out->addr.family = (uint8_t)family;
		return 0;
	}
	err = fmt_txt_addr_len(t, i, &a, &plen);
	if (err)
		return err;
	if (family && a.family != family)
		return fmt_txt_fail(t, i, BRT_EPARSE,
				    "address family differs from %s '%s'",
				    family == BRT_AF_INET6 ? "IPv6" : "IPv4",
				    s);
	core_prefix_make(out, &a, plen < 0 ? core_family_bits(a.family)
					  : (unsigned)plen);
	if (memcmp(out->addr.bytes, a.bytes, 16))
		return fmt_txt_fail(t, i, BRT_EPARSE,
				    "host bits set in prefix '%s'", s);
	return 0;
}

int fmt_txt_ifname(struct brt_txt *t, size_t i, char out[BRT_IFNAMSIZ])
{
	const char *s = fmt_txt_word(t, i);
	size_t n = strlen(s), k;

	/* as the kernel's dev_valid_name: no '/', ':' or blanks */
	for (k = 0; k < n; k++)
		if ((unsigned char)s[k] <= ' ' || s[k] == 0x7f || s[k] == '/' ||
		    s[k] == ':')
			break;
	if (n == 0 || n >= BRT_IFNAMSIZ || k < n)
		return fmt_txt_fail(t, i, BRT_EPARSE, "bad link name '%s'", s);
	memcpy(out, s, n + 1);
	return 0;
}
