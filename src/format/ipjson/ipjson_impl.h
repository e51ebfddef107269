/*
 * ipjson_impl.h - the `ip -j` importer's private interface (not installed).
 *
 * A dump is one JSON array of records of one kind. Every record is read
 * twice: a dry pass converts and checks all of them without touching the
 * builder, so that a bad record leaves the builder as it was; the second
 * pass adds them. Values are read through ipj_* getters that check the
 * JSON type of every key, so hostile input yields a message, never a crash.
 */
#ifndef BRT_FORMAT_IPJSON_IMPL_H
#define BRT_FORMAT_IPJSON_IMPL_H

#include <json-c/json.h>

#include "format.h"

enum ipj_kind {
	IPJ_UNKNOWN = 0,
	IPJ_LINK,	/* ip link show (ip addr show records carry links too) */
	IPJ_ADDR,	/* ip addr show */
	IPJ_ROUTE,
	IPJ_RULE,
	IPJ_NEXTHOP,
	IPJ_ADDRLABEL,
};

struct ipj_ctx {
	brt_builder *b;
	const char *name;	/* file name for messages */
	int family;		/* marked with inet:/inet6:, else UNSPEC */
	int dump_family;	/* rules: the family other records revealed */
	bool dry;		/* check only, add nothing */
	size_t rec;		/* 1-based number of the current record */
	const char *what;	/* JSON table document: the array ("routes") */
	char *err;
	size_t errlen;
};

/* "NAME: record N: message" into ctx->err; returns BRT_EPARSE. */
int fmt_ipj_fail(struct ipj_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A builder refusal as "NAME: record N: builder message"; returns @rc. */
int fmt_ipj_builder_fail(struct ipj_ctx *c, int rc);
/* Link index for @name: a provisional one in the dry pass. */
uint32_t fmt_ipj_ifref(struct ipj_ctx *c, const char *name);

/*
 * Typed getters. Each returns 1 when @key is present and valid, 0 when it
 * is absent (JSON null counts as absent for values), or BRT_EPARSE with a
 * message naming the key and the bad value.
 */
json_object *fmt_ipj_get(json_object *o, const char *key);
/* Whether @key is present at all (ip prints boolean words as null/true). */
bool fmt_ipj_has(json_object *o, const char *key);
int fmt_ipj_str(struct ipj_ctx *c, json_object *o, const char *key,
	    const char **out);
/* A string that fits an interface name (BRT_IFNAMSIZ). */
int fmt_ipj_ifname(struct ipj_ctx *c, json_object *o, const char *key,
	       char out[BRT_IFNAMSIZ]);
/* An integer, or a string holding one ("7", "0x10"), in 0..@max. */
int fmt_ipj_uint(struct ipj_ctx *c, json_object *o, const char *key,
	     uint32_t max, uint32_t *out);
/* An address; sets *@family (error when it disagrees with a known one). */
int fmt_ipj_addr(struct ipj_ctx *c, json_object *o, const char *key,
	     int *family, struct brt_addr *out);
/* "default", "all", "ADDR" or "ADDR/LEN"; family 0 for default/all. */
int fmt_ipj_prefix(struct ipj_ctx *c, json_object *o, const char *key,
	       int *family, struct brt_prefix *out);
/* Give a default/all prefix the record's family once it is known. */
void fmt_ipj_prefix_settle(struct brt_prefix *p, int family);

/* Words ip prints for numbers (ipjson_names.c). */
int fmt_ipj_scope(struct ipj_ctx *c, json_object *o, const char *key,
	      uint8_t *out);
int fmt_ipj_protocol(struct ipj_ctx *c, json_object *o, const char *key,
		 uint8_t *out);
int fmt_ipj_table(struct ipj_ctx *c, json_object *o, const char *key,
	      uint32_t *out);
int fmt_ipj_group(struct ipj_ctx *c, json_object *o, const char *key,
	      uint32_t *out);
/* A TOS byte: a number or a DSCP name ("AF11", "EF"...). */
int fmt_ipj_dsfield(struct ipj_ctx *c, json_object *o, const char *key,
		uint8_t *out);
int fmt_ipj_ipproto(struct ipj_ctx *c, json_object *o, const char *key,
		uint8_t *out);

struct ipj_flagname {
	const char *name;
	uint32_t bit;
};
/* OR the bits of the words in array @key into *@out (unknown ignored). */
int fmt_ipj_flag_list(struct ipj_ctx *c, json_object *o, const char *key,
		  const struct ipj_flagname *names, uint32_t *out);

/* One record of each kind; return 0 or a negative BRT_E* code. */
int fmt_ipj_link_record(struct ipj_ctx *c, json_object *o);
/* A link named or numbered twice in the dump @arr: BRT_EPARSE naming the
 * records (ipjson_dup.c), BRT_ENOMEM, or 0. */
int fmt_ipj_dup_check(struct ipj_ctx *c, json_object *arr);
int fmt_ipj_addr_record(struct ipj_ctx *c, json_object *o);
int fmt_ipj_route_record(struct ipj_ctx *c, json_object *o);
int fmt_ipj_rule_record(struct ipj_ctx *c, json_object *o);
/* The family rule @o reveals through its addresses, or 0. */
int fmt_ipj_rule_family(struct ipj_ctx *c, json_object *o, int *family);
int fmt_ipj_nexthop_record(struct ipj_ctx *c, json_object *o);
int fmt_ipj_addrlabel_record(struct ipj_ctx *c, json_object *o);

#endif
