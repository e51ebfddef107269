# dad.sh - wait_dad NS: wait (up to 10 s) until no IPv6 address in the
# namespace is tentative. A link's link-local address passes duplicate
# address detection about a second after the link comes up (later on a
# loaded machine); a test comparing our answers with the kernel's must
# not race that change, or the two see different source candidates.
wait_dad() {
	local i
	for i in $(seq 100); do
		[ -z "$(ip -n "$1" -6 addr show tentative 2>/dev/null)" ] && return 0
		sleep 0.1
	done
	echo "note: $1 still has tentative IPv6 addresses after 10 s"
}
