#!/bin/bash
# `bestroute route add|change|replace|append|del` and `bestroute monitor`
# in a namespace of their own: each change checked against `ip -j route
# show`, the kernel's refusals (exists, not found) as exit status 2 with its
# message, an unprivileged user refused with a clear message while lookups
# still answer, and the monitor seeing changes as they happen.
# Skips (77) without root, `ip netns`, jq or setpriv.
set -u
build=$1
bin="$build/bestroute"
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
for c in ip jq setpriv timeout; do
	command -v $c >/dev/null || { echo "SKIP: $c missing"; exit 77; }
done
ns="livewrite-cli-$$"
ip netns add "$ns" 2>/dev/null || { echo "SKIP: ip netns add does not work"; exit 77; }
tmp=$(mktemp -d)
trap 'ip netns del "$ns" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
in_ns() { ip netns exec "$ns" "$@"; }

ip -n "$ns" link add va type veth peer name vb || fail "veth"
# no automatic link-local addresses: their routes would appear a moment
# after the links come up (after DAD) and could land among the monitor's
# two expected events when the tool runs slowly (sanitizer builds)
ip -n "$ns" link set va addrgenmode none && ip -n "$ns" link set vb addrgenmode none
ip -n "$ns" link set va up && ip -n "$ns" link set vb up
ip -n "$ns" addr add 10.9.0.1/24 dev va
ip -n "$ns" addr add 2001:db8:9::1/64 dev va nodad

# "GATEWAY METRIC" of the routes to $1 (one line per route or next hop)
routes() {
	local fam=-4
	case $1 in *:*) fam=-6 ;; esac
	ip $fam -n "$ns" -j route show "$1" |
		jq -r '.[] | if .nexthops then (.nexthops[] | .gateway) else .gateway end
			| tostring' | sort | tr '\n' ' '
}

in_ns "$bin" route add 10.20.0.0/16 via 10.9.0.2 dev va metric 5 || fail "add"
[ "$(ip -n "$ns" -j route show 10.20.0.0/16 | jq -r '.[0].gateway, .[0].metric' | tr '\n' ' ')" = "10.9.0.2 5 " ] ||
	fail "add: kernel has $(ip -n "$ns" route show 10.20.0.0/16)"

in_ns "$bin" route add 10.20.0.0/16 via 10.9.0.2 dev va metric 5 2>"$tmp/err" && fail "duplicate add succeeded"
[ $? = 2 ] || fail "duplicate add: exit status"
grep -q "File exists" "$tmp/err" || fail "duplicate add: message '$(cat "$tmp/err")'"

in_ns "$bin" route change 10.20.0.0/16 via 10.9.0.3 dev va metric 5 || fail "change"
[ "$(routes 10.20.0.0/16)" = "10.9.0.3 " ] || fail "change: kernel has $(routes 10.20.0.0/16)"

in_ns "$bin" route change 10.21.0.0/16 via 10.9.0.3 2>"$tmp/err" && fail "change of a missing route succeeded"
in_ns "$bin" route replace 10.21.0.0/16 via 10.9.0.4 || fail "replace (create)"
[ "$(routes 10.21.0.0/16)" = "10.9.0.4 " ] || fail "replace: kernel has $(routes 10.21.0.0/16)"

in_ns "$bin" route del 10.20.0.0/16 via 10.9.0.3 metric 5 || fail "del"
[ -z "$(routes 10.20.0.0/16)" ] || fail "del: kernel still has $(routes 10.20.0.0/16)"
in_ns "$bin" route del 10.20.0.0/16 2>"$tmp/err" && fail "del of a missing route succeeded"
[ -s "$tmp/err" ] || fail "del of a missing route: no message"

# IPv6: append adds a next hop, del removes that one only
in_ns "$bin" route add 2001:db8:1::/64 via 2001:db8:9::2 dev va || fail "add v6"
in_ns "$bin" route append 2001:db8:1::/64 via 2001:db8:9::3 dev va || fail "append v6"
[ "$(routes 2001:db8:1::/64)" = "2001:db8:9::2 2001:db8:9::3 " ] ||
	fail "append: kernel has $(routes 2001:db8:1::/64)"
ip -n "$ns" -6 route add 2001:db8:2::/64 via 2001:db8:9::2 metric 77
in_ns "$bin" route del 2001:db8:2::/64 || fail "del without a metric matches any metric"
[ -z "$(routes 2001:db8:2::/64)" ] || fail "del v6 without metric: kernel has $(routes 2001:db8:2::/64)"
in_ns "$bin" route del 2001:db8:1::/64 via 2001:db8:9::2 dev va || fail "del one next hop"
[ "$(routes 2001:db8:1::/64)" = "2001:db8:9::3 " ] ||
	fail "del one next hop: kernel has $(routes 2001:db8:1::/64)"

# bad words: usage error, kernel not asked
in_ns "$bin" route add 10.30.0.0/16 dev nosuch 2>/dev/null
[ $? = 1 ] || fail "an unknown link is not exit status 1 (usage)"

# unprivileged: refused with a clear message; lookups still answer
in_ns setpriv --reuid 65534 --regid 65534 --clear-groups \
	"$bin" route add 10.30.0.0/16 via 10.9.0.2 2>"$tmp/err" && fail "unprivileged add succeeded"
grep -q "CAP_NET_ADMIN" "$tmp/err" || fail "unprivileged: message '$(cat "$tmp/err")'"
in_ns setpriv --reuid 65534 --regid 65534 --clear-groups \
	"$bin" get 10.21.1.1 >"$tmp/get" || fail "unprivileged lookup failed"
grep -q "10.9.0.4" "$tmp/get" || fail "unprivileged lookup: $(cat "$tmp/get")"

# the monitor sees two changes as they happen
in_ns timeout 5 "$bin" monitor --json --count 2 >"$tmp/mon" &
mon=$!
sleep 0.5
ip -n "$ns" route add 10.40.0.0/16 via 10.9.0.2 metric 7
ip -n "$ns" route del 10.40.0.0/16 via 10.9.0.2 metric 7
wait $mon || fail "monitor did not end after two changes"
[ "$(jq -r .event "$tmp/mon" | tr '\n' ' ')" = "add del " ] || fail "monitor events: $(cat "$tmp/mon")"
[ "$(jq -r '[.object, .dst, .gateway, .dev, .table, .metric, .protocol, .type] | join(" ")' "$tmp/mon" | sort -u)" = \
  "route 10.40.0.0/16 10.9.0.2 va main 7 boot unicast" ] || fail "monitor route fields: $(cat "$tmp/mon")"
grep -q '\\/' "$tmp/mon" && fail "monitor --json escapes slashes: $(cat "$tmp/mon")"
# text: ip monitor's lines ("Deleted " before a removal)
in_ns timeout 5 "$bin" monitor --count 2 route >"$tmp/mon" &
mon=$!
sleep 0.5
ip -n "$ns" route add 10.41.0.0/16 via 10.9.0.2 metric 7
ip -n "$ns" route del 10.41.0.0/16 via 10.9.0.2 metric 7
wait $mon || fail "monitor (text) did not end after two changes"
[ "$(sed -n 1p "$tmp/mon" | grep -c '^10.41.0.0/16 via 10.9.0.2 dev va')" = 1 ] &&
[ "$(sed -n 2p "$tmp/mon" | grep -c '^Deleted 10.41.0.0/16 via 10.9.0.2 dev va')" = 1 ] ||
	fail "monitor text: $(cat "$tmp/mon")"
echo "ok"
