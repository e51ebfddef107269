/* json_write.h - the JSON table writer's parts (json_write*.c; not installed). */
#ifndef BRT_FORMAT_JSON_WRITE_H
#define BRT_FORMAT_JSON_WRITE_H

#include <json-c/json.h>

#include "format.h"
#include "text/text.h"

/* Values; NULL for an address of family 0 or an unknown link. */
json_object *fmt_jw_addr(const struct brt_addr *a);
json_object *fmt_jw_prefix(const struct brt_prefix *p);
json_object *fmt_jw_dev(const brt_table *t, uint32_t index);
/* Add @v under @key unless it is NULL. */
void fmt_jw_add(json_object *o, const char *key, json_object *v);
void fmt_jw_uint(json_object *o, const char *key, uint32_t v);
const char *fmt_jw_family(unsigned family);
/*
 * The document being written: one line is streamed record by record (a
 * record's JSON object lives only while it is written, so memory is the
 * text's, not a tree of the whole table); --pretty builds the tree and
 * lets json-c indent it.
 */
struct jw {
	bool all;		/* derived entries too */
	bool stream;		/* one line, record by record */
	json_object *doc;	/* tree: the document */
	json_object *arr;	/* tree: the array being filled */
	struct brt_sbuf sb;	/* stream: the text so far */
	bool first;		/* stream: no record in this array yet */
};

/* Start array @key; add records with fmt_jw_put; end with fmt_jw_end. */
void fmt_jw_begin(struct jw *w, const char *key);
/* Add record @v (consumed; "derived": true when @derived, dropped
 * unless w->all; NULL is dropped). */
void fmt_jw_put(struct jw *w, json_object *v, bool derived);
void fmt_jw_end(struct jw *w, const char *key);
/* "nexthops", "routes" and "rules" of @t. */
void fmt_jw_routing(struct jw *w, const brt_table *t);

#endif
