#!/bin/bash
# `bestroute get --batch` with hostile lines: a 1 MiB line and a line of
# too many words are each an error naming FILE:LINE, not a crash and not
# the end of the batch; the lines around them are still answered, and
# each bad line answers "error: ..." in its place.
set -u
build=$1 src=$2
bin="$build/bestroute"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

{
	echo "192.0.2.77"
	head -c 1048576 /dev/zero | tr '\0' 'x'; echo
	echo "10.1.2.3 $(yes mark 1 | head -40 | tr '\n' ' ')"
	echo "198.51.100.9"
	head -c 2000000 /dev/zero | tr '\0' '1'	# a last line without newline
} >"$tmp/batch"

"$bin" get --table "$src/examples/server.table" --batch "$tmp/batch" \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] || fail "exit status $rc (want 1): $(cat "$tmp/err")"
grep -q "batch:2: line longer than 4096 bytes" "$tmp/err" || fail "line 2: $(cat "$tmp/err")"
grep -q "batch:3: more than 64 words" "$tmp/err" || fail "line 3: $(cat "$tmp/err")"
grep -q "batch:5: line longer than 4096 bytes" "$tmp/err" || fail "line 5: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/out")" = 5 ] || fail "answers: $(cat "$tmp/out")"
sed -n 1p "$tmp/out" | grep -q "^192.0.2.77 " && sed -n 4p "$tmp/out" | grep -q "^198.51.100.9 " ||
	fail "answers: $(cat "$tmp/out")"
[ "$(grep -c '^error: line [235]: ' "$tmp/out")" = 3 ] || fail "error answers: $(cat "$tmp/out")"
[ "$(grep -c 'batch:2:' "$tmp/err")" = 1 ] || fail "line 2 said more than once: $(cat "$tmp/err")"
# the same through standard input
"$bin" get --table "$src/examples/server.table" --batch - <"$tmp/batch" \
	>"$tmp/out2" 2>/dev/null
cmp -s "$tmp/out" "$tmp/out2" || fail "stdin answers differ"
echo ok
