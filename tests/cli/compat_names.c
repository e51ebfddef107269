/*
 * compat_names.c - every function, type, constant and header spelling that
 * issue 21 lists, named once, so a missing or misspelt one fails to build.
 * tests/cli/compat_names.sh compiles it with plain cc and c++ and only
 * -I include/bestroute/compat (no defines); it runs nothing.
 */
#include <Windows.h>
#include <WinSock2.h>
#include <WS2tcpip.h>
#include <IPHlpApi.h>
#include <Iphlpapi.h>
#include <NetIOApi.h>
#include <mstcpip.h>
#include <windef.h>
#include <winerror.h>
#include <ifdef.h>
#include <ipmib.h>
#include <iptypes.h>
#include <ifmib.h>

typedef void (*fn)(void);
#define F(x) (fn)(x)

static const fn functions[] = {
	F(GetIpForwardTable), F(CreateIpForwardEntry), F(SetIpForwardEntry),
	F(DeleteIpForwardEntry), F(GetBestRoute), F(GetBestRoute2),
	F(GetBestInterfaceEx), F(GetIpInterfaceEntry), F(GetIpInterfaceTable),
	F(InitializeIpInterfaceEntry), F(SetIpInterfaceEntry), F(inet_addr),
	F(inet_ntoa), F(InetPtonA), F(InetPtonW), F(InetNtopA), F(InetNtopW),
	F(WSAStartup), F(WSACleanup), F(WSAGetLastError),
	F(GetAdaptersAddresses), F(GetAdaptersInfo), F(GetUnicastIpAddressTable),
	F(GetUnicastIpAddressEntry), F(GetIfEntry2), F(GetIfTable2),
	F(NotifyIpInterfaceChange), F(NotifyUnicastIpAddressChange),
	F(CancelMibChangeNotify2), F(FreeMibTable),
	F(ConvertInterfaceLuidToNameW), F(ConvertInterfaceNameToLuidW),
	F(ConvertInterfaceLuidToAlias), F(ConvertInterfaceAliasToLuid),
	F(ConvertInterfaceLuidToGuid), F(ConvertInterfaceGuidToLuid),
	F(ConvertInterfaceIndexToLuid), F(GetLastError), F(SetLastError),
	F(HeapAlloc), F(HeapFree), F(GetProcessHeap), F(LocalFree),
	F(FormatMessageA), F(LoadLibraryA), F(GetModuleHandleA),
	F(GetProcAddress), F(FreeLibrary),
};

int compat_names_use(void);
int compat_names_use(void)
{
	IN_ADDR a;
	IN6_ADDR a6;
	SOCKADDR_IN s4;
	SOCKADDR_IN6 s6;
	SOCKADDR_INET si;
	SOCKADDR_STORAGE ss;
	ADDRESS_FAMILY fam = AF_INET;
	SCOPE_ID scope;
	MIB_IPFORWARDTABLE *t1 = NULL;
	MIB_IPFORWARDROW r1;
	MIB_IPINTERFACE_ROW ir;
	IP_ADAPTER_ADDRESSES *aa = NULL;
	IP_ADAPTER_INFO *ai = NULL;
	MIB_UNICASTIPADDRESS_ROW ur;
	MIB_IF_ROW2 ifr;
	GUID g;
	NET_IFINDEX ni = 0;
	IF_INDEX ix = 0;
	WCHAR w = 0;
	char buf[32];
	unsigned long n = 0;

	ZeroMemory(&ir, sizeof ir);
	ZeroMemory(&a6, sizeof a6);
	a.S_un.S_addr = htonl(1);
	a.S_un.S_un_b.s_b1 = 1;
	a.S_un.S_un_w.s_w1 = htons(1);
	a6.u.Byte[0] = 0;
	a6.u.Word[0] = 0;
	s4.sin_addr = a;
	s6.sin6_scope_id = 0;
	s6.sin6_scope_struct.Zone = 0;
	si.si_family = fam;
	ss.ss_family = fam;
	scope.Value = 0;
	r1.dwForwardType = MIB_IPROUTE_TYPE_INDIRECT;
	r1.ForwardType = MIB_IPROUTE_TYPE_DIRECT;
	r1.dwForwardProto = MIB_IPPROTO_NETMGMT;
	r1.ForwardProto = MIB_IPPROTO_LOCAL;
	ir.Metric = ir.UseAutomaticMetric + ir.Connected + ir.NlMtu +
		    ir.SitePrefixLength + ir.DisableDefaultRoutes;
	n += sizeof(aa->IfIndex) + sizeof(aa->Ipv6IfIndex) + sizeof(aa->Luid) +
	     sizeof(aa->AdapterName) + sizeof(aa->FriendlyName) +
	     sizeof(aa->Description) + sizeof(aa->PhysicalAddress) +
	     sizeof(aa->OperStatus) + sizeof(aa->IfType) + sizeof(aa->Mtu) +
	     sizeof(aa->Ipv4Metric) + sizeof(aa->Ipv6Metric) +
	     sizeof(aa->FirstUnicastAddress) + sizeof(aa->FirstAnycastAddress) +
	     sizeof(aa->FirstMulticastAddress) +
	     sizeof(aa->FirstDnsServerAddress) +
	     sizeof(aa->FirstGatewayAddress) + sizeof(aa->FirstPrefix);
	n += GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST |
	     GAA_FLAG_SKIP_DNS_SERVER | GAA_FLAG_INCLUDE_GATEWAYS |
	     GAA_FLAG_INCLUDE_PREFIX;
	n += sizeof(*ai) + sizeof(ur) + sizeof(ifr) + sizeof(g) + ni + ix +
	     sizeof(t1->table[0]) + MAXDWORD + ANY_SIZE + sizeof(w) +
	     ERROR_INSUFFICIENT_BUFFER + ERROR_BUFFER_OVERFLOW +
	     ERROR_INVALID_PARAMETER + ERROR_NOT_FOUND + NO_ERROR +
	     STATUS_SUCCESS + _countof(buf);
	strcpy_s(buf, sizeof buf, "x");
	sprintf_s(buf, sizeof buf, "%d", 1);
	_snprintf(buf, sizeof buf, "%d", 2);
	n += if_nametoindex("lo") + (if_indextoname(1, buf) != NULL);
	n += ntohl(htonl(1)) + ntohs(htons(1)) + a6.u.Byte[0];
	n += (unsigned long)sizeof(s4) + sizeof(s6) + sizeof(si) + sizeof(ss) +
	     sizeof(scope) + sizeof(r1) + sizeof(ir);
	return (int)n + (int)sizeof(functions);
}
