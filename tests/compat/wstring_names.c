/*
 * wstring_names.c - interface names as Windows programs keep them: wide
 * strings (L"..." literals, 16-bit under -fshort-wchar), GUIDs stored to
 * find an adapter again later. Name -> LUID -> index -> LUID -> name and
 * alias in W strings, the GUID of a LUID and back, if_nametoindex and
 * if_indextoname, and the documented failures (unknown name, short
 * buffer, NULL arguments).
 * Keys: name (an interface, given in ASCII and turned into a wide
 * string here), index (its index).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include "expect.h"

static int wide_equal(const WCHAR *a, const WCHAR *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int main(int argc, char **argv)
{
	static const WCHAR lo_literal[] = L"lo";	/* a W literal */
	const char *name;
	WCHAR wname[IF_MAX_STRING_SIZE + 1], back[IF_MAX_STRING_SIZE + 1];
	WCHAR tiny[2];
	NET_LUID luid, luid2;
	NET_IFINDEX index = 0;
	GUID guid, guid2;
	char ascii[IF_NAMESIZE];
	size_t i;

	expect_init(argc, argv);
	expect_true("a W literal is 16-bit", sizeof(lo_literal[0]) == 2);
	name = expect_value("name");
	if (!name) {
		expect_true("name given", 0);
		return expect_done();
	}
	for (i = 0; name[i] && i < IF_MAX_STRING_SIZE; i++)
		wname[i] = (WCHAR)name[i];
	wname[i] = 0;
	expect_true("ConvertInterfaceNameToLuidW",
		    ConvertInterfaceNameToLuidW(wname, &luid) == NO_ERROR);
	expect_true("ConvertInterfaceLuidToIndex",
		    ConvertInterfaceLuidToIndex(&luid, &index) == NO_ERROR);
	expect_num("index", index);
	expect_true("ConvertInterfaceLuidToNameW gives the name back",
		    ConvertInterfaceLuidToNameW(&luid, back, _countof(back)) ==
				    NO_ERROR &&
			    wide_equal(back, wname));
	expect_true("ConvertInterfaceAliasToLuid agrees",
		    ConvertInterfaceAliasToLuid(wname, &luid2) == NO_ERROR &&
			    luid2.Value == luid.Value);
	expect_true("ConvertInterfaceLuidToAlias",
		    ConvertInterfaceLuidToAlias(&luid, back, _countof(back)) ==
				    NO_ERROR &&
			    wide_equal(back, wname));
	expect_true("the GUID of the LUID",
		    ConvertInterfaceLuidToGuid(&luid, &guid) == NO_ERROR);
	expect_true("is the same each time",
		    ConvertInterfaceLuidToGuid(&luid, &guid2) == NO_ERROR &&
			    !memcmp(&guid, &guid2, sizeof(guid)));
	expect_true("and leads back to the LUID",
		    ConvertInterfaceGuidToLuid(&guid, &luid2) == NO_ERROR &&
			    luid2.Value == luid.Value);
	printf("%s: index %lu guid {%08lX-%04X-%04X-...}\n", name,
	       (unsigned long)index, (unsigned long)guid.Data1, guid.Data2,
	       guid.Data3);
	expect_true("if_nametoindex", if_nametoindex(name) == index);
	expect_true("if_indextoname",
		    if_indextoname(index, ascii) && !strcmp(ascii, name));
	expect_true("the loopback by its W literal",
		    ConvertInterfaceNameToLuidW(lo_literal, &luid2) == NO_ERROR ||
			    ConvertInterfaceNameToLuidW(L"Loopback", &luid2) ==
				    NO_ERROR);

	expect_true("unknown name: ERROR_INVALID_NAME",
		    ConvertInterfaceNameToLuidW(L"no-such-if", &luid2) ==
				    ERROR_INVALID_NAME &&
			    luid2.Value == 0);
	expect_true("short buffer: ERROR_NOT_ENOUGH_MEMORY",
		    ConvertInterfaceLuidToNameW(&luid, tiny, _countof(tiny)) ==
			    ERROR_NOT_ENOUGH_MEMORY);
	expect_true("NULL alias: ERROR_INVALID_PARAMETER",
		    ConvertInterfaceAliasToLuid(NULL, &luid2) ==
			    ERROR_INVALID_PARAMETER);
	guid.Data1 ^= 1;
	expect_true("unknown GUID: ERROR_FILE_NOT_FOUND",
		    ConvertInterfaceGuidToLuid(&guid, &luid2) ==
			    ERROR_FILE_NOT_FOUND);
	expect_true("if_nametoindex of an unknown name is 0",
		    if_nametoindex("no-such-if") == 0);
	return expect_done();
}
