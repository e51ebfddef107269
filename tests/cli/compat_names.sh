#!/bin/bash
# compat_names.sh - every name issue 21 lists (functions, types, members,
# constants, header spellings; tests/cli/compat_names.c) compiles with
# plain cc and c++, only -I include/bestroute/compat, no defines, warnings
# as errors: a Windows program finds them where the SDK puts them.
set -u
build=$1 src=$2
command -v cc >/dev/null || { echo "skip: cc missing"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
inc="-I $src/include/bestroute/compat"
fail=0
cc -Wall -Wextra -Werror $inc -c "$src/tests/cli/compat_names.c" -o "$t/c.o" ||
	{ echo "FAIL: compat_names.c does not build as C"; fail=1; }
if command -v c++ >/dev/null; then
	c++ -Wall -Wextra -Werror $inc -x c++ -c "$src/tests/cli/compat_names.c" \
		-o "$t/cxx.o" || { echo "FAIL: compat_names.c does not build as C++"; fail=1; }
else
	echo "note: c++ missing, C++ not checked"
fi
[ $fail = 0 ] && echo "ok: every listed name compiles as C and C++"
exit $fail
