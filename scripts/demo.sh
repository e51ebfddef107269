#!/bin/bash
# make run: answer a few queries on the live host and on the example tables.
build=${1:-build}
br="$build/bestroute"
say() { printf '\n$ %s\n' "$*"; "$@"; }
echo "== the live host"
if "$br" snapshot >/dev/null 2>&1; then
	say "$br" get 8.8.8.8
	say "$br" get --json 1.1.1.1
	say "$br" get 2001:4860:4860::8888
	say "$br" get 127.0.0.1
else
	echo "(the live host cannot be read here: showing the example tables only)"
fi
echo; echo "== examples/laptop.table (Wi-Fi, unplugged Ethernet, WireGuard)"
say "$br" get --table examples/laptop.table 1.1.1.1
say "$br" get --table examples/laptop.table --explain 1.1.1.1 mark 0xca6c
say "$br" get --table examples/laptop.table 2606:4700::1111 mark 0xca6c
echo; echo "== examples/server.table (two uplinks, source policy routing)"
say "$br" get --table examples/server.table 8.8.8.8 from 198.51.100.20
say "$br" get --table examples/server.table --json 10.1.2.3
echo; echo "== examples/windows.table (Windows policy)"
say "$br" get --table examples/windows.table --explain 8.8.8.8
say "$br" get --table examples/windows.table 192.168.1.77
exit 0
