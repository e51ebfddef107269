/*
 * adapters_list.c - adapter listing as Microsoft's GetAdaptersAddresses
 * sample and resolver libraries do it: a 15 KB first guess, retried with
 * the size ERROR_BUFFER_OVERFLOW reports, prefixes and gateways asked
 * for, every adapter walked through its linked lists; then the older
 * GetAdaptersInfo for the same IPv4 adapters. Checks the adapter the case
 * names: its index, an address and its prefix length, its gateway, its
 * IPv4 metric, the GUID in AdapterName (that of ConvertInterfaceLuidToGuid),
 * that GetAdaptersInfo has it with the same address, and that the
 * unicast address table (GetUnicastIpAddressTable/Entry) has it too, and
 * GetIfEntry2/GetIfTable2 agree.
 * Keys: name, index, addr (ADDR/LEN among its unicast addresses), gw,
 * metric, count (adapters listed for AF_UNSPEC).
 */
#include <WinSock2.h>
#include <WS2tcpip.h>
#include <IPHlpApi.h>
#include <stdio.h>

#include "expect.h"

#define WORKING_BUFFER_SIZE 15000
#define MAX_TRIES 3
#define MALLOC(x) HeapAlloc(GetProcessHeap(), 0, (x))
#define FREE(x) HeapFree(GetProcessHeap(), 0, (x))

static void narrow(const WCHAR *w, char *out, size_t len)
{
	size_t i;

	for (i = 0; w && w[i] && i + 1 < len; i++)
		out[i] = (char)w[i];
	out[i] = 0;
}

static void sockaddr_text(const SOCKET_ADDRESS *s, char *out, size_t len)
{
	const SOCKADDR *sa = s->lpSockaddr;

	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const SOCKADDR_IN *)sa)->sin_addr, out, len);
	else
		inet_ntop(AF_INET6, &((const SOCKADDR_IN6 *)sa)->sin6_addr, out, len);
}

static void check_info(const char *name, const char *addr)
{
	PIP_ADAPTER_INFO info = NULL, p;
	ULONG size = 0;
	int found = 0;

	if (GetAdaptersInfo(NULL, &size) != ERROR_BUFFER_OVERFLOW) {
		expect_true("GetAdaptersInfo sizing", 0);
		return;
	}
	info = (PIP_ADAPTER_INFO)MALLOC(size);
	if (!info || GetAdaptersInfo(info, &size) != NO_ERROR) {
		expect_true("GetAdaptersInfo", 0);
		return;
	}
	for (p = info; p; p = p->Next) {
		const IP_ADDR_STRING *a;

		if (strcmp(p->Description, name))
			continue;
		for (a = &p->IpAddressList; a; a = a->Next)
			if (!strncmp(a->IpAddress.String, addr, strlen(a->IpAddress.String)) &&
			    addr[strlen(a->IpAddress.String)] == '/')
				found = 1;
	}
	expect_true("GetAdaptersInfo lists the adapter with the address", found);
	FREE(info);
}

/* The address ADDR/LEN of @index in the unicast table, and by entry. */
static void check_unicast(NET_IFINDEX index, const char *addr)
{
	PMIB_UNICASTIPADDRESS_TABLE t;
	MIB_UNICASTIPADDRESS_ROW row;
	char text[INET6_ADDRSTRLEN], buf[96];
	ULONG i;
	int found = 0;

	if (GetUnicastIpAddressTable(AF_UNSPEC, &t) != NO_ERROR) {
		expect_true("GetUnicastIpAddressTable", 0);
		return;
	}
	for (i = 0; i < t->NumEntries; i++) {
		const MIB_UNICASTIPADDRESS_ROW *r = &t->Table[i];

		if (r->InterfaceIndex != index)
			continue;
		if (r->Address.si_family == AF_INET)
			inet_ntop(AF_INET, &r->Address.Ipv4.sin_addr, text, sizeof(text));
		else
			inet_ntop(AF_INET6, &r->Address.Ipv6.sin6_addr, text, sizeof(text));
		snprintf(buf, sizeof(buf), "%s/%u", text,
			 (unsigned)r->OnLinkPrefixLength);
		if (strcmp(buf, addr))
			continue;
		found = 1;
		memset(&row, 0, sizeof(row));
		row.Address = r->Address;
		row.InterfaceLuid = r->InterfaceLuid;
		expect_true("GetUnicastIpAddressEntry finds it",
			    GetUnicastIpAddressEntry(&row) == NO_ERROR &&
				    row.InterfaceIndex == index &&
				    row.DadState == IpDadStatePreferred);
	}
	expect_true("the unicast table has the address", found);
	FreeMibTable(t);
}

int main(int argc, char **argv)
{
	PIP_ADAPTER_ADDRESSES addrs = NULL, cur;
	ULONG size = WORKING_BUFFER_SIZE, flags = GAA_FLAG_INCLUDE_PREFIX |
						    GAA_FLAG_INCLUDE_GATEWAYS;
	DWORD rc = 0;
	int tries = 0, seen = 0, count = 0;
	const char *name, *want_addr;
	char text[INET6_ADDRSTRLEN], friendly[64], buf[96];

	expect_init(argc, argv);
	name = expect_value("name");
	want_addr = expect_value("addr");
	do {
		addrs = (IP_ADAPTER_ADDRESSES *)MALLOC(size);
		if (!addrs)
			return 1;
		rc = GetAdaptersAddresses(AF_UNSPEC, flags, NULL, addrs, &size);
		if (rc == ERROR_BUFFER_OVERFLOW) {
			FREE(addrs);
			addrs = NULL;
		}
	} while (rc == ERROR_BUFFER_OVERFLOW && ++tries < MAX_TRIES);
	expect_true("GetAdaptersAddresses", rc == NO_ERROR);
	if (rc != NO_ERROR)
		return expect_done();
	for (cur = addrs; cur; cur = cur->Next) {
		PIP_ADAPTER_UNICAST_ADDRESS u;
		GUID g;
		char gtext[40];

		count++;
		narrow(cur->FriendlyName, friendly, sizeof(friendly));
		printf("%s (%s) if %lu/%lu type %lu mtu %lu\n", friendly,
		       cur->AdapterName, (unsigned long)cur->IfIndex,
		       (unsigned long)cur->Ipv6IfIndex, (unsigned long)cur->IfType,
		       (unsigned long)cur->Mtu);
		if (!name || strcmp(friendly, name))
			continue;
		seen = 1;
		expect_num("index", cur->IfIndex);
		if (want_addr)
			check_unicast(cur->IfIndex ? cur->IfIndex : cur->Ipv6IfIndex,
				      want_addr);
		expect_num("metric", cur->Ipv4Metric);
		for (u = cur->FirstUnicastAddress; u; u = u->Next) {
			sockaddr_text(&u->Address, text, sizeof(text));
			snprintf(buf, sizeof(buf), "%s/%u", text,
				 (unsigned)u->OnLinkPrefixLength);
			if (want_addr && !strcmp(buf, want_addr))
				want_addr = NULL;
		}
		if (cur->FirstGatewayAddress) {
			sockaddr_text(&cur->FirstGatewayAddress->Address, text,
				      sizeof(text));
			expect_str("gw", text);
		} else
			expect_str("gw", "none");
		expect_true("prefixes listed", cur->FirstPrefix != NULL);
		{
			MIB_IF_ROW2 ifrow;
			char alias[64];

			memset(&ifrow, 0, sizeof(ifrow));
			ifrow.InterfaceLuid = cur->Luid;
			expect_true("GetIfEntry2 by its LUID",
				    GetIfEntry2(&ifrow) == NO_ERROR);
			narrow(ifrow.Alias, alias, sizeof(alias));
			expect_true("GetIfEntry2 agrees (alias, index, MTU, state)",
				    !strcmp(alias, friendly) &&
					    ifrow.InterfaceIndex == cur->IfIndex &&
					    ifrow.Mtu == cur->Mtu &&
					    ifrow.OperStatus == cur->OperStatus);
		}
		expect_true("the GUID of its LUID",
			    ConvertInterfaceLuidToGuid(&cur->Luid, &g) == NO_ERROR);
		snprintf(gtext, sizeof(gtext), "{%08lX-%04X-%04X-%02X%02X-",
			 (unsigned long)g.Data1, g.Data2, g.Data3, g.Data4[0],
			 g.Data4[1]);
		expect_true("is the AdapterName",
			    !strncmp(cur->AdapterName, gtext, strlen(gtext)));
	}
	expect_true("the adapter named is listed", !name || seen);
	if (want_addr)
		expect_fail("addr", "missing", want_addr);
	expect_num("count", (unsigned long)count);
	{
		PMIB_IF_TABLE2 ift = NULL;

		expect_true("GetIfTable2 lists as many interfaces",
			    GetIfTable2(&ift) == NO_ERROR &&
				    ift->NumEntries == (ULONG)count);
		FreeMibTable(ift);
	}
	FREE(addrs);
	size = 0;
	expect_true("a NULL buffer tells the size",
		    GetAdaptersAddresses(AF_INET, 0, NULL, NULL, &size) ==
				    ERROR_BUFFER_OVERFLOW &&
			    size >= sizeof(IP_ADAPTER_ADDRESSES));
	expect_true("a bad family is ERROR_INVALID_PARAMETER",
		    GetAdaptersAddresses(99, 0, NULL, NULL, &size) ==
			    ERROR_INVALID_PARAMETER);
	if (name && expect_value("addr") && strchr(expect_value("addr"), '.'))
		check_info(name, expect_value("addr"));
	return expect_done();
}
