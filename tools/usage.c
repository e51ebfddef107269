/*
 * usage.c - what each subcommand takes, for `bestroute help`, `CMD --help`
 * (standard output, exit 0) and usage errors (standard error, exit 1).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	const char *usage;
} usages[] = {
	{"get", "get [-j|--json] [-p|--pretty] [-t|--table FILE]... [--policy linux|windows]\n"
		"        [--explain] [--kernel] [--format ip] [--] [to] DEST [from SRC] [oif DEV]\n"
		"        [iif DEV] [mark N] [uid N] [tos N] [ipproto P] [sport N] [dport N]\n"
		"  bestroute get [-j] [-t FILE]... [--nexthops] --batch FILE|-"},
	{"show", "show [-j|--json] [-p] [-t|--table FILE]... [--policy linux|windows] [-4|-6] [--all]"},
	{"snapshot", "snapshot [-4|-6] [--all]   (the live host as a table file)"},
	{"convert", "convert --to text|json|ip-batch [--policy linux|windows] [--all] FILE...\n"
		    "        (one table, from its files, in another format)"},
	{"verify", "verify [-4|-6] [--count N] [--seed S] [--max-seconds N]\n\t\t[--shapes plain,from-host,from-loopback,...] [-j] [-p]\n"
		   "        (ours against the kernel)"},
	{"route", "route add|change|replace|append|del ROUTE   (change the live host)"},
	{"monitor", "monitor [-j] [-4|-6] [--objects route,address,link,rule,nexthop] [--count N]\n"
		    "        (changes as they happen)"},
	{"help", "help | -h | --help | --version"},
};

static const char *usage_of(const char *cmd)
{
	size_t i;

	for (i = 0; i < sizeof(usages) / sizeof(usages[0]); i++)
		if (!strcmp(usages[i].name, cmd))
			return usages[i].usage;
	return NULL;
}

int cli_help(const char *cmd)
{
	printf("usage: bestroute %s\n", usage_of(cmd));
	return fflush(stdout) ? CLI_EXIT_USAGE : CLI_EXIT_OK;
}

int cli_usage_error(const char *cmd)
{
	fprintf(stderr, "usage: bestroute %s\n", usage_of(cmd));
	return CLI_EXIT_USAGE;
}

int cli_usage_all(FILE *f)
{
	size_t i;

	fprintf(f, "usage: bestroute COMMAND [OPTIONS] [ARGS]\n");
	for (i = 0; i < sizeof(usages) / sizeof(usages[0]); i++)
		fprintf(f, "  bestroute %s\n", usages[i].usage);
	fprintf(f, "Each COMMAND takes -h/--help. Exit status: 0 answered, 1 usage or "
		   "input error,\n2 the answer is an error (see bestroute(1)).\n");
	return f == stdout ? CLI_EXIT_OK : CLI_EXIT_USAGE;
}

int cli_help_known(const char *cmd)
{
	if (usage_of(cmd))
		return cli_help(cmd);
	cli_error("help: unknown command '%s'", cmd);
	return cli_usage_all(stderr);
}
