/*
 * json_write.c - brt_table_write_json: the table as one JSON document
 * (json_table.h), that brt_builder_load_file reads back to the same table.
 * This file writes the document, links, addresses, address labels and
 * sysctls; json_write_route.c routes, nexthop objects and rules.
 */
#include <stdlib.h>
#include <string.h>

#include "json/json_table.h"
#include "json/json_write.h"
#include "text/text.h"

json_object *fmt_jw_addr(const struct brt_addr *a)
{
	char buf[BRT_ADDRSTRLEN];
	struct brt_addr plain = *a;

	plain.zone = 0;
	return a->family && brt_addr_format(&plain, buf, sizeof(buf)) >= 0
		       ? json_object_new_string(buf) : NULL;
}

json_object *fmt_jw_prefix(const struct brt_prefix *p)
{
	char buf[BRT_PREFIXSTRLEN];

	return brt_prefix_format(p, buf, sizeof(buf)) >= 0 ? json_object_new_string(buf) : NULL;
}

json_object *fmt_jw_dev(const brt_table *t, uint32_t index)
{
	const struct brt_link *l = index ? brt_table_link_by_index(t, index) : NULL;

	return l ? fmt_jt_name(l->name) : NULL;
}

void fmt_jw_add(json_object *o, const char *key, json_object *v)
{
	if (v)
		json_object_object_add(o, key, v);
}

void fmt_jw_uint(json_object *o, const char *key, uint32_t v)
{
	json_object_object_add(o, key, json_object_new_int64(v));
}

const char *fmt_jw_family(unsigned family)
{
	return family == BRT_AF_INET ? "inet" : family == BRT_AF_INET6 ? "inet6" : "unspec";
}

static json_object *jlink(const brt_table *t, const struct brt_link *l)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "ifindex", json_object_new_int64(l->index));
	json_object_object_add(o, "ifname", fmt_jt_name(l->name));
	json_object_object_add(o, "link_type", json_object_new_string(
		fmt_txt_linktype_name(l->type)));
	json_object_object_add(o, "flags", fmt_jt_flags_json(fmt_jt_link_flags, l->flags));
	fmt_jw_uint(o, "mtu", l->mtu);
	fmt_jw_uint(o, "metric", l->metric);
	fmt_jw_uint(o, "group", l->group);
	fmt_jw_add(o, "master", fmt_jw_dev(t, l->master));
	return o;
}

static json_object *jaddress(const brt_table *t, const struct brt_address *a)
{
	json_object *o = json_object_new_object();
	char buf[12];

	json_object_object_add(o, "local", fmt_jw_addr(&a->addr));
	fmt_jw_uint(o, "prefixlen", a->plen);
	fmt_jw_add(o, "dev", fmt_jw_dev(t, a->ifindex));
	fmt_jw_add(o, "address", fmt_jw_addr(&a->peer));
	fmt_jw_add(o, "broadcast", fmt_jw_addr(&a->broadcast));
	json_object_object_add(o, "scope", json_object_new_string(
		fmt_txt_scope_name(a->scope, buf)));
	if (a->label[0])
		json_object_object_add(o, "label", fmt_jt_name(a->label));
	fmt_jw_uint(o, "valid_life_time", a->valid_lft);
	fmt_jw_uint(o, "preferred_life_time", a->preferred_lft);
	fmt_jw_uint(o, "metric", a->metric);
	json_object_object_add(o, "flags", fmt_jt_flags_json(fmt_jt_addr_flags, a->flags));
	return o;
}

static json_object *jlabel(const brt_table *t, const struct brt_addrlabel *l)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "address", fmt_jw_prefix(&l->prefix));
	fmt_jw_add(o, "dev", fmt_jw_dev(t, l->ifindex));
	fmt_jw_uint(o, "label", l->label);
	return o;
}

/* Add @v to @arr, marked "derived" when it is; NULL @v is dropped. */
static void put(json_object *arr, json_object *v, bool derived, bool all)
{
	if (!v)
		return;
	if (derived && !all) {
		json_object_put(v);
		return;
	}
	if (derived)
		json_object_object_add(v, "derived", json_object_new_boolean(1));
	json_object_array_add(arr, v);
}

static json_object *jsysctls(const brt_table *t)
{
	json_object *o = json_object_new_object();
	const char *k, *v;
	size_t i;

	for (i = 0; i < brt_table_sysctl_count(t); i++)
		if (!brt_table_sysctl(t, i, &k, &v))
			json_object_object_add(o, k, json_object_new_string(v));
	return o;
}

static json_object *document(const brt_table *t, bool all)
{
	json_object *o = json_object_new_object(), *a;
	size_t i;

	json_object_object_add(o, "bestroute_table", json_object_new_int(JT_VERSION));
	json_object_object_add(o, "policy", json_object_new_string(
		brt_table_policy(t) == BRT_POLICY_WINDOWS ? "windows" : "linux"));
	a = json_object_new_array();
	for (i = 0; i < brt_table_link_count(t); i++)
		put(a, jlink(t, brt_table_link(t, i)),
		    brt_table_link(t, i)->flags & BRT_LINK_F_DERIVED, all);
	json_object_object_add(o, "links", a);
	a = json_object_new_array();
	for (i = 0; i < brt_table_address_count(t); i++)
		put(a, jaddress(t, brt_table_address(t, i)),
		    brt_table_address(t, i)->flags & BRT_ADDR_F_DERIVED, all);
	json_object_object_add(o, "addresses", a);
	fmt_jw_routing(o, t, all);
	a = json_object_new_array();
	for (i = 0; i < brt_table_addrlabel_count(t); i++)
		put(a, jlabel(t, brt_table_addrlabel(t, i)),
		    brt_table_addrlabel(t, i)->flags & BRT_LABEL_F_DERIVED, all);
	json_object_object_add(o, "addrlabels", a);
	json_object_object_add(o, "sysctls", jsysctls(t));
	return o;
}

void fmt_jw_put(json_object *arr, json_object *v, bool derived, bool all)
{
	put(arr, v, derived, all);
}

int brt_table_write_json(const brt_table *t, unsigned flags, char **out)
{
	json_object *o;
	const char *s;
	int jflags = JSON_C_TO_STRING_NOSLASHESCAPE |
		     (flags & BRT_WRITE_PRETTY ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
					       : JSON_C_TO_STRING_PLAIN);

	if (!t || !out)
		return BRT_EINVAL;
	*out = NULL;
	o = document(t, flags & BRT_WRITE_ALL);
	if (!o)
		return BRT_ENOMEM;
	s = json_object_to_json_string_ext(o, jflags);
	*out = s ? malloc(strlen(s) + 2) : NULL;
	if (*out) {
		strcpy(*out, s);
		strcat(*out, "\n");
	}
	json_object_put(o);
	return *out ? 0 : BRT_ENOMEM;
}
