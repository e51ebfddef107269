/* cmd_show.c - placeholder. */
#include "cli.h"
int cmd_show(int argc, char **argv)
{
	(void)argc, (void)argv;
	cli_error("show: not built yet");
	return 1;
}
