#!/bin/bash
# headers.sh - every public header compiles on its own (it includes what it
# needs), as C11 with warnings as errors and as C++. The compat headers
# (<windows.h>, <iphlpapi.h>, ...) are compiled with the compat directory
# on the include path, as a ported Windows program sees them.
set -u
build=$1 src=$2
command -v gcc >/dev/null || { echo "skip: gcc missing"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
inc=(-I"$src/include" -I"$src/include/bestroute/compat")
have_cxx=0
command -v g++ >/dev/null && have_cxx=1
fail=0 n=0
for h in "$src"/include/bestroute/*.h "$src"/include/bestroute/compat/*.h; do
	rel=${h#"$src/include/"}
	# live.h is a part of bestroute.h ("do not include directly"), yet
	# must still be valid after it.
	case $rel in
	bestroute/live.h) pre='#include <bestroute/bestroute.h>' ;;
	*) pre='' ;;
	esac
	printf '%s\n#include <%s>\n#include <%s>\ntypedef int brt_header_test_nonempty;\n' "$pre" "$rel" "$rel" >"$t/one.c"
	cp "$t/one.c" "$t/one.cc"
	if ! gcc -std=c11 -Wall -Wextra -Werror -pedantic-errors -fsyntax-only "${inc[@]}" "$t/one.c" 2>"$t/err"; then
		echo "FAIL: $rel is not valid C11 on its own:"; head -5 "$t/err"; fail=1
	fi
	if [ $have_cxx = 1 ] &&
	   ! g++ -std=c++11 -Wall -Wextra -Werror -fsyntax-only "${inc[@]}" "$t/one.cc" 2>"$t/err"; then
		echo "FAIL: $rel is not valid C++ on its own:"; head -5 "$t/err"; fail=1
	fi
	n=$((n + 1))
done
[ $have_cxx = 1 ] || echo "note: g++ missing, C++ not checked"
[ $fail = 0 ] && echo "ok: $n headers compile alone (twice included)"
exit $fail
