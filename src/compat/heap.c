/*
 * heap.c - GetProcessHeap, HeapAlloc, HeapFree and LocalFree over malloc
 * and free. There is one heap, the process heap; its handle is the
 * address of a private byte, so no other handle passes for it.
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

static char process_heap;

HANDLE WINAPI GetProcessHeap(void)
{
	return &process_heap;
}

LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes)
{
	void *p;

	if (hHeap != &process_heap) {
		SetLastError(ERROR_INVALID_HANDLE);
		return NULL;
	}
	/* Windows hands out a block for 0 bytes too. */
	p = dwFlags & HEAP_ZERO_MEMORY ? calloc(1, dwBytes ? dwBytes : 1)
				       : malloc(dwBytes ? dwBytes : 1);
	if (!p)
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	return p;
}

BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem)
{
	(void)dwFlags;
	if (hHeap != &process_heap) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	free(lpMem);
	return TRUE;
}

HLOCAL WINAPI LocalFree(HLOCAL hMem)
{
	free(hMem);
	return NULL;
}
