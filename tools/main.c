/* main.c - placeholder CLI. */
#include <stdio.h>
#include "bestroute/bestroute.h"

int main(void)
{
	fprintf(stderr, "bestroute: not built yet\n");
	return 1;
}
