#!/bin/bash
# RFC 6724 rule 4 (prefer home addresses) as the kernel applies it: only
# when built with CONFIG_IPV6_MIP6=y. A table says so with the
# pseudo-sysctl kernel.config.ipv6_mip6 (y, m or n; absent: as n), which
# the live snapshot records from the kernel's configuration and which
# round-trips through the text format; `--explain` names rule 4 only when
# it applies. On the live host (root, namespaces), a home address changes
# nothing on a kernel without the option, as the kernel itself answers.
set -u
build=$1
. "$(dirname "$0")/lib/check.sh"
cat >"$t/home.table" <<'T'
link lo index 1 type loopback
link eth0 index 2
addr 2001:db8:1::10/64 dev eth0 home
addr 2001:db8:99::20/64 dev eth0
route default via 2001:db8:1::1 dev eth0
T
src() { "$br" get -j -t "$1" 2001:db8:99:1::5 | python3 -c 'import json,sys; print(json.load(sys.stdin)["source"])'; }
check absent-no-rule4 2001:db8:99::20 "$(src "$t/home.table")"
for v in y m n; do
	{ cat "$t/home.table"; echo "sysctl kernel.config.ipv6_mip6 = $v"; } >"$t/$v.table"
done
check y-rule4 2001:db8:1::10 "$(src "$t/y.table")"
check m-no-rule4 2001:db8:99::20 "$(src "$t/m.table")"
check n-no-rule4 2001:db8:99::20 "$(src "$t/n.table")"
has y-explain "rule 4: prefer home addresses" "$("$br" get -t "$t/y.table" --explain 2001:db8:99:1::5)"
check n-explain 0 "$("$br" get -t "$t/n.table" --explain 2001:db8:99:1::5 | grep -c 'rule 4')"
"$br" show -t "$t/y.table" >"$t/y.out"
check roundtrip 2001:db8:1::10 "$(src "$t/y.out")"
# the snapshot records what the kernel's configuration says
want=$( { zcat /proc/config.gz 2>/dev/null || cat "/boot/config-$(uname -r)" 2>/dev/null; } |
	sed -n 's/^CONFIG_IPV6_MIP6=\(.\)$/\1/p; s/^# CONFIG_IPV6_MIP6 is not set$/n/p')
got=$("$br" show 2>/dev/null | sed -n 's/^sysctl kernel.config.ipv6_mip6 = //p')
if [ -z "$want" ]; then
	check snapshot-unknown "" "$got"
else
	check snapshot-records "${want}" "$got"
fi
# against the kernel, in a namespace
ns=brt-mip6-$$
if [ "$(id -u)" = 0 ] && ip netns add "$ns" 2>/dev/null; then
	ip -n "$ns" link add va type veth peer name vb
	ip -n "$ns" link set va up; ip -n "$ns" link set vb up
	ip -n "$ns" addr add 2001:db8:1::10/64 dev va home nodad
	ip -n "$ns" addr add 2001:db8:99::20/64 dev va nodad
	ip -n "$ns" -6 route add default via 2001:db8:1::1 dev va
	k=$(ip -n "$ns" -j -6 route get 2001:db8:99:1::5 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["prefsrc"])')
	o=$(ip netns exec "$ns" "$br" get -j 2001:db8:99:1::5 | python3 -c 'import json,sys; print(json.load(sys.stdin)["source"])')
	check live-as-kernel "$k" "$o"
	ip netns del "$ns"
else
	echo "note: not root or no namespaces: the live comparison was skipped"
fi
finish
