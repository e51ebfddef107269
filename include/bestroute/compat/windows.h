/*
 * windows.h (bestroute) - the small part of <windows.h> that code calling
 * the IP Helper functions uses: scalar types, error codes, memory macros.
 */
#ifndef BESTROUTE_WINDOWS_H
#define BESTROUTE_WINDOWS_H

#include <string.h>

#include "bestroute_wintypes.h"
#include "winerror.h"

#ifndef ZeroMemory
#define ZeroMemory(p, n) memset((p), 0, (n))
#define SecureZeroMemory(p, n) memset((p), 0, (n))
#define CopyMemory(d, s, n) memcpy((d), (s), (n))
#define FillMemory(p, n, v) memset((p), (v), (n))
#endif

#ifndef MAKEWORD
#define MAKEWORD(lo, hi) ((WORD)(((BYTE)(lo)) | ((WORD)((BYTE)(hi))) << 8))
#define LOBYTE(w) ((BYTE)((w) & 0xff))
#define HIBYTE(w) ((BYTE)(((w) >> 8) & 0xff))
#endif

#endif /* BESTROUTE_WINDOWS_H */
