#!/bin/bash
# Issue 22: `get --json Q` (the live snapshot), `get -t TABLE --json Q` (a
# saved snapshot) and `get --kernel --json Q` print the same keys and values
# (answered_by and the free-text message apart) for queries with a source: the issue's IPv6 example
# (src is the kernel's prefsrc, another link's address than the given one),
# IPv4 with from (no prefsrc), loopback, unspecified, multicast and foreign
# sources, and a source with oif/mark/tos; `verify` then finds no
# disagreement over every shape. Skips (77) without root or namespaces.
set -u
build=$1
br=$build/bestroute
ns=brt-from-$$
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for a network namespace"; exit 77; }
ip netns add "$ns" 2>/dev/null || { echo "SKIP: ip netns does not work here"; exit 77; }
t=$(mktemp -d)
trap 'ip netns del "$ns" 2>/dev/null; rm -rf "$t"' EXIT
ip -n "$ns" -batch - <<C || exit 1
link set lo up
link add a0 type veth peer name p0
link add a1 type veth peer name p1
link set a0 up
link set a1 up
link set p0 up
link set p1 up
addr add 2001:db8:1::1/64 dev a0 nodad
addr add 2001:db8:2::1/64 dev a1 nodad
addr add 10.0.0.1/24 dev a0
addr add 10.1.0.1/24 dev a1
route add default via 10.0.0.5
route add 2001:db8:99::/48 via 2001:db8:1::5 dev a0
route add blackhole 192.0.2.0/24
route add blackhole 2001:db8:77::/48
C
. "$(dirname "$0")/lib/dad.sh"
wait_dad "$ns"
ip netns exec "$ns" "$br" snapshot >"$t/ns.table" || exit 1
fail=0
norm() { python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("answered_by",None); d.pop("message",None); print(json.dumps(d,sort_keys=True))'; }
while read -r q; do
	live=$(ip netns exec "$ns" "$br" get --json $q | norm)
	snap=$("$br" get -t "$t/ns.table" --json $q | norm)
	kern=$(ip netns exec "$ns" "$br" get --kernel --json $q | norm)
	[ "$live" == "$kern" ] && [ "$snap" == "$kern" ] ||
		{ echo "FAIL $q: live $live; table $snap; kernel $kern"; fail=1; }
done <<Q
2001:db8:99::7 from 2001:db8:2::1
2001:db8:99::7
2001:db8:99::7 from ::
2001:db8:99::7 from ::1
2001:db8:99::7 from ff02::fb
2001:db8:77::1 from 2001:db8:2::1
8.8.8.8 from 10.1.0.1
8.8.8.8 from 127.0.0.1
8.8.8.8 from 0.0.0.0
8.8.8.8 from 224.0.0.251
8.8.8.8 from 198.51.100.9
224.0.0.5 from 127.0.0.1
10.0.0.1 from 127.0.0.1
192.0.2.1 from 127.0.0.1
192.0.2.1 from 10.0.0.1
8.8.8.8 from 10.1.0.1 oif a1
8.8.8.8 from 127.0.0.1 oif a0
8.8.8.8 from 10.1.0.1 mark 5
8.8.8.8 from 10.1.0.1 tos 0x10
Q
# the issue's example, spelled out: the kernel's src is a0's address
out=$(ip netns exec "$ns" "$br" get --json 2001:db8:99::7 from 2001:db8:2::1 | python3 -c \
	'import json,sys; d=json.load(sys.stdin); print(d["from"], d["prefsrc"], d["source"])')
[ "$out" == "2001:db8:2::1 2001:db8:1::1 2001:db8:2::1" ] || { echo "FAIL example: $out"; fail=1; }
# IPv4 with from: no prefsrc; text as ip prints it (no src)
out=$(ip netns exec "$ns" "$br" get 8.8.8.8 from 10.1.0.1)
[[ "$out" == "8.8.8.8 from 10.1.0.1 via 10.0.0.5 dev a0"* && "$out" != *" src "* ]] ||
	{ echo "FAIL text: $out"; fail=1; }
out=$(ip netns exec "$ns" "$br" get --kernel 192.0.2.1 2>&1)
[[ "$out" != *"(blackhole) (blackhole)"* ]] || { echo "FAIL doubled kind: $out"; fail=1; }
ip netns exec "$ns" "$br" verify --count 1200 --seed 22 >"$t/v" || { cat "$t/v"; fail=1; }
grep -q "shape from-loopback" "$t/v" || { echo "FAIL: verify has no per-shape summary"; fail=1; }
exit $fail
