#!/bin/bash
# bench/live/run.sh BUILD DATA [RESULTS.md] - make bench-live.
# Loads the IPv4 and IPv6 Internet prefix sets of DATA (see its README) as
# routes over two veth gateways into a namespace of its own, times that
# load, then runs BUILD/bench_live inside it (snapshot time and memory,
# lookups per second from the snapshot and from the kernel). With a
# RESULTS file and the full sets it writes the "Live host" section there
# (replacing an older one, keeping every other section).
# BENCH_LIVE_PREFIXES=N loads only the first N prefixes of each set (a
# quick run; RESULTS is then left alone). The namespace is always deleted;
# BENCH_LIVE_NS_TAG=TAG puts TAG in its name (next to the PID).
set -u
build=${1:?usage: run.sh BUILD DATA [RESULTS.md]} data=${2:?DATA} results=${3:-}
limit=${BENCH_LIVE_PREFIXES:-0}
secs=${BENCH_LIVE_SECONDS:-3} kq=${BENCH_LIVE_KERNEL_QUERIES:-20000}
ns=verifybench-live${BENCH_LIVE_NS_TAG:+-$BENCH_LIVE_NS_TAG}-$$
tmp=$(mktemp -d)

[ "$(id -u)" = 0 ] || { echo "bench-live: needs root (network namespaces)" >&2; exit 77; }
for f in internet-ipv4-prefixes.txt.xz internet-ipv6-prefixes.txt.xz; do
	[ -r "$data/$f" ] || { echo "bench-live: $data/$f missing (set DATA=)" >&2; exit 1; }
done
[ -x "$build/bench_live" ] || { echo "bench-live: $build/bench_live not built" >&2; exit 1; }
ip netns add "$ns" || exit 1
trap 'ip netns del "$ns" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

ip -n "$ns" -batch - <<CMDS || exit 1
link set lo up
link add v0 type veth peer name p0
link add v1 type veth peer name p1
link set v0 up
link set p0 up
link set v1 up
link set p1 up
addr add 100.127.0.2/24 dev v0
addr add 100.127.1.2/24 dev v1
addr add fdff:0:0:1::2/64 dev v0 nodad
addr add fdff:0:0:2::2/64 dev v1 nodad
CMDS

# One route per prefix, alternating the two gateways.
routes() { # FILE GW0 GW1
	if [ "$limit" -gt 0 ]; then xz -dc "$1" | head -n "$limit"; else xz -dc "$1"; fi |
		awk -v a="$2" -v b="$3" 'NF { print "route add " $1 " via " (NR % 2 ? a : b) }'
}
routes "$data/internet-ipv4-prefixes.txt.xz" 100.127.0.1 100.127.1.1 >"$tmp/v4"
routes "$data/internet-ipv6-prefixes.txt.xz" fdff:0:0:1::1 fdff:0:0:2::1 >"$tmp/v6"

load() { # FAMILY FILE -> "seconds refused"
	local t0 t1 refused
	t0=$(date +%s.%N)
	ip -n "$ns" "$1" -force -batch "$2" 2>"$tmp/err" >/dev/null
	t1=$(date +%s.%N)
	refused=$(grep -c "^Command failed" "$tmp/err")
	printf "%.1f %s\n" "$(echo "$t1 - $t0" | bc)" "$refused"
}
read -r load4 refused4 < <(load -4 "$tmp/v4")
read -r load6 refused6 < <(load -6 "$tmp/v6")
n4=$(wc -l <"$tmp/v4") n6=$(wc -l <"$tmp/v6")
echo "loaded $n4 IPv4 routes in ${load4}s ($refused4 refused), $n6 IPv6 routes in ${load6}s ($refused6 refused)"

loadavg=$(cut -d' ' -f1 /proc/loadavg)
ip netns exec "$ns" "$build/bench_live" "$secs" "$kq" >"$tmp/out" || { cat "$tmp/out"; exit 1; }
hc=${BENCH_LIVE_HANDLE_CHANGES:-50000} hs=${BENCH_LIVE_HANDLE_SAMPLES:-1000}
[ -x "$build/bench_live_handle" ] || { echo "bench-live: $build/bench_live_handle not built" >&2; exit 1; }
ip netns exec "$ns" "$build/bench_live_handle" 100.127.0.1 "$hc" "$hs" >>"$tmp/out" ||
	{ cat "$tmp/out"; exit 1; }
cat "$tmp/out"
val() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/out"; }
[ -n "$results" ] && [ "$limit" = 0 ] || exit 0

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
section=$(cat <<MD
## Live host

\`make bench-live DATA=$data\` (bench/live/run.sh, bench/live/bench_live.c), $(date -u +%Y-%m-%d):
$(nproc) CPUs ($cpu), Linux $(uname -r). The full prefix sets loaded into a
network namespace as routes over two veth gateways, then one run of bench_live
inside it. Destinations: random addresses inside random routes of the snapshot
(IPv4 and IPv6 in the table's proportion); the same ones for both lookups.

| measure | value |
|---|---|
| load with \`ip -batch\`: IPv4 | $n4 routes in ${load4} s ($refused4 refused) |
| load with \`ip -batch\`: IPv6 | $n6 routes in ${load6} s ($refused6 refused) |
| routes in the snapshot (local and derived included) | $(val routes) |
| brt_live_snapshot, wall time | $(val snapshot_seconds) s |
| snapshot memory: RSS growth | $(val snapshot_rss_mib) MiB |
| snapshot memory: heap in use (mallinfo2) | $(val snapshot_heap_mib) MiB |
| brt_table_lookup from the snapshot, 1 thread | $(val engine_lookups_per_second) lookups/s |
| brt_live_kernel_lookup (2 RTM_GETROUTE round trips each), $(val kernel_queries) queries | $(val kernel_lookups_per_second) lookups/s |
| ratio snapshot / kernel | $(val ratio)x |
| brt_live_open (dump, the first table; it returns before the second) | $(val handle_open_seconds) s |
| open to the first change visible (the thread has built the second table) | $(val handle_ready_seconds) s |
| the handle's memory once ready: RSS growth (model and two tables) | $(val handle_rss_mib) MiB |
| the handle's heap once ready (mallinfo2) | $(val handle_heap_mib) MiB = $(val handle_heap_bytes_per_route) B/route |
| freshness: kernel change to a lookup that reflects it, $(val fresh_samples) single route adds (update thread real-time: $(val handle_realtime)) | median $(val fresh_median_ms) ms, 99th percentile $(val fresh_p99_ms) ms, max $(val fresh_max_ms) ms, $(val fresh_over_1ms) over 1 ms |
| sustained: $(val rate_changes) /32 adds then as many deletes in one \`ip -batch\`, kernel accepting them | $(val rate_kernel_rate) changes/s |
| sustained: the handle following them (until the last is visible), reader quiescent while idle | $(val rate_handle_rate) changes/s ($(val rate_versions) versions: $(val rate_edited) edited, $(val rate_whole) built whole; $(val rate_overflows) overflows) |
| the same again, kernel accepting them | $(val held_kernel_rate) changes/s |
| the handle following them, reader keeping its version while idle | $(val held_handle_rate) changes/s ($(val held_versions) versions: $(val held_edited) edited, $(val held_whole) built whole) |

The kernel figure includes what every \`bestroute get --kernel\` pays: a
netlink socket, the plain request and the \`fibmatch\` request.
The handle figures come from bench/live/bench_live_handle.c on the same
full table. The handle keeps two tables (src/os/linux/live/live_build.c): a
new version is the previous table, once no reader holds it, edited in
place by the changes it lacks, so a version costs the size of the change
(routes, prefix groups and LPM entries changed one by one), not of the
table. A table is built whole only when that cannot work: at open (twice:
the second is the spare, built by the thread after brt_live_open returned),
after link, address, rule or nexthop changes,
and when a reader keeps the spare longer than 100 ms. The handle's memory is its route model, two whole tables and what the
heap kept from building them: about three snapshots (sharing the routes
between model and tables would cut it). The last row's
reader sits idle on the current version while \`ip -batch\` runs instead
of going quiescent as live.h asks, which costs a whole build per burst.
Freshness: the update thread waits for and applies changes in SCHED_FIFO
(src/os/linux/live/live_sched.c; dumps and whole builds in the normal
class). In the normal class a woken thread waited a scheduler tick or more
for a CPU on this two-CPU machine shared with other builds, which was the
whole of the old 15 ms 99th percentile (the edit itself takes tens of
microseconds). The kernel here is PREEMPT_NONE, so a CPU busy inside the
kernel (another namespace's route load or flush) can still delay even a
real-time thread. Each whole table is prepared for editing when built
(core_table_edit_prepare), so the first edit of a table no longer costs
the 30-60 ms of building its prefix index.
Load average at the start of the run: $loadavg.
MD
)
touch "$results"
awk '/^## Live host/ { skip = 1; next } /^## / { skip = 0 } !skip' "$results" >"$tmp/res"
{ cat "$tmp/res"; [ -s "$tmp/res" ] && echo; echo "$section"; } >"$results"
echo "wrote the Live host section of $results"
