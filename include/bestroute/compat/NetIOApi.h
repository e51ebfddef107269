/*
 * NetIOApi.h (bestroute) - <netioapi.h> as Windows programs spell it (Windows'
 * file names are not case-sensitive; Linux's are).
 */
#include "netioapi.h"
