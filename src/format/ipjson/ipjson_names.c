/*
 * ipjson_names.c - the words `ip -j` prints in place of numbers.
 *
 * iproute2 prints a name from its tables (rt_scopes, rt_protos, rt_tables,
 * group, /etc/protocols) when it has one and the number otherwise, so every
 * reader here accepts the standard names and any number, as a JSON number
 * or a string. Scopes, protocols and IP protocols share the text format's
 * name tables (text_names.c), so both readers know the same words. A name outside the standard tables cannot be turned back
 * into a number without the host's files: it is an error naming the key.
 */
#include <string.h>

#include "ipjson/ipjson_impl.h"
#include "text/text.h"

struct ipj_word {
	const char *name;
	uint32_t value;
};

static const struct ipj_word tables[] = {
	{"main", BRT_TABLE_MAIN}, {"local", BRT_TABLE_LOCAL},
	{"default", BRT_TABLE_DEFAULT}, {NULL, 0},
};

static const struct ipj_word groups[] = {{"default", 0}, {NULL, 0}};

/* iproute2's rt_dsfield table (DSCP code points in the TOS byte). */
static const struct ipj_word dsfields[] = {
	{"default", 0x00}, {"CS1", 0x20}, {"AF11", 0x28}, {"AF12", 0x30},
	{"AF13", 0x38}, {"CS2", 0x40}, {"AF21", 0x48}, {"AF22", 0x50},
	{"AF23", 0x58}, {"CS3", 0x60}, {"AF31", 0x68}, {"AF32", 0x70},
	{"AF33", 0x78}, {"CS4", 0x80}, {"AF41", 0x88}, {"AF42", 0x90},
	{"AF43", 0x98}, {"CS5", 0xa0}, {"EF", 0xb8}, {"CS6", 0xc0},
	{"CS7", 0xe0}, {NULL, 0},
};

/* A word from @words, or a number up to @max. */
static int word_or_number(struct ipj_ctx *c, json_object *o, const char *key,
			  const struct ipj_word *words, uint32_t max,
			  const char *what, uint32_t *out)
{
	json_object *v = fmt_ipj_get(o, key);
	const char *s;
	size_t i;
	int rc;

	if (v && json_object_is_type(v, json_type_string)) {
		s = json_object_get_string(v);
		for (i = 0; words[i].name; i++)
			if (!strcmp(words[i].name, s)) {
				*out = words[i].value;
				return 1;
			}
		if (*s < '0' || *s > '9')
			return fmt_ipj_fail(c, "\"%s\": unknown %s \"%.60s\"", key,
					what, s);
	}
	rc = fmt_ipj_uint(c, o, key, max, out);
	return rc;
}

/* A word the text format's name table knows (@parse), or a number. */
static int named_or_number(struct ipj_ctx *c, json_object *o, const char *key,
			   int (*parse)(const char *), const char *what,
			   uint32_t *out)
{
	json_object *v = fmt_ipj_get(o, key);
	const char *s;
	int n;

	if (v && json_object_is_type(v, json_type_string)) {
		s = json_object_get_string(v);
		if (*s < '0' || *s > '9') {
			n = parse(s);
			if (n < 0)
				return fmt_ipj_fail(c, "\"%s\": unknown %s \"%.60s\"",
						key, what, s);
			*out = (uint32_t)n;
			return 1;
		}
	}
	return fmt_ipj_uint(c, o, key, 255, out);
}

int fmt_ipj_scope(struct ipj_ctx *c, json_object *o, const char *key,
	      uint8_t *out)
{
	uint32_t v;
	int rc = named_or_number(c, o, key, fmt_txt_scope_parse, "scope", &v);

	if (rc > 0)
		*out = (uint8_t)v;
	return rc;
}

int fmt_ipj_protocol(struct ipj_ctx *c, json_object *o, const char *key,
		 uint8_t *out)
{
	uint32_t v;
	int rc = named_or_number(c, o, key, fmt_txt_proto_parse, "protocol", &v);

	if (rc > 0)
		*out = (uint8_t)v;
	return rc;
}

int fmt_ipj_table(struct ipj_ctx *c, json_object *o, const char *key,
	      uint32_t *out)
{
	uint32_t v;
	int rc = word_or_number(c, o, key, tables, 0xffffffffu, "table", &v);

	if (rc > 0 && v == 0)
		return fmt_ipj_fail(c, "\"%s\": table 0 is not a table", key);
	if (rc > 0)
		*out = v;
	return rc;
}

int fmt_ipj_group(struct ipj_ctx *c, json_object *o, const char *key,
	      uint32_t *out)
{
	return word_or_number(c, o, key, groups, 0xffffffffu, "link group",
			      out);
}

int fmt_ipj_dsfield(struct ipj_ctx *c, json_object *o, const char *key,
		uint8_t *out)
{
	uint32_t v;
	int rc = word_or_number(c, o, key, dsfields, 255, "dsfield", &v);

	if (rc > 0)
		*out = (uint8_t)v;
	return rc;
}

/* ip prints "ipproto-N" for a number /etc/protocols does not name. */
static int ipproto_number(struct ipj_ctx *c, json_object *o, const char *key,
			  uint32_t *out)
{
	json_object *num;
	const char *s;
	int rc;

	if (fmt_ipj_str(c, o, key, &s) <= 0 || strncmp(s, "ipproto-", 8))
		return 0;
	num = json_object_new_object();
	if (!num)
		return BRT_ENOMEM;
	json_object_object_add(num, key, json_object_new_string(s + 8));
	rc = fmt_ipj_uint(c, num, key, 255, out);
	json_object_put(num);
	return rc;
}

int fmt_ipj_ipproto(struct ipj_ctx *c, json_object *o, const char *key,
		uint8_t *out)
{
	uint32_t v;
	int rc = ipproto_number(c, o, key, &v);

	if (rc == 0)
		rc = named_or_number(c, o, key, fmt_txt_ipproto_parse,
				     "IP protocol", &v);

	if (rc > 0)
		*out = (uint8_t)v;
	return rc;
}
