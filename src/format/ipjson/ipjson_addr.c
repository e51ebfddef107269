/*
 * ipjson_addr.c - records of `ip -j addr show`: a link and its addr_info.
 *
 * Invariants: each addr_info entry names its family ("inet"/"inet6"), so
 * addresses never need the inet:/inet6: mark. ip prints IPv4 point-to-point
 * addresses as "local" (ours) and "address" (the peer) and prints
 * "dynamic" for an address without IFA_F_PERMANENT, so permanent is the
 * absence of "dynamic" (or an explicit "permanent").
 */
#include <string.h>

#include "ipjson/ipjson_impl.h"
#include "text/text.h"


/* ip prints each flag as its own key, true (or null in older ip). */
static bool flag_set(json_object *ai, const char *key)
{
	json_object *v = fmt_ipj_get(ai, key);

	if (!fmt_ipj_has(ai, key))
		return false;
	return !json_object_is_type(v, json_type_boolean) ||
	       json_object_get_boolean(v);
}

/* Address flags have the same words in `ip -j` keys as in the text format
 * (text_names.c); "dynamic" is the absence of "permanent". */
static uint32_t flag_keys(json_object *ai)
{
	uint32_t flags = BRT_ADDR_F_PERMANENT, bit;
	const char *name;

	if (flag_set(ai, "dynamic"))
		flags = 0;
	for (bit = 1; bit && bit < BRT_ADDR_F_DERIVED; bit <<= 1) {
		name = fmt_txt_addrflag_name(bit);
		if (name && flag_set(ai, name))
			flags |= bit;
	}
	return flags;
}

static int addr_family(struct ipj_ctx *c, json_object *ai, int *family)
{
	const char *f;
	int rc = fmt_ipj_str(c, ai, "family", &f);

	if (rc < 0)
		return rc;
	if (rc == 0)
		return fmt_ipj_fail(c, "an addr_info entry needs \"family\"");
	if (!strcmp(f, "inet"))
		*family = BRT_AF_INET;
	else if (!strcmp(f, "inet6"))
		*family = BRT_AF_INET6;
	else
		return fmt_ipj_fail(c, "\"family\": \"%.30s\" is not inet or "
				"inet6", f);
	return 0;
}

/* "local" is ours; "address", when it differs, the point-to-point peer. */
static int addr_local_peer(struct ipj_ctx *c, json_object *ai, int family,
			   struct brt_address *a)
{
	int fam = family, rc;
	uint32_t plen;

	rc = fmt_ipj_addr(c, ai, "local", &fam, &a->addr);
	if (rc == 0)
		rc = fmt_ipj_addr(c, ai, "address", &fam, &a->addr);
	else if (rc > 0)
		rc = fmt_ipj_addr(c, ai, "address", &fam, &a->peer);
	if (rc < 0)
		return rc;
	if (!a->addr.family)
		return fmt_ipj_fail(c, "an addr_info entry needs \"local\"");
	if (brt_addr_equal(&a->addr, &a->peer))
		memset(&a->peer, 0, sizeof(a->peer));
	rc = fmt_ipj_uint(c, ai, "prefixlen", family == BRT_AF_INET ? 32 : 128,
		      &plen);
	if (rc == 0)
		return fmt_ipj_fail(c, "an addr_info entry needs \"prefixlen\"");
	a->plen = (uint8_t)plen;
	return rc < 0 ? rc : 0;
}

static int read_address(struct ipj_ctx *c, json_object *ai, uint32_t ifindex,
			struct brt_address *a)
{
	int family = 0, rc;

	brt_address_init(a);
	a->ifindex = ifindex;
	if (!json_object_is_type(ai, json_type_object))
		return fmt_ipj_fail(c, "an addr_info entry is not an object");
	if ((rc = addr_family(c, ai, &family)) ||
	    (rc = addr_local_peer(c, ai, family, a)))
		return rc;
	if ((rc = fmt_ipj_addr(c, ai, "broadcast", &family, &a->broadcast)) < 0 ||
	    (rc = fmt_ipj_scope(c, ai, "scope", &a->scope)) < 0 ||
	    (rc = fmt_ipj_ifname(c, ai, "label", a->label)) < 0 ||
	    (rc = fmt_ipj_uint(c, ai, "metric", 0xffffffffu, &a->metric)) < 0 ||
	    (rc = fmt_ipj_uint(c, ai, "valid_life_time", 0xffffffffu,
			   &a->valid_lft)) < 0 ||
	    (rc = fmt_ipj_uint(c, ai, "preferred_life_time", 0xffffffffu,
			   &a->preferred_lft)) < 0)
		return rc;
	a->flags = flag_keys(ai);
	return 0;
}

int fmt_ipj_addr_record(struct ipj_ctx *c, json_object *o)
{
	json_object *info = fmt_ipj_get(o, "addr_info");
	struct brt_address a;
	uint32_t ifindex;
	size_t i, n;
	int rc = fmt_ipj_link_record(c, o);

	if (rc)
		return rc;
	if (!json_object_is_type(info, json_type_array))
		return fmt_ipj_fail(c, "\"addr_info\" is not an array");
	fmt_ipj_uint(c, o, "ifindex", 0x0fffffffu, &ifindex); /* checked above */
	n = json_object_array_length(info);
	for (i = 0; i < n; i++) {
		rc = read_address(c, json_object_array_get_idx(info, i),
				  ifindex, &a);
		if (rc)
			return rc;
		if (c->dry)
			continue;
		rc = brt_builder_add_address(c->b, &a);
		if (rc)
			return fmt_ipj_builder_fail(c, rc);
	}
	return rc;
}
