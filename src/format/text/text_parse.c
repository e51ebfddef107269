/*
 * text_parse.c - reading the table text format: statements, `policy` and
 * `sysctl`.
 *
 * Each statement is parsed completely into a record before anything is
 * handed to the builder, and the builder's origin is set to the
 * statement's line first, so builder errors (conflicts, unknown links at
 * finish) name FILE:LINE. Parsing stops at the first error; entries of
 * earlier statements stay in the builder, which the caller discards (the
 * loaders build a table all or nothing).
 */
#include <string.h>

#include "policy/policy.h"
#include "text/text.h"

static int parse_policy(struct brt_txt *t)
{
	const struct core_policy *p;
	const char *v;
	int err = fmt_txt_value(t, &v);

	if (err)
		return err;
	p = core_policy_by_name(v);
	if (!p)
		return fmt_txt_unknown(t);
	if (fmt_txt_take(t))
		return fmt_txt_unknown(t);
	err = brt_builder_set_policy(t->b, p->id);
	return err ? fmt_txt_builder_fail(t, err) : 0;
}

/* sysctl KEY = VALUE (also KEY=VALUE as one word is not accepted: the
 * blanks keep keys and values unambiguous). */
static int parse_sysctl(struct brt_txt *t)
{
	const char *key, *eq, *val;
	int err = fmt_txt_value(t, &key);

	if (!err)
		err = fmt_txt_value(t, &eq);
	if (err)
		return err;
	if (strcmp(eq, "="))
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
				    "expected '=' instead of '%s'", eq);
	err = fmt_txt_value(t, &val);
	if (err)
		return err;
	if (fmt_txt_take(t))
		return fmt_txt_unknown(t);
	err = brt_builder_set_sysctl(t->b, key, val);
	return err ? fmt_txt_builder_fail(t, err) : 0;
}

static int parse_statement(struct brt_txt *t)
{
	const char *kw = fmt_txt_take(t);

	if (!strcmp(kw, "policy"))
		return parse_policy(t);
	if (!strcmp(kw, "link"))
		return fmt_txt_parse_link(t);
	if (!strcmp(kw, "addr") || !strcmp(kw, "address"))
		return fmt_txt_parse_addr(t);
	if (!strcmp(kw, "route"))
		return fmt_txt_parse_route(t);
	if (!strcmp(kw, "rule"))
		return fmt_txt_parse_rule(t);
	if (!strcmp(kw, "nexthop"))
		return fmt_txt_parse_nexthop(t);
	if (!strcmp(kw, "addrlabel"))
		return fmt_txt_parse_addrlabel(t);
	if (!strcmp(kw, "sysctl"))
		return parse_sysctl(t);
	return fmt_txt_unknown(t);
}

int brt_builder_load_text(brt_builder *b, const char *name, const char *data,
			  size_t len, char *err, size_t errlen)
{
	struct brt_txt t;
	int rc;

	if (!b || !name || (!data && len) || (!err && errlen))
		return BRT_EINVAL;
	if (errlen)
		err[0] = 0;
	fmt_txt_init(&t, b, name, data, len, err, errlen);
	while ((rc = fmt_txt_next_statement(&t)) > 0) {
		rc = brt_builder_set_origin(b, name, t.w[0].line);
		if (rc)
			break;
		rc = parse_statement(&t);
		if (rc)
			break;
	}
	if (rc == BRT_ENOMEM && errlen && !err[0])
		fmt_txt_fail(&t, 0, rc, "out of memory");
	fmt_txt_free(&t);
	return rc;
}
