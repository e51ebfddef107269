/*
 * verify_opts.c - `bestroute verify [-4|-6] [--count N] [--seed S]
 * [--max-seconds N] [--shapes LIST] [-j] [-p]`. Counts are refused when negative, zero or
 * absurd (more than VERIFY_MAX_COUNT queries, a day of --max-seconds).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "verify_opts.h"
#include "verify_shape.h"

#define VERIFY_MAX_COUNT 100000000UL
#define VERIFY_MAX_SECONDS 86400UL

enum { OPT_SEED = 100, OPT_MAX_SECONDS, OPT_SHAPES };

static const struct cli_opt verify_options[] = {
	CLI_OPTS_JSON, CLI_OPTS_FAMILY,
	{"count", 'c', "a number", CLI_OPT_COUNT},
	{"seed", 0, "a number", OPT_SEED},
	{"max-seconds", 0, "a number", OPT_MAX_SECONDS},
	{"shapes", 0, "a list of shapes", OPT_SHAPES},
	{NULL, 0, NULL, 0},
};

static int seed(const char *v, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(v, &end, 0);
	if (!*v || *v == '-' || *end || errno) {
		cli_error("verify: --seed wants a number from 0 to 2^64-1, not '%s'", v);
		return -1;
	}
	return 0;
}

/* --shapes plain,from-host,...: the words of verify_shape.c. */
static int shapes(const char *v, uint32_t *out)
{
	const char *bad = v;
	size_t n = strlen(v);
	int s;

	*out = verify_shapes_parse(v, &bad, &n);
	if (*out)
		return 0;
	cli_error("verify: --shapes: unknown shape '%.*s'; the shapes are:", (int)n, bad);
	for (s = 0; s < VS_COUNT; s++)
		fprintf(stderr, " %s", verify_shape_name(s));
	fputc('\n', stderr);
	return -1;
}

static int set_opt(struct verify_opts *o, int id, const char *v)
{
	switch (id) {
	case CLI_OPT_JSON: o->json = true; return 0;
	case CLI_OPT_PRETTY: o->pretty = true; return 0;
	case CLI_OPT_V4: o->family = BRT_AF_INET; return 0;
	case CLI_OPT_V6: o->family = BRT_AF_INET6; return 0;
	case CLI_OPT_COUNT:
		return cli_count("verify", "--count", v, VERIFY_MAX_COUNT, &o->count);
	case OPT_MAX_SECONDS:
		return cli_count("verify", "--max-seconds", v, VERIFY_MAX_SECONDS,
				 &o->max_seconds);
	case OPT_SHAPES:
		return shapes(v, &o->shapes);
	default:
		return seed(v, &o->seed);
	}
}

int verify_opts_parse(int argc, char **argv, struct verify_opts *o)
{
	const char *v;
	int i = 0, id;

	memset(o, 0, sizeof(*o));
	o->count = 1000;
	o->shapes = (1u << VS_COUNT) - 1;
	o->seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	while ((id = cli_opt_next("verify", verify_options, argc, argv, &i, &v)) > 0)
		if (set_opt(o, id, v))
			return CLI_OPT_ERROR;
	if (id == CLI_OPT_END && i < argc) {
		cli_error("verify: unknown word '%s'", argv[i]);
		cli_try_help("verify");
		return CLI_OPT_ERROR;
	}
	return id;
}
