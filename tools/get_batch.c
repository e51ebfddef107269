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
 * The loop is simple on purpose: read a line, parse it, answer, print.
 */
#include <stdlib.h>
#include <string.h>

#include "get.h"

#define BATCH_MAX_LINE 4096
#define BATCH_MAX_WORDS 64

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

/* One line: 0 answered (a route error too), 1 bad. */
static int one_line(const brt_table *t, const struct get_opts *o, bool live,
		    char *line, int rl, unsigned lineno)
{
	char *words[BATCH_MAX_WORDS + 1], err[512];
	int n = rl == LINE_OK ? split_words(line, words, BATCH_MAX_WORDS) : 0;

	if (rl == LINE_LONG || rl == LINE_NUL || n > BATCH_MAX_WORDS) {
		bad_line(o, lineno, rl == LINE_LONG ? "line longer than 4096 bytes"
				    : rl == LINE_NUL ? "a NUL byte (not a text file?)"
						     : "more than 64 words");
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

int get_batch(const brt_table *t, const struct get_opts *o, bool live)
{
	FILE *f = strcmp(o->batch, "-") ? fopen(o->batch, "r") : stdin;
	char *line;
	unsigned lineno = 0;
	int rl, status = CLI_EXIT_OK;

	if (!f) {
		cli_error("get: cannot open %s: %m", o->batch);
		return CLI_EXIT_USAGE;
	}
	line = malloc(BATCH_MAX_LINE + 1);
	while (line && (rl = read_line(f, line)) != LINE_END) {
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
