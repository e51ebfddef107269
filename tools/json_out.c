/*
 * json_out.c - how every JSON document of the tool is printed, and names
 * made safe to print.
 *
 * JSON is one object per line, or indented with -p/--pretty; slashes are
 * never escaped (10.0.0.0/24, not 10.0.0.0\/24), as `ip -j` prints them.
 * A link name is whatever bytes the kernel or a dump gave: bytes that are
 * not printable UTF-8 are printed as the text \xNN, in JSON and on the
 * terminal alike, so output is always valid UTF-8 and never raw garbage.
 */
#include <string.h>

#include "cli.h"

int cli_json_print(FILE *f, json_object *o, bool pretty)
{
	int flags = JSON_C_TO_STRING_NOSLASHESCAPE |
		    (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
			    : JSON_C_TO_STRING_PLAIN);

	fprintf(f, "%s\n", json_object_to_json_string_ext(o, flags));
	return ferror(f) ? -1 : 0;
}

/* Length of the valid UTF-8 sequence at @s (1..4), or 0 when invalid. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

const char *cli_name_escape(const char *name, char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t o = 0, n;

	for (n = 0; s[n]; n++)
		if (s[n] < 0x20 || s[n] == 0x7f || s[n] == '\\' || s[n] >= 0x80)
			break;
	if (!s[n])
		return name;	/* plain ASCII: as it is */
	while (*s && o + 5 < len) {
		n = *s >= 0x20 && *s != 0x7f && *s != '\\' ? utf8_len(s) : 0;
		if (n) {
			memcpy(buf + o, s, n);
			o += n, s += n;
		} else {
			o += (size_t)snprintf(buf + o, len - o, "\\x%02x", *s++);
		}
	}
	buf[o] = 0;
	return buf;
}

json_object *cli_jname(const char *name)
{
	char buf[CLI_NAME_ESCAPED];

	return json_object_new_string(cli_name_escape(name, buf, sizeof(buf)));
}

void cli_fputs_escaped(const char *text, FILE *f)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n;

	while (*s) {
		n = *s >= 0x20 || *s == '\n' || *s == '\t' ? utf8_len(s) : 0;
		if (*s == 0x7f)
			n = 0;
		if (n) {
			fwrite(s, 1, n, f);
			s += n;
		} else {
			fprintf(f, "\\x%02x", *s++);
		}
	}
}
