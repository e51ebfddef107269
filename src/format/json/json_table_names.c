/*
 * json_table_names.c - the words of the JSON table document's flag arrays
 * and enumerations, shared by its writer and its reader so that both
 * always agree (json_table.h).
 */
#include <stdio.h>
#include <string.h>

#include "json/json_table.h"
#include "load_check.h"

const struct jt_flag fmt_jt_link_flags[] = {
	{"UP", BRT_LINK_F_UP}, {"LOWER_UP", BRT_LINK_F_CARRIER},
	{"weak_host_send", BRT_LINK_F_WEAK_HOST_SEND},
	{"no_ipv4", BRT_LINK_F_NO_IPV4}, {"no_ipv6", BRT_LINK_F_NO_IPV6},
	{NULL, 0},
};

const struct jt_flag fmt_jt_addr_flags[] = {
	{"secondary", BRT_ADDR_F_SECONDARY}, {"deprecated", BRT_ADDR_F_DEPRECATED},
	{"tentative", BRT_ADDR_F_TENTATIVE}, {"temporary", BRT_ADDR_F_TEMPORARY},
	{"skip_as_source", BRT_ADDR_F_SKIP_AS_SOURCE},
	{"noprefixroute", BRT_ADDR_F_NOPREFIXROUTE},
	{"optimistic", BRT_ADDR_F_OPTIMISTIC}, {"dadfailed", BRT_ADDR_F_DADFAILED},
	{"home", BRT_ADDR_F_HOMEADDRESS}, {"mngtmpaddr", BRT_ADDR_F_MNGTMPADDR},
	{"nodad", BRT_ADDR_F_NODAD}, {"permanent", BRT_ADDR_F_PERMANENT},
	{NULL, 0},
};

const struct jt_flag fmt_jt_route_flags[] = {
	{"dead", BRT_NH_F_DEAD}, {"onlink", BRT_NH_F_ONLINK},
	{"linkdown", BRT_NH_F_LINKDOWN}, {"metric_given", BRT_ROUTE_F_HAS_METRIC},
	{NULL, 0},
};

const struct jt_flag fmt_jt_nhobj_flags[] = {
	{"blackhole", BRT_NHOBJ_F_BLACKHOLE}, {"onlink", BRT_NHOBJ_F_ONLINK},
	{"fdb", BRT_NHOBJ_F_FDB}, {"dead", BRT_NHOBJ_F_DEAD},
	{"linkdown", BRT_NHOBJ_F_LINKDOWN}, {"resilient", BRT_NHOBJ_F_RESILIENT},
	{NULL, 0},
};

const struct jt_flag fmt_jt_rule_flags[] = {
	{"not", BRT_RULE_F_INVERT}, {"fwmark", BRT_RULE_F_FWMARK},
	{"uidrange", BRT_RULE_F_UIDRANGE}, {"sport", BRT_RULE_F_SPORT},
	{"dport", BRT_RULE_F_DPORT}, {"ipproto", BRT_RULE_F_IPPROTO},
	{"l3mdev", BRT_RULE_F_L3MDEV}, {NULL, 0},
};

static const struct jt_flag actions[] = {
	{"lookup", BRT_RULE_LOOKUP}, {"goto", BRT_RULE_GOTO}, {"nop", BRT_RULE_NOP},
	{"blackhole", BRT_RULE_BLACKHOLE}, {"unreachable", BRT_RULE_UNREACHABLE},
	{"prohibit", BRT_RULE_PROHIBIT}, {NULL, 0},
};

static const struct jt_flag prefs[] = {
	{"medium", BRT_PREF_MEDIUM}, {"high", BRT_PREF_HIGH}, {"low", BRT_PREF_LOW},
	{NULL, 0},
};

static const char *name_of(const struct jt_flag *t, unsigned v)
{
	for (; t->name; t++)
		if (t->bit == v)
			return t->name;
	return NULL;
}

static int parse(const struct jt_flag *t, const char *s)
{
	for (; t->name; t++)
		if (!strcmp(t->name, s))
			return (int)t->bit;
	return -1;
}

const char *fmt_jt_action_name(unsigned action)
{
	return name_of(actions, action);
}

int fmt_jt_action_parse(const char *s)
{
	return parse(actions, s);
}

const char *fmt_jt_pref_name(unsigned pref)
{
	return name_of(prefs, pref);
}

int fmt_jt_pref_parse(const char *s)
{
	return parse(prefs, s);
}

json_object *fmt_jt_flags_json(const struct jt_flag *names, uint32_t flags)
{
	json_object *a = json_object_new_array();

	for (; names->name; names++)
		if (flags & names->bit)
			json_object_array_add(a, json_object_new_string(names->name));
	return a;
}

bool fmt_jt_is_document(json_object *root)
{
	return json_object_is_type(root, json_type_object) &&
	       json_object_object_get_ex(root, "bestroute_table", NULL);
}

json_object *fmt_jt_name(const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	char buf[4 * BRT_IFNAMSIZ + 1];
	size_t o = 0, i = 0;
	int n;

	while (s[i] && s[i] >= 0x20 && s[i] != 0x7f &&
	       (n = fmt_load_utf8_seq(s + i, strlen(name) - i)) > 0)
		i += (size_t)n;
	if (!s[i])
		return json_object_new_string(name);	/* printable: as it is */
	while (*s && o + 5 < sizeof(buf)) {
		n = *s >= 0x20 && *s != 0x7f && *s != '\\' ? fmt_load_utf8_seq(s, strlen((const char *)s)) : 0;
		if (n > 0) {
			memcpy(buf + o, s, (size_t)n);
			o += (size_t)n;
			s += n;
		} else {
			o += (size_t)snprintf(buf + o, sizeof(buf) - o, "\\x%02x", *s++);
		}
	}
	buf[o] = 0;
	return json_object_new_string(buf);
}
