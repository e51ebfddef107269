#!/bin/bash
# `bestroute monitor` beyond routes, in a namespace of our own: addresses,
# rules, links and nexthop objects as JSON events (event, object and ip's
# fields) and as ip monitor lines ("Deleted " before removals); --objects
# and the ip-style object words filter; -4 keeps IPv4; each event is
# flushed at once (read from a pipe while the monitor still runs).
# Skips (77) without root, ip netns or jq.
set -u
build=$1
br=$build/bestroute
ns=brt-mon-$$ peer=brt-monp-$$
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for a network namespace"; exit 77; }
command -v jq >/dev/null || { echo "SKIP: needs jq"; exit 77; }
ip netns add "$ns" 2>/dev/null || { echo "SKIP: ip netns does not work here"; exit 77; }
t=$(mktemp -d)
trap 'ip netns del "$ns" 2>/dev/null; ip netns del "$peer" 2>/dev/null; rm -rf "$t"' EXIT
ip netns add "$peer"
ip -n "$ns" -batch - <<C || exit 1
link set lo up
link add v0 type veth peer name p0 netns $peer
link set v0 up
addr add 10.0.0.2/24 dev v0
C
ip -n "$peer" link set p0 up
sleep 1	# let IPv6 link-local addresses settle before we listen
fail=0
mon() {	# mon OUT ARGS...: a monitor in the background
	local out=$1
	shift
	ip netns exec "$ns" timeout 5 "$br" monitor "$@" >"$out" &
	sleep 0.5
}
mon "$t/j" -j --objects address,rule,nexthop,link -4 --count 6
ip -n "$ns" addr add 10.7.0.1/24 dev v0
ip -n "$ns" addr add 2001:db8:7::1/64 dev v0 nodad	# -4: not shown
ip -n "$ns" rule add pref 300 to 10.8.0.0/16 lookup 100
ip -n "$ns" nexthop add id 5 via 10.0.0.1 dev v0
ip -n "$ns" link set v0 mtu 1400
ip -n "$ns" addr del 10.7.0.1/24 dev v0
ip -n "$ns" rule del pref 300
wait
got=$(jq -c '[.event, .object, (.local // .dst // .ifname // .id | tostring)]' "$t/j" | paste -sd' ')
want='["add","address","10.7.0.1"] ["add","rule","10.8.0.0/16"] ["add","nexthop","5"] ["add","link","v0"] ["del","address","10.7.0.1"] ["del","rule","10.8.0.0/16"]'
[ "$got" == "$want" ] || { echo "FAIL json events: $got"; cat "$t/j"; fail=1; }
[ "$(jq -r 'select(.object == "address") | [.dev, .prefixlen, .scope, .family] | join(" ")' "$t/j" | sort -u)" = "v0 24 global inet" ] ||
	{ echo "FAIL address fields: $(cat "$t/j")"; fail=1; }
[ "$(jq -r 'select(.object == "nexthop") | [.gateway, .dev] | join(" ")' "$t/j")" = "10.0.0.1 v0" ] ||
	{ echo "FAIL nexthop fields"; fail=1; }
[ "$(jq -r 'select(.object == "link") | .mtu' "$t/j")" = 1400 ] || { echo "FAIL link fields"; fail=1; }
grep -q '\\/' "$t/j" && { echo "FAIL: escaped slash"; fail=1; }

# text, objects as ip's words
mon "$t/txt" -4 address rule --count 4
ip -n "$ns" addr add 10.7.0.1/24 dev v0
ip -n "$ns" rule add pref 300 to 10.8.0.0/16 lookup 100
ip -n "$ns" addr del 10.7.0.1/24 dev v0
ip -n "$ns" rule del pref 300
wait
want="2: v0    inet 10.7.0.1/24 scope global|300:	from all to 10.8.0.0/16 lookup 100|Deleted 2: v0    inet 10.7.0.1/24 scope global|Deleted 300:	from all to 10.8.0.0/16 lookup 100"
[ "$(paste -sd'|' "$t/txt" | sed 's/^[0-9]*: /2: /; s/|Deleted [0-9]*: v0/|Deleted 2: v0/')" == "$want" ] ||
	{ echo "FAIL text:"; cat "$t/txt"; fail=1; }

# flushed per event: the first line arrives while the monitor still runs
mkfifo "$t/fifo"
ip netns exec "$ns" timeout 5 "$br" monitor -j --count 2 >"$t/fifo" &
mpid=$!
exec 3<"$t/fifo"
sleep 0.5
ip -n "$ns" route add 10.44.0.0/16 via 10.0.0.1
read -r -t 3 first <&3 || first=
kill -0 $mpid 2>/dev/null || { echo "FAIL flush: the monitor ended before its first event was read"; fail=1; }
[ "$(jq -r '.dst' <<<"$first")" = 10.44.0.0/16 ] || { echo "FAIL flush: [$first]"; fail=1; }
ip -n "$ns" route del 10.44.0.0/16 via 10.0.0.1
exec 3<&-
wait
[ $fail = 0 ] && echo ok
exit $fail
