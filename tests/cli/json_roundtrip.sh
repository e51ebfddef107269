#!/bin/bash
# `show --json` writes a complete JSON table that --table reads back to
# the same table: over every example, every test table, every `ip -j`
# fixture set, a live snapshot (in a namespace of our own, when root), with
# and without --all; `convert --to text|json|ip-batch`, and the ip-batch
# replayed into a namespace gives the same table again (when dummy links
# can be made here).
set -u
build=$1 src=$2
br="$build/bestroute"
t=$(mktemp -d)
ns=brt-jrt-$$ ns2=brt-jrt2-$$ peer=brt-jrtp-$$
cleanup() { ip netns del "$ns" 2>/dev/null; ip netns del "$ns2" 2>/dev/null; ip netns del "$peer" 2>/dev/null; rm -rf "$t"; }
trap cleanup EXIT
pass=0 fail=0
same() {	# same NAME FILE-A FILE-B
	if cmp -s "$2" "$3"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $1:"; diff "$2" "$3" | head -10; fi
}
# roundtrip NAME SPEC...: text of the table, and of its JSON read back
roundtrip() {
	local name=$1 all
	shift
	local args=()
	for s in "$@"; do args+=(-t "$s"); done
	for all in "" --all; do
		"$br" show $all "${args[@]}" >"$t/a" 2>/dev/null || { fail=$((fail + 1)); echo "FAIL $name: does not load"; return; }
		"$br" show -j $all "${args[@]}" >"$t/j" 2>/dev/null
		python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$t/j" ||
			{ fail=$((fail + 1)); echo "FAIL $name: not JSON"; return; }
		grep -q '\\/' "$t/j" && { fail=$((fail + 1)); echo "FAIL $name: escaped slash"; }
		"$br" show $all -t "$t/j" >"$t/b" 2>"$t/err" || { fail=$((fail + 1)); echo "FAIL $name$all: JSON does not read back: $(cat "$t/err")"; return; }
		same "$name$all" "$t/a" "$t/b"
	done
	# the same answers, queried both ways
	for q in 8.8.8.8 10.1.2.3 192.168.1.77 2001:db8::1 fe80::1 ::1 127.0.0.1; do
		"$br" get -j "${args[@]}" $q >"$t/qa" 2>/dev/null
		"$br" get -j -t "$t/j" $q >"$t/qb" 2>/dev/null
		same "$name get $q" "$t/qa" "$t/qb"
	done
}
n=0
while read -r f; do
	case $f in */split-addrs.table) continue ;; esac	# with split-links below
	roundtrip "${f#$src/}" "$f"; n=$((n + 1))
done < <(find "$src/examples" "$src/tests/data" "$src/fuzz/regress" -name '*.table' | sort)
roundtrip "compat split" "$src/tests/data/compat/split-links.table" "$src/tests/data/compat/split-addrs.table"
for set in host ns1 ns2; do
	d=$src/tests/data/ipj
	specs=("$d/$set-link.json" "$d/$set-addr.json" "inet:$d/$set-route4.json" "inet6:$d/$set-route6.json"
	       "$d/$set-nexthop.json" "inet:$d/$set-rule4.json" "inet6:$d/$set-rule6.json" "$d/$set-addrlabel.json")
	roundtrip "ipj $set" "${specs[@]}"; n=$((n + 1))
done
[ $n -ge 10 ] || { fail=$((fail + 1)); echo "FAIL: only $n tables found"; }

# convert: the same as show; several files make one table
"$br" show -t "$src/examples/laptop.table" >"$t/a"
"$br" convert --to text "$src/examples/laptop.table" >"$t/b"; same convert-text "$t/a" "$t/b"
"$br" show -j -t "$src/examples/laptop.table" >"$t/a"
"$br" convert --to json "$src/examples/laptop.table" >"$t/b"; same convert-json "$t/a" "$t/b"
"$br" convert --to json "$t/b" >"$t/c"; same convert-json-json "$t/a" "$t/c"

# the committed documents still read back to the examples' tables
for e in laptop server windows; do
	"$br" show -t "$src/examples/$e.table" >"$t/a"
	"$br" show -t "$src/tests/data/json-table/$e.json" >"$t/b" 2>&1
	same "committed $e.json" "$t/a" "$t/b"
done

# -4 / -6 keep one family's entries (links and sysctls stay)
"$br" show -4 -t "$src/examples/laptop.table" >"$t/v4"
grep -E '^(addr|route)' "$t/v4" | grep -q ':' || grep -q -- ' -6 ' "$t/v4" && { fail=$((fail + 1)); echo "FAIL show -4: $(cat "$t/v4")"; }
grep -q '^route default via 192.168.1.1' "$t/v4" && grep -q '^link wg0' "$t/v4" || { fail=$((fail + 1)); echo "FAIL show -4 lost entries"; }
"$br" show -6 -j -t "$src/examples/laptop.table" >"$t/v6"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["routes"] and all(r["family"] == "inet6" for r in d["routes"]), d["routes"]
assert d["addresses"] and all(":" in a["local"] for a in d["addresses"])
assert all(r["family"] == "inet6" for r in d["rules"])' "$t/v6" || { fail=$((fail + 1)); echo "FAIL show -6 -j"; }

# a bad document names the array and the record
"$br" show -j -t "$src/examples/laptop.table" >"$t/good.json"
python3 - "$t/good.json" >"$t/bad.json" <<'P'
import json, sys
d = json.load(open(sys.argv[1])); d["routes"][1]["metric"] = "lots"; print(json.dumps(d))
P
err=$("$br" show -t "$t/bad.json" 2>&1)
grep -q 'bad.json: routes record 2: "metric"' <<<"$err" || { fail=$((fail + 1)); echo "FAIL bad document: $err"; }

if [ "$(id -u)" != 0 ] || ! ip netns add "$ns" 2>/dev/null; then
	echo "SKIP (live part): needs root and ip netns"
else
	ip netns add "$peer"
	ip -n "$ns" -batch - <<C || exit 1
link set lo up
link add v0 type veth peer name p0 netns $peer
link set v0 up
addr add 10.0.0.2/24 dev v0
addr add 2001:db8::2/64 dev v0 nodad
route add default via 10.0.0.1 dev v0 metric 100
route add blackhole 192.0.2.0/24
route add 0.0.0.0/0 via 10.0.0.9 dev v0 table 100
rule add pref 100 fwmark 7 lookup 100
C
	ip -n "$peer" link set p0 up
	ip netns exec "$ns" "$br" show -j >"$t/live.json"
	ip netns exec "$ns" "$br" snapshot >"$t/live.table"
	"$br" show -t "$t/live.json" >"$t/b"
	"$br" show -t "$t/live.table" >"$t/a"
	same live-snapshot "$t/a" "$t/b"
	# the ip-batch replayed into a fresh namespace
	ip netns add "$ns2"
	"$br" convert --to ip-batch "$t/live.table" >"$t/batch"
	if ip -n "$ns2" link add brtprobe type dummy 2>/dev/null; then
		ip -n "$ns2" link del brtprobe
	else
		# no dummy links here: make the links as veths, replay the rest
		echo "note: this kernel cannot make dummy links; the links are veths"
		ip -n "$ns2" link add v0 type veth peer name v0peer
		grep -v '^link add' "$t/batch" >"$t/batch2" && mv "$t/batch2" "$t/batch"
	fi
	ip -n "$ns2" -force -batch "$t/batch" 2>"$t/err" || { fail=$((fail + 1)); echo "FAIL ip-batch: $(cat "$t/err")"; }
	for q in "8.8.8.8 mark 7" 8.8.8.8 192.0.2.1 10.0.0.77 2001:db8::99; do
		ip netns exec "$ns" "$br" get $q >"$t/qa" 2>&1
		ip netns exec "$ns2" "$br" get $q >"$t/qb" 2>&1
		same "ip-batch replay: get $q" "$t/qa" "$t/qb"
	done
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
