/* cmd_convert.c - placeholder, filled in below */
#include "cli.h"

int cmd_convert(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("convert: not yet");
	return CLI_EXIT_USAGE;
}
