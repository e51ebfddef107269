/*
 * json_read_route.c - routes, nexthop objects and rules of the JSON table
 * document (json_read.c says the invariants).
 */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "json/json_read.h"
#include "text/text.h"

/* the builder's own limits, so every table written reads back */
#define MAX_NEXTHOPS BRT_MAX_NEXTHOPS
#define MAX_MEMBERS BRT_MAX_GROUP

static int family_word(const char *s)
{
	return !strcmp(s, "inet") ? BRT_AF_INET : !strcmp(s, "inet6") ? BRT_AF_INET6
		: !strcmp(s, "unspec") ? BRT_AF_UNSPEC : -1;
}

static int table_of(struct ipj_ctx *c, json_object *o, uint32_t *out)
{
	return fmt_ipj_table(c, o, "table", out);
}

static int nexthop(struct ipj_ctx *c, json_object *o, int *fam, struct brt_nexthop *nh)
{
	static const char *const keys[] = {"gateway", "dev", "weight", "flags", NULL};
	int rc;

	brt_nexthop_init(nh);
	if (!json_object_is_type(o, json_type_object))
		return fmt_ipj_fail(c, "a next hop is not an object");
	if ((rc = fmt_jr_keys(c, o, keys)) || (rc = fmt_ipj_addr(c, o, "gateway", fam, &nh->gw)) < 0 ||
	    (rc = fmt_jr_dev(c, o, "dev", &nh->ifindex)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "weight", 256, &nh->weight)) < 0 ||
	    (rc = fmt_jr_flags(c, o, fmt_jt_route_flags, &nh->flags)) < 0)
		return rc;
	return 0;
}

static int nexthops(struct ipj_ctx *c, json_object *o, struct brt_route *r,
		    struct brt_nexthop *nh)
{
	json_object *a = fmt_ipj_get(o, "nexthops");
	size_t i, n;
	int fam = 0, rc;

	if (!a)
		return 0;
	if (!json_object_is_type(a, json_type_array))
		return fmt_ipj_fail(c, "\"nexthops\" is not an array");
	n = json_object_array_length(a);
	if (n > MAX_NEXTHOPS)
		return fmt_ipj_fail(c, "more than %u next hops", MAX_NEXTHOPS);
	for (i = 0; i < n; i++)
		if ((rc = nexthop(c, json_object_array_get_idx(a, i), &fam, &nh[i])))
			return rc;
	r->nh_count = (uint32_t)n;
	r->nh = nh;
	return 0;
}

static int pref_of(struct ipj_ctx *c, json_object *o, uint8_t *out)
{
	json_object *v = fmt_ipj_get(o, "pref");
	uint32_t n = 0;
	int rc = 1;

	if (json_object_is_type(v, json_type_string)) {
		if (fmt_jt_pref_parse(json_object_get_string(v)) < 0)
			return fmt_ipj_fail(c, "\"pref\": unknown word \"%.20s\"",
					json_object_get_string(v));
		n = (uint32_t)fmt_jt_pref_parse(json_object_get_string(v));
	} else {
		rc = fmt_ipj_uint(c, o, "pref", 3, &n);
	}
	*out = (uint8_t)n;
	return rc;
}

static int route_fields(struct ipj_ctx *c, json_object *o, struct brt_route *r, int *fam)
{
	static const char *const keys[] = {"family", "type", "dst", "src", "prefsrc", "table",
					   "metric", "tos", "protocol", "scope", "pref", "nhid",
					   "mtu", "expires", "flags", "nexthops", NULL};
	uint32_t family = 0, type = BRT_RT_UNICAST, tos = 0;
	int rc;

	if ((rc = fmt_jr_keys(c, o, keys)) ||
	    (rc = fmt_jr_word(c, o, "family", family_word, &family)) < 0 ||
	    (rc = fmt_jr_word(c, o, "type", fmt_txt_rtype_parse, &type)) < 0)
		return rc;
	*fam = (int)family;
	if ((rc = fmt_ipj_prefix(c, o, "dst", fam, &r->dst)) <= 0)
		return rc < 0 ? rc : fmt_ipj_fail(c, "a route needs \"dst\"");
	if ((rc = fmt_ipj_prefix(c, o, "src", fam, &r->src)) < 0 ||
	    (rc = fmt_ipj_addr(c, o, "prefsrc", fam, &r->prefsrc)) < 0 ||
	    (rc = table_of(c, o, &r->table)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "metric", 0xffffffffu, &r->metric)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "tos", 255, &tos)) < 0 ||
	    (rc = fmt_ipj_protocol(c, o, "protocol", &r->protocol)) < 0 ||
	    (rc = fmt_ipj_scope(c, o, "scope", &r->scope)) < 0 || (rc = pref_of(c, o, &r->pref)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "nhid", 0xffffffffu, &r->nh_id)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "mtu", 0xffffffffu, &r->mtu)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "expires", 0xffffffffu, &r->expires)) < 0 ||
	    (rc = fmt_jr_flags(c, o, fmt_jt_route_flags, &r->flags)) < 0)
		return rc;
	r->type = (uint8_t)type;
	r->tos = (uint8_t)tos;
	return 0;
}

/* How many entries array @key of @o holds (0 when it is not an array). */
static size_t count_of(json_object *o, const char *key)
{
	json_object *a = fmt_ipj_get(o, key);

	return json_object_is_type(a, json_type_array) ? json_object_array_length(a) : 0;
}

int fmt_jr_route_record(struct ipj_ctx *c, json_object *o)
{
	size_t n = count_of(o, "nexthops");
	struct brt_nexthop *nh = n <= MAX_NEXTHOPS ? calloc(n ? n : 1, sizeof(*nh)) : NULL;
	struct brt_route r;
	int fam = 0, rc;

	if (n > MAX_NEXTHOPS)
		return fmt_ipj_fail(c, "more than %u next hops", MAX_NEXTHOPS);
	if (!nh)
		return BRT_ENOMEM;
	brt_route_init(&r);
	r.flags = 0;
	rc = route_fields(c, o, &r, &fam);
	if (!rc)
		rc = nexthops(c, o, &r, nh);
	if (!rc && !fam)
		rc = fmt_ipj_fail(c, "a route needs \"family\"");
	if (!rc) {
		r.family = (uint8_t)fam;
		fmt_ipj_prefix_settle(&r.dst, fam);
		fmt_ipj_prefix_settle(&r.src, fam);
		if (!c->dry && (rc = brt_builder_add_route(c->b, &r)))
			rc = fmt_ipj_builder_fail(c, rc);
	}
	free(nh);
	return rc;
}

static int group(struct ipj_ctx *c, json_object *o, struct brt_nhobj *n,
		 struct brt_nhgrp_member *m)
{
	static const char *const keys[] = {"id", "weight", NULL};
	json_object *a = fmt_ipj_get(o, "group");
	size_t i, k;
	int rc;

	if (!a)
		return 0;
	if (!json_object_is_type(a, json_type_array) || json_object_array_length(a) > MAX_MEMBERS)
		return fmt_ipj_fail(c, "\"group\" is not an array of at most %u members", MAX_MEMBERS);
	k = json_object_array_length(a);
	for (i = 0; i < k; i++) {
		json_object *e = json_object_array_get_idx(a, i);

		if (!json_object_is_type(e, json_type_object))
			return fmt_ipj_fail(c, "a group member is not an object");
		if ((rc = fmt_jr_keys(c, e, keys)) || (rc = fmt_ipj_uint(c, e, "id", 0xffffffffu, &m[i].id)) < 0 ||
		    (rc = fmt_ipj_uint(c, e, "weight", 256, &m[i].weight)) < 0)
			return rc;
	}
	n->group_count = (uint32_t)k;
	n->group = m;
	return 0;
}

int fmt_jr_nhobj_record(struct ipj_ctx *c, json_object *o)
{
	static const char *const keys[] = {"id", "family", "gateway", "dev", "protocol",
					   "flags", "group", NULL};
	size_t k = count_of(o, "group");
	struct brt_nhgrp_member *m = k <= MAX_MEMBERS ? calloc(k ? k : 1, sizeof(*m)) : NULL;
	struct brt_nhobj n;
	uint32_t family = 0;
	int fam, rc;

	if (k > MAX_MEMBERS)
		return fmt_ipj_fail(c, "\"group\" has more than %u members", MAX_MEMBERS);
	if (!m)
		return BRT_ENOMEM;
	brt_nhobj_init(&n);
	n.flags = 0;
	if (!(rc = fmt_jr_keys(c, o, keys)) && (rc = fmt_ipj_uint(c, o, "id", 0xffffffffu, &n.id)) >= 0 &&
	    (rc = fmt_jr_word(c, o, "family", family_word, &family)) >= 0 &&
	    (fam = (int)family, rc = fmt_ipj_addr(c, o, "gateway", &fam, &n.gw)) >= 0 &&
	    (rc = fmt_jr_dev(c, o, "dev", &n.ifindex)) >= 0 &&
	    (rc = fmt_ipj_protocol(c, o, "protocol", &n.protocol)) >= 0 &&
	    (rc = fmt_jr_flags(c, o, fmt_jt_nhobj_flags, &n.flags)) >= 0)
		rc = group(c, o, &n, m);
	n.family = (uint8_t)family;
	if (rc > 0)
		rc = 0;
	if (!rc && !c->dry && (rc = brt_builder_add_nhobj(c->b, &n)))
		rc = fmt_ipj_builder_fail(c, rc);
	free(m);
	return rc;
}
