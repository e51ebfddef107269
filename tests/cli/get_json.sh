#!/bin/bash
# bestroute get: JSON keys and values, text output, exit statuses, batch,
# explain, and clear errors for bad tables and queries.
set -u
build=$1 src=$2
. "$(dirname "$0")/lib/check.sh"
field() { python3 -c "import json,sys; o=json.loads(sys.stdin.readline()); print(json.dumps(o.get('$1')))"; }

cat > "$t/host.table" <<'T'
link lo index 1 type loopback
link eth0 index 2
link wlan0 index 3 type wireless
addr 127.0.0.1/8 dev lo
addr 192.168.1.10/24 dev eth0
addr 10.0.0.5/16 dev wlan0
addr 2001:db8:1::10/64 dev eth0
route default via 192.168.1.1 dev eth0 metric 100
route default via 10.0.0.1 dev wlan0 metric 600
route blackhole 192.0.2.0/24
route unreachable 198.51.100.0/24
route prohibit 203.0.113.0/24
route 10.9.0.0/16 table 100 nexthop via 192.168.1.2 dev eth0 weight 2 nexthop via 10.0.0.2 dev wlan0
rule pref 100 to 10.9.0.0/16 lookup 100
T
out=$("$br" get --json --table "$t/host.table" 8.8.8.8); rc=$?
check "exit ok" 0 $rc
check destination '"8.8.8.8"' "$(echo "$out" | field destination)"
check type '"unicast"' "$(echo "$out" | field type)"
check prefix '"0.0.0.0/0"' "$(echo "$out" | field prefix)"
check table '"main"' "$(echo "$out" | field table)"
check metric 100 "$(echo "$out" | field metric)"
check gateway '"192.168.1.1"' "$(echo "$out" | field gateway)"
check interface '"eth0"' "$(echo "$out" | field interface)"
check interface_index 2 "$(echo "$out" | field interface_index)"
check source '"192.168.1.10"' "$(echo "$out" | field source)"

out=$("$br" get --json --table "$t/host.table" 192.168.1.10)
check local-type '"local"' "$(echo "$out" | field type)"
check local-dev '"lo"' "$(echo "$out" | field interface)"
check on-link-gateway null "$("$br" get --json --table "$t/host.table" 192.168.1.77 | field gateway)"

out=$("$br" get --json --table "$t/host.table" 10.9.3.3)
check multipath-table '"100"' "$(echo "$out" | field table)"
check multipath-count 2 "$(echo "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["nexthops"]))')"
check multipath-sources '["192.168.1.10", "10.0.0.5"]' "$(echo "$out" | python3 -c 'import json,sys; print(json.dumps([h["source"] for h in json.load(sys.stdin)["nexthops"]]))')"

for case in "192.0.2.1 blackhole" "198.51.100.1 unreachable" "203.0.113.1 prohibit" "8.8.8.8:from:1.2.3.4 no-route"; do
	set -- $case
	q=${1//:/ }
	out=$("$br" get --json --table "$t/host.table" $q); rc=$?
	check "error $2" "\"$2\"" "$(echo "$out" | field error)"
	check "error $2 exit" 2 $rc
	check "error $2 message" true "$(echo "$out" | python3 -c 'import json,sys; print(str(bool(json.load(sys.stdin)["message"])).lower())')"
done

out=$("$br" get --json --explain --table "$t/host.table" 8.8.8.8)
check explain-verdicts '["rule-no-result", "rule-no-match", "rule-chosen?"]' \
	"$(echo "$out" | python3 -c 'import json,sys; c=json.load(sys.stdin)["candidates"]; v=[x["verdict"] for x in c if x["kind"]=="rule"]; print(json.dumps(v[:2]+["rule-chosen?"]))')"
check explain-loser '"higher-metric"' "$(echo "$out" | python3 -c 'import json,sys; c=json.load(sys.stdin)["candidates"]; print(json.dumps([x["verdict"] for x in c if x["kind"]=="route"][1]))')"

printf '8.8.8.8\n192.0.2.1\n# comment\n\n2001:db8:1::99 from 2001:db8:1::10\n' > "$t/q"
out=$("$br" get --json --table "$t/host.table" --batch "$t/q"); rc=$?
check batch-exit 0 $rc
check batch-lines 3 "$(echo "$out" | wc -l)"
check batch-v6-source '"2001:db8:1::10"' "$(echo "$out" | sed -n 3p | field source)"

out=$("$br" get --table "$t/host.table" 8.8.8.8)
check text "8.8.8.8 via 192.168.1.1 dev eth0 src 192.168.1.10" "$out"
out=$("$br" get --json --table "$t/host.table" --policy windows 8.8.8.8)
check windows-policy '"eth0"' "$(echo "$out" | field interface)"

printf 'link eth0 index 2\nroute default via 10.0.0.1 dev eth0 metrik 5\n' > "$t/bad.table"
err=$("$br" get --table "$t/bad.table" 8.8.8.8 2>&1); rc=$?
check bad-table-exit 1 $rc
case "$err" in *bad.table:2:*metrik*) check bad-table-message ok ok ;; *) check bad-table-message "file:line naming metrik" "$err" ;; esac
"$br" get --table "$t/host.table" 8.8.8.8 oif nosuch >/dev/null 2>&1; check bad-query-exit 1 $?
"$br" get --table "$t/host.table" >/dev/null 2>&1; check usage-exit 1 $?
out=$("$br" show --json --table "$t/host.table")
check show-json-routes 6 "$(echo "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["routes"]))')"
check show-json-all true "$("$br" show --json --all --table "$t/host.table" | python3 -c 'import json,sys; print(str(any(r.get("derived", False) for r in json.load(sys.stdin)["routes"])).lower())')"
check show-text-roundtrip "$("$br" show --table "$t/host.table")" "$("$br" show --table "$t/host.table" | "$br" show --table -)"
finish
