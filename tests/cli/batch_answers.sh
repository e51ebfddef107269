#!/bin/bash
# `get --batch`: one answer per query line, in order, so answers pair with
# queries: bad lines and route errors answer too (JSON error/message/line,
# text "error:"), stderr says FILE:LINE once per bad line, multipath
# answers are one line (text lists next hops only with --nexthops),
# "# comment" may end a line, a NUL byte is an error naming its line.
set -u
build=$1
. "$(dirname "$0")/lib/check.sh"
cat >"$t/host.table" <<'T'
link lo index 1 type loopback
link eth0 index 2
link wlan0 index 3
addr 192.168.1.10/24 dev eth0
addr 10.0.0.5/16 dev wlan0
route default via 192.168.1.1 dev eth0
route blackhole 192.0.2.0/24
route 10.9.0.0/16 nexthop via 192.168.1.2 dev eth0 nexthop via 10.0.0.2 dev wlan0
T
{
	echo "8.8.8.8"
	echo "8.8.8.8 bogus"
	echo "192.0.2.1   # a blackhole"
	echo ""
	echo "# only a comment"
	echo "10.9.1.1"
	printf '8.8.4.4 mark \0 1\n'
	echo "not-an-address"
	echo "1.1.1.1 oif eth0 # the last"
} >"$t/q"
json=$("$br" get -j -t "$t/host.table" --batch "$t/q" 2>"$t/err"); rc=$?
check json-exit 1 $rc
check json-count 7 "$(wc -l <<<"$json")"
check json-pairs "1 - 8.8.8.8 eth0 | 2 invalid unknown word 'bogus' | 3 blackhole | 6 - 10.9.1.1 eth0 | 7 invalid | 8 invalid bad destination 'not-an-address' | 9 - 1.1.1.1 eth0" \
	"$(python3 -c '
import json, sys
out = []
for l in sys.stdin:
    o = json.loads(l)
    if "error" in o:
        m = o["message"] if o["error"] == "invalid" and "NUL" not in o["message"] else ""
        out.append(" ".join(str(x) for x in [o.get("line"), o["error"], m] if x != ""))
    else:
        out.append("%s - %s %s" % (o.get("line", ""), o["destination"], o["interface"]))
print(" | ".join(out))' <<<"$json")"
check json-line-numbers "1 2 3 6 7 8 9" "$(python3 -c '
import json, sys
print(" ".join(str(json.loads(l)["line"]) for l in sys.stdin))' <<<"$json")"
check stderr "$t/q:2: unknown word 'bogus'|$t/q:7: a NUL byte (not a text file?)|$t/q:8: bad destination 'not-an-address'" \
	"$(paste -sd'|' "$t/err")"
check json-multipath-one-line 1 "$(grep -c '"nexthops"' <<<"$json")"

text=$("$br" get -t "$t/host.table" --batch "$t/q" 2>/dev/null)
check text-count 7 "$(wc -l <<<"$text")"
check text-errors "2 3 5 6" "$(grep -n '^error:' <<<"$text" | cut -d: -f1 | paste -sd' ')"
check text-bad-line "error: line 2: unknown word 'bogus'" "$(sed -n 2p <<<"$text")"
check text-route-error "error: 192.0.2.1: " "$(sed -n 3p <<<"$text" | grep -o '^error: 192.0.2.1: ')"
check text-multipath "10.9.1.1 via 192.168.1.2 dev eth0 src 192.168.1.10" "$(sed -n 4p <<<"$text")"
nh=$("$br" get -t "$t/host.table" --nexthops --batch - <<<"10.9.1.1")
check nexthops-listed 3 "$(wc -l <<<"$nh")"
# --format ip in a batch: ip's lines, a route error still one "error:" line
out=$(printf '8.8.8.8\n192.0.2.1\n' | "$br" get --format ip -t "$t/host.table" --batch - 2>/dev/null)
check ip-format-batch "8.8.8.8 via 192.168.1.1 dev eth0 src 192.168.1.10 uid 0 |    cache |error: 192.0.2.1" \
	"$(cut -d: -f1-2 <<<"$out" | paste -sd'|')"
# a batch of good lines exits 0, route errors included
printf '8.8.8.8\n192.0.2.1\n' | "$br" get -t "$t/host.table" --batch - >/dev/null 2>&1
check good-batch-exit 0 $?
finish
