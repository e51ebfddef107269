/* json_write.h - the JSON table writer's parts (json_write*.c; not installed). */
#ifndef BRT_FORMAT_JSON_WRITE_H
#define BRT_FORMAT_JSON_WRITE_H

#include <json-c/json.h>

#include "format.h"

/* Values; NULL for an address of family 0 or an unknown link. */
json_object *fmt_jw_addr(const struct brt_addr *a);
json_object *fmt_jw_prefix(const struct brt_prefix *p);
json_object *fmt_jw_dev(const brt_table *t, uint32_t index);
/* Add @v under @key unless it is NULL. */
void fmt_jw_add(json_object *o, const char *key, json_object *v);
void fmt_jw_uint(json_object *o, const char *key, uint32_t v);
const char *fmt_jw_family(unsigned family);
/* Add @v to @arr ("derived": true when @derived; left out unless @all). */
void fmt_jw_put(json_object *arr, json_object *v, bool derived, bool all);
/* "nexthops", "routes" and "rules" of @t into the document @o. */
void fmt_jw_routing(json_object *o, const brt_table *t, bool all);

#endif
