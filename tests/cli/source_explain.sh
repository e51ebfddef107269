#!/bin/bash
# --explain says why the source address is what it is: the query's from,
# the route's prefsrc, the primary address on the link (Linux IPv4), or
# the address selection rules with every candidate and the rule it lost
# by (RFC 6724 for IPv6, Windows' for IPv4), SkipAsSource and tentative
# addresses shown as excluded; in text and as JSON "source_choice". With
# --kernel the snapshot's decision is shown beside the kernel's answer.
set -u
build=$1
. "$(dirname "$0")/lib/check.sh"
cat >"$t/linux.table" <<'T'
link lo index 1 type loopback
link eth0 index 2
link eth1 index 3
addr 127.0.0.1/8 dev lo
addr 192.168.1.10/24 dev eth0
addr 192.168.1.11/24 dev eth0 secondary
addr 10.1.0.5/24 dev eth1
addr 2001:db8:1::10/64 dev eth0
addr 2001:db8:2::10/64 dev eth0
addr 2001:db8:3::10/64 dev eth1
addr 2001:db8:4::10/64 dev eth0 tentative
route default via 192.168.1.1 dev eth0
route 172.16.0.0/12 via 192.168.1.1 dev eth0 src 192.168.1.11
route default via 2001:db8:1::1 dev eth0
T
sc() { "$br" get -j --explain -t "$@" | python3 -c '
import json, sys
s = json.load(sys.stdin).get("source_choice", {})
c = " ".join("%s=%s" % (x["address"], "chosen" if x.get("chosen") else x.get("lost_by") or "excluded: " + x.get("excluded", "")) for x in s.get("candidates", []))
print("%s | %s%s" % (s.get("rule"), s.get("decided_by", ""), " | " + c if c else ""))'; }
check from "from | " "$(sc "$t/linux.table" 8.8.8.8 from 10.1.0.5)"
check prefsrc "prefsrc | " "$(sc "$t/linux.table" 172.16.1.1)"
check primary "primary-address | " "$(sc "$t/linux.table" 8.8.8.8)"
out=$("$br" get --explain -t "$t/linux.table" 8.8.8.8 | grep '^  source')
check primary-text "  source 192.168.1.10: the first primary address of eth0 whose subnet holds 192.168.1.1" "$out"
check rfc6724 "rfc6724 | rule 8: longest matching prefix | 2001:db8:1::10=chosen 2001:db8:2::10=rule 8: longest matching prefix 2001:db8:3::10=rule 5: prefer the outgoing interface 2001:db8:4::10=excluded: tentative (DAD not done)" \
	"$(sc "$t/linux.table" 2001:db8:1::99)"
out=$("$br" get --explain -t "$t/linux.table" 2001:db8:1::99 | grep 'source 2001:db8:3::10')
check rfc6724-text "    source 2001:db8:3::10 dev eth1: rule 5: prefer the outgoing interface" "$out"

cat >"$t/win.table" <<'T'
policy windows
link Loopback index 1 type loopback metric 75
link Ethernet index 12 metric 25
addr 192.168.1.50/24 dev Ethernet
addr 192.168.1.51/24 dev Ethernet skip-as-source
addr 192.168.1.52/24 dev Ethernet deprecated
addr 2001:db8:1::50/64 dev Ethernet
addr 2001:db8:1::51/64 dev Ethernet temporary
route default via 192.168.1.1 dev Ethernet metric 0
route default via 2001:db8:1::1 dev Ethernet metric 0
T
check windows-v4 "windows-ipv4 | rule 2: not deprecated | 192.168.1.50=chosen 192.168.1.51=excluded: SkipAsSource 192.168.1.52=rule 2: not deprecated" \
	"$(sc "$t/win.table" 8.8.8.8)"
check windows-v6-temporary "rfc6724 | rule 7: prefer temporary addresses | 2001:db8:1::50=rule 7: prefer temporary addresses 2001:db8:1::51=chosen" \
	"$(sc "$t/win.table" 2001:db8:5::1)"
# no explanation asked: no source_choice
check no-explain false "$("$br" get -j -t "$t/win.table" 8.8.8.8 | python3 -c 'import json,sys; print(str("source_choice" in json.load(sys.stdin)).lower())')"
# --explain --kernel: the kernel's answer, the snapshot's decision beside
# it, and saying so (only where the live host can be asked)
if out=$("$br" get -j --kernel --explain 127.0.0.1 2>/dev/null); then
	check kernel-explain '"kernel" "snapshot" true' "$(python3 -c '
import json, sys
o = json.load(sys.stdin)
print("\"%s\" \"%s\" %s" % (o.get("answered_by"), o.get("candidates_from"), str(bool(o.get("candidates"))).lower()))' <<<"$out")"
	out=$("$br" get --kernel --explain 127.0.0.1)
	check kernel-explain-text "  the kernel gives no explanation; the snapshot's decision:" \
		"$(grep -m1 'kernel gives no explanation' <<<"$out")"
else
	echo "note: the live host cannot be asked here: --explain --kernel not checked"
fi
finish
