/*
 * text_lex.c - cutting table text into statements and words.
 *
 * Invariants: a statement is one line plus, for `route`, the following
 * indented lines that start with `nexthop` (ip prints multipath routes so)
 * or `nh_info` (ip -d echoes the nexthop object there; such lines are read
 * and dropped, the object itself says the same). Every word is copied,
 * NUL-terminated, into one pool and keeps its line and column. Lines are
 * at most BRT_TXT_MAX_LINE bytes, statements at most BRT_TXT_MAX_WORDS
 * words, words at most BRT_TXT_MAX_WORD bytes: longer input is an error,
 * so memory stays bounded by the input and nothing recurses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

void fmt_txt_init(struct brt_txt *t, brt_builder *b, const char *name,
		  const char *data, size_t len, char *err, size_t errlen)
{
	memset(t, 0, sizeof(*t));
	t->b = b;
	t->name = name;
	t->err = err;
	t->errlen = errlen;
	t->data = data;
	t->len = len;
	t->line = 1;
}

void fmt_txt_free(struct brt_txt *t)
{
	free(t->w);
	free(t->pool);
	t->w = NULL;
	t->w_cap = 0;
	t->pool = NULL;
}

static void vmessage(struct brt_txt *t, uint32_t line, uint32_t col,
		     const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

static void vmessage(struct brt_txt *t, uint32_t line, uint32_t col,
		     const char *fmt, va_list ap)
{
	int n;

	if (!t->err || !t->errlen)
		return;
	n = snprintf(t->err, t->errlen, "%s:%u:%u: ", t->name, line, col);
	if (n >= 0 && (size_t)n < t->errlen)
		vsnprintf(t->err + n, t->errlen - (size_t)n, fmt, ap);
}

static int fail_at(struct brt_txt *t, uint32_t line, uint32_t col, int code,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int fail_at(struct brt_txt *t, uint32_t line, uint32_t col, int code,
		   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(t, line, col, fmt, ap);
	va_end(ap);
	return code;
}

int fmt_txt_fail(struct brt_txt *t, size_t i, int code, const char *fmt, ...)
{
	va_list ap;
	uint32_t line = t->line, col = 1;

	if (i < t->n) {
		line = t->w[i].line;
		col = t->w[i].col;
	}
	va_start(ap, fmt);
	vmessage(t, line, col, fmt, ap);
	va_end(ap);
	return code;
}

const char *fmt_txt_word(const struct brt_txt *t, size_t i)
{
	return t->pool + t->w[i].off;
}

const char *fmt_txt_take(struct brt_txt *t)
{
	return t->pos < t->n ? fmt_txt_word(t, t->pos++) : NULL;
}

int fmt_txt_value(struct brt_txt *t, const char **out)
{
	if (t->pos >= t->n)
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
				    "missing value after '%s'",
				    fmt_txt_word(t, t->pos - 1));
	*out = fmt_txt_word(t, t->pos++);
	return 0;
}

int fmt_txt_unknown(struct brt_txt *t)
{
	return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE, "unknown word '%s'",
			    fmt_txt_word(t, t->pos - 1));
}

int fmt_txt_builder_fail(struct brt_txt *t, int code)
{
	const char *msg = brt_builder_error(t->b);
	char where[300];
	size_t n;

	/* Conflict messages already start with "FILE:LINE:". */
	n = (size_t)snprintf(where, sizeof(where), "%s:%u:", t->name,
			     t->n ? t->w[0].line : t->line);
	if (!strncmp(msg, where, n) && t->err && t->errlen) {
		snprintf(t->err, t->errlen, "%s", msg);
		return code;
	}
	return fmt_txt_fail(t, 0, code, "%s",
			    *msg ? msg : brt_strerror(code));
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int push_word(struct brt_txt *t, const char *s, size_t len,
		     uint32_t col)
{
	char *p;

	if (t->n >= BRT_TXT_MAX_WORDS)
		return fail_at(t, t->line, col, BRT_ELIMIT,
			       "more than %u words in one statement",
			       BRT_TXT_MAX_WORDS);
	if (len > BRT_TXT_MAX_WORD)
		return fail_at(t, t->line, col, BRT_ELIMIT,
			       "word longer than %u bytes", BRT_TXT_MAX_WORD);
	if (t->n == t->w_cap) {	/* grows: most statements are short */
		size_t cap = t->w_cap ? t->w_cap * 2 : 64;
		struct fmt_txt_word *w = realloc(t->w, cap * sizeof(*w));

		if (!w)
			return BRT_ENOMEM;
		t->w = w;
		t->w_cap = cap;
	}
	if (t->pool_len + len + 1 > t->pool_cap) {
		size_t cap = t->pool_cap ? t->pool_cap * 2 : 4096;

		while (cap < t->pool_len + len + 1)
			cap *= 2;
		p = realloc(t->pool, cap);
		if (!p)
			return BRT_ENOMEM;
		t->pool = p;
		t->pool_cap = cap;
	}
	memcpy(t->pool + t->pool_len, s, len);
	t->pool[t->pool_len + len] = 0;
	t->w[t->n].off = (uint32_t)t->pool_len;
	t->w[t->n].line = t->line;
	t->w[t->n].col = col;
	t->n++;
	t->pool_len += len + 1;
	return 0;
}

/* Length of the line at t->at (without its newline); checks its bytes. */
static int line_length(struct brt_txt *t, size_t *out)
{
	const char *s = t->data + t->at;
	const char *nl = memchr(s, '\n', t->len - t->at);
	size_t n = nl ? (size_t)(nl - s) : t->len - t->at;
	const char *nul;

	if (n > BRT_TXT_MAX_LINE)
		return fail_at(t, t->line, 1, BRT_ELIMIT,
			       "line longer than %u bytes", BRT_TXT_MAX_LINE);
	nul = memchr(s, 0, n);
	if (nul)
		return fail_at(t, t->line, (uint32_t)(nul - s) + 1, BRT_EPARSE,
			       "NUL byte in text");
	*out = n;
	return 0;
}

/* Words of the line at t->at appended to the statement; consumes it. */
static int split_line(struct brt_txt *t, size_t n)
{
	const char *s = t->data + t->at;
	size_t i = 0, start;
	int err;

	while (i < n) {
		while (i < n && is_blank(s[i]))
			i++;
		if (i >= n || s[i] == '#')
			break;
		start = i;
		while (i < n && !is_blank(s[i]))
			i++;
		err = push_word(t, s + start, i - start, (uint32_t)start + 1);
		if (err)
			return err;
	}
	t->at += n + (t->at + n < t->len);
	t->line++;
	return 0;
}

/* Whether the unread line continues a route: indented "nexthop"/"nh_info". */
static const char *continuation(const struct brt_txt *t)
{
	const char *s = t->data + t->at, *e = t->data + t->len;
	static const char *const words[] = {"nexthop", "nh_info"};
	size_t i, k;

	if (s >= e || !is_blank(*s))
		return NULL;
	while (s < e && is_blank(*s))
		s++;
	for (k = 0; k < 2; k++) {
		i = strlen(words[k]);
		if ((size_t)(e - s) >= i && !memcmp(s, words[k], i) &&
		    (s + i == e || is_blank(s[i]) || s[i] == '\n'))
			return words[k];
	}
	return NULL;
}

static int skip_line(struct brt_txt *t)
{
	size_t n;
	int err = line_length(t, &n);

	if (err)
		return err;
	t->at += n + (t->at + n < t->len);
	t->line++;
	return 0;
}

int fmt_txt_next_statement(struct brt_txt *t)
{
	const char *cont;
	size_t n;
	int err;

	t->n = t->pos = t->pool_len = 0;
	while (t->n == 0) {
		if (t->at >= t->len)
			return 0;
		err = line_length(t, &n);
		if (!err)
			err = split_line(t, n);
		if (err)
			return err;
	}
	if (strcmp(fmt_txt_word(t, 0), "route"))
		return 1;
	while ((cont = continuation(t))) {
		if (cont[1] == 'h')	/* nh_info: the object says it */
			err = skip_line(t);
		else if (!(err = line_length(t, &n)))
			err = split_line(t, n);
		if (err)
			return err;
	}
	return 1;
}
