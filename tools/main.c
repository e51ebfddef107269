/* main.c - the bestroute tool: dispatch to a subcommand. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
} commands[] = {
	{"get", cmd_get, "get [--json] [--table FILE]... [--policy linux|windows] "
			 "[--explain] DEST [from SRC] [oif DEV] ..."},
	{"show", cmd_show, "show [--table FILE]... [--policy linux|windows] [--all] [--json]"},
	{"snapshot", cmd_snapshot, "snapshot [--all]   (the live host as a table file)"},
	{"verify", cmd_verify, "verify [--count N] [--seed S] [--json]   (ours against the kernel)"},
};

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("bestroute: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: bestroute COMMAND [ARGS]\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  bestroute %s\n", commands[i].usage);
	return f == stdout ? 0 : 1;
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return usage(stderr);
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help"))
		return usage(stdout);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 2, argv + 2);
	cli_error("unknown command '%s'", argv[1]);
	return usage(stderr);
}
