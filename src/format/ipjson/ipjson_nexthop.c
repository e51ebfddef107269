/*
 * ipjson_nexthop.c - records of `ip -j nexthop show`: single next hops
 * (gateway, dev, onlink, blackhole, fdb) and groups of them.
 *
 * Invariants: a group lists members as {"id", "weight"} with weight 1
 * when absent; a group or a blackhole has no family of its own. The
 * builder checks that the members exist when the table is finished.
 */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "ipjson/ipjson_impl.h"

static const struct ipj_flagname nhobj_flags[] = {
	{"onlink", BRT_NHOBJ_F_ONLINK}, {"dead", BRT_NHOBJ_F_DEAD},
	{"linkdown", BRT_NHOBJ_F_LINKDOWN}, {NULL, 0},
};

static int read_member(struct ipj_ctx *c, json_object *m,
		       struct brt_nhgrp_member *out)
{
	int rc;

	if (!json_object_is_type(m, json_type_object))
		return fmt_ipj_fail(c, "a \"group\" entry is not an object");
	out->weight = 1;
	rc = fmt_ipj_uint(c, m, "id", 0xffffffffu, &out->id);
	if (rc == 0 || (rc > 0 && out->id == 0))
		return fmt_ipj_fail(c, "a \"group\" entry needs a nonzero \"id\"");
	if (rc < 0 || (rc = fmt_ipj_uint(c, m, "weight", 256, &out->weight)) < 0)
		return rc;
	if (out->weight == 0)
		return fmt_ipj_fail(c, "\"weight\": 0 is not in 1..256");
	return 0;
}

static int read_group(struct ipj_ctx *c, json_object *o, struct brt_nhobj *n,
		      struct brt_nhgrp_member **members)
{
	json_object *list = fmt_ipj_get(o, "group");
	const char *type;
	size_t i, cnt;
	int rc;

	if (!list)
		return 0;
	if (!json_object_is_type(list, json_type_array))
		return fmt_ipj_fail(c, "\"group\" is not an array");
	cnt = json_object_array_length(list);
	if (cnt == 0 || cnt > BRT_MAX_GROUP) {
		fmt_ipj_fail(c, "a group of %zu members (1..%u)", cnt,
			 BRT_MAX_GROUP);
		return cnt ? BRT_ELIMIT : BRT_EPARSE;
	}
	*members = calloc(cnt, sizeof(**members));
	if (!*members)
		return BRT_ENOMEM;
	for (i = 0; i < cnt; i++) {
		rc = read_member(c, json_object_array_get_idx(list, i),
				 &(*members)[i]);
		if (rc)
			return rc;
	}
	n->group = *members;
	n->group_count = (uint32_t)cnt;
	if ((rc = fmt_ipj_str(c, o, "type", &type)) < 0)
		return rc;
	if (rc > 0 && !strcmp(type, "resilient"))
		n->flags |= BRT_NHOBJ_F_RESILIENT;
	return 0;
}

static int read_nhobj(struct ipj_ctx *c, json_object *o, struct brt_nhobj *n,
		      struct brt_nhgrp_member **members)
{
	char dev[BRT_IFNAMSIZ];
	int family = 0, rc;

	brt_nhobj_init(n);
	rc = fmt_ipj_uint(c, o, "id", 0xffffffffu, &n->id);
	if (rc == 0 || (rc > 0 && n->id == 0))
		return fmt_ipj_fail(c, "a nexthop needs a nonzero \"id\"");
	if (rc < 0 || (rc = fmt_ipj_addr(c, o, "gateway", &family, &n->gw)) < 0 ||
	    (rc = fmt_ipj_ifname(c, o, "dev", dev)) < 0 ||
	    (rc = fmt_ipj_protocol(c, o, "protocol", &n->protocol)) < 0 ||
	    (rc = fmt_ipj_flag_list(c, o, "flags", nhobj_flags, &n->flags)) < 0 ||
	    (rc = read_group(c, o, n, members)) < 0)
		return rc;
	if (fmt_ipj_has(o, "blackhole"))
		n->flags |= BRT_NHOBJ_F_BLACKHOLE;
	if (fmt_ipj_has(o, "fdb"))
		n->flags |= BRT_NHOBJ_F_FDB;
	n->ifindex = dev[0] ? fmt_ipj_ifref(c, dev) : 0;
	n->family = (uint8_t)family;
	return 0;
}

int fmt_ipj_nexthop_record(struct ipj_ctx *c, json_object *o)
{
	struct brt_nhgrp_member *members = NULL;
	struct brt_nhobj n;
	int rc = read_nhobj(c, o, &n, &members);

	if (!rc && !c->dry) {
		rc = brt_builder_add_nhobj(c->b, &n);
		if (rc)
			rc = fmt_ipj_builder_fail(c, rc);
	}
	free(members);
	return rc;
}

/* `ip -j addrlabel list`: {"address", "prefixlen", "ifname"?, "label"}. */
int fmt_ipj_addrlabel_record(struct ipj_ctx *c, json_object *o)
{
	struct brt_addrlabel l;
	struct brt_addr a;
	char dev[BRT_IFNAMSIZ];
	uint32_t len = 128;
	int family = BRT_AF_INET6, rc;

	memset(&l, 0, sizeof(l));
	if ((rc = fmt_ipj_addr(c, o, "address", &family, &a)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "prefixlen", 128, &len)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "label", 0xffffffffu, &l.label)) < 0 ||
	    (rc = fmt_ipj_ifname(c, o, "ifname", dev)) < 0)
		return rc;
	core_prefix_make(&l.prefix, &a, (unsigned)len);
	if (!brt_addr_equal(&l.prefix.addr, &a))
		return fmt_ipj_fail(c, "\"address\": %s/%u has host bits set",
				json_object_get_string(fmt_ipj_get(o, "address")),
				len);
	l.ifindex = dev[0] ? fmt_ipj_ifref(c, dev) : 0;
	if (c->dry)
		return 0;
	rc = brt_builder_add_addrlabel(c->b, &l);
	return rc ? fmt_ipj_builder_fail(c, rc) : 0;
}
