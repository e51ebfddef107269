# check.sh - what the tests/cli scripts share, sourced after `build=$1`:
# $br (the CLI under test), $t (a temporary directory removed on exit),
# the pass/fail counters, check and has, and finish (the summary
# line and the exit status). In a folder of its own because every
# tests/cli/*.sh is a test of its own (CMake's glob).
br="$build/bestroute"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
check() {	# check NAME EXPECTED ACTUAL: equal strings
	if [ "$2" == "$3" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $1: expected [$2] got [$3]"; fi
}
has() {	# has NAME PATTERN TEXT: the pattern occurs in the text
	if grep -q -e "$2" <<<"$3"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $1: [$2] not in [$3]"; fi
}
finish() {	# the summary; exits 0 only when nothing failed
	echo "$pass passed, $fail failed"
	[ "$fail" = 0 ]
	exit
}
