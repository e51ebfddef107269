/*
 * format_message.c - FormatMessageA for the Win32 codes our functions
 * return (FORMAT_MESSAGE_FROM_SYSTEM): Windows' wording of each, ending
 * in "\r\n" as Windows' messages do, into the caller's buffer or (with
 * FORMAT_MESSAGE_ALLOCATE_BUFFER) a new one freed with LocalFree.
 * FORMAT_MESSAGE_MAX_WIDTH_MASK drops the line end. Other sources
 * (FROM_STRING, FROM_HMODULE) are ERROR_INVALID_PARAMETER.
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

static const struct {
	DWORD code;
	const char *text;
} messages[] = {
	{NO_ERROR, "The operation completed successfully."},
	{ERROR_INVALID_FUNCTION, "Incorrect function."},
	{ERROR_FILE_NOT_FOUND, "The system cannot find the file specified."},
	{ERROR_ACCESS_DENIED, "Access is denied."},
	{ERROR_INVALID_HANDLE, "The handle is invalid."},
	{ERROR_NOT_ENOUGH_MEMORY,
	 "Not enough memory resources are available to process this command."},
	{ERROR_NOT_SUPPORTED, "The request is not supported."},
	{ERROR_INVALID_PARAMETER, "The parameter is incorrect."},
	{ERROR_BUFFER_OVERFLOW, "The file name is too long."},
	{ERROR_INSUFFICIENT_BUFFER,
	 "The data area passed to a system call is too small."},
	{ERROR_INVALID_NAME,
	 "The filename, directory name, or volume label syntax is incorrect."},
	{ERROR_MOD_NOT_FOUND, "The specified module could not be found."},
	{ERROR_PROC_NOT_FOUND, "The specified procedure could not be found."},
	{ERROR_NO_DATA, "The pipe is being closed."},
	{ERROR_CAN_NOT_COMPLETE, "Cannot complete this function."},
	{ERROR_NOT_FOUND, "Element not found."},
	{ERROR_NETWORK_UNREACHABLE,
	 "The network location cannot be reached. For information about "
	 "network troubleshooting, see Windows Help."},
	{ERROR_HOST_UNREACHABLE,
	 "The remote system is not reachable by the transport."},
	{ERROR_OBJECT_ALREADY_EXISTS, "The object already exists."},
};

static const char *message_of(DWORD code)
{
	size_t i;

	for (i = 0; i < sizeof(messages) / sizeof(messages[0]); i++)
		if (messages[i].code == code)
			return messages[i].text;
	return NULL;
}

/* The text into @out of @size bytes (or a new buffer): its length or 0. */
static DWORD put(DWORD flags, const char *text, LPSTR buffer, DWORD size)
{
	bool crlf = !(flags & FORMAT_MESSAGE_MAX_WIDTH_MASK);
	size_t n = strlen(text) + (crlf ? 2 : 0);
	char *out = buffer;

	if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
		out = malloc(n + 1 > size ? n + 1 : size);
		if (!out) {
			SetLastError(ERROR_NOT_ENOUGH_MEMORY);
			return 0;
		}
		*(LPSTR *)buffer = out;
	} else if (n + 1 > size) {
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return 0;
	}
	strcpy(out, text);
	if (crlf)
		strcat(out, "\r\n");
	return (DWORD)n;
}

DWORD WINAPI FormatMessageA(DWORD dwFlags, LPCVOID lpSource,
			    DWORD dwMessageId, DWORD dwLanguageId,
			    LPSTR lpBuffer, DWORD nSize, va_list *Arguments)
{
	const char *text;

	(void)lpSource;
	(void)dwLanguageId;
	(void)Arguments;
	if (!lpBuffer || !(dwFlags & FORMAT_MESSAGE_FROM_SYSTEM) ||
	    (dwFlags & (FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_FROM_HMODULE))) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return 0;
	}
	if (dwFlags & FORMAT_MESSAGE_ALLOCATE_BUFFER)
		*(LPSTR *)lpBuffer = NULL;
	text = message_of(dwMessageId);
	if (!text) {
		SetLastError(ERROR_MR_MID_NOT_FOUND);
		return 0;
	}
	return put(dwFlags, text, lpBuffer, nSize);
}
