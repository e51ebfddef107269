/*
 * options.c - the options of every subcommand, parsed as iproute2 users
 * expect: "--name value", "--name=value", a short alias ("-j", "-t FILE"),
 * the single-dash long form `ip` also takes ("-json"), "-h"/"--help", and
 * "--" ending the options (so a word after it may start with a dash).
 * Counts are checked here once: digits only, not zero, not absurd.
 *
 * Messages name the real problem ("--batch needs a file", "unknown option
 * '--bogus'") and point at CMD --help; every usage error exits 1.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct cli_opt *find_long(const struct cli_opt *opts, const char *name,
				       size_t len)
{
	for (; opts->name; opts++)
		if (strlen(opts->name) == len && !strncmp(opts->name, name, len))
			return opts;
	return NULL;
}

static const struct cli_opt *find_short(const struct cli_opt *opts, char c)
{
	for (; opts->name; opts++)
		if (opts->short_name && opts->short_name == c)
			return opts;
	return NULL;
}

/* Which option @a names; *inline_val is the text after '=' (or NULL). */
static const struct cli_opt *lookup(const struct cli_opt *opts, const char *a,
				    const char **inline_val)
{
	const char *name = a + (a[1] == '-' ? 2 : 1), *eq = strchr(name, '=');
	const struct cli_opt *o;

	*inline_val = NULL;
	if (a[1] != '-' && a[2] == 0)
		return find_short(opts, a[1]);
	o = find_long(opts, name, eq ? (size_t)(eq - name) : strlen(name));
	if (o && eq)
		*inline_val = eq + 1;
	return o;
}

int cli_opt_next(const char *cmd, const struct cli_opt *opts, int argc,
		 char **argv, int *i, const char **val)
{
	const struct cli_opt *o;
	const char *a, *iv;

	*val = NULL;
	if (*i >= argc)
		return CLI_OPT_END;
	a = argv[*i];
	if (a[0] != '-' || !a[1])
		return CLI_OPT_END;
	if (!strcmp(a, "--")) {
		++*i;
		return CLI_OPT_END;
	}
	if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "-help"))
		return CLI_OPT_HELP;
	o = lookup(opts, a, &iv);
	if (!o) {
		cli_error("%s: unknown option '%s'", cmd, a);
		return cli_try_help(cmd), CLI_OPT_ERROR;
	}
	++*i;
	if (!o->arg) {
		if (iv) {
			cli_error("%s: --%s takes no value", cmd, o->name);
			return cli_try_help(cmd), CLI_OPT_ERROR;
		}
		return o->id;
	}
	if (!iv && *i >= argc) {
		cli_error("%s: %s needs %s", cmd, a, o->arg);
		return cli_try_help(cmd), CLI_OPT_ERROR;
	}
	*val = iv ? iv : argv[(*i)++];
	return o->id;
}

void cli_try_help(const char *cmd)
{
	fprintf(stderr, "Try 'bestroute %s --help'.\n", cmd);
}

int cli_count(const char *cmd, const char *opt, const char *v, unsigned long max,
	      unsigned long *out)
{
	const char *p;
	char *end;

	for (p = v; *p >= '0' && *p <= '9'; p++)
		;
	if (!*v || *p) {
		cli_error("%s: %s wants a positive whole number, not '%s'", cmd, opt, v);
		return -1;
	}
	errno = 0;
	*out = strtoul(v, &end, 10);
	if (!*out) {
		cli_error("%s: %s must be at least 1", cmd, opt);
		return -1;
	}
	if (errno || *out > max) {
		cli_error("%s: %s %s is too large (at most %lu)", cmd, opt, v, max);
		return -1;
	}
	return 0;
}
