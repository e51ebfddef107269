#!/bin/bash
# run.sh BUILD SRC NAME - one Windows-style test program of tests/compat:
# NAME.c compiled unchanged as C and as C++ against the compat headers
# alone (plain cc -I include/bestroute/compat, warnings as errors; a
# program with L"..." literals also gets -fshort-wchar, which is what
# `pkg-config --cflags bestroute-winapi` adds) and linked with
# -lbestroute; then each line of NAME.cases runs both builds:
#   TABLE KEY=VALUE...   BESTROUTE_TABLE=SRC/TABLE (a table file)
#   live KEY=VALUE...    the live host: a network namespace of our own
#                        (live_ns below), as root; skipped otherwise
# The program checks its answers against the KEY=VALUE expectations.
set -u
build=$1 src=$2 name=$3
cache="$build/CMakeCache.txt"
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$cache" 2>/dev/null)
cc=${cc:-${CC:-cc}}
case $(basename "$cc") in
clang*) cxx=clang++ ;;
*) cxx=g++ ;;
esac
san=$(sed -n 's/^BRT_SANITIZE:STRING=//p' "$cache" 2>/dev/null)
extra=""
[ -n "$san" ] && extra="-fsanitize=$san"
command -v "$cc" >/dev/null || { echo "no C compiler: skipped"; exit 77; }
[ -e "$build/libbestroute.so" ] || { echo "no shared library: skipped"; exit 77; }
tmp=$(mktemp -d)
ns=""
cleanup() {
	[ -n "$ns" ] && ip netns del "$ns" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

flags="-Wall -Wextra -Werror -I $src/include/bestroute/compat"
grep -q "L\"" "$src/tests/compat/$name.c" && flags="$flags -fshort-wchar"
link="-L $build -lbestroute -Wl,-rpath,$build -lpthread"
bins=()
$cc $extra $flags "$src/tests/compat/$name.c" -o "$tmp/$name-c" $link ||
	fail "$name.c does not build as C"
bins+=("$tmp/$name-c")
if command -v "$cxx" >/dev/null; then
	$cxx $extra $flags -x c++ "$src/tests/compat/$name.c" -x none \
		-o "$tmp/$name-cxx" $link || fail "$name.c does not build as C++"
	bins+=("$tmp/$name-cxx")
else
	echo "note: $cxx missing, C++ not built"
fi

# The live host: lo, veth d0 (index 3, its peer p0 is 2: 192.0.2.10/24,
# 2001:db8:10::10/64, defaults via .1 metric 50) and veth d1 (index 5,
# peer p1 4: 198.51.100.10/24, default via .1 metric 100,
# 203.0.113.0/24 via .1 metric 5).
live_ns() {
	[ -n "$ns" ] && return 0
	[ "$(id -u)" = 0 ] && command -v ip >/dev/null || return 1
	ns=brtc$$
	ip netns add "$ns" 2>/dev/null || { ns=""; return 1; }
	local x="ip -n $ns"
	$x link set lo up &&
	$x link add d0 type veth peer name p0 &&
	$x link add d1 type veth peer name p1 &&
	$x link set p0 up && $x link set p1 up &&
	$x link set d0 up && $x link set d1 up &&
	$x addr add 192.0.2.10/24 dev d0 &&
	$x addr add 2001:db8:10::10/64 dev d0 nodad &&
	$x addr add 198.51.100.10/24 dev d1 &&
	$x route add default via 192.0.2.1 dev d0 metric 50 &&
	$x route add default via 198.51.100.1 dev d1 metric 100 &&
	$x route add 203.0.113.0/24 via 198.51.100.1 dev d1 metric 5 &&
	$x -6 route add default via 2001:db8:10::1 dev d0 metric 50 ||
		fail "cannot set up namespace $ns"
}

runs=0 skipped=0
while read -r where args; do
	case $where in ''|'#'*) continue ;; esac
	for bin in "${bins[@]}"; do
		if [ "$where" = live ]; then
			if ! live_ns; then
				skipped=$((skipped + 1))
				continue
			fi
			out=$(ip netns exec "$ns" env -u BESTROUTE_TABLE \
				"$bin" $args 2>&1)
		else
			out=$(BESTROUTE_TABLE="$src/$where" "$bin" $args 2>&1)
		fi || fail "$(basename "$bin") on $where $args:
$out"
		runs=$((runs + 1))
	done
done <"$src/tests/compat/$name.cases"
[ $runs = 0 ] && { echo "skipped: no case could run ($skipped need root)"; exit 77; }
note=""
[ $skipped != 0 ] && note=", $skipped live runs skipped (not root or no netns)"
echo "ok: $runs runs$note"
