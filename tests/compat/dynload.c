/*
 * dynload.c - loading the IP Helper functions at run time, as programs
 * that also run on Windows versions without them do: LoadLibraryA of
 * "iphlpapi.dll", GetProcAddress of GetIpForwardTable2 and GetBestRoute2,
 * a fallback when absent, FreeLibrary. Checks the loader's errors
 * (unknown module, unknown function) and that the pointers are the very
 * functions the headers declare.
 * Keys: index (interface of the best route to 8.8.8.8).
 */
#include <Windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>

#include "expect.h"

typedef DWORD(WINAPI *PGETIPFORWARDTABLE2)(ADDRESS_FAMILY, PMIB_IPFORWARD_TABLE2 *);
typedef VOID(WINAPI *PFREEMIBTABLE)(PVOID);
typedef DWORD(WINAPI *PGETBESTROUTE2)(NET_LUID *, NET_IFINDEX,
				      const SOCKADDR_INET *,
				      const SOCKADDR_INET *, ULONG,
				      PMIB_IPFORWARD_ROW2, SOCKADDR_INET *);

int main(int argc, char **argv)
{
	HMODULE iphlpapi;
	PGETIPFORWARDTABLE2 pGetIpForwardTable2;
	PFREEMIBTABLE pFreeMibTable;
	PGETBESTROUTE2 pGetBestRoute2;
	PMIB_IPFORWARD_TABLE2 table = NULL;
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET dst, src;

	expect_init(argc, argv);
	iphlpapi = LoadLibraryA("iphlpapi.dll");
	expect_true("iphlpapi.dll loads", iphlpapi != NULL);
	if (!iphlpapi)
		return expect_done();
	pGetIpForwardTable2 = (PGETIPFORWARDTABLE2)GetProcAddress(
		iphlpapi, "GetIpForwardTable2");
	pFreeMibTable = (PFREEMIBTABLE)GetProcAddress(iphlpapi, "FreeMibTable");
	pGetBestRoute2 = (PGETBESTROUTE2)GetProcAddress(iphlpapi, "GetBestRoute2");
	expect_true("the functions resolve",
		    pGetIpForwardTable2 && pFreeMibTable && pGetBestRoute2);
	expect_true("to the functions the headers declare",
		    pGetIpForwardTable2 == &GetIpForwardTable2 &&
			    pGetBestRoute2 == &GetBestRoute2);
	if (!pGetIpForwardTable2 || !pFreeMibTable || !pGetBestRoute2)
		return expect_done();
	if (pGetIpForwardTable2(AF_UNSPEC, &table) == NO_ERROR) {
		PMIB_IPFORWARD_TABLE2 direct = NULL;

		printf("%lu routes\n", (unsigned long)table->NumEntries);
		expect_true("as many rows as a direct call gives",
			    GetIpForwardTable2(AF_UNSPEC, &direct) == NO_ERROR &&
				    direct->NumEntries == table->NumEntries);
		FreeMibTable(direct);
		pFreeMibTable(table);
	} else
		expect_true("GetIpForwardTable2 answered", 0);
	memset(&dst, 0, sizeof(dst));
	dst.Ipv4.sin_family = AF_INET;
	dst.Ipv4.sin_addr.s_addr = inet_addr("8.8.8.8");
	if (pGetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &src) == NO_ERROR)
		expect_num("index", row.InterfaceIndex);
	else
		expect_true("GetBestRoute2 answered", 0);

	expect_true("an unknown function is NULL",
		    GetProcAddress(iphlpapi, "GetNoSuchThing") == NULL &&
			    GetLastError() == ERROR_PROC_NOT_FOUND);
	expect_true("the module by another spelling",
		    GetModuleHandleA("IPHLPAPI") != NULL &&
			    LoadLibraryA("Iphlpapi.DLL") != NULL);
	expect_true("an unknown module is ERROR_MOD_NOT_FOUND",
		    LoadLibraryA("nosuch.dll") == NULL &&
			    GetLastError() == ERROR_MOD_NOT_FOUND);
	expect_true("FreeLibrary", FreeLibrary(iphlpapi));
	return expect_done();
}
