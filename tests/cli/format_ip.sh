#!/bin/bash
# `bestroute get --format ip` prints exactly the line `ip route get` prints,
# and the default text echoes from/mark/uid as ip does, without IPv4's
# metric. Compared with the real `ip route get` in a namespace of our own:
# the live answer, and the answer from that namespace's snapshot. Skips
# (77) without root or network namespaces.
set -u
build=$1
br=$build/bestroute
ns=brt-fmt-$$ peer=brt-fmtp-$$
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for a network namespace"; exit 77; }
ip netns add "$ns" 2>/dev/null || { echo "SKIP: ip netns does not work here"; exit 77; }
trap 'ip netns del "$ns" 2>/dev/null; ip netns del "$peer" 2>/dev/null; rm -rf "$t"' EXIT
t=$(mktemp -d)
ip netns add "$peer" || exit 1
ip -n "$ns" -batch - <<C || exit 1
link set lo up
link add v0 type veth peer name p0 netns $peer
link add v1 type veth peer name p1 netns $peer
link set v0 up
link set v1 up
addr add 10.0.0.2/24 dev v0
addr add 10.1.0.2/24 dev v1
addr add 2001:db8::2/64 dev v0 nodad
route add default via 10.0.0.1 dev v0 metric 100
route add blackhole 192.0.2.0/24
route add unreachable 198.51.100.0/24
route add prohibit 203.0.113.0/24
route add 0.0.0.0/0 via 10.1.0.1 dev v1 table 100
rule add pref 100 fwmark 7 lookup 100
route add default via 2001:db8::1 dev v0
route add 10.5.0.0/16 via 10.0.0.1 src 10.0.0.2
C
ip -n "$peer" link set p0 up && ip -n "$peer" link set p1 up || exit 1
ip netns exec "$ns" "$br" snapshot >"$t/ns.table" || exit 1
fail=0
while read -r q; do
	want=$(ip -n "$ns" route get $q 2>&1)
	live=$(ip netns exec "$ns" "$br" get --format ip $q 2>&1)
	snap=$("$br" get --format ip -t "$t/ns.table" $q 2>&1)
	[ "$want" == "$live" ] || { echo "FAIL live $q:"; echo " ip: [$want]"; echo " br: [$live]"; fail=1; }
	[ "$want" == "$snap" ] || { echo "FAIL table $q:"; echo " ip: [$want]"; echo " br: [$snap]"; fail=1; }
done <<'Q'
8.8.8.8
8.8.8.8 from 10.0.0.2
8.8.8.8 mark 7
8.8.8.8 mark 0x20
8.8.8.8 uid 5
10.0.0.9
10.0.0.2
192.0.2.1
198.51.100.1
203.0.113.1
10.0.0.255
127.0.0.1
224.0.0.5
2001:db8:5::1
2001:db8::2
2001:db8::7
2001:db8:5::1 from 2001:db8::2
8.8.8.8 oif v1
10.5.1.1
Q
# exit status as ip's: 2 for a route error
ip netns exec "$ns" "$br" get --format ip 192.0.2.1 >/dev/null 2>&1
[ $? = 2 ] || { echo "FAIL: route error exit"; fail=1; }
# the default text: from, mark and uid echoed; no metric for IPv4, metric for IPv6;
# "src" is the kernel's prefsrc, which IPv4 does not report with a given source
out=$("$br" get -t "$t/ns.table" 8.8.8.8 from 10.0.0.2 mark 7 uid 5)
[ "$out" == "8.8.8.8 from 10.0.0.2 via 10.1.0.1 dev v1 table 100 mark 7 uid 5" ] ||
	{ echo "FAIL text echo: [$out]"; fail=1; }
out=$("$br" get -t "$t/ns.table" 2001:db8:5::1)
case "$out" in *" metric 1024"*) ;; *) echo "FAIL text v6 metric: [$out]"; fail=1 ;; esac
[ $fail = 0 ] && echo ok
exit $fail
