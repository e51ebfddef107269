/* cli.h - the bestroute command-line tool: one file per subcommand. */
#ifndef BRT_TOOLS_CLI_H
#define BRT_TOOLS_CLI_H

#include "bestroute/bestroute.h"

/* Each subcommand gets argv after its own name; returns the exit status. */
int cmd_get(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_snapshot(int argc, char **argv);

/* Print "bestroute: " and a message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
