#!/bin/bash
# Table files that are not what they should be: binary input stops at its
# first bad byte (-t /dev/zero answers at once, naming file, line and byte
# offset, with the byte escaped), a UTF-8 BOM is accepted, a directory says
# so, an empty table warns; `ip -j` dumps: too large numbers, duplicate
# links, \u0000 in names refused; names that are not UTF-8 are printed
# escaped, in text and in JSON, and no JSON escapes slashes.
set -u
build=$1
. "$(dirname "$0")/lib/check.sh"

# /dev/zero: refused at once (a 10 s timeout would mean it read on)
err=$(timeout 10 "$br" show -t /dev/zero 2>&1); rc=$?
check zero-exit 1 $rc
check zero-message "bestroute: /dev/zero:1: byte offset 0: a NUL byte (\\x00): not a text table or an \`ip -j\` dump" "$err"
printf 'link eth0 index 2\nroute default dev eth0\nlink e\xff\x1bx index 3\n' >"$t/bad.table"
err=$("$br" show -t "$t/bad.table" 2>&1); rc=$?
check bad-utf8-exit 1 $rc
has bad-utf8 "bad.table:3: byte offset 47: invalid UTF-8 (\\\\xff)" "$err"
LC_ALL=C grep -q $'\xff' <<<"$err" && { fail=$((fail + 1)); echo "FAIL: a raw byte reached stderr"; }
printf 'link eth0 index 2\n# \x1b[31m\n' >"$t/esc.table"
has control-byte "esc.table:2: byte offset 20: a control byte (\\\\x1b)" "$("$br" show -t "$t/esc.table" 2>&1)"
printf 'link eth0 index 2\nroute default dev eth0\x00 metric 5\n' >"$t/nul.table"
has nul-line "nul.table:2: byte offset 40: a NUL byte" "$("$br" show -t "$t/nul.table" 2>&1)"
# a BOM, in both formats
printf '\xef\xbb\xbflink eth0 index 2\nroute default dev eth0\n' >"$t/bom.table"
out=$("$br" get -t "$t/bom.table" 8.8.8.8 2>&1); rc=$?
check bom-text "0 8.8.8.8 dev eth0" "$rc $out"
printf '\xef\xbb\xbf[{"ifindex":2,"ifname":"eth0","flags":["UP","LOWER_UP"]}]' >"$t/bom.json"
printf '[{"dst":"default","dev":"eth0"}]' >"$t/route.json"
out=$("$br" get -t "$t/bom.json" -t "inet:$t/route.json" 8.8.8.8 2>&1); rc=$?
check bom-json "0 8.8.8.8 dev eth0" "$rc $out"
# a directory, an empty table
check directory "bestroute: $t: is a directory" "$("$br" show -t "$t" 2>&1)"
: >"$t/empty.table"
out=$("$br" get -t "$t/empty.table" 8.8.8.8 2>&1 >/dev/null)
check empty "warning: $t/empty.table: no routes" "$out"
check not-empty "" "$("$br" get -t "$t/bom.table" 8.8.8.8 2>&1 >/dev/null)"

# ip -j: numbers too large, duplicate links, NUL in a name
echo '[{"ifindex":2,"ifname":"eth0","mtu":99999999999999999999}]' >"$t/big.json"
err=$("$br" show -t "$t/big.json" 2>&1)
has too-large '"mtu": the number is too large' "$err"
grep -q 18446744073709551615 <<<"$err" && { fail=$((fail + 1)); echo "FAIL: saturated value shown: $err"; }
echo '[{"ifindex":1,"ifname":"lo"},{"ifindex":2,"ifname":"eth0"},{"ifindex":3,"ifname":"eth0"}]' >"$t/dup.json"
check dup-link "bestroute: $t/dup.json: record 3: duplicate link 'eth0' (first at record 2)" \
	"$("$br" show -t "$t/dup.json" 2>&1)"
echo '[{"ifindex":2,"ifname":"eth0"},{"ifindex":2,"ifname":"eth1"}]' >"$t/dupi.json"
has dup-index "record 2: duplicate link index 2 (first at record 1)" "$("$br" show -t "$t/dupi.json" 2>&1)"
echo '[{"ifindex":2,"ifname":"et\u0000h0"}]' >"$t/nul.json"
has nul-name 'cannot hold \\u0000' "$("$br" show -t "$t/nul.json" 2>&1)"
# a name that is not UTF-8: escaped in text and in every JSON
printf '[{"ifindex":2,"ifname":"e\xff\x1bh","flags":["UP","LOWER_UP"]}]' >"$t/raw.json"
printf '[{"dst":"10.0.0.0/24","dev":"e\xff\x1bh"}]' >"$t/raw-route.json"
out=$("$br" show -t "$t/raw.json" -t "$t/raw-route.json" 2>&1)
has raw-text 'link e\\xff\\x1bh index 2' "$out"
out=$("$br" show -j -t "$t/raw.json" -t "$t/raw-route.json")
check raw-json-valid 'e\xff\x1bh' "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["links"][0]["ifname"])' <<<"$out")"
out=$("$br" get -j -t "$t/raw.json" -t "$t/raw-route.json" 10.0.0.1)
check raw-get-json 'e\xff\x1bh' "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["interface"])' <<<"$out")"
# slashes are never escaped
has no-slash-escape '"prefix":"10.0.0.0/24"' "$out"
out=$("$br" show -j -t "$t/raw.json" -t "$t/raw-route.json")
grep -q '\\/' <<<"$out" && { fail=$((fail + 1)); echo "FAIL: escaped slash in show -j: $out"; }
# and in convert's ip-batch
batch=$("$br" convert --to ip-batch "$t/raw.json" "inet:$t/raw-route.json")
has raw-ipbatch 'route add 10.0.0.0/24 dev e\\xff\\x1bh' "$batch"
LC_ALL=C grep -q $'\xff' <<<"$batch" && { fail=$((fail + 1)); echo "FAIL: a raw byte in ip-batch"; }
finish
