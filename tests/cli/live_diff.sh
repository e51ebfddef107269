#!/bin/bash
# The differential harness against the running kernel (see
# tests/live/diff_harness.py): 100 random hosts in namespaces, 220 queries
# each (22000, a third with from, 40% with oif/mark/uid/tos), answered from
# the live snapshot, by --kernel and from the hosts' ip -j dumps (--table),
# all held to the kernel. Skips (exit 77) without root, namespaces or python3.
# BRT_HARNESS_HOSTS / BRT_HARNESS_SEED override the defaults; the seed is
# fixed (1) so that CI is repeatable; BRT_HARNESS_SEED=random explores.
build=$1 src=$2
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
exec python3 "$src/tests/live/diff_harness.py" --bestroute "$build/bestroute" \
	--hosts "${BRT_HARNESS_HOSTS:-100}" --queries 220 \
	$( [ "${BRT_HARNESS_SEED:-1}" = random ] || echo --seed "${BRT_HARNESS_SEED:-1}" )
