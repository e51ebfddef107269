/*
 * get_batch.c - `bestroute get --batch FILE`: one query per line.
 *
 * One answer per query line, in order, so answers pair with queries: a bad
 * line answers with an error too (JSON: "error", "message", "line"; text:
 * one line "error: ..."), and says FILE:LINE once on stderr. Blank lines
 * and comments ("#" at the start of a word, to the end of the line) ask
 * nothing and get nothing. A line longer than BATCH_MAX_LINE bytes, of
 * more than BATCH_MAX_WORDS words, or holding a NUL byte is a bad line;
 * the rest of a long line is skipped unread into memory, so hostile input
 * costs bounded memory and the other lines still answer.
 *
 * A file is answered BATCH_BULK queries at a time: the lines are parsed
 * into a pending list (bad lines keep their message there), the queries
 * answered with one brt_table_lookup_bulk call, and the list printed in
 * line order, so the output is the line-at-a-time loop's. Standard input,
 * --kernel and --explain stay line at a time (a coprocess waits for each
 * answer; the kernel and explain answer one query per call).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "get.h"

#define BATCH_MAX_LINE 4096
#define BATCH_MAX_WORDS 64
#define BATCH_BULK 64

enum { LINE_END = 0, LINE_OK = 1, LINE_LONG = -1, LINE_NUL = -2 };

/* The next line into @buf (BATCH_MAX_LINE + 1 bytes), without its newline;
 * a too long line is consumed to its newline. */
static int read_line(FILE *f, char *buf)
{
	size_t n = 0;
	int c, st = LINE_OK;

	while ((c = getc(f)) != EOF && c != '\n') {
		if (c == 0)
			st = LINE_NUL;
		else if (n == BATCH_MAX_LINE && st == LINE_OK)
			st = LINE_LONG;
		if (n < BATCH_MAX_LINE)
			buf[n++] = (char)c;
	}
	buf[n] = 0;
	if (c == EOF && n == 0 && st == LINE_OK)
		return LINE_END;
	return st;
}

/* Cut a comment off and split into words in place; returns the count
 * (max + 1 when there are more than @max). */
static int split_words(char *line, char **words, int max)
{
	int n = 0;
	char *save = NULL, *w;

	for (w = strtok_r(line, " \t\r\v\f", &save); w && n <= max;
	     w = strtok_r(NULL, " \t\r\v\f", &save)) {
		if (w[0] == '#')
			break;
		words[n++] = w;
	}
	return n;
}

/* The answer for a line that could not be answered, and its diagnostic. */
static void bad_line(const struct get_opts *o, unsigned lineno, const char *what)
{
	char esc[4 * 600];
	json_object *j;

	what = cli_name_escape(what, esc, sizeof(esc));
	fprintf(stderr, "%s:%u: %s\n", strcmp(o->batch, "-") ? o->batch : "<stdin>",
		lineno, what);
	if (!o->print.json) {
		printf("error: line %u: %s\n", lineno, what);
		return;
	}
	j = json_object_new_object();
	json_object_object_add(j, "error", json_object_new_string("invalid"));
	json_object_object_add(j, "message", json_object_new_string(what));
	json_object_object_add(j, "line", json_object_new_int64(lineno));
	cli_json_print(stdout, j, false);
	json_object_put(j);
}

/* Why line @rl of @n words cannot be answered, or NULL. */
static const char *line_fault(int rl, int n)
{
	if (rl == LINE_LONG)
		return "line longer than 4096 bytes";
	if (rl == LINE_NUL)
		return "a NUL byte (not a text file?)";
	return n > BATCH_MAX_WORDS ? "more than 64 words" : NULL;
}

/* One line: 0 answered (a route error too), 1 bad. */
static int one_line(const brt_table *t, const struct get_opts *o, bool live,
		    char *line, int rl, unsigned lineno)
{
	char *words[BATCH_MAX_WORDS + 1], err[512];
	int n = rl == LINE_OK ? split_words(line, words, BATCH_MAX_WORDS) : 0;
	const char *fault = line_fault(rl, n);

	if (fault) {
		bad_line(o, lineno, fault);
		return 1;
	}
	if (n == 0)
		return 0;
	if (get_answer(t, o, live, n, words, lineno, err, sizeof(err)) < 0) {
		bad_line(o, lineno, err);
		return 1;
	}
	return 0;
}

/* Lines read but not yet printed: a query, or a bad line's message. */
struct pending {
	size_t n, nq;			/* entries, queries among them */
	unsigned line[BATCH_BULK];
	int16_t query[BATCH_BULK];	/* index in q, or -1: bad line */
	char err[BATCH_BULK][512];
	struct brt_query q[BATCH_BULK];
	struct brt_result r[BATCH_BULK];
};

/* Answer and print the pending lines in order; 1 when one was bad. */
static int flush_pending(const brt_table *t, const struct get_opts *o, bool live,
			 struct pending *p)
{
	size_t i;
	int bad = 0;

	if (p->nq && brt_table_lookup_bulk(t, p->q, p->nq, p->r)) {
		for (i = 0; i < p->nq; i++)	/* cannot fail with these */
			brt_table_lookup(t, &p->q[i], &p->r[i]);
	}
	for (i = 0; i < p->n; i++) {
		int k = p->query[i];

		if (k < 0) {
			bad_line(o, p->line[i], p->err[i]);
			bad = 1;
			continue;
		}
		get_finish(t, o, live, &p->q[k], &p->r[k], p->line[i],
			   p->err[i], sizeof(p->err[i]));
	}
	p->n = p->nq = 0;
	return bad;
}

/* Parse one line into @p (nothing for a blank one). */
static void queue_line(const brt_table *t, bool live, struct pending *p,
		       char *line, int rl, unsigned lineno)
{
	char *words[BATCH_MAX_WORDS + 1];
	int n = rl == LINE_OK ? split_words(line, words, BATCH_MAX_WORDS) : 0;
	const char *fault = line_fault(rl, n);
	size_t e = p->n;

	if (!fault && n == 0)
		return;
	p->line[e] = lineno;
	p->query[e] = -1;
	if (fault)
		snprintf(p->err[e], sizeof(p->err[e]), "%s", fault);
	else if (!get_query(t, live, n, words, &p->q[p->nq], p->err[e],
			    sizeof(p->err[e])))
		p->query[e] = (int16_t)p->nq++;
	p->n++;
}

/* Every line of @f, answered in bulk; 1 when a line was bad. */
static int bulk_lines(const brt_table *t, const struct get_opts *o, bool live,
		      FILE *f, char *line)
{
	struct pending *p = calloc(1, sizeof(*p));
	unsigned lineno = 0;
	int rl, bad = 0;

	if (!p)
		return -1;
	while ((rl = read_line(f, line)) != LINE_END) {
		queue_line(t, live, p, line, rl, ++lineno);
		if (p->n == BATCH_BULK)
			bad |= flush_pending(t, o, live, p);
	}
	bad |= flush_pending(t, o, live, p);
	free(p);
	return bad;
}

int get_batch(const brt_table *t, const struct get_opts *o, bool live)
{
	FILE *f = strcmp(o->batch, "-") ? fopen(o->batch, "r") : stdin;
	char *line;
	unsigned lineno = 0;
	int rl, status = CLI_EXIT_OK;
	bool single;

	if (!f) {
		cli_error("get: cannot open %s: %m", o->batch);
		return CLI_EXIT_USAGE;
	}
	single = f == stdin || o->kernel || o->print.explain;
	line = malloc(BATCH_MAX_LINE + 1);
	if (line && !single) {
		rl = bulk_lines(t, o, live, f, line);
		if (rl < 0) {
			free(line);
			line = NULL;
		} else if (rl) {
			status = CLI_EXIT_USAGE;
		}
	}
	while (line && single && (rl = read_line(f, line)) != LINE_END) {
		if (one_line(t, o, live, line, rl, ++lineno))
			status = CLI_EXIT_USAGE;
		if (f == stdin)
			fflush(stdout);	/* a coprocess waits for each answer */
	}
	if (!line)
		cli_error("get: out of memory");
	if (!line || ferror(f)) {
		if (line)
			cli_error("get: reading %s: %m", o->batch);
		status = CLI_EXIT_USAGE;
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return status;
}
