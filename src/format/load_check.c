/*
 * load_check.c - is a table file text? Checked as the bytes arrive, so
 * that binary input stops at once (`-t /dev/zero` reads one block, not a
 * gigabyte before "file too large").
 *
 * Every format refuses a NUL byte. Our text format must also be UTF-8
 * without control bytes other than tab, CR, LF, VT and FF (names and words
 * are printed back, and raw escape sequences must never reach a terminal);
 * an `ip -j` dump is left to the JSON parser beyond NUL bytes, since ip
 * prints a link name's bytes as they are. The format is told by the first
 * byte that is not blank (after a UTF-8 BOM, which is skipped), as
 * brt_builder_load_file tells it.
 *
 * Invariant: bytes before c->checked are known good; a UTF-8 sequence
 * cut by the end of a block is checked when the next block arrives.
 */
#include <stdio.h>
#include <string.h>

#include "load_check.h"

/* Length of the UTF-8 sequence at @s (of @n bytes): 1..4, 0 invalid,
 * -1 cut short by the end of the data. */
int fmt_load_utf8_seq(const unsigned char *s, size_t n)
{
	int len, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1fu;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0fu;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07u;
	else
		return 0;
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

static int refuse(struct load_check *c, size_t off, const char *what, unsigned char byte,
		  char *err, size_t errlen)
{
	if (errlen)
		snprintf(err, errlen, "%s:%zu: byte offset %zu: %s (\\x%02x): not a text "
			 "table or an `ip -j` dump", c->name, c->line, off, what, byte);
	return BRT_EPARSE;
}

/* Decide the format at the first byte that is not blank. */
static void settle_format(struct load_check *c, unsigned char b)
{
	if (c->format == LOAD_UNKNOWN && !strchr(" \t\r\n", b))
		c->format = b == '[' || b == '{' ? LOAD_JSON : LOAD_TEXT;
}

int fmt_load_check_more(struct load_check *c, const char *data, size_t len, bool final,
		    char *err, size_t errlen)
{
	const unsigned char *d = (const unsigned char *)data;
	size_t i = c->checked;
	int n;

	if (i == 0 && len >= 3 && !memcmp(d, "\xef\xbb\xbf", 3))
		i = c->bom = 3;
	else if (i == 0 && len < 3 && !final && !memcmp(d, "\xef\xbb\xbf", len))
		return 0;	/* maybe a BOM: wait for more */
	while (i < len) {
		if (!d[i])
			return refuse(c, i, "a NUL byte", 0, err, errlen);
		settle_format(c, d[i]);
		if (c->format != LOAD_TEXT || d[i] == '\n') {
			c->line += d[i++] == '\n';
			continue;
		}
		if ((d[i] < 0x20 && !strchr("\t\r\v\f", d[i])) || d[i] == 0x7f)
			return refuse(c, i, "a control byte", d[i], err, errlen);
		n = fmt_load_utf8_seq(d + i, len - i);
		if (n < 0 && !final)
			break;
		if (n <= 0)
			return refuse(c, i, "invalid UTF-8", d[i], err, errlen);
		i += (size_t)n;
	}
	c->checked = i;
	return 0;
}
