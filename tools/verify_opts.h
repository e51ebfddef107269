/* verify_opts.h - the options of `bestroute verify` (verify_opts.c). */
#ifndef BRT_TOOLS_VERIFY_OPTS_H
#define BRT_TOOLS_VERIFY_OPTS_H

#include <stdbool.h>
#include <stdint.h>

struct verify_opts {
	unsigned long count;		/* destinations to check (default 1000) */
	unsigned long max_seconds;	/* stop after this long; 0: no bound */
	uint64_t seed;
	int family;			/* -4/-6: only this family; 0 both */
	uint32_t shapes;		/* bit set of enum verify_shape (--shapes) */
	bool json, pretty;
};

/* Parse argv: 0, CLI_OPT_HELP, or CLI_OPT_ERROR with a message printed. */
int verify_opts_parse(int argc, char **argv, struct verify_opts *o);

#endif
