/*
 * ipjson_rule.c - records of `ip -j [-6] rule show`.
 *
 * Invariants: ip prints a selector prefix as the address ("src") and its
 * length ("srclen", absent for a full-length one), "all" for none; boolean
 * selectors ("not", "l3mdev", "nop") as keys with a null value. One dump
 * holds one family: a rule without addresses takes the family marked on
 * the file, else the one other rules of the dump show (ipjson.c finds it),
 * else it is an error asking for the mark.
 */
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "ipjson/ipjson_impl.h"

/* "src"+"srclen" (or "dst"+"dstlen") into @p. */
static int rule_prefix(struct ipj_ctx *c, json_object *o, const char *key,
		       const char *lenkey, int *family, struct brt_prefix *p)
{
	struct brt_addr a;
	uint32_t len;
	int rc;

	memset(p, 0, sizeof(*p));
	if (json_object_is_type(fmt_ipj_get(o, key), json_type_string) &&
	    !strcmp(json_object_get_string(fmt_ipj_get(o, key)), "all"))
		return 0;
	rc = fmt_ipj_addr(c, o, key, family, &a);
	if (rc <= 0)
		return rc;
	len = a.family == BRT_AF_INET ? 32 : 128;
	rc = fmt_ipj_uint(c, o, lenkey, len, &len);
	if (rc < 0)
		return rc;
	core_prefix_make(p, &a, (unsigned)len);
	if (!brt_addr_equal(&p->addr, &a))
		return fmt_ipj_fail(c, "\"%s\": %s/%u has host bits set", key,
				json_object_get_string(fmt_ipj_get(o, key)), len);
	return 0;
}

int fmt_ipj_rule_family(struct ipj_ctx *c, json_object *o, int *family)
{
	struct brt_prefix p;
	int rc;

	if (!json_object_is_type(o, json_type_object))
		return 0;	/* reported when the record is read */
	rc = rule_prefix(c, o, "src", "srclen", family, &p);
	if (!rc)
		rc = rule_prefix(c, o, "dst", "dstlen", family, &p);
	return rc;
}

/* A mark or mask, printed as a hex string. */
static int rule_marks(struct ipj_ctx *c, json_object *o, struct brt_rule *r)
{
	int rc1, rc2;

	r->fwmask = 0xffffffffu;
	rc1 = fmt_ipj_uint(c, o, "fwmark", 0xffffffffu, &r->fwmark);
	if (rc1 < 0)
		return rc1;
	rc2 = fmt_ipj_uint(c, o, "fwmask", 0xffffffffu, &r->fwmask);
	if (rc2 < 0)
		return rc2;
	if (rc1 || rc2)
		r->flags |= BRT_RULE_F_FWMARK;
	return 0;
}

/* "sport": N or "sport_start"/"sport_end". */
static int rule_range(struct ipj_ctx *c, json_object *o, const char *key,
		      uint16_t *lo, uint16_t *hi)
{
	char k1[24], k2[24];
	uint32_t a = 0, b = 0;
	int rc;

	rc = fmt_ipj_uint(c, o, key, 65535, &a);
	if (rc > 0) {
		*lo = *hi = (uint16_t)a;
		return 1;
	}
	snprintf(k1, sizeof(k1), "%s_start", key);
	snprintf(k2, sizeof(k2), "%s_end", key);
	if (rc < 0 || (rc = fmt_ipj_uint(c, o, k1, 65535, &a)) <= 0)
		return rc;
	if ((rc = fmt_ipj_uint(c, o, k2, 65535, &b)) <= 0)
		return rc < 0 ? rc : fmt_ipj_fail(c, "\"%s\" without \"%s\"", k1, k2);
	if (b < a)
		return fmt_ipj_fail(c, "\"%s\" %u is below \"%s\" %u", k2, b, k1, a);
	*lo = (uint16_t)a;
	*hi = (uint16_t)b;
	return 1;
}

/* Selectors other than the prefixes. */
static int rule_selectors(struct ipj_ctx *c, json_object *o, struct brt_rule *r)
{
	uint8_t tos = 0;
	int rc;

	if ((rc = fmt_ipj_dsfield(c, o, "tos", &tos)) < 0 ||
	    (rc = fmt_ipj_dsfield(c, o, "dsfield", &tos)) < 0 ||
	    (rc = rule_marks(c, o, r)) < 0 ||
	    (rc = fmt_ipj_ifname(c, o, "iif", r->iif)) < 0 ||
	    (!r->iif[0] && (rc = fmt_ipj_ifname(c, o, "iifname", r->iif)) < 0) ||
	    (rc = fmt_ipj_ifname(c, o, "oif", r->oif)) < 0 ||
	    (!r->oif[0] && (rc = fmt_ipj_ifname(c, o, "oifname", r->oif)) < 0) ||
	    (rc = fmt_ipj_protocol(c, o, "protocol", &r->protocol)) < 0)
		return rc;
	r->tos = tos;
	if ((rc = fmt_ipj_uint(c, o, "uid_start", 0xffffffffu, &r->uid_start)) < 0 ||
	    (rc > 0 && (rc = fmt_ipj_uint(c, o, "uid_end", 0xffffffffu,
				      &r->uid_end)) <= 0))
		return rc < 0 ? rc : fmt_ipj_fail(c, "\"uid_start\" without "
					      "\"uid_end\"");
	if (rc > 0)
		r->flags |= BRT_RULE_F_UIDRANGE;
	if ((rc = fmt_ipj_ipproto(c, o, "ipproto", &r->ipproto)) < 0)
		return rc;
	if (rc > 0)
		r->flags |= BRT_RULE_F_IPPROTO;
	if ((rc = rule_range(c, o, "sport", &r->sport_lo, &r->sport_hi)) < 0)
		return rc;
	if (rc > 0)
		r->flags |= BRT_RULE_F_SPORT;
	if ((rc = rule_range(c, o, "dport", &r->dport_lo, &r->dport_hi)) < 0)
		return rc;
	if (rc > 0)
		r->flags |= BRT_RULE_F_DPORT;
	if (fmt_ipj_has(o, "not"))
		r->flags |= BRT_RULE_F_INVERT;
	if (fmt_ipj_has(o, "l3mdev"))
		r->flags |= BRT_RULE_F_L3MDEV;
	return 0;
}

static int rule_action_word(struct ipj_ctx *c, const char *s, uint8_t *act)
{
	if (!strcmp(s, "prohibit"))
		*act = BRT_RULE_PROHIBIT;
	else if (!strcmp(s, "unreachable"))
		*act = BRT_RULE_UNREACHABLE;
	else if (!strcmp(s, "blackhole"))
		*act = BRT_RULE_BLACKHOLE;
	else if (!strcmp(s, "nop"))
		*act = BRT_RULE_NOP;
	else if (!strcmp(s, "goto"))
		*act = BRT_RULE_GOTO;
	else
		return fmt_ipj_fail(c, "\"action\": unknown rule action \"%.40s\"", s);
	return 0;
}

/* table (lookup), goto, nop or an error action; then the suppressors. */
static int rule_action(struct ipj_ctx *c, json_object *o, struct brt_rule *r)
{
	const char *s;
	int rc;

	if ((rc = fmt_ipj_str(c, o, "action", &s)) < 0 ||
	    (rc > 0 && (rc = rule_action_word(c, s, &r->action)) < 0))
		return rc;
	if (fmt_ipj_has(o, "nop"))
		r->action = BRT_RULE_NOP;
	if ((rc = fmt_ipj_uint(c, o, "goto", 0xffffffffu, &r->goto_target)) < 0)
		return rc;
	if (rc > 0)
		r->action = BRT_RULE_GOTO;
	else if (r->action == BRT_RULE_GOTO)
		return fmt_ipj_fail(c, "a goto rule needs \"goto\"");
	if ((rc = fmt_ipj_table(c, o, "table", &r->table)) < 0 ||
	    (rc = fmt_ipj_table(c, o, "lookup", &r->table)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "suppress_prefixlen", 128,
			   &r->suppress_prefixlen)) < 0 ||
	    (rc = fmt_ipj_group(c, o, "suppress_ifgroup", &r->suppress_ifgroup)) < 0)
		return rc;
	return 0;
}

int fmt_ipj_rule_record(struct ipj_ctx *c, json_object *o)
{
	struct brt_rule r;
	int family = 0, rc;

	brt_rule_init(&r);
	if ((rc = fmt_ipj_uint(c, o, "priority", 0xffffffffu, &r.priority)) < 0 ||
	    (rc = rule_prefix(c, o, "src", "srclen", &family, &r.src)) < 0 ||
	    (rc = rule_prefix(c, o, "dst", "dstlen", &family, &r.dst)) < 0 ||
	    (rc = rule_selectors(c, o, &r)) < 0 ||
	    (rc = rule_action(c, o, &r)) < 0)
		return rc;
	if (!family)
		family = c->family ? c->family : c->dump_family;
	if (!family)
		return fmt_ipj_fail(c, "the rule with priority %u does not show its "
				"address family; mark the file inet:%s or "
				"inet6:%s", r.priority, c->name, c->name);
	r.family = (uint8_t)family;
	if (c->dry)
		return 0;
	rc = brt_builder_add_rule(c->b, &r);
	return rc ? fmt_ipj_builder_fail(c, rc) : 0;
}
