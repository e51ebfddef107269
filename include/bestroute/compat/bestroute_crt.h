/*
 * bestroute_crt.h - the Microsoft C runtime names that Windows samples
 * around the IP Helper calls use (not a Windows header: MSVC has them in
 * <stdlib.h>, <string.h> and <stdio.h>): _countof, strcpy_s, strcat_s,
 * sprintf_s, _snprintf, _stricmp. The _s forms check as the CRT does,
 * without its invalid-parameter handler: they return EINVAL (NULL
 * pointer, zero size) or ERANGE (too long) and leave an empty string.
 */
#ifndef BESTROUTE_CRT_H
#define BESTROUTE_CRT_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#ifndef _countof
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#endif

typedef int errno_t;
typedef size_t rsize_t;

static inline errno_t brt_crt_strcpy_s(char *dst, size_t size,
					const char *src)
{
	size_t n;

	if (!dst || !size)
		return EINVAL;
	if (!src) {
		dst[0] = 0;
		return EINVAL;
	}
	n = strlen(src);
	if (n >= size) {
		dst[0] = 0;
		return ERANGE;
	}
	memcpy(dst, src, n + 1);
	return 0;
}

static inline errno_t brt_crt_strcat_s(char *dst, size_t size,
					const char *src)
{
	size_t have;

	if (!dst || !size)
		return EINVAL;
	for (have = 0; have < size && dst[have]; have++)
		;
	if (have == size || !src) {
		dst[0] = 0;
		return EINVAL;
	}
	if (brt_crt_strcpy_s(dst + have, size - have, src)) {
		dst[0] = 0;
		return ERANGE;
	}
	return 0;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static inline int brt_crt_sprintf_s(char *dst, size_t size, const char *fmt,
				    ...)
{
	va_list ap;
	int n;

	if (!dst || !size || !fmt)
		return -1;
	va_start(ap, fmt);
	n = vsnprintf(dst, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size) {
		dst[0] = 0;
		return -1;
	}
	return n;
}

/* _snprintf: like snprintf, but -1 (and no NUL) when the text is cut. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static inline int brt_crt_snprintf(char *dst, size_t size, const char *fmt,
				   ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(dst, size, fmt, ap);
	va_end(ap);
	return n < 0 || (size_t)n >= size ? -1 : n;
}

#ifdef __cplusplus
/* C++: the template forms take the array's size. */
template <size_t N>
static inline errno_t strcpy_s(char (&dst)[N], const char *src)
{
	return brt_crt_strcpy_s(dst, N, src);
}
static inline errno_t strcpy_s(char *dst, size_t size, const char *src)
{
	return brt_crt_strcpy_s(dst, size, src);
}
template <size_t N>
static inline errno_t strcat_s(char (&dst)[N], const char *src)
{
	return brt_crt_strcat_s(dst, N, src);
}
static inline errno_t strcat_s(char *dst, size_t size, const char *src)
{
	return brt_crt_strcat_s(dst, size, src);
}
#else
#define strcpy_s brt_crt_strcpy_s
#define strcat_s brt_crt_strcat_s
#endif
#define sprintf_s brt_crt_sprintf_s
#define _snprintf brt_crt_snprintf
#define _stricmp strcasecmp
#define _strnicmp strncasecmp
#define _strdup strdup

#endif /* BESTROUTE_CRT_H */
