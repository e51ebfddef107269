/* json_read.h - the JSON table document reader's parts (json_read*.c). */
#ifndef BRT_FORMAT_JSON_READ_H
#define BRT_FORMAT_JSON_READ_H

#include "ipjson/ipjson_impl.h"
#include "json/json_table.h"

/* The whole document @root into c->b (dry pass first): 0 or BRT_E*. */
int fmt_jr_document(struct ipj_ctx *c, json_object *root);

/* Helpers; each returns 1 when @key is there and good, 0 when absent, or
 * BRT_EPARSE with a message. */
int fmt_jr_flags(struct ipj_ctx *c, json_object *o, const struct jt_flag *names,
	     uint32_t *out);
int fmt_jr_dev(struct ipj_ctx *c, json_object *o, const char *key, uint32_t *index);
int fmt_jr_word(struct ipj_ctx *c, json_object *o, const char *key,
	    int (*parse)(const char *), uint32_t *out);
/* 0, or BRT_EPARSE naming the first key of @o not in @keys ("derived" ok). */
int fmt_jr_keys(struct ipj_ctx *c, json_object *o, const char *const *keys);

int fmt_jr_route_record(struct ipj_ctx *c, json_object *o);
int fmt_jr_nhobj_record(struct ipj_ctx *c, json_object *o);
int fmt_jr_rule_record(struct ipj_ctx *c, json_object *o);

#endif
