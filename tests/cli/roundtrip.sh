#!/bin/bash
# roundtrip.sh - `show` writes a table that answers like the original:
# for the examples and the fuzzers' regression inputs (fuzz/regress), the
# written text read back gives the same JSON answer for each destination
# below (zone-less link-local and multicast ones included, where the tie
# order of per-link derived routes matters), and writing it again gives
# the same text.
set -u
build=$1 src=$2
br=$build/bestroute
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
dests="8.8.8.8 1.1.1.1 10.1.2.3 127.0.0.1 192.168.1.255 224.0.0.1 255.255.255.255
       2001:db8::1 fe80::1 ff02::1 ff05::2 ::1 fd42::9"
fail=0 n=0
for f in "$src"/examples/*.table "$src"/fuzz/regress/*.table; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	"$br" show -t "$f" >"$t/1" || { echo "FAIL $name: show"; fail=1; continue; }
	"$br" show -t "$t/1" >"$t/2" || { echo "FAIL $name: show of its output"; fail=1; continue; }
	cmp -s "$t/1" "$t/2" || { echo "FAIL $name: written text not stable"; diff "$t/1" "$t/2" | head; fail=1; }
	for d in $dests; do
		a=$("$br" get --json -t "$f" "$d" 2>&1)
		b=$("$br" get --json -t "$t/1" "$d" 2>&1)
		n=$((n + 1))
		[ "$a" == "$b" ] || { echo "FAIL $name $d: [$a] read back as [$b]"; fail=1; }
	done
done
[ $fail = 0 ] && echo "ok: $n answers the same after show and read back"
exit $fail
