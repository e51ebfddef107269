/*
 * Iphlpapi.h (bestroute) - <iphlpapi.h> as Windows programs spell it (Windows'
 * file names are not case-sensitive; Linux's are).
 */
#include "iphlpapi.h"
