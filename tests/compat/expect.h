/*
 * expect.h - the checking half of the test programs of tests/compat (not
 * a Windows header). Each program does its work the way the Windows
 * program it imitates does, then checks what it found against KEY=VALUE
 * arguments that the NAME.cases files give (what the table or the live
 * namespace implies). A key given but never checked is a failure too, so
 * a mistyped expectation cannot pass unnoticed.
 */
#ifndef BRT_COMPAT_EXPECT_H
#define BRT_COMPAT_EXPECT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int expect_argc;
static char **expect_argv;
static unsigned char expect_used[64];
static int expect_failures;

static inline void expect_init(int argc, char **argv)
{
	expect_argc = argc < 64 ? argc : 64;
	expect_argv = argv;
}

/* The value of KEY=..., or NULL when the case does not say. */
static inline const char *expect_value(const char *key)
{
	size_t n = strlen(key);
	int i;

	for (i = 1; i < expect_argc; i++)
		if (!strncmp(expect_argv[i], key, n) && expect_argv[i][n] == '=') {
			expect_used[i] = 1;
			return expect_argv[i] + n + 1;
		}
	return NULL;
}

static inline void expect_fail(const char *key, const char *got, const char *want)
{
	fprintf(stderr, "FAIL %s: got '%s', expected '%s'\n", key, got, want);
	expect_failures++;
}

static inline void expect_str(const char *key, const char *got)
{
	const char *want = expect_value(key);

	if (want && strcmp(want, got))
		expect_fail(key, got, want);
}

static inline void expect_num(const char *key, unsigned long got)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lu", got);
	expect_str(key, buf);
}

/* A condition that must hold whatever the case. */
static inline void expect_true(const char *what, int ok)
{
	if (!ok) {
		fprintf(stderr, "FAIL %s\n", what);
		expect_failures++;
	}
}

static inline int expect_done(void)
{
	int i;

	for (i = 1; i < expect_argc; i++)
		if (!expect_used[i]) {
			fprintf(stderr, "FAIL unchecked expectation %s\n",
				expect_argv[i]);
			expect_failures++;
		}
	return expect_failures ? 1 : 0;
}

#endif /* BRT_COMPAT_EXPECT_H */
