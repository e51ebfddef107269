/*
 * bestroute_wintypes.h - the Windows scalar types and calling-convention
 * names that the other headers of this folder share (not a Windows header).
 *
 * Sizes follow the 64-bit Windows ABI (LLP64): LONG and ULONG are 32 bits.
 * None of these names is used by POSIX headers, so a caller may include
 * <sys/socket.h> or <netinet/in.h> next to ours (see ws2def.h for what
 * changes then). 64-bit Windows' `long` is 32 bits: the typedefs below
 * say LONG/ULONG, never long.
 */
#ifndef BESTROUTE_WINTYPES_H
#define BESTROUTE_WINTYPES_H

#include <stddef.h>
#include <stdint.h>

/* The layout checks of these headers, in C11 and in C++11. */
#ifdef __cplusplus
#define BRT_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define BRT_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

#ifndef VOID
#define VOID void
#endif
#ifndef CONST
#define CONST const
#endif
#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

/* Calling conventions mean nothing on the x86-64 System V ABI. */
#ifndef WINAPI
#define WINAPI
#endif
#ifndef NTAPI
#define NTAPI
#endif
#ifndef CALLBACK
#define CALLBACK
#endif

/* SAL annotations that Microsoft's samples carry. */
#ifndef _In_
#define _In_
#define _In_opt_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Inout_opt_
#define _In_reads_(n)
#define _Out_writes_(n)
#define _Outptr_
#define _Success_(e)
#define _Must_inspect_result_
#endif
#ifndef IN
#define IN
#define OUT
#define OPTIONAL
#endif

typedef char CHAR;
typedef unsigned char UCHAR, BYTE, UINT8, *PUCHAR, *PBYTE, *LPBYTE, *PUINT8;
typedef unsigned char BOOLEAN, *PBOOLEAN;
typedef int16_t SHORT;
typedef uint16_t USHORT, WORD, UINT16, *PUSHORT, *PWORD, *LPWORD;
typedef int32_t INT, LONG, INT32, *PLONG;
typedef uint32_t UINT, ULONG, DWORD, UINT32, *PULONG, *PDWORD, *LPDWORD, *PUINT;
typedef uint32_t DWORD32, ULONG32, *PULONG32;
typedef int BOOL, *PBOOL, *LPBOOL;
typedef signed char INT8;
typedef int16_t INT16;
typedef int64_t LONG64, LONGLONG, INT64;
typedef uint64_t ULONG64, ULONGLONG, UINT64, DWORD64, *PULONG64;
typedef uintptr_t ULONG_PTR, DWORD_PTR, UINT_PTR;
typedef intptr_t LONG_PTR, INT_PTR;
typedef size_t SIZE_T, *PSIZE_T;
typedef void *PVOID, *LPVOID, *HANDLE, **PHANDLE;
typedef const void *LPCVOID, *PCVOID;
typedef char *PSTR, *LPSTR, *PCHAR, *LPCH;
typedef const char *PCSTR, *LPCSTR;
typedef LONG NTSTATUS, *PNTSTATUS;
typedef BYTE BOOLEAN_BYTE;
typedef const BYTE *PCBYTE;

/*
 * WCHAR is 16 bits, as on Windows. In C it is uint16_t, which is what
 * wchar_t is under -fshort-wchar (the flag `pkg-config --cflags
 * bestroute-winapi` gives), so L"eth0" passes for a PCWSTR. In C++
 * wchar_t is a type of its own: WCHAR is wchar_t under -fshort-wchar and
 * char16_t (u"eth0" literals) without it.
 */
#if defined(__cplusplus)
#if defined(__SIZEOF_WCHAR_T__) && __SIZEOF_WCHAR_T__ == 2
typedef wchar_t WCHAR;
#else
typedef char16_t WCHAR;
#endif
#else
typedef uint16_t WCHAR;
#endif
typedef WCHAR *PWSTR, *LPWSTR, *PWCHAR;
typedef const WCHAR *PCWSTR, *LPCWSTR;
BRT_STATIC_ASSERT(sizeof(WCHAR) == 2, "WCHAR is 16 bits");

/* Handles: opaque pointers, as on Windows. */
typedef struct HINSTANCE__ *HINSTANCE, *HMODULE;
typedef HANDLE HLOCAL, HGLOBAL;
/* Windows' FARPROC returns INT_PTR and takes unspecified arguments; a
 * void (*)(void) is the one function pointer type C and C++ compilers
 * let a program cast to its function's type without a warning. */
typedef void (*FARPROC)(void);
typedef FARPROC PROC, NEARPROC;
typedef LONG HRESULT;

#ifndef FAR
#define FAR
#define NEAR
#endif
#ifndef WSAAPI
#define WSAAPI
#endif
#ifndef APIENTRY
#define APIENTRY
#define PASCAL
#define WINAPIV
#endif

#define MAXBYTE 0xff
#define MAXWORD 0xffff
#define MAXDWORD 0xffffffffu
#define MAXULONG 0xffffffffu
#define MAXULONG64 ((ULONG64)~((ULONG64)0))

#ifndef ANY_SIZE
#define ANY_SIZE 1
#endif

#endif /* BESTROUTE_WINTYPES_H */
