#!/bin/bash
# `make run` keeps the build quiet: one summary line, then the demo; when
# the build fails, the whole log and a non-zero status.
set -u
build=$1 src=$2
command -v make >/dev/null || { echo "SKIP: no make"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
out=$(make -s -C "$src" run BUILD="$build" 2>&1); rc=$?
[ $rc = 0 ] || { echo "FAIL: make run exited $rc: $out" | head -20; fail=1; }
[ "$(head -1 <<<"$out")" = "built $build/bestroute (log: $build/build.log)" ] ||
	{ echo "FAIL: first line: $(head -1 <<<"$out")"; fail=1; }
grep -qE 'Building C|Linking|\[ *[0-9]+%\]|-- Configuring' <<<"$out" && { echo "FAIL: build output shown"; fail=1; }
grep -q '^\$ .*bestroute get' <<<"$out" || { echo "FAIL: no demo"; fail=1; }
# a build that fails shows its log
out=$(make -s -C "$src" run BUILD="$t/b" CMAKE_FLAGS=-DCMAKE_C_COMPILER=/nonexistent/cc 2>&1); rc=$?
[ $rc != 0 ] || { echo "FAIL: a failed build exited 0"; fail=1; }
grep -q "build failed (log: $t/b/build.log)" <<<"$out" && grep -q "nonexistent" <<<"$out" ||
	{ echo "FAIL: failed build without its log: $out" | head -10; fail=1; }
[ $fail = 0 ] && echo ok
exit $fail
