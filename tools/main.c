/* main.c - the bestroute tool: dispatch to a subcommand. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"get", cmd_get}, {"show", cmd_show}, {"snapshot", cmd_snapshot},
	{"convert", cmd_convert}, {"verify", cmd_verify}, {"route", cmd_route},
	{"monitor", cmd_monitor},
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

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int version(void)
{
	printf("bestroute %d.%d\n", BRT_VERSION_MAJOR, BRT_VERSION_MINOR);
	return fflush(stdout) ? CLI_EXIT_USAGE : CLI_EXIT_OK;
}

/* `ip -j -p route get`: the options ip takes before the object may come
 * before the command too; they are moved after it. */
static bool global_option(const char *a)
{
	static const char *const opts[] = {
		"-j", "--json", "-json", "-p", "--pretty", "-pretty", "-4", "-6",
	};
	size_t i;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (!strcmp(a, opts[i]))
			return true;
	return false;
}

static void move_globals(int argc, char **argv)
{
	int n = 1, i;
	char *cmd;

	while (n < argc && global_option(argv[n]))
		n++;
	if (n == 1 || n >= argc)
		return;
	cmd = argv[n];
	for (i = n; i > 1; i--)
		argv[i] = argv[i - 1];
	argv[1] = cmd;
}

int main(int argc, char **argv)
{
	const char *a;
	size_t i;

	move_globals(argc, argv);
	a = argc > 1 ? argv[1] : "";

	if (argc < 2)
		return cli_usage_all(stderr);
	if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "-help"))
		return cli_usage_all(stdout);
	if (!strcmp(a, "help"))
		return argc > 2 && strcmp(argv[2], "help") ? cli_help_known(argv[2])
							   : cli_usage_all(stdout);
	if (!strcmp(a, "--version") || !strcmp(a, "-V") || !strcmp(a, "-Version"))
		return version();
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(a, commands[i].name))
			return commands[i].run(argc - 2, argv + 2);
	cli_error("unknown command '%s'", a);
	return cli_usage_all(stderr);
}
