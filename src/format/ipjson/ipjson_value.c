/*
 * ipjson_value.c - typed access to the values of one `ip -j` record.
 *
 * Invariants: nothing here trusts the JSON type of a value; every getter
 * checks it with json_object_is_type and reports the key and the value
 * (abbreviated) when it is not what ip prints. Absent keys are not errors
 * here: the caller decides which keys a record needs.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipjson/ipjson_impl.h"

int fmt_ipj_fail(struct ipj_ctx *c, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (c->errlen && c->what && !c->rec)
		snprintf(c->err, c->errlen, "%s: %s: %s", c->name, c->what, msg);
	else if (c->errlen && c->what)
		snprintf(c->err, c->errlen, "%s: %s record %zu: %s", c->name,
			 c->what, c->rec, msg);
	else if (c->errlen)
		snprintf(c->err, c->errlen, "%s: record %zu: %s", c->name,
			 c->rec, msg);
	return BRT_EPARSE;
}

int fmt_ipj_builder_fail(struct ipj_ctx *c, int rc)
{
	if (c->errlen)
		snprintf(c->err, c->errlen, "%s: record %zu: %s", c->name,
			 c->rec, brt_builder_error(c->b)[0] ?
			 brt_builder_error(c->b) : brt_strerror(rc));
	return rc;
}

uint32_t fmt_ipj_ifref(struct ipj_ctx *c, const char *name)
{
	if (c->dry)
		return 1;
	return brt_builder_ifref(c->b, name);
}

json_object *fmt_ipj_get(json_object *o, const char *key)
{
	json_object *v = NULL;

	if (!json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

bool fmt_ipj_has(json_object *o, const char *key)
{
	return json_object_is_type(o, json_type_object) &&
	       json_object_object_get_ex(o, key, NULL);
}

/* The value as short text for messages. */
static const char *shown(json_object *v)
{
	const char *s = json_object_to_json_string_ext(
		v, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);

	return s ? s : "?";
}

static int bad(struct ipj_ctx *c, const char *key, json_object *v,
	       const char *want)
{
	return fmt_ipj_fail(c, "\"%s\": %.60s is not %s", key, shown(v), want);
}

int fmt_ipj_str(struct ipj_ctx *c, json_object *o, const char *key,
	    const char **out)
{
	json_object *v = fmt_ipj_get(o, key);

	*out = NULL;
	if (!v)
		return 0;
	if (!json_object_is_type(v, json_type_string))
		return bad(c, key, v, "a string");
	*out = json_object_get_string(v);
	return 1;
}

int fmt_ipj_ifname(struct ipj_ctx *c, json_object *o, const char *key,
	       char out[BRT_IFNAMSIZ])
{
	const char *s;
	int rc = fmt_ipj_str(c, o, key, &s);

	out[0] = 0;
	if (rc <= 0)
		return rc;
	if (strlen(s) != (size_t)json_object_get_string_len(fmt_ipj_get(o, key)))
		return fmt_ipj_fail(c, "\"%s\": an interface name cannot hold \\u0000", key);
	if (!*s || strlen(s) >= BRT_IFNAMSIZ)
		return fmt_ipj_fail(c, "\"%s\": \"%.60s\" is not an interface name",
				key, s);
	memcpy(out, s, strlen(s) + 1);
	return 1;
}

static int uint_text(const char *s, uint32_t max, uint32_t *out)
{
	unsigned long long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || v > max)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int fmt_ipj_uint(struct ipj_ctx *c, json_object *o, const char *key,
	     uint32_t max, uint32_t *out)
{
	json_object *v = fmt_ipj_get(o, key);
	char want[48];
	int64_t n;

	snprintf(want, sizeof(want), "a number in 0..%u", max);
	if (!v)
		return 0;
	if (json_object_is_type(v, json_type_string)) {
		if (uint_text(json_object_get_string(v), max, out))
			return bad(c, key, v, want);
		return 1;
	}
	if (!json_object_is_type(v, json_type_int))
		return bad(c, key, v, want);
	/* json-c saturates what int64/uint64 cannot hold: do not show that */
	if (json_object_get_uint64(v) == UINT64_MAX || json_object_get_int64(v) == INT64_MIN)
		return fmt_ipj_fail(c, "\"%s\": the number is too large (%s)", key, want);
	n = json_object_get_int64(v);
	if (n < 0 || (uint64_t)n > max)
		return bad(c, key, v, want);
	*out = (uint32_t)n;
	return 1;
}

/* Agree on a family: the first one seen wins, a different one is wrong. */
static int join_family(struct ipj_ctx *c, const char *key, const char *text,
		       int *family, int fam)
{
	if (*family && *family != fam)
		return fmt_ipj_fail(c, "\"%s\": %s is %s but the record is %s", key,
				text, fam == BRT_AF_INET ? "IPv4" : "IPv6",
				*family == BRT_AF_INET ? "IPv4" : "IPv6");
	*family = fam;
	return 1;
}

int fmt_ipj_addr(struct ipj_ctx *c, json_object *o, const char *key,
	     int *family, struct brt_addr *out)
{
	const char *s;
	int rc = fmt_ipj_str(c, o, key, &s);

	memset(out, 0, sizeof(*out));
	if (rc <= 0)
		return rc;
	if (brt_addr_parse(s, out))
		return fmt_ipj_fail(c, "\"%s\": \"%.60s\" is not an address", key, s);
	return join_family(c, key, s, family, out->family);
}

int fmt_ipj_prefix(struct ipj_ctx *c, json_object *o, const char *key,
	       int *family, struct brt_prefix *out)
{
	const char *s;
	int rc = fmt_ipj_str(c, o, key, &s);

	memset(out, 0, sizeof(*out));
	if (rc <= 0)
		return rc;
	if (!strcmp(s, "default") || !strcmp(s, "all"))
		return 1;
	if (brt_prefix_parse(s, BRT_AF_UNSPEC, 0, out))
		return fmt_ipj_fail(c, "\"%s\": \"%.60s\" is not a prefix (or has "
				"host bits set, or a length out of range)",
				key, s);
	return join_family(c, key, s, family, out->addr.family);
}

void fmt_ipj_prefix_settle(struct brt_prefix *p, int family)
{
	if (p->addr.family == BRT_AF_UNSPEC && p->len == 0)
		p->addr.family = (uint8_t)family;
}

int fmt_ipj_flag_list(struct ipj_ctx *c, json_object *o, const char *key,
		  const struct ipj_flagname *names, uint32_t *out)
{
	json_object *v = fmt_ipj_get(o, key);
	size_t i, k, n;

	if (!v)
		return 0;
	if (!json_object_is_type(v, json_type_array))
		return bad(c, key, v, "an array of words");
	n = json_object_array_length(v);
	for (i = 0; i < n; i++) {
		json_object *w = json_object_array_get_idx(v, i);

		if (!json_object_is_type(w, json_type_string))
			return bad(c, key, w, "a word");
		for (k = 0; names[k].name; k++)
			if (!strcmp(names[k].name, json_object_get_string(w)))
				*out |= names[k].bit;
	}
	return 1;
}
