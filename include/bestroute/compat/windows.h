/*
 * windows.h (bestroute) - the small part of <windows.h> that code
 * calling the IP Helper functions uses: types (windef.h), error codes
 * (winerror.h), kernel32 basics (winbase.h), the C runtime's secure and
 * underscore names (bestroute_crt.h) and, unless WIN32_LEAN_AND_MEAN is
 * defined, Winsock (as <windows.h> brings in winsock.h on Windows).
 */
#ifndef _WINDOWS_
#define _WINDOWS_
#define BESTROUTE_WINDOWS_H

#include "bestroute_wintypes.h"
#include "windef.h"
#include "winerror.h"
#include "winbase.h"
#include "bestroute_crt.h"

#ifndef WIN32_LEAN_AND_MEAN
#include "winsock2.h"
#endif

#endif /* _WINDOWS_ */
