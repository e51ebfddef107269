#!/bin/bash
# The differential harness against the running kernel (see
# tests/live/diff_harness.py): 100 random hosts in namespaces, 220 queries
# each. Skips (exit 77) without root, namespaces or python3.
# BRT_HARNESS_HOSTS / BRT_HARNESS_SEED override the defaults.
build=$1 src=$2
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
exec python3 "$src/tests/live/diff_harness.py" --bestroute "$build/bestroute" \
	--hosts "${BRT_HARNESS_HOSTS:-100}" --queries 220 ${BRT_HARNESS_SEED:+--seed $BRT_HARNESS_SEED}
