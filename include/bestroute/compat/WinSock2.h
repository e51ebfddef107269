/*
 * WinSock2.h (bestroute) - <winsock2.h> as Windows programs spell it (Windows'
 * file names are not case-sensitive; Linux's are).
 */
#include "winsock2.h"
