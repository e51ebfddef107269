/*
 * WS2tcpip.h (bestroute) - <ws2tcpip.h> as Windows programs spell it (Windows'
 * file names are not case-sensitive; Linux's are).
 */
#include "ws2tcpip.h"
