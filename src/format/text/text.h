/*
 * text.h - shared by the text-format reader (text_*.c) and writer.
 *
 * The reader works one statement at a time: text_lex.c cuts the input
 * into statements (a line plus the indented `nexthop` lines that continue
 * a route) and words that remember their line and column, so every error
 * can name FILE:LINE:COL and the word. The statement parsers
 * (text_parse_*.c) fill a record and hand it to the public builder API.
 */
#ifndef BRT_FORMAT_TEXT_H
#define BRT_FORMAT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "format.h"

/*
 * Limits that keep hostile input bounded, yet let every table the builder
 * accepts be written and read back: a route of BRT_MAX_NEXTHOPS (4096)
 * next hops takes up to 11 words each ("nexthop via inet ADDR dev NAME
 * weight N onlink dead linkdown"), a group of BRT_MAX_GROUP members is one
 * word of up to 15 bytes each ("4294967295,256/").
 */
#define BRT_TXT_MAX_LINE (1u << 20)	/* bytes in one line */
#define BRT_TXT_MAX_WORDS 65536u	/* words in one statement */
#define BRT_TXT_MAX_WORD 65536u		/* bytes in one word */

struct fmt_txt_word {
	uint32_t off;		/* into brt_txt.pool (NUL-terminated) */
	uint32_t line;
	uint32_t col;		/* 1-based, in bytes */
};

struct brt_txt {
	brt_builder *b;
	const char *name;	/* file name for messages */
	char *err;
	size_t errlen;
	const char *data;	/* the whole input */
	size_t len;
	size_t at;		/* start of the next unread line */
	uint32_t line;		/* number of the next unread line */

	struct fmt_txt_word *w;	/* words of the current statement */
	size_t n;		/* how many */
	size_t w_cap;		/* room in w (grows to BRT_TXT_MAX_WORDS) */
	size_t pos;		/* next word to parse */
	char *pool;
	size_t pool_len, pool_cap;
};

/* ---- lexer (text_lex.c) */
void fmt_txt_init(struct brt_txt *t, brt_builder *b, const char *name,
		  const char *data, size_t len, char *err, size_t errlen);
void fmt_txt_free(struct brt_txt *t);
/* Next statement into t->w; 1 when there is one, 0 at the end, or <0. */
int fmt_txt_next_statement(struct brt_txt *t);
/* Word i of the statement (i < t->n). */
const char *fmt_txt_word(const struct brt_txt *t, size_t i);
/* The next word (advancing), or NULL at the end. */
const char *fmt_txt_take(struct brt_txt *t);
/* The value after the key just taken; an error message when missing. */
int fmt_txt_value(struct brt_txt *t, const char **out);
/* "FILE:LINE:COL: <message>" about word i into t->err; returns @code. */
int fmt_txt_fail(struct brt_txt *t, size_t i, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* "unknown word 'X'" about the word last taken. */
int fmt_txt_unknown(struct brt_txt *t);
/* A builder error @code as a message naming the statement's origin. */
int fmt_txt_builder_fail(struct brt_txt *t, int code);

/* ---- values (text_values.c); each reports its own error on word i */
/* "N" or "0xN" up to UINT32_MAX, without a message. */
bool fmt_txt_parse_u32(const char *s, uint32_t *out);
int fmt_txt_u32(struct brt_txt *t, size_t i, uint32_t max, uint32_t *out);
int fmt_txt_addr(struct brt_txt *t, size_t i, struct brt_addr *out);
/* A prefix: "default"/"all" take @family (0: decided later by caller). */
int fmt_txt_prefix(struct brt_txt *t, size_t i, int family,
		   struct brt_prefix *out);
/* An address with optional "/len" (host bits allowed); *plen -1 if none. */
int fmt_txt_addr_len(struct brt_txt *t, size_t i, struct brt_addr *out,
		     int *plen);
/* A link name (fits BRT_IFNAMSIZ). */
int fmt_txt_ifname(struct brt_txt *t, size_t i, char out[BRT_IFNAMSIZ]);
/* "N" or "Nsec" (as ip prints lifetimes and expiry) */
int fmt_txt_seconds(struct brt_txt *t, size_t i, uint32_t *out);
/* "N" or "N-M" */
int fmt_txt_range(struct brt_txt *t, size_t i, uint32_t max, uint32_t *lo,
		  uint32_t *hi);

/* ---- names (text_names.c): parse returns -1 when unknown */
int fmt_txt_scope_parse(const char *s);
const char *fmt_txt_scope_name(unsigned scope, char buf[12]);
int fmt_txt_proto_parse(const char *s);
const char *fmt_txt_proto_name(unsigned proto, char buf[12]);
int fmt_txt_rtype_parse(const char *s);
const char *fmt_txt_rtype_name(unsigned type);
int fmt_txt_ipproto_parse(const char *s);
const char *fmt_txt_ipproto_name(unsigned p, char buf[12]);
int fmt_txt_linktype_parse(const char *s);
const char *fmt_txt_linktype_name(unsigned type);
/* Address flags: the BRT_ADDR_F_* bit of a word, 0 when not a flag. */
uint32_t fmt_txt_addrflag_parse(const char *s);
const char *fmt_txt_addrflag_name(uint32_t bit);
/* Defaults the reader applies and the writer leaves out. */
uint32_t fmt_txt_route_table_default(unsigned type);
/* The scope `ip addr add` gives an address when none is said: host for
 * 127.0.0.0/8 (iproute2's default_scope) and ::1, link for fe80::/10 (the
 * kernel derives IPv6 scopes from the address), else global. */
uint8_t fmt_txt_addr_scope_default(const struct brt_addr *a);
unsigned fmt_txt_route_scope_default(const struct brt_route *r);
uint32_t fmt_txt_route_metric_default(unsigned family, unsigned proto);
uint32_t fmt_txt_link_mtu_default(unsigned type);

/* ---- statements (text_parse_*.c), after the leading keyword */
int fmt_txt_parse_link(struct brt_txt *t);
int fmt_txt_parse_addr(struct brt_txt *t);
int fmt_txt_parse_route(struct brt_txt *t);
int fmt_txt_parse_rule(struct brt_txt *t);
int fmt_txt_parse_nexthop(struct brt_txt *t);
int fmt_txt_parse_addrlabel(struct brt_txt *t);

/* ---- writer (text_write*.c) */
struct brt_sbuf {
	char *p;
	size_t n, cap;
	bool oom;		/* an append failed: the text is incomplete */
};

/* After a statement of a derived entry: end it with "# derived" (a
 * comment, so reading the text back is unchanged). */
void fmt_sb_mark_derived(struct brt_sbuf *sb, bool derived);
void fmt_sb_printf(struct brt_sbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* " WORD ADDR" for an address (written without zone); no WORD if NULL. */
void fmt_sb_addr(struct brt_sbuf *sb, const char *word,
		 const struct brt_addr *a);
/* " PREFIX": "default" for length 0, the bare address at full length. */
void fmt_sb_prefix(struct brt_sbuf *sb, const struct brt_prefix *p);
/* " WORD NAME" of the link @index (nothing for 0). */
void fmt_sb_link(struct brt_sbuf *sb, const brt_table *t, const char *word,
		 uint32_t index);
void fmt_txt_write_nhobjs(struct brt_sbuf *sb, const brt_table *t);
void fmt_txt_write_routes(struct brt_sbuf *sb, const brt_table *t,
			  unsigned flags);
void fmt_txt_write_rules(struct brt_sbuf *sb, const brt_table *t,
			 unsigned flags);

#endif
