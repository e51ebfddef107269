#!/bin/bash
# manpages.sh - the man pages render without groff warnings, and stay
# complete: bestroute.3 names every function of the public headers,
# bestroute.1 every subcommand of the tool and every option (from the
# option tables) and query word it accepts.
set -u
build=$1 src=$2
command -v groff >/dev/null || { echo "skip: groff missing"; exit 77; }
fail=0
for m in "$src"/man/*.[0-9]; do
	w=$(groff -man -Tutf8 -ww -z "$m" 2>&1)
	[ -z "$w" ] || { echo "FAIL: $(basename "$m") renders with warnings:"; echo "$w" | head -5; fail=1; }
done
for f in $(grep -ho 'brt_[a-z0-9_]*(' "$src"/include/bestroute/bestroute.h \
	   "$src"/include/bestroute/live.h | tr -d '(' | sort -u); do
	grep -q "$f" "$src/man/bestroute.3" || { echo "FAIL: bestroute.3 does not describe $f"; fail=1; }
done
# bestroute-winapi.3 names every Windows function the library exports.
for f in $(sed -n '/global:/,/local:/p' "$src/src/libbestroute.map" |
	   grep -oE '^[[:space:]]+[A-Za-z][A-Za-z0-9_]*;' | tr -d ' \t;' | grep -v '^brt_'); do
	grep -q "$f" "$src/man/bestroute-winapi.3" ||
		{ echo "FAIL: bestroute-winapi.3 does not describe $f"; fail=1; }
done
# ... and every compat export (brt_kernel_*, brt_winsock_* too) and every
# function the compat headers declare or define inline, by the name a
# program calls or the exported symbol behind it.
compat=$(cat "$src"/include/bestroute/compat/*.h)
for f in $(sed -n '/global:/,/local:/p' "$src/src/libbestroute.map" |
	   grep -oE '^[[:space:]]+[A-Za-z][A-Za-z0-9_]*;' | tr -d ' \t;'); do
	grep -qw "$f" <<<"$compat" || continue
	grep -qw "$f" "$src/man/bestroute-winapi.3" ||
		{ echo "FAIL: bestroute-winapi.3 does not describe compat export $f"; fail=1; }
done
for f in $(grep -hoE '^(static inline )?[A-Za-z_][A-Za-z0-9_ *]*[ *]([A-Za-z_][A-Za-z0-9_]+)\(' \
	   "$src"/include/bestroute/compat/*.h | grep -oE '[A-Za-z_][A-Za-z0-9_]+\($' | tr -d '(' | sort -u); do
	grep -qw "$f" "$src/man/bestroute-winapi.3" ||
		{ echo "FAIL: bestroute-winapi.3 does not describe $f (declared in include/bestroute/compat)"; fail=1; }
done
page=$(groff -man -Tascii "$src/man/bestroute.1" 2>/dev/null | col -b)
words=$(grep -ho '{"[a-z]*", cmd_' "$src"/tools/main.c | cut -d'"' -f2
	grep -hoE 'strcmp\([a-z]+(\[[a-z]+\])?, "-[a-z-]*"\)' "$src"/tools/*.c | cut -d'"' -f2
	# option tables: {"name", 'x' or 0, ...} is --name
	grep -hoE '\{"[a-z][a-z-]*", ('"'"'.'"'"'|0), ' "$src"/tools/*.c "$src"/tools/cli.h |
		cut -d'"' -f2 | sed 's/^/--/' 
	grep -hoE 'strcmp\(w, "[a-z]+"\)' "$src"/tools/query_parse.c | cut -d'"' -f2)
for w in $words; do
	grep -q -- "$w" <<<"$page" || { echo "FAIL: bestroute.1 does not mention '$w'"; fail=1; }
done
[ $fail = 0 ] && echo "ok: $(ls "$src"/man/*.[0-9] | wc -l) pages render; API and options covered"
exit $fail
