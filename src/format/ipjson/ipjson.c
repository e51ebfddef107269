/*
 * ipjson.c - reading one `ip -j` dump: JSON parsing, kind, two passes.
 *
 * Invariants: the dump is a JSON array of objects of one kind, told by
 * their keys (a link record may carry addresses: `ip addr` prints both).
 * All records are converted and checked in a dry pass before the first is
 * added, so a bad record leaves the builder untouched; only the builder's
 * own refusals (conflicts, limits) can stop the second pass half way.
 * Rules: an `ip rule` dump holds one family, so a record that does not
 * show its family takes the one other records show; a route dump mixes
 * families, so routes only take the family marked with inet:/inet6:.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "ipjson/ipjson_impl.h"
#include "json/json_read.h"

/* Deeper than anything ip prints (-d -s link records nest about 5). */
#define IPJ_MAX_DEPTH 32

static enum ipj_kind record_kind(json_object *o)
{
	if (!json_object_is_type(o, json_type_object))
		return IPJ_UNKNOWN;
	if (fmt_ipj_has(o, "addr_info"))
		return IPJ_ADDR;
	if (fmt_ipj_has(o, "ifname") && fmt_ipj_has(o, "ifindex"))
		return IPJ_LINK;
	if (fmt_ipj_has(o, "priority"))
		return IPJ_RULE;
	if (fmt_ipj_has(o, "dst"))
		return IPJ_ROUTE;
	if (fmt_ipj_has(o, "id"))
		return IPJ_NEXTHOP;
	if (fmt_ipj_has(o, "address") && fmt_ipj_has(o, "prefixlen") &&
	    fmt_ipj_has(o, "label"))
		return IPJ_ADDRLABEL;
	return IPJ_UNKNOWN;
}

static const char *kind_name(enum ipj_kind k)
{
	static const char *const names[] = {
		"unknown", "link", "addr", "route", "rule", "nexthop",
		"addrlabel",
	};

	return names[k];
}

/* The keys that make a record of kind @k, for messages. */
static const char *kind_keys(enum ipj_kind k)
{
	static const char *const keys[] = {
		"", "\"ifindex\" and \"ifname\"", "\"addr_info\"", "\"dst\"",
		"\"priority\"", "\"id\"",
		"\"address\", \"prefixlen\" and \"label\"",
	};

	return keys[k];
}

/* Each record must be of the dump's kind (links may come with addrs). */
static int check_kind(struct ipj_ctx *c, enum ipj_kind k, enum ipj_kind kind)
{
	if (k == kind || (k == IPJ_LINK && kind == IPJ_ADDR))
		return 0;
	if (k == IPJ_UNKNOWN)
		return fmt_ipj_fail(c, "not a record of an `ip -j %s` dump (it needs "
				"%s)", kind_name(kind), kind_keys(kind));
	return fmt_ipj_fail(c, "an `ip -j %s` record in an `ip -j %s` dump",
			kind_name(k), kind_name(kind));
}

static int one_record(struct ipj_ctx *c, enum ipj_kind k, json_object *o)
{
	switch (k) {
	case IPJ_LINK:
		return fmt_ipj_link_record(c, o);
	case IPJ_ADDR:
		return fmt_ipj_addr_record(c, o);
	case IPJ_ROUTE:
		return fmt_ipj_route_record(c, o);
	case IPJ_RULE:
		return fmt_ipj_rule_record(c, o);
	case IPJ_NEXTHOP:
		return fmt_ipj_nexthop_record(c, o);
	case IPJ_ADDRLABEL:
		return fmt_ipj_addrlabel_record(c, o);
	default:
		return fmt_ipj_fail(c, "not a record of any `ip -j` dump (no key "
				"tells link, addr, route, rule, nexthop or "
				"addrlabel)");
	}
}

/* The family the rules of a dump show, or a message when they disagree. */
static int rules_family(struct ipj_ctx *c, json_object *arr)
{
	size_t i, n = json_object_array_length(arr);
	int fam, rc;

	for (i = 0; i < n; i++) {
		c->rec = i + 1;
		fam = 0;
		rc = fmt_ipj_rule_family(c, json_object_array_get_idx(arr, i), &fam);
		if (rc < 0)
			return rc;
		if (fam && c->dump_family && fam != c->dump_family)
			return fmt_ipj_fail(c, "the rule dump mixes IPv4 and IPv6 "
					"rules");
		if (fam)
			c->dump_family = fam;
	}
	return 0;
}

static int all_records(struct ipj_ctx *c, json_object *arr)
{
	size_t i, n = json_object_array_length(arr);
	enum ipj_kind kind = IPJ_UNKNOWN, k;
	int rc;

	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(arr, i);

		c->rec = i + 1;
		k = record_kind(o);
		if (k == IPJ_ADDR && kind == IPJ_LINK)
			kind = IPJ_ADDR;	/* links without addresses first */
		if (kind == IPJ_UNKNOWN)
			kind = k;
		if (kind != IPJ_UNKNOWN && (rc = check_kind(c, k, kind)))
			return rc;
		if (!c->dry && brt_builder_set_origin(c->b, c->name,
						      (unsigned)c->rec))
			return fmt_ipj_builder_fail(c, BRT_ENOMEM);
		rc = one_record(c, k, o);
		if (rc)
			return rc;
	}
	return 0;
}

/* Line and column of byte @off, for messages about the JSON text. */
static void position(const char *data, size_t off, size_t *line, size_t *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (data[i] == '\n') {
			(*line)++;
			*col = 1;
		} else
			(*col)++;
	}
}

static int parse_json(struct ipj_ctx *c, const char *data, size_t len,
		      json_object **out)
{
	json_tokener *tok = json_tokener_new_ex(IPJ_MAX_DEPTH);
	enum json_tokener_error e;
	size_t end, line, col;
	const char *why;

	*out = NULL;
	if (!tok)
		return BRT_ENOMEM;
	/* ip writes strict JSON; json-c's lenient extras would hide damage */
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	*out = json_tokener_parse_ex(tok, data, (int)len);
	e = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	why = e == json_tokener_continue ? "unexpected end of input"
					 : json_tokener_error_desc(e);
	if (e == json_tokener_success)
		while (end < len && data[end] && strchr(" \t\r\n", data[end]))
			end++;
	if (e == json_tokener_success && end < len)
		why = "text after the end of the JSON value";
	else if (e == json_tokener_success)
		return 0;
	json_object_put(*out);
	*out = NULL;
	position(data, end, &line, &col);
	if (c->errlen)
		snprintf(c->err, c->errlen, "%s:%zu:%zu: invalid JSON: %s",
			 c->name, line, col, why);
	return BRT_EPARSE;
}

static int load_array(struct ipj_ctx *c, json_object *arr)
{
	int rc = 0;

	if (!json_object_is_type(arr, json_type_array)) {
		if (c->errlen)
			snprintf(c->err, c->errlen, "%s: an `ip -j` dump is a "
				 "JSON array, not %s", c->name,
				 json_type_to_name(json_object_get_type(arr)));
		return BRT_EPARSE;
	}
	if (json_object_array_length(arr) &&
	    record_kind(json_object_array_get_idx(arr, 0)) == IPJ_RULE)
		rc = rules_family(c, arr);
	if (!rc)
		rc = fmt_ipj_dup_check(c, arr);
	c->dry = true;
	if (!rc)
		rc = all_records(c, arr);
	c->dry = false;
	if (!rc)
		rc = all_records(c, arr);
	return rc;
}

int brt_builder_load_ipjson(brt_builder *b, const char *name, int family,
			    const char *data, size_t len, char *err,
			    size_t errlen)
{
	struct ipj_ctx c;
	json_object *root;
	int rc;

	if (!b || !name || (!data && len) || (!err && errlen) ||
	    (family != BRT_AF_UNSPEC && family != BRT_AF_INET &&
	     family != BRT_AF_INET6))
		return BRT_EINVAL;
	memset(&c, 0, sizeof(c));
	c.b = b;
	c.name = name;
	c.family = family;
	c.err = err;
	c.errlen = errlen;
	if (errlen)
		err[0] = 0;
	if (len > INT_MAX) {
		snprintf(err, errlen, "%s: dump too large", name);
		return BRT_ELIMIT;
	}
	rc = parse_json(&c, data ? data : "", len, &root);
	if (rc)
		return rc;
	/* our own JSON table document (`bestroute show --json`) */
	rc = fmt_jt_is_document(root) ? fmt_jr_document(&c, root) : load_array(&c, root);
	json_object_put(root);
	return rc;
}
