/*
 * json_read.c - reading the JSON table document (json_table.h) that
 * brt_table_write_json writes: the document, links, addresses, address
 * labels and sysctls here; routes, nexthop objects and rules in
 * json_read_route.c.
 *
 * Invariants: as for `ip -j` dumps (ipjson.c), every record is converted
 * and checked in a dry pass before the first is added, so a bad record
 * leaves the builder untouched; messages name the file, the array and the
 * record ("FILE: routes record 3: ..."). Values are read through the
 * ipj_* getters, which check every JSON type. Unknown keys and flag words
 * are errors: the document is ours, so a stray key is damage, not a newer
 * ip. Records marked "derived" are skipped: finishing derives them again.
 */
#include <string.h>

#include "ipjson/ipjson_impl.h"
#include "json/json_read.h"
#include "json/json_table.h"
#include "text/text.h"

int fmt_jr_flags(struct ipj_ctx *c, json_object *o, const struct jt_flag *names,
	     uint32_t *out)
{
	json_object *v = fmt_ipj_get(o, "flags");
	size_t i, k, n;

	if (!v)
		return 0;
	if (!json_object_is_type(v, json_type_array))
		return fmt_ipj_fail(c, "\"flags\" is not an array of words");
	n = json_object_array_length(v);
	for (i = 0; i < n; i++) {
		const char *w = json_object_get_string(json_object_array_get_idx(v, i));

		for (k = 0; w && names[k].name && strcmp(names[k].name, w); k++)
			;
		if (!w || !json_object_is_type(json_object_array_get_idx(v, i), json_type_string) ||
		    !names[k].name)
			return fmt_ipj_fail(c, "\"flags\": unknown flag %.40s", w ? w : "?");
		*out |= names[k].bit;
	}
	return 1;
}

int fmt_jr_keys(struct ipj_ctx *c, json_object *o, const char *const *keys)
{
	size_t i;

	json_object_object_foreach(o, key, val) {
		(void)val;
		for (i = 0; keys[i] && strcmp(keys[i], key); i++)
			;
		if (!keys[i] && strcmp(key, "derived"))
			return fmt_ipj_fail(c, "unknown key \"%.40s\"", key);
	}
	return 0;
}

int fmt_jr_dev(struct ipj_ctx *c, json_object *o, const char *key, uint32_t *index)
{
	char name[BRT_IFNAMSIZ];
	int rc = fmt_ipj_ifname(c, o, key, name);

	*index = 0;
	if (rc > 0)
		*index = fmt_ipj_ifref(c, name);
	return rc;
}

int fmt_jr_word(struct ipj_ctx *c, json_object *o, const char *key, int (*parse)(const char *),
	    uint32_t *out)
{
	const char *s;
	int rc = fmt_ipj_str(c, o, key, &s), v;

	if (rc <= 0)
		return rc;
	v = parse(s);
	if (v < 0)
		return fmt_ipj_fail(c, "\"%s\": unknown word \"%.40s\"", key, s);
	*out = (uint32_t)v;
	return 1;
}

static int link_record(struct ipj_ctx *c, json_object *o)
{
	static const char *const keys[] = {"ifindex", "ifname", "link_type", "flags", "mtu",
					   "metric", "group", "master", NULL};
	struct brt_link l;
	uint32_t type = BRT_LINK_ETHERNET;
	int rc;

	brt_link_init(&l);
	l.flags = 0;
	if ((rc = fmt_jr_keys(c, o, keys)) || (rc = fmt_ipj_uint(c, o, "ifindex", 0x0fffffffu, &l.index)) < 0 ||
	    (rc = fmt_ipj_ifname(c, o, "ifname", l.name)) < 0 ||
	    (rc = fmt_jr_word(c, o, "link_type", fmt_txt_linktype_parse, &type)) < 0 ||
	    (rc = fmt_jr_flags(c, o, fmt_jt_link_flags, &l.flags)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "mtu", 0xffffffffu, &l.mtu)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "metric", 0xffffffffu, &l.metric)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "group", 0xffffffffu, &l.group)) < 0 ||
	    (rc = fmt_jr_dev(c, o, "master", &l.master)) < 0)
		return rc;
	if (!l.index || !l.name[0])
		return fmt_ipj_fail(c, "a link needs \"ifindex\" and \"ifname\"");
	l.type = (uint8_t)type;
	if (c->dry)
		return 0;
	rc = brt_builder_add_link(c->b, &l);
	return rc ? fmt_ipj_builder_fail(c, rc) : 0;
}

static int scope_word(const char *s)
{
	return fmt_txt_scope_parse(s);
}

static int address_record(struct ipj_ctx *c, json_object *o)
{
	static const char *const keys[] = {"local", "prefixlen", "dev", "address", "broadcast",
					   "scope", "label", "valid_life_time",
					   "preferred_life_time", "metric", "flags", NULL};
	struct brt_address a;
	uint32_t plen = 0, scope = 0;
	int fam = 0, rc;

	brt_address_init(&a);
	a.flags = 0;
	if ((rc = fmt_jr_keys(c, o, keys)) || (rc = fmt_ipj_addr(c, o, "local", &fam, &a.addr)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "prefixlen", 128, &plen)) <= 0 ||
	    (rc = fmt_jr_dev(c, o, "dev", &a.ifindex)) < 0 ||
	    (rc = fmt_ipj_addr(c, o, "address", &fam, &a.peer)) < 0 ||
	    (rc = fmt_ipj_addr(c, o, "broadcast", &fam, &a.broadcast)) < 0 ||
	    (rc = fmt_jr_word(c, o, "scope", scope_word, &scope)) < 0 ||
	    (rc = fmt_ipj_ifname(c, o, "label", a.label)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "valid_life_time", 0xffffffffu, &a.valid_lft)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "preferred_life_time", 0xffffffffu, &a.preferred_lft)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "metric", 0xffffffffu, &a.metric)) < 0 ||
	    (rc = fmt_jr_flags(c, o, fmt_jt_addr_flags, &a.flags)) < 0)
		return rc < 0 ? rc : fmt_ipj_fail(c, "an address needs \"prefixlen\"");
	if (!a.addr.family || !a.ifindex)
		return fmt_ipj_fail(c, "an address needs \"local\" and \"dev\"");
	a.plen = (uint8_t)plen;
	a.scope = (uint8_t)scope;
	if (c->dry)
		return 0;
	rc = brt_builder_add_address(c->b, &a);
	return rc ? fmt_ipj_builder_fail(c, rc) : 0;
}

static int label_record(struct ipj_ctx *c, json_object *o)
{
	static const char *const keys[] = {"address", "dev", "label", NULL};
	struct brt_addrlabel l;
	int fam = 0, rc;

	memset(&l, 0, sizeof(l));
	if ((rc = fmt_jr_keys(c, o, keys)) || (rc = fmt_ipj_prefix(c, o, "address", &fam, &l.prefix)) < 0 ||
	    (rc = fmt_jr_dev(c, o, "dev", &l.ifindex)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "label", 0xffffffffu, &l.label)) < 0)
		return rc;
	fmt_ipj_prefix_settle(&l.prefix, BRT_AF_INET6);
	if (c->dry)
		return 0;
	rc = brt_builder_add_addrlabel(c->b, &l);
	return rc ? fmt_ipj_builder_fail(c, rc) : 0;
}

static int sysctls(struct ipj_ctx *c, json_object *o)
{
	int rc;

	if (!json_object_is_type(o, json_type_object))
		return fmt_ipj_fail(c, "\"sysctls\" is not an object");
	json_object_object_foreach(o, key, val) {
		if (!json_object_is_type(val, json_type_string))
			return fmt_ipj_fail(c, "sysctl %.60s: the value is not a string", key);
		if (!c->dry && (rc = brt_builder_set_sysctl(c->b, key, json_object_get_string(val))))
			return fmt_ipj_builder_fail(c, rc);
	}
	return 0;
}

static const struct {
	const char *key;
	int (*record)(struct ipj_ctx *c, json_object *o);
} arrays[] = {
	{"links", link_record}, {"addresses", address_record}, {"nexthops", fmt_jr_nhobj_record},
	{"routes", fmt_jr_route_record}, {"rules", fmt_jr_rule_record}, {"addrlabels", label_record},
};

static int records(struct ipj_ctx *c, json_object *root, size_t k)
{
	json_object *arr = fmt_ipj_get(root, arrays[k].key);
	size_t i, n;
	int rc;

	if (!arr)
		return 0;
	if (!json_object_is_type(arr, json_type_array))
		return fmt_ipj_fail(c, "\"%s\" is not an array", arrays[k].key);
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(arr, i);

		c->rec = i + 1;
		c->what = arrays[k].key;
		if (!json_object_is_type(o, json_type_object))
			return fmt_ipj_fail(c, "not an object");
		if (json_object_get_boolean(fmt_ipj_get(o, "derived")))
			continue;
		if (!c->dry && brt_builder_set_origin(c->b, c->name, (unsigned)c->rec))
			return fmt_ipj_builder_fail(c, BRT_ENOMEM);
		if ((rc = arrays[k].record(c, o)))
			return rc;
	}
	return 0;
}

static int document_head(struct ipj_ctx *c, json_object *root)
{
	static const char *const keys[] = {"bestroute_table", "policy", "links", "addresses",
					   "nexthops", "routes", "rules", "addrlabels",
					   "sysctls", NULL};
	json_object *v = fmt_ipj_get(root, "bestroute_table");
	const char *p;
	int rc;

	c->what = "document";
	if ((rc = fmt_jr_keys(c, root, keys)))
		return rc;
	if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) != JT_VERSION)
		return fmt_ipj_fail(c, "\"bestroute_table\": version %.20s is not %d",
				json_object_get_string(v), JT_VERSION);
	if ((rc = fmt_ipj_str(c, root, "policy", &p)) <= 0)
		return rc;
	if (strcmp(p, "linux") && strcmp(p, "windows"))
		return fmt_ipj_fail(c, "\"policy\": \"%.20s\" is not linux or windows", p);
	if (!c->dry && (rc = brt_builder_set_policy(c->b, strcmp(p, "linux")
						    ? BRT_POLICY_WINDOWS : BRT_POLICY_LINUX)))
		return fmt_ipj_builder_fail(c, rc);
	return 0;
}

static int one_pass(struct ipj_ctx *c, json_object *root)
{
	size_t k;
	int rc = document_head(c, root);

	for (k = 0; !rc && k < sizeof(arrays) / sizeof(arrays[0]); k++)
		rc = records(c, root, k);
	c->what = "sysctls";
	c->rec = 0;
	if (!rc && fmt_ipj_get(root, "sysctls"))
		rc = sysctls(c, fmt_ipj_get(root, "sysctls"));
	return rc;
}

int fmt_jr_document(struct ipj_ctx *c, json_object *root)
{
	int rc;

	c->dry = true;
	rc = one_pass(c, root);
	c->dry = false;
	return rc ? rc : one_pass(c, root);
}
