#!/bin/bash
# Exit statuses and help, the same for every subcommand (bestroute(1),
# EXIT STATUS): 0 answered, 1 a usage or input error, 2 the answer is an
# error. --help/-h/help print usage on stdout and exit 0; --version too.
# Counts are refused when negative, zero or absurd; messages name the real
# problem. Needs no root: nothing here changes or waits on the host.
set -u
build=$1 src=$2
br="$build/bestroute"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
# want STATUS PATTERN-ON-STDERR ARGS...: the exit status, and a message
want() {
	local st=$1 pat=$2 rc
	shift 2
	timeout 10 "$br" "$@" >"$t/out" 2>"$t/err" </dev/null; rc=$?
	if [ "$rc" != "$st" ]; then
		fail=$((fail + 1)); echo "FAIL [$*]: exit $rc, want $st: $(head -3 "$t/err")"
	elif [ -n "$pat" ] && ! grep -q -e "$pat" "$t/err"; then
		fail=$((fail + 1)); echo "FAIL [$*]: stderr lacks '$pat': $(head -3 "$t/err")"
	else
		pass=$((pass + 1))
	fi
}
# help: usage on stdout, nothing on stderr, exit 0
helps() {
	want 0 "" "$@"
	if ! grep -q "usage: bestroute" "$t/out" || [ -s "$t/err" ]; then
		fail=$((fail + 1)); echo "FAIL [$*]: help not on stdout"
	fi
}
tbl=$src/examples/server.table

helps --help
helps -h
helps help
helps help get
for cmd in get show snapshot convert verify route monitor; do
	helps $cmd --help
	helps $cmd -h
done
want 0 "" --version
grep -qx "bestroute [0-9]*\.[0-9]*" "$t/out" || { fail=$((fail + 1)); echo "FAIL --version: $(cat "$t/out")"; }
want 1 "unknown command 'bogus'" bogus
want 1 "usage" ""
want 1 "help: unknown command 'bogus'" help bogus

# get: answered, route error, usage and input errors
want 0 "" get -t "$tbl" 8.8.8.8
want 0 "" get --table="$tbl" -j -- 8.8.8.8
want 2 "" get -t "$tbl" 192.0.2.1 oif lo from 192.0.2.99
want 1 "unknown word 'bogus'" get -t "$tbl" 8.8.8.8 bogus
want 1 "'from' needs a value" get -t "$tbl" 8.8.8.8 from
want 1 "--batch needs a file" get -t "$tbl" --batch
want 1 "-t needs a file" get -t
want 1 "unknown option '--bogus'" get --bogus 8.8.8.8
want 1 "--json takes no value" get --json=yes -t "$tbl" 8.8.8.8
want 1 "which destination" get -t "$tbl"
want 1 "bad destination 'fe80::1%nosuch'" get -t "$tbl" fe80::1%nosuch
want 1 "no link with index 999" get -t "$tbl" fe80::1%999
want 1 "unknown policy 'bsd'" get --policy bsd -t "$tbl" 8.8.8.8
want 1 "unknown format 'xml'" get --format xml -t "$tbl" 8.8.8.8
want 1 "nosuch.table" get -t "$t/nosuch.table" 8.8.8.8
want 1 "no words after it" get -t "$tbl" --batch - 8.8.8.8
# ip's order: options before the command
want 0 "" -j -p get -t "$tbl" 8.8.8.8
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$t/out" || { fail=$((fail + 1)); echo "FAIL -j get: not JSON"; }
want 0 "" -4 show -t "$tbl"
want 1 "unknown option '-4'" -4 get -t "$tbl" 8.8.8.8
# show, convert
want 0 "" show -t "$tbl"
want 0 "" show -4 -j -t "$tbl"
want 1 "unknown word 'bogus'" show -t "$tbl" bogus
want 1 "unknown option '-x'" show -x
want 1 "--to" convert "$tbl"
want 1 "unknown format 'yaml'" convert --to yaml "$tbl"
want 1 "which files" convert --to json
# snapshot, verify, monitor, route: usage errors before the host is asked
want 1 "unknown word 'bogus'" snapshot bogus
want 1 "unknown option '--json'" snapshot --json
want 1 "must be at least 1" verify --count 0
want 1 "positive whole number, not '-5'" verify --count -5
want 1 "too large" verify --count 99999999999999999999
want 1 "positive whole number, not '1e3'" verify --count 1e3
want 1 "positive whole number" verify --max-seconds -1
want 1 "--seed wants a number" verify --seed x
want 1 "unknown option '--bogus'" verify --bogus
want 1 "positive whole number, not '-1'" monitor --count -1
want 1 "must be at least 1" monitor --count 0
want 1 "too large" monitor --count=18446744073709551615
want 1 "unknown object 'bogus'" monitor --objects route,bogus
want 1 "add, change, replace, append or del" route
want 1 "unknown word 'bogus'" route bogus 10.0.0.0/8
want 1 "which route" route add
echo "$pass passed, $fail failed"
[ $fail = 0 ]
