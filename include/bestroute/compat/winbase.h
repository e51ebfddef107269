/*
 * winbase.h (bestroute) - the kernel32 functions code around the IP
 * Helper calls leans on, answered by libbestroute:
 *  - GetLastError/SetLastError: one value per thread (WSAGetLastError is
 *    the same value, as on Windows);
 *  - GetProcessHeap/HeapAlloc/HeapFree/LocalFree over malloc and free
 *    (one heap; a memory block from any of them may be freed by another
 *    but a program should not count on it);
 *  - FormatMessageA for the Win32 codes of winerror.h;
 *  - LoadLibraryA/GetModuleHandleA/GetProcAddress/FreeLibrary for the
 *    IP Helper and Winsock DLL names ("iphlpapi.dll", "iphlpapi",
 *    "ws2_32.dll", any case): GetProcAddress answers every function this
 *    folder declares; other modules are ERROR_MOD_NOT_FOUND.
 */
#ifndef _WINBASE_
#define _WINBASE_
#define BESTROUTE_WINBASE_H

#include <stdarg.h>

#include "bestroute_wintypes.h"
#include "winerror.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* The calling thread's last error (0 until something sets it). */
DWORD WINAPI GetLastError(void);
VOID WINAPI SetLastError(DWORD dwErrCode);

/* The Interlocked functions callbacks count with (sequentially
 * consistent, as Windows' full-barrier forms). */
static inline LONG InterlockedIncrement(LONG volatile *Addend)
{
	return __atomic_add_fetch(Addend, 1, __ATOMIC_SEQ_CST);
}

static inline LONG InterlockedDecrement(LONG volatile *Addend)
{
	return __atomic_sub_fetch(Addend, 1, __ATOMIC_SEQ_CST);
}

static inline LONG InterlockedExchange(LONG volatile *Target, LONG Value)
{
	return __atomic_exchange_n(Target, Value, __ATOMIC_SEQ_CST);
}

static inline LONG InterlockedCompareExchange(LONG volatile *Destination,
					      LONG Exchange, LONG Comparand)
{
	__atomic_compare_exchange_n(Destination, &Comparand, Exchange, 0,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return Comparand;
}

/* Suspend the calling thread for @dwMilliseconds (INFINITE: for ever). */
#define INFINITE 0xFFFFFFFF
VOID WINAPI Sleep(DWORD dwMilliseconds);

#define HEAP_NO_SERIALIZE 0x00000001
#define HEAP_GENERATE_EXCEPTIONS 0x00000004
#define HEAP_ZERO_MEMORY 0x00000008

/* The process heap: a handle HeapAlloc and HeapFree accept. */
HANDLE WINAPI GetProcessHeap(void);
/* @dwBytes from @hHeap (zeroed with HEAP_ZERO_MEMORY), or NULL: then the
 * last error is ERROR_NOT_ENOUGH_MEMORY, or ERROR_INVALID_HANDLE for a
 * heap that is not GetProcessHeap()'s. */
LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes);
/* Free @lpMem (NULL is fine): TRUE, or FALSE for a foreign heap. */
BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem);
/* Free what FormatMessageA allocated: NULL always. */
HLOCAL WINAPI LocalFree(HLOCAL hMem);

#define FORMAT_MESSAGE_ALLOCATE_BUFFER 0x00000100
#define FORMAT_MESSAGE_IGNORE_INSERTS 0x00000200
#define FORMAT_MESSAGE_FROM_STRING 0x00000400
#define FORMAT_MESSAGE_FROM_HMODULE 0x00000800
#define FORMAT_MESSAGE_FROM_SYSTEM 0x00001000
#define FORMAT_MESSAGE_ARGUMENT_ARRAY 0x00002000
#define FORMAT_MESSAGE_MAX_WIDTH_MASK 0x000000FF
#define LANG_NEUTRAL 0x00
#define SUBLANG_DEFAULT 0x01
#define MAKELANGID(p, s) ((((WORD)(s)) << 10) | (WORD)(p))

/*
 * FormatMessageA - the text of Win32 code @dwMessageId (with
 * FORMAT_MESSAGE_FROM_SYSTEM), ending in "\r\n" as Windows' does: into
 * @lpBuffer of @nSize bytes, or, with FORMAT_MESSAGE_ALLOCATE_BUFFER, into
 * a buffer stored at *(LPSTR *)@lpBuffer (at least @nSize bytes; free
 * with LocalFree). Returns the characters written without the NUL, or 0:
 * last error ERROR_MR_MID_NOT_FOUND for a code without text,
 * ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_PARAMETER (NULL buffer, no
 * FROM_SYSTEM) or ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD WINAPI FormatMessageA(DWORD dwFlags, LPCVOID lpSource,
			    DWORD dwMessageId, DWORD dwLanguageId,
			    LPSTR lpBuffer, DWORD nSize, va_list *Arguments);
#define FormatMessage FormatMessageA

/* The IP Helper and Winsock modules (see above); NULL and last error
 * ERROR_MOD_NOT_FOUND for any other name, ERROR_INVALID_PARAMETER for
 * NULL. A handle needs no FreeLibrary, which returns TRUE for ours. */
HMODULE WINAPI LoadLibraryA(LPCSTR lpLibFileName);
HMODULE WINAPI GetModuleHandleA(LPCSTR lpModuleName);
/* The function @lpProcName of module @hModule, or NULL: last error
 * ERROR_PROC_NOT_FOUND (a name we do not answer), ERROR_INVALID_HANDLE
 * (not one of our modules). Cast it to the function's pointer type. */
FARPROC WINAPI GetProcAddress(HMODULE hModule, LPCSTR lpProcName);
BOOL WINAPI FreeLibrary(HMODULE hLibModule);
#define LoadLibrary LoadLibraryA
#define GetModuleHandle GetModuleHandleA

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* _WINBASE_ */
