/* cmd_get.c - placeholder. */
#include "cli.h"
int cmd_get(int argc, char **argv)
{
	(void)argc, (void)argv;
	cli_error("get: not built yet");
	return 1;
}
