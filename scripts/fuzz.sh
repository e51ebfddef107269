#!/bin/bash
# fuzz.sh BUILD_DIR SECONDS [SOURCE_DIR] - run each libFuzzer target of
# BUILD_DIR (configured with -DBRT_FUZZ=ON) for SECONDS, from a scratch
# corpus seeded with the examples and test data (BUILD_DIR/fuzz-corpus,
# never committed). Prints the executions each survived; exits non-zero on
# the first crash, leaving the reproducer in BUILD_DIR/fuzz-crashes.
set -u
build=$1 seconds=$2 src=${3:-$(cd "$(dirname "$0")/.." && pwd)}
corpus=$build/fuzz-corpus crashes=$build/fuzz-crashes
mkdir -p "$crashes"

seed() {	# seed NAME FILES...
	local name=$1 f
	shift
	mkdir -p "$corpus/$name"
	for f in "$@"; do
		[ -f "$f" ] && cp "$f" "$corpus/$name/seed-$(basename "$f")"
	done
	return 0
}
seed fuzz_text "$src"/examples/*.table "$src"/fuzz/regress/*.table \
	$(find "$src/tests/data" -name '*.table')
# The importer takes the family hint from the first byte (0: guess).
mkdir -p "$corpus/fuzz_ipjson"
for f in "$src"/tests/data/ipj/*.json "$src"/tests/data/json-table/*.json; do
	{ printf '\0'; cat "$f"; } >"$corpus/fuzz_ipjson/seed-$(basename "$f")"
done
seed fuzz_nl_decode
seed fuzz_lookup_diff
seed fuzz_compat "$src"/examples/windows.table "$src"/tests/data/compat/*.table

status=0
for name in fuzz_text fuzz_ipjson fuzz_nl_decode fuzz_lookup_diff fuzz_compat; do
	log=$build/$name.log
	"$build/$name" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
		-rss_limit_mb=1024 -print_final_stats=1 \
		-artifact_prefix="$crashes/$name-" "$corpus/$name" >"$log" 2>&1
	rc=$?
	runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
	printf '%-18s %ss: %s executions, corpus %s files, exit %d\n' "$name" \
		"$seconds" "${runs:-?}" "$(ls "$corpus/$name" | wc -l)" $rc
	if [ $rc != 0 ]; then
		grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5
		status=1
	fi
done
exit $status
