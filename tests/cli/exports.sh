#!/bin/bash
# exports.sh - libbestroute.so exports exactly its public API:
#  - the dynamic symbols it defines are exactly the names that
#    src/libbestroute.map lists as global (no glob there: one by one);
#  - each of them is declared in a public header;
#  - no other global symbol of the library looks like the API: internal
#    ones carry their layer's prefix (lpm_, core_, fmt_, os_, compat_),
#    so a brt_* name in libbestroute.a that the map does not list fails.
# Catches internal functions that leak (gcc's target_clones dispatchers
# ignore -fvisibility=hidden) and exports that nobody declared.
set -u
build=$1 src=$2
command -v nm >/dev/null || { echo "skip: nm missing"; exit 77; }
so=$build/libbestroute.so a=$build/libbestroute.a map=$src/src/libbestroute.map
[ -e "$so" ] || { echo "FAIL: $so not built"; exit 1; }
syms=$(nm -D --defined-only "$so" | awk '$3 !~ /^BESTROUTE_/ {sub(/@.*/, "", $3); print $3}' | sort -u)
listed=$(sed -n '/global:/,/local:/p' "$map" | sed 's|/\*.*\*/||' | tr -s ' \t;' '\n' |
	grep -E '^[A-Za-z_][A-Za-z0-9_]*$' | grep -vx 'global\|local' | sort -u)
fail=0
diff <(echo "$listed") <(echo "$syms") >/tmp/exports.$$ ||
	{ echo "FAIL: exports differ from $map (< listed only, > exported only):"; cat /tmp/exports.$$; fail=1; }
rm -f /tmp/exports.$$
for s in $syms; do
	if ! grep -qw -- "$s" "$src"/include/bestroute/*.h "$src"/include/bestroute/compat/*.h; then
		echo "FAIL: $s is exported but declared in no public header"; fail=1
	fi
done
internal=$(nm -g --defined-only "$a" | awk '$2 ~ /^[TDBRVW]$/ {sub(/\..*/, "", $3); print $3}' |
	grep '^brt_' | sort -u | comm -23 - <(echo "$listed"))
for s in $internal; do
	echo "FAIL: internal symbol $s looks like the API (brt_*): give it its layer's prefix"; fail=1
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
[ $fail = 0 ] && echo "ok: $n exported symbols, exactly the map's, all public"
exit $fail
