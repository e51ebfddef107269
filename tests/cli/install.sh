#!/bin/bash
# install.sh - the installed library is usable as a packaged C library:
# configure with a prefix, build, install with DESTDIR, then build programs
# with nothing but `pkg-config --cflags --libs bestroute`: one on the
# native API (table from text, one lookup), one written as a Windows
# program (<iphlpapi.h>, GetBestRoute2). Both run against the installed
# shared library; the tool and man pages must be installed too.
set -u
build=$1 src=$2
for tool in cmake cc pkg-config; do
	command -v $tool >/dev/null || { echo "skip: $tool missing"; exit 77; }
done
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
prefix=/opt/bestroute-test dest=$t/dest
fail=0
die() { echo "FAIL: $*"; exit 1; }

# Only the installed targets are built: the test suite is not needed here.
cmake -S "$src" -B "$t/b" -DCMAKE_INSTALL_PREFIX=$prefix >"$t/log" 2>&1 ||
	{ cat "$t/log"; die "configure"; }
cmake --build "$t/b" -j2 --target bestroute_shared bestroute_static bestroute \
	>"$t/log" 2>&1 || { cat "$t/log"; die "build"; }
DESTDIR=$dest cmake --install "$t/b" >"$t/log" 2>&1 || { cat "$t/log"; die "install"; }

root=$dest$prefix
pcdir=$(dirname "$(find "$root" -name bestroute.pc)")
[ -f "$pcdir/bestroute.pc" ] || die "bestroute.pc not installed"
libdir=$(dirname "$pcdir")
for f in "$libdir/libbestroute.a" "$libdir/libbestroute.so.1" "$root/bin/bestroute" \
	 "$root/include/bestroute/bestroute.h" "$root/include/bestroute/live.h" \
	 "$root/include/bestroute/compat/iphlpapi.h" \
	 "$root/share/man/man1/bestroute.1" "$root/share/man/man3/bestroute.3" \
	 "$root/share/man/man3/bestroute-winapi.3" "$root/share/man/man5/bestroute-table.5"; do
	[ -e "$f" ] || { echo "FAIL: not installed: ${f#$dest}"; fail=1; }
done
soname=$(objdump -p "$libdir/libbestroute.so" 2>/dev/null | awk '$1 == "SONAME" {print $2}')
[ "$soname" = libbestroute.so.1 ] || { echo "FAIL: SONAME is '$soname'"; fail=1; }

# The .pc file names the real prefix; DESTDIR is a staging root, which is
# what PKG_CONFIG_SYSROOT_DIR is for.
export PKG_CONFIG_PATH=$pcdir PKG_CONFIG_SYSROOT_DIR=$dest
flags=$(pkg-config --cflags --libs bestroute) || die "pkg-config bestroute"
[ "$(pkg-config --modversion bestroute)" = 1.0.0 ] || { echo "FAIL: modversion"; fail=1; }

cat > "$t/native.c" <<'C'
#include <bestroute/bestroute.h>
#include <stdio.h>
#include <string.h>

static const char table[] =
	"link lo index 1 type loopback\n"
	"link eth0 index 2\n"
	"addr 192.168.1.10/24 dev eth0\n"
	"route default via 192.168.1.1 dev eth0 metric 100\n"
	"route 10.0.0.0/8 via 192.168.1.254 dev eth0\n";

int main(int argc, char **argv)
{
	char err[256], gw[BRT_ADDRSTRLEN], src[BRT_ADDRSTRLEN], pfx[BRT_PREFIXSTRLEN];
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;
	struct brt_query q;
	struct brt_result r;

	if (argc != 2 || !b)
		return 2;
	if (brt_builder_load_text(b, "inline", table, strlen(table), err, sizeof(err)) ||
	    brt_builder_finish(b, &t)) {
		fprintf(stderr, "load: %s %s\n", err, brt_builder_error(b));
		return 1;
	}
	brt_builder_destroy(b);
	brt_query_init(&q);
	if (brt_addr_parse(argv[1], &q.dst) || brt_table_lookup(t, &q, &r))
		return 1;
	if (r.status != BRT_ROUTE_OK) {
		printf("%s\n", brt_status_name(r.status));
	} else {
		brt_prefix_format(&r.prefix, pfx, sizeof(pfx));
		brt_addr_format(&r.gateway, gw, sizeof(gw));
		brt_addr_format(&r.source, src, sizeof(src));
		printf("%s via %s dev %u src %s\n", pfx, gw, r.ifindex, src);
	}
	brt_table_destroy(t);
	return 0;
}
C
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror -o "$t/native" "$t/native.c" $flags ||
	die "native program does not build with: $flags"
run() { LD_LIBRARY_PATH=$libdir "$@"; }
check() {	# check NAME EXPECTED ACTUAL
	[ "$2" == "$3" ] || { echo "FAIL $1: expected [$2] got [$3]"; fail=1; }
}
check native-default "0.0.0.0/0 via 192.168.1.1 dev 2 src 192.168.1.10" "$(run "$t/native" 8.8.8.8)"
check native-longer "10.0.0.0/8 via 192.168.1.254 dev 2 src 192.168.1.10" "$(run "$t/native" 10.1.2.3)"
check native-v6 "no-route" "$(run "$t/native" 2001:db8::1)"
# It really runs the installed shared library, not a copy from elsewhere.
used=$(LD_LIBRARY_PATH=$libdir ldd "$t/native" | awk '/libbestroute/ {print $3}')
check shared-from-prefix "$libdir/libbestroute.so.1" "$used"

# A Windows program: <iphlpapi.h> etc. come from the compat directory that
# pkg-config puts on the include path.
# shellcheck disable=SC2086
cc -Wall -Wextra -Werror -o "$t/win" "$src/examples/bestroute-winapi-demo.c" $flags ||
	die "Windows-style program does not build with: $flags"
out=$(BESTROUTE_TABLE=$src/examples/windows.table run "$t/win" 8.8.8.8)
check win-interface "interface 23 (VPN, type 131)" "$(sed -n 1p <<<"$out")"
check win-source "source 172.31.255.2" "$(grep '^source' <<<"$out")"

# bestroute-winapi.pc: the compat folder alone, and -fshort-wchar so that
# L"..." is 16-bit like WCHAR; a program of W-string names builds with it.
wflags=$(pkg-config --cflags --libs bestroute-winapi) || die "pkg-config bestroute-winapi"
case " $wflags " in
*" -fshort-wchar "*) ;;
*) echo "FAIL: bestroute-winapi cflags lack -fshort-wchar: $wflags"; fail=1 ;;
esac
# shellcheck disable=SC2086
cc -Wall -Wextra -Werror -o "$t/wnames" "$src/tests/compat/wstring_names.c" $wflags ||
	die "the W-names program does not build with: $wflags"
BESTROUTE_TABLE=$src/examples/windows.table run "$t/wnames" name=Wi-Fi index=17 >/dev/null ||
	{ echo "FAIL: the W-names program on the installed library"; fail=1; }

# The installed tool answers too.
check tool "8.8.8.8 dev wg0 table 51820 src 10.66.0.2" \
	"$("$root/bin/bestroute" get --table "$src/examples/laptop.table" 8.8.8.8)"

# bash completion is installed where bash-completion finds it
[ -f "$root/share/bash-completion/completions/bestroute" ] && bash -n "$root/share/bash-completion/completions/bestroute" ||
	{ echo "FAIL completion: not installed in share/bash-completion/completions"; fail=1; }

[ $fail = 0 ] && echo "ok: installed into DESTDIR, built and ran native and Windows-style programs"
exit $fail
