#!/bin/bash
# Windows-style programs build against the compat headers alone and link
# with -lbestroute: two files of one program use the user-mode and the
# kernel-mode GetBestRoute2, and the demo prints what a table answers.
set -u
build=$1 src=$2
# Build as the library was built: same compiler, same sanitizers.
cache="$build/CMakeCache.txt"
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$cache" 2>/dev/null)
cc=${cc:-${CC:-cc}}
san=$(sed -n 's/^BRT_SANITIZE:STRING=//p' "$cache" 2>/dev/null)
extra=""
[ -n "$san" ] && extra="-fsanitize=$san"
command -v "$cc" >/dev/null || { echo "no C compiler: skipped"; exit 77; }
[ -e "$build/libbestroute.so" ] || { echo "no shared library: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

inc="-I $src/include/bestroute/compat"
link="-L $build -lbestroute -Wl,-rpath,$build"
$cc $extra -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror $inc \
	"$src/tests/compat/modes_user.c" "$src/tests/compat/modes_kernel.c" \
	-o "$tmp/modes" $link || fail "two modes do not build together"
out=$(BESTROUTE_TABLE="$src/tests/data/compat/win.table" "$tmp/modes") ||
	fail "modes program failed"
[ "$out" = "user 0 2 kernel-none 0xc000000d kernel 0x00000000 3" ] ||
	fail "modes: got '$out'"

# The demo, exactly as examples/ ships it, with only the compat folder.
$cc $extra -Wall -Wextra -Werror $inc "$src/examples/bestroute-winapi-demo.c" \
	-o "$tmp/demo" $link || fail "the demo does not build"
for demo in "$tmp/demo" "$build/bestroute-winapi-demo"; do
	[ -x "$demo" ] || continue
	out=$(BESTROUTE_TABLE="$src/tests/data/compat/win.table" "$demo" 8.8.8.8 10.0.0.5) ||
		fail "demo failed"
	want="interface 3 (wlan0, type 71)
prefix 0.0.0.0/0
next hop 10.0.0.1
metric 0 protocol dhcp
source 10.0.0.5"
	[ "$out" = "$want" ] || fail "demo printed: $out"
	out=$(BESTROUTE_TABLE="$src/tests/data/compat/win.table" "$demo" 2001:db8:aa::1)
	echo "$out" | grep -qx "source fe80::20%3" || fail "demo v6: $out"
	out=$(BESTROUTE_TABLE="$src/tests/data/compat/win.table" "$demo" 198.18.0.1)
	[ "$out" = "GetBestRoute2 failed: 1231" ] || fail "demo no route: $out"
	out=$(BESTROUTE_TABLE=/nonexistent.table "$demo" 8.8.8.8 2>"$tmp/err")
	[ "$out" = "GetBestRoute2 failed: 1003" ] || fail "demo bad table: $out"
	grep -q "cannot load BESTROUTE_TABLE" "$tmp/err" || fail "no reason printed"
	[ "$(grep -c . "$tmp/err")" = 1 ] || fail "reason printed more than once"
done
echo ok
