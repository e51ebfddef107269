/*
 * json_read_rule.c - rules of the JSON table document (json_read.c says
 * the invariants).
 */
#include <string.h>

#include "json/json_read.h"
#include "text/text.h"

static int family_word(const char *s)
{
	return !strcmp(s, "inet") ? BRT_AF_INET : !strcmp(s, "inet6") ? BRT_AF_INET6 : -1;
}

/* "NAME": [lo, hi] into *lo, *hi (each at most @max). */
static int range(struct ipj_ctx *c, json_object *o, const char *key, uint32_t max,
		 uint32_t *lo, uint32_t *hi)
{
	json_object *a = fmt_ipj_get(o, key);
	json_object *p;

	if (!a)
		return 0;
	if (!json_object_is_type(a, json_type_array) || json_object_array_length(a) != 2)
		return fmt_ipj_fail(c, "\"%s\" is not [low, high]", key);
	p = json_object_new_object();
	json_object_object_add(p, "lo", json_object_get(json_object_array_get_idx(a, 0)));
	json_object_object_add(p, "hi", json_object_get(json_object_array_get_idx(a, 1)));
	if (fmt_ipj_uint(c, p, "lo", max, lo) <= 0 || fmt_ipj_uint(c, p, "hi", max, hi) <= 0 || *lo > *hi) {
		json_object_put(p);
		return fmt_ipj_fail(c, "\"%s\" is not [low, high] within 0..%u", key, max);
	}
	json_object_put(p);
	return 1;
}

static int ports(struct ipj_ctx *c, json_object *o, struct brt_rule *r)
{
	uint32_t lo = 0, hi = 0;
	int rc = range(c, o, "sport_range", 65535, &lo, &hi);

	if (rc < 0)
		return rc;
	r->sport_lo = (uint16_t)lo, r->sport_hi = (uint16_t)hi;
	lo = hi = 0;
	rc = range(c, o, "dport_range", 65535, &lo, &hi);
	r->dport_lo = (uint16_t)lo, r->dport_hi = (uint16_t)hi;
	return rc;
}

static int action_word(const char *s)
{
	return fmt_jt_action_parse(s);
}

static int selectors(struct ipj_ctx *c, json_object *o, struct brt_rule *r, int *fam)
{
	uint32_t tos = 0;
	int rc;

	if ((rc = fmt_ipj_prefix(c, o, "src", fam, &r->src)) < 0 ||
	    (rc = fmt_ipj_prefix(c, o, "dst", fam, &r->dst)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "fwmark", 0xffffffffu, &r->fwmark)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "fwmask", 0xffffffffu, &r->fwmask)) < 0 ||
	    (rc = range(c, o, "uid_range", 0xffffffffu, &r->uid_start, &r->uid_end)) < 0 ||
	    (rc = ports(c, o, r)) < 0 || (rc = fmt_ipj_ipproto(c, o, "ipproto", &r->ipproto)) < 0 ||
	    (rc = fmt_ipj_ifname(c, o, "iif", r->iif)) < 0 ||
	    (rc = fmt_ipj_ifname(c, o, "oif", r->oif)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "tos", 255, &tos)) < 0)
		return rc;
	r->tos = (uint8_t)tos;
	return 0;
}

int fmt_jr_rule_record(struct ipj_ctx *c, json_object *o)
{
	static const char *const keys[] = {"family", "priority", "src", "dst", "fwmark", "fwmask",
					   "uid_range", "sport_range", "dport_range", "ipproto",
					   "iif", "oif", "tos", "action", "table", "goto",
					   "suppress_prefixlen", "suppress_ifgroup", "protocol",
					   "flags", NULL};
	struct brt_rule r;
	uint32_t family = 0, action = BRT_RULE_LOOKUP;
	int fam, rc;

	brt_rule_init(&r);
	r.flags = 0;
	if ((rc = fmt_jr_keys(c, o, keys)) || (rc = fmt_jr_word(c, o, "family", family_word, &family)) <= 0)
		return rc < 0 ? rc : fmt_ipj_fail(c, "a rule needs \"family\"");
	fam = (int)family;
	if ((rc = fmt_ipj_uint(c, o, "priority", 0xffffffffu, &r.priority)) <= 0)
		return rc < 0 ? rc : fmt_ipj_fail(c, "a rule needs \"priority\"");
	if ((rc = selectors(c, o, &r, &fam)) < 0 ||
	    (rc = fmt_jr_word(c, o, "action", action_word, &action)) < 0 ||
	    (rc = fmt_ipj_table(c, o, "table", &r.table)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "goto", 0xffffffffu, &r.goto_target)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "suppress_prefixlen", 128, &r.suppress_prefixlen)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "suppress_ifgroup", 0xfffffffeu, &r.suppress_ifgroup)) < 0 ||
	    (rc = fmt_ipj_protocol(c, o, "protocol", &r.protocol)) < 0 ||
	    (rc = fmt_jr_flags(c, o, fmt_jt_rule_flags, &r.flags)) < 0)
		return rc;
	r.family = (uint8_t)family;
	r.action = (uint8_t)action;
	fmt_ipj_prefix_settle(&r.src, (int)family);
	fmt_ipj_prefix_settle(&r.dst, (int)family);
	if (c->dry)
		return 0;
	rc = brt_builder_add_rule(c->b, &r);
	return rc ? fmt_ipj_builder_fail(c, rc) : 0;
}
