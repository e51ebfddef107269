#!/bin/bash
# The bash completion (completion/bestroute.bash): subcommands, each one's
# options, option values, and this host's interface names after oif/dev.
set -u
src=$2
# shellcheck disable=SC1091
. "$src/completion/bestroute.bash" || { echo "FAIL: the completion does not load"; exit 1; }
compopt() { :; }	# only inside a real completion
fail=0
complete_words() {	# complete_words WORD... : the candidates for the last word
	COMP_WORDS=(bestroute "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_bestroute
	printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd' '
}
want() {	# want DESCRIPTION EXPECTED WORD...
	local d=$1 e=$2 got
	shift 2
	got=$(complete_words "$@")
	[ "$got" == "$e" ] || { echo "FAIL $d: expected [$e] got [$got]"; fail=1; }
}
want subcommands "show snapshot" s
want all-subcommands "--help --version convert get help monitor route show snapshot verify" ""
want get-options "--explain" get --exp
want get-options-k "--kernel" get --k
want policy "linux windows" get --policy ""
want convert-to "ip-batch" convert --to i
want objects "route route,address rule" monitor --objects r
want query-words "from" get 8.8.8.8 fr
want route-ops "add append" route a
want link-names "lo" get 8.8.8.8 oif l
[ $fail = 0 ] && echo ok
exit $fail
