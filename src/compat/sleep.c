/*
 * sleep.c - Sleep, which programs waiting for a notification call. A
 * signal does not cut it short: the rest of the time is slept.
 */
#include <errno.h>
#include <time.h>

#include "compat.h"

VOID WINAPI Sleep(DWORD dwMilliseconds)
{
	struct timespec ts, rest;

	if (dwMilliseconds == INFINITE) {
		for (;;)
			Sleep(3600 * 1000);
	}
	ts.tv_sec = dwMilliseconds / 1000;
	ts.tv_nsec = (long)(dwMilliseconds % 1000) * 1000000L;
	while (nanosleep(&ts, &rest) && errno == EINTR)
		ts = rest;
}
