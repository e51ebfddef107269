#!/bin/bash
# A damaged JSON table document is an error naming where, never a crash
# or a half-loaded table: 150 documents, each one value of the laptop
# example replaced (wrong type, out of range, unknown word, removed key,
# negative, huge, NUL in a string), deterministic (seed 20). Each must load
# (exit 0: the damage was harmless) or be refused with exit 1 and a
# message naming the file and the array and record (or the document;
# FILE:N for a record the builder refuses when the table is finished).
set -u
build=$1 src=$2
br="$build/bestroute"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$br" show -j -t "$src/examples/laptop.table" >"$t/good.json" || exit 1
python3 - "$t/good.json" "$t" <<'P' || exit 1
import json, random, sys
random.seed(20)
good = json.load(open(sys.argv[1]))
bad_values = [None, True, -1, 2**40, 99999999999999999999, 1.5, "", "bogus", "\u0000x",
              [], {}, ["bogus"], "10.0.0.0/33", "::/129", "a" * 300]
def paths(o, p=()):
    if isinstance(o, dict):
        for k, v in o.items():
            yield p + (k,)
            yield from paths(v, p + (k,))
    elif isinstance(o, list):
        for i, v in enumerate(o):
            yield p + (i,)
            yield from paths(v, p + (i,))
all_paths = [p for p in paths(good) if p]
for n in range(150):
    d = json.loads(json.dumps(good))
    p = random.choice(all_paths)
    o = d
    for k in p[:-1]:
        o = o[k]
    if isinstance(o, dict) and random.random() < 0.2:
        del o[p[-1]]
    else:
        o[p[-1]] = random.choice(bad_values)
    json.dump(d, open("%s/d%03d.json" % (sys.argv[2], n), "w"))
P
fail=0 refused=0
for f in "$t"/d*.json; do
	timeout 10 "$br" show -t "$f" >/dev/null 2>"$t/err"; rc=$?
	case $rc in
	0) ;;
	1) refused=$((refused + 1))
	   # the reader names the array and record; the builder's own checks
	   # (when the table is finished) name the record as FILE:N
	   grep -qE "^bestroute: $f(: ((links|addresses|nexthops|routes|rules|addrlabels) record [0-9]+|document|sysctls)|:[0-9]+): " "$t/err" ||
		{ echo "FAIL $(basename "$f"): message: $(cat "$t/err")"; fail=1; } ;;
	*) echo "FAIL $(basename "$f"): exit $rc: $(cat "$t/err")"; fail=1 ;;
	esac
done
[ $refused -ge 75 ] || { echo "FAIL: only $refused of 150 damaged documents refused"; fail=1; }
[ $fail = 0 ] && echo "ok: $refused of 150 refused, the rest harmless"
exit $fail
