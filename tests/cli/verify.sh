#!/bin/bash
# `bestroute verify` in a namespace of its own: veth links with IPv4 and
# IPv6 addresses, gateways, a multipath route, a blackhole, a second table
# reached through rules. Every answer must agree with the kernel, and the
# counts must be printed (text and JSON). Skips (exit 77) without root or
# network namespaces.
build=$1
bin=$build/bestroute
ns=verifybench-$$ peer=verifybench-p$$

[ "$(id -u)" = 0 ] || { echo "SKIP: verify needs root for a network namespace"; exit 77; }
ip netns add "$ns" 2>/dev/null || { echo "SKIP: ip netns does not work here"; exit 77; }
trap 'ip netns del "$ns" 2>/dev/null; ip netns del "$peer" 2>/dev/null' EXIT
ip netns add "$peer" || exit 1

ip -n "$ns" -batch - <<CMDS || exit 1
link set lo up
link add v0 type veth peer name p0 netns $peer
link add v1 type veth peer name p1 netns $peer
link add v2 type veth peer name p2 netns $peer
link set v0 up
link set v1 up
link set v2 up
addr add 10.0.0.2/24 dev v0
addr add 10.0.0.3/24 dev v0
addr add 10.1.0.2/24 dev v1
addr add 10.2.0.2/28 dev v2
addr add 2001:db8:0::2/64 dev v0 nodad
addr add 2001:db8:1::2/64 dev v1 nodad
route add default via 10.0.0.1 dev v0 metric 100
route add default via 10.1.0.1 dev v1 metric 200
route add 172.16.0.0/12 nexthop via 10.0.0.1 dev v0 weight 2 nexthop via 10.1.0.1 dev v1
route add 172.16.5.0/24 via 10.2.0.1 dev v2 src 10.2.0.2
route add blackhole 192.0.2.0/24
route add unreachable 198.51.100.0/24
route add 0.0.0.0/0 via 10.2.0.1 dev v2 table 100
route add 203.0.113.0/24 via 10.1.0.1 dev v1 table 100
route add prohibit 203.0.113.128/25 table 100
rule add pref 100 to 203.0.113.0/24 lookup 100
rule add pref 200 to 100.64.0.0/10 lookup 100
CMDS
ip -n "$peer" -batch - <<CMDS || exit 1
link set p0 up
link set p1 up
link set p2 up
CMDS
ip -n "$ns" -6 -batch - <<CMDS || exit 1
route add default via 2001:db8::1 dev v0 metric 1024
route add 2001:db8:100::/48 via 2001:db8:1::1 dev v1
route add blackhole 2001:db8:dead::/48
route add 2001:db8:200::/48 via 2001:db8:1::1 dev v1 table 100
rule add pref 100 to 2001:db8:200::/48 lookup 100
CMDS

. "$(dirname "$0")/lib/dad.sh"
wait_dad "$ns"
fail=0
tmp_err=$(mktemp)
trap 'ip netns del "$ns" 2>/dev/null; ip netns del "$peer" 2>/dev/null; rm -f "$tmp_err"' EXIT
out=$(ip netns exec "$ns" "$bin" verify --count "${VERIFY_COUNT:-300}" --seed "${VERIFY_SEED:-7}")
rc=$?
echo "$out"
echo "$out" | grep -Eq "^queries ${VERIFY_COUNT:-300}, agree [0-9]+, disagree 0, fallback [0-9]+ \\([0-9.]+%\\)" ||
	{ echo "FAIL: verify did not report ${VERIFY_COUNT:-300} queries with 0 disagreements"; fail=1; }
[ $rc = 0 ] || { echo "FAIL: verify exited $rc"; fail=1; }

json=$(ip netns exec "$ns" "$bin" verify --count 50 --seed 8 --json)
echo "$json" | grep -q '"queries":50,' && echo "$json" | grep -q '"disagree":0,' ||
	{ echo "FAIL: verify --json: $json"; fail=1; }

ip netns exec "$ns" "$bin" verify --count 0 >/dev/null 2>&1
[ $? = 1 ] || { echo "FAIL: verify --count 0 is not a usage error"; fail=1; }
# -4/-6: destinations of one family only
json=$(ip netns exec "$ns" "$bin" verify -6 --count 40 --seed 9 -j)
python3 -c 'import json,sys; o=json.loads(sys.argv[1]); assert o["queries"] == 40 and o["disagree"] == 0' "$json" ||
	{ echo "FAIL: verify -6: $json"; fail=1; }
# --max-seconds bounds a huge run: it ends within a few seconds, says so
start=$(date +%s)
out=$(ip netns exec "$ns" "$bin" verify --count 100000000 --max-seconds 1 2>"$tmp_err")
took=$(( $(date +%s) - start ))
[ $took -le 5 ] && grep -q "stopped after --max-seconds 1" "$tmp_err" && grep -q "^queries [0-9]*," <<<"$out" ||
	{ echo "FAIL: --max-seconds 1 took ${took}s: $out $(cat "$tmp_err")"; fail=1; }
# a progress line on stderr only when it is a terminal (script(1) gives one)
if command -v script >/dev/null; then
	script -qec "ip netns exec $ns $bin verify --count 300 --seed 3 2>&1 >/dev/null" /dev/null >"$tmp_err"
	grep -q "verify: 300/300 queries" "$tmp_err" || { echo "FAIL: no progress line on a terminal: $(cat -A "$tmp_err" | head -3)"; fail=1; }
fi
[ -z "$(ip netns exec "$ns" "$bin" verify --count 30 2>&1 >/dev/null)" ] ||
	{ echo "FAIL: progress shown on a non-terminal"; fail=1; }
[ $fail = 0 ] && echo "1 passed, 0 failed"
exit $fail
