/*
 * wstring.c - 16-bit (WCHAR) strings to and from ASCII, for the W forms
 * of the functions. Interface names, aliases and address text are ASCII
 * on Linux; a W string with another character names nothing we have.
 */
#include "compat.h"

int compat_narrow(const WCHAR *w, char *out, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (w[i] > 0x7e || (w[i] && w[i] < 0x20))
			return -1;
		out[i] = (char)w[i];
		if (!w[i])
			return (int)i;
	}
	return -1;
}

int compat_widen(const char *s, WCHAR *out, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		out[i] = (WCHAR)(unsigned char)s[i];
		if (!s[i])
			return (int)i;
	}
	return -1;
}
