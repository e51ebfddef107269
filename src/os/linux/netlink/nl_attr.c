/*
 * nl_attr.c - checked access to one netlink message and its attributes.
 *
 * Invariants: nothing is read before its length was checked against the
 * bytes actually present. libmnl's iterators stop quietly at the first
 * attribute whose length does not fit; here the stream must end exactly
 * at the payload's end, so a lying length is reported, not ignored.
 * Attributes of types past @max or without a policy are skipped (newer
 * kernels add attributes; ignoring them keeps us working).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "netlink/nl.h"

int os_nl_fail(char *err, size_t errlen, const char *what,
		const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!err || !errlen)
		return BRT_EPARSE;
	n = snprintf(err, errlen, "%s message: ", what);
	if (n < 0 || (size_t)n >= errlen)
		return BRT_EPARSE;
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return BRT_EPARSE;
}

int os_nl_check_msg(const void *buf, size_t len, uint16_t type1,
		     uint16_t type2, size_t hdrlen, const char *what,
		     char *err, size_t errlen)
{
	const struct nlmsghdr *nlh = buf;

	if (!buf || len < sizeof(*nlh))
		return os_nl_fail(err, errlen, what,
				   "%zu bytes, shorter than a netlink header",
				   len);
	if (nlh->nlmsg_len < sizeof(*nlh) || nlh->nlmsg_len > len)
		return os_nl_fail(err, errlen, what,
				   "header says %u bytes, %zu present",
				   nlh->nlmsg_len, len);
	if (nlh->nlmsg_type != type1 && nlh->nlmsg_type != type2)
		return os_nl_fail(err, errlen, what, "unexpected type %u",
				   nlh->nlmsg_type);
	if (mnl_nlmsg_get_payload_len(nlh) < hdrlen)
		return os_nl_fail(err, errlen, what,
				   "payload of %zu bytes, family header needs %zu",
				   mnl_nlmsg_get_payload_len(nlh), hdrlen);
	return 0;
}

static int check_one(const struct nlattr *a, const struct brt_nl_pol *p,
		     uint8_t family, const char *what, char *err,
		     size_t errlen)
{
	uint16_t plen = mnl_attr_get_payload_len(a);
	const char *s = mnl_attr_get_payload(a);
	unsigned type = mnl_attr_get_type(a);
	size_t want;

	switch (p->kind) {
	case BRT_NLA_EXACT:
	case BRT_NLA_FLAG:
		want = p->kind == BRT_NLA_FLAG ? 0 : p->len;
		if (plen != want)
			return os_nl_fail(err, errlen, what,
					   "attribute %u has %u bytes, expected %zu",
					   type, plen, want);
		return 0;
	case BRT_NLA_MIN:
		if (plen < p->len)
			return os_nl_fail(err, errlen, what,
					   "attribute %u has %u bytes, needs at least %u",
					   type, plen, p->len);
		return 0;
	case BRT_NLA_ADDR:
		want = family == BRT_AF_INET ? 4 : family == BRT_AF_INET6 ? 16 : 0;
		if (!want || plen != want)
			return os_nl_fail(err, errlen, what,
					   "address attribute %u has %u bytes for family %u",
					   type, plen, family);
		return 0;
	case BRT_NLA_NAME:
		if (plen == 0 || plen > BRT_IFNAMSIZ || !memchr(s, 0, plen))
			return os_nl_fail(err, errlen, what,
					   "name attribute %u is not a terminated name of at most %d bytes",
					   type, BRT_IFNAMSIZ - 1);
		return 0;
	case BRT_NLA_STRING:
		if (plen == 0 || !memchr(s, 0, plen))
			return os_nl_fail(err, errlen, what,
					   "string attribute %u is not terminated", type);
		return 0;
	case BRT_NLA_NESTED:
		if (mnl_attr_validate(a, MNL_TYPE_NESTED) < 0)
			return os_nl_fail(err, errlen, what,
					   "nested attribute %u is malformed", type);
		return 0;
	default:
		return 0;
	}
}

int os_nl_parse_stream(const void *data, size_t len,
			const struct nlattr **tb, unsigned max,
			const struct brt_nl_pol *pol, uint8_t family,
			const char *what, char *err, size_t errlen)
{
	const struct nlattr *attr;
	const char *end = (const char *)data + len;
	int e;

	memset(tb, 0, (max + 1) * sizeof(*tb));
	/* libmnl's mnl_attr_for_each_payload, without its casts from const */
	for (attr = data; mnl_attr_ok(attr, (int)(end - (const char *)attr));
	     attr = mnl_attr_next(attr)) {
		unsigned type = mnl_attr_get_type(attr);

		if (type > max || pol[type].kind == BRT_NLA_IGNORE)
			continue;
		e = check_one(attr, &pol[type], family, what, err, errlen);
		if (e)
			return e;
		tb[type] = attr;
	}
	/* past the end only by the last attribute's missing padding */
	if ((const char *)attr < end)
		return os_nl_fail(err, errlen, what,
				   "attribute at offset %zu claims more than the %zu bytes left",
				   (size_t)((const char *)attr - (const char *)data),
				   (size_t)(end - (const char *)attr));
	return 0;
}

int os_nl_parse_attrs(const struct nlmsghdr *nlh, size_t hdrlen,
		       const struct nlattr **tb, unsigned max,
		       const struct brt_nl_pol *pol, uint8_t family,
		       const char *what, char *err, size_t errlen)
{
	size_t off = MNL_ALIGN(hdrlen);
	size_t plen = mnl_nlmsg_get_payload_len(nlh);

	if (off > plen)	/* family header fits, its padding does not */
		off = plen;
	return os_nl_parse_stream((const char *)mnl_nlmsg_get_payload(nlh) + off,
				   plen - off, tb, max, pol, family, what, err,
				   errlen);
}

void os_nl_get_addr(const struct nlattr *a, uint8_t family,
		     struct brt_addr *out)
{
	memset(out, 0, sizeof(*out));
	out->family = family;
	memcpy(out->bytes, mnl_attr_get_payload(a), family == BRT_AF_INET ? 4 : 16);
}
