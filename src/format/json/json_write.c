/*
 * json_write.c - brt_table_write_json: the table as one JSON document
 * (json_table.h), that brt_builder_load_file reads back to the same table.
 * This file writes the document, links, addresses, address labels and
 * sysctls; json_write_route.c routes, nexthop objects and rules. One line
 * is streamed record by record (memory: the text, not a json-c tree of
 * the table); BRT_WRITE_PRETTY builds the tree for json-c to indent.
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

#define ONE_LINE (JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)

void fmt_jw_begin(struct jw *w, const char *key)
{
	if (w->stream)
		fmt_sb_printf(&w->sb, ",\"%s\":[", key);
	else
		w->arr = json_object_new_array();
	w->first = true;
}

void fmt_jw_put(struct jw *w, json_object *v, bool derived)
{
	if (!v)
		return;
	if (derived && !w->all) {
		json_object_put(v);
		return;
	}
	if (derived)
		json_object_object_add(v, "derived", json_object_new_boolean(1));
	if (!w->stream) {
		json_object_array_add(w->arr, v);
		return;
	}
	fmt_sb_printf(&w->sb, "%s%s", w->first ? "" : ",",
		      json_object_to_json_string_ext(v, ONE_LINE));
	w->first = false;
	json_object_put(v);
}

void fmt_jw_end(struct jw *w, const char *key)
{
	if (w->stream)
		fmt_sb_printf(&w->sb, "]");
	else
		json_object_object_add(w->doc, key, w->arr);
	w->arr = NULL;
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

static const char *policy_word(const brt_table *t)
{
	return brt_table_policy(t) == BRT_POLICY_WINDOWS ? "windows" : "linux";
}

static void document(struct jw *w, const brt_table *t)
{
	json_object *sys = jsysctls(t);
	size_t i;

	if (w->stream) {
		fmt_sb_printf(&w->sb, "{\"bestroute_table\":%d,\"policy\":\"%s\"", JT_VERSION,
			      policy_word(t));
	} else {
		json_object_object_add(w->doc, "bestroute_table", json_object_new_int(JT_VERSION));
		json_object_object_add(w->doc, "policy", json_object_new_string(policy_word(t)));
	}
	fmt_jw_begin(w, "links");
	for (i = 0; i < brt_table_link_count(t); i++)
		fmt_jw_put(w, jlink(t, brt_table_link(t, i)),
		       brt_table_link(t, i)->flags & BRT_LINK_F_DERIVED);
	fmt_jw_end(w, "links");
	fmt_jw_begin(w, "addresses");
	for (i = 0; i < brt_table_address_count(t); i++)
		fmt_jw_put(w, jaddress(t, brt_table_address(t, i)),
		       brt_table_address(t, i)->flags & BRT_ADDR_F_DERIVED);
	fmt_jw_end(w, "addresses");
	fmt_jw_routing(w, t);
	fmt_jw_begin(w, "addrlabels");
	for (i = 0; i < brt_table_addrlabel_count(t); i++)
		fmt_jw_put(w, jlabel(t, brt_table_addrlabel(t, i)),
		       brt_table_addrlabel(t, i)->flags & BRT_LABEL_F_DERIVED);
	fmt_jw_end(w, "addrlabels");
	if (w->stream) {
		fmt_sb_printf(&w->sb, ",\"sysctls\":%s}\n",
			      json_object_to_json_string_ext(sys, ONE_LINE));
		json_object_put(sys);
	} else {
		json_object_object_add(w->doc, "sysctls", sys);
	}
}

/* --pretty: the whole tree, indented by json-c. */
static int write_tree(struct jw *w, const brt_table *t, char **out)
{
	const char *s;

	w->doc = json_object_new_object();
	if (!w->doc)
		return BRT_ENOMEM;
	document(w, t);
	s = json_object_to_json_string_ext(w->doc, JSON_C_TO_STRING_NOSLASHESCAPE |
					   JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED);
	*out = s ? malloc(strlen(s) + 2) : NULL;
	if (*out) {
		strcpy(*out, s);
		strcat(*out, "\n");
	}
	json_object_put(w->doc);
	return *out ? 0 : BRT_ENOMEM;
}

int brt_table_write_json(const brt_table *t, unsigned flags, char **out)
{
	struct jw w;

	if (!t || !out)
		return BRT_EINVAL;
	*out = NULL;
	memset(&w, 0, sizeof(w));
	w.all = flags & BRT_WRITE_ALL;
	w.stream = !(flags & BRT_WRITE_PRETTY);
	if (!w.stream)
		return write_tree(&w, t, out);
	document(&w, t);
	if (w.sb.oom) {
		free(w.sb.p);
		return BRT_ENOMEM;
	}
	*out = w.sb.p;
	return 0;
}
