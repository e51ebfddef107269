#!/bin/bash
# exports.sh - libbestroute.so exports exactly its public API: every
# dynamic symbol it defines is declared in a public header, and the
# headline entry points are there. Catches internal brt_* functions that
# leak (e.g. gcc's target_clones dispatchers ignore -fvisibility=hidden).
set -u
build=$1 src=$2
command -v nm >/dev/null || { echo "skip: nm missing"; exit 77; }
so=$build/libbestroute.so
[ -e "$so" ] || { echo "FAIL: $so not built"; exit 1; }
syms=$(nm -D --defined-only "$so" | awk '$3 !~ /^BESTROUTE_/ {sub(/@.*/, "", $3); print $3}' | sort -u)
fail=0
for s in $syms; do
	if ! grep -qw -- "$s" "$src"/include/bestroute/*.h "$src"/include/bestroute/compat/*.h; then
		echo "FAIL: $s is exported but declared in no public header"; fail=1
	fi
done
for s in brt_table_lookup brt_builder_load_text GetBestRoute2 GetBestRoute \
	GetIpForwardTable CreateIpForwardEntry SetIpForwardEntry DeleteIpForwardEntry \
	GetIpInterfaceEntry GetIpInterfaceTable InitializeIpInterfaceEntry SetIpInterfaceEntry \
	GetAdaptersAddresses GetAdaptersInfo GetUnicastIpAddressTable GetUnicastIpAddressEntry \
	ConvertInterfaceLuidToNameW ConvertInterfaceNameToLuidW ConvertInterfaceLuidToAlias \
	ConvertInterfaceAliasToLuid ConvertInterfaceLuidToGuid ConvertInterfaceGuidToLuid \
	WSAStartup WSACleanup WSAGetLastError WSASetLastError InetPtonW InetNtopW \
	brt_winsock_inet_pton brt_winsock_inet_ntop brt_netio_if_nametoindex brt_netio_if_indextoname \
	GetLastError SetLastError GetProcessHeap HeapAlloc HeapFree LocalFree FormatMessageA \
	LoadLibraryA GetModuleHandleA GetProcAddress FreeLibrary Sleep; do
	grep -qx -- "$s" <<<"$syms" || { echo "FAIL: $s not exported"; fail=1; }
done
n=$(wc -l <<<"$syms")
[ $fail = 0 ] && echo "ok: $n exported symbols, all public"
exit $fail
