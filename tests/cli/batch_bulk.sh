#!/bin/bash
# `get --batch FILE` answers BATCH_BULK (64) lines per brt_table_lookup_bulk
# call; standard input is answered line at a time. The two must print the
# same, in line order, over several chunks holding bad lines, blank lines,
# comments, route errors, `from`/`mark`/`oif` queries and both families,
# in text and JSON, with the same exit status and stderr.
set -u
build=$1
. "$(dirname "$0")/lib/check.sh"
cat >"$t/host.table" <<'T'
link lo index 1 type loopback
link eth0 index 2
link wlan0 index 3
addr 192.168.1.10/24 dev eth0
addr 10.0.0.5/16 dev wlan0
addr 2001:db8::10/64 dev eth0
route default via 192.168.1.1 dev eth0
route blackhole 192.0.2.0/24
route 10.9.0.0/16 nexthop via 192.168.1.2 dev eth0 nexthop via 10.0.0.2 dev wlan0
route 172.16.0.0/12 via 10.0.0.1 dev wlan0 table 100
route default via 2001:db8::1 dev eth0
rule pref 100 from 10.0.0.5 lookup 100
rule pref 200 fwmark 0x1 lookup 100
T
kinds=("8.8.8.8" "172.16.3.4 from 10.0.0.5" "172.16.3.4 mark 1" "192.0.2.7"
	"" "# comment" "10.9.%d.1" "not-an-address" "1.1.1.%d oif eth0 # c"
	"2001:db8::%d" "2001:4860::%d" "172.16.0.%d" "8.8.8.8 bogus")
for i in $(seq 0 299); do
	printf "${kinds[$((i * 7 % ${#kinds[@]}))]}\n" $((i % 250 + 1))
done >"$t/q"
check lines 300 "$(wc -l <"$t/q")"
for mode in "" "-j"; do
	"$br" get $mode -t "$t/host.table" --batch "$t/q" >"$t/bulk" 2>"$t/bulk.err"
	rb=$?
	"$br" get $mode -t "$t/host.table" --batch - <"$t/q" >"$t/one" 2>"$t/one.err"
	ro=$?
	check "exit$mode" $ro $rb
	check "exit-bad$mode" 1 $rb
	check "out$mode" "$(cat "$t/one")" "$(cat "$t/bulk")"
	check "err$mode" "$(sed 's/<stdin>/F/' "$t/one.err")" \
		"$(sed "s|$t/q|F|" "$t/bulk.err")"
	# every non-blank, non-comment line answered: 300 minus blank/comment
	n=$(grep -cvE '^(#|$)' "$t/q")
	check "count$mode" "$n" "$(wc -l <"$t/bulk")"
done
# the answers themselves: some are routes, some errors, in order
check first-line-route 1 "$(head -1 "$t/bulk" | grep -c '"dst"\|8.8.8.8')"
finish
