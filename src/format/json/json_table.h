/*
 * json_table.h - the JSON table document (`bestroute show --json`) that
 * brt_table_write_json writes and the loader reads back (not installed).
 *
 * {"bestroute_table": 1, "policy": "linux"|"windows",
 *  "links": [...], "addresses": [...], "nexthops": [...], "routes": [...],
 *  "rules": [...], "addrlabels": [...], "sysctls": {"key": "value", ...}}
 *
 * Keys are `ip -j`'s where ip has a name for the field (ifname, ifindex,
 * local, prefixlen, dst, gateway, dev, protocol, scope, priority, ...);
 * protocols, scopes, types and tables are words as ip prints them. Every
 * field of the model is written, so reading the document back gives the
 * same table. Entries marked "derived": true (written with --all) are the
 * library's own and are skipped when read: finishing derives them again.
 */
#ifndef BRT_FORMAT_JSON_TABLE_H
#define BRT_FORMAT_JSON_TABLE_H

#include <json-c/json.h>

#include "format.h"

#define JT_VERSION 1

/* A flag bit and its word in a record's "flags" array. */
struct jt_flag {
	const char *name;
	uint32_t bit;
};

/* The flag words of each record (json_table_names.c), NULL-terminated. */
extern const struct jt_flag fmt_jt_link_flags[];
extern const struct jt_flag fmt_jt_addr_flags[];
extern const struct jt_flag fmt_jt_route_flags[];	/* route and next hop flags */
extern const struct jt_flag fmt_jt_nhobj_flags[];
extern const struct jt_flag fmt_jt_rule_flags[];

/* Rule actions as ip names them ("lookup" is ip's "to_tbl"). */
const char *fmt_jt_action_name(unsigned action);
int fmt_jt_action_parse(const char *s);	/* -1 when unknown */
/* Route preference (IPv6): "medium", "high", "low". */
const char *fmt_jt_pref_name(unsigned pref);
int fmt_jt_pref_parse(const char *s);

/* The words of @flags as a JSON array. */
json_object *fmt_jt_flags_json(const struct jt_flag *names, uint32_t flags);

/* A link name as a JSON string: bytes that are not printable UTF-8 (and
 * backslashes) as the text \\xNN, so the document is always valid JSON. */
json_object *fmt_jt_name(const char *name);

/* Whether a JSON object is a table document (has "bestroute_table"). */
bool fmt_jt_is_document(json_object *root);

#endif
