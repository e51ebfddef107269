#!/bin/bash
# gen.sh - regenerate the `ip -j` fixtures of this directory (needs root).
# Builds two namespaces (ipjson-ns1, ipjson-ns2) joined by veth pairs, fills
# them with addresses, routes of every type, nexthop objects and rules, and
# saves each dump as NS-KIND.json. Also saves the host's dumps as host-*.
set -e
cd "$(dirname "$0")"
N1=ipjson-ns1 N2=ipjson-ns2
cleanup() { ip netns del $N1 2>/dev/null || true; ip netns del $N2 2>/dev/null || true; }
trap cleanup EXIT
cleanup
ip netns add $N1
ip netns add $N2
x() { ip -n $N1 "$@"; }
x link set lo up
ip link add v1 netns $N1 type veth peer name p1 netns $N2
ip link add v2 netns $N1 type veth peer name p2 netns $N2
ip link add v3 netns $N1 type veth peer name p3 netns $N2   # p3 stays down
ip -n $N2 link set p1 up; ip -n $N2 link set p2 up
x link add br0 type bridge
x link set v2 master br0
x link set v1 mtu 1400 group 7 up
x link set v2 up; x link set br0 up; x link set v3 up
x addr add 10.1.0.1/24 dev v1
x addr add 10.1.0.2/24 dev v1                      # secondary
x addr add 10.1.5.1/24 dev v1 label v1:x noprefixroute metric 50
x addr add 10.2.0.1/24 brd 10.2.0.255 dev br0
x addr add 10.9.0.1 peer 10.9.0.2/32 dev v3
x addr add 10.3.0.1/24 dev v3
x addr add 2001:db8:1::1/64 dev v1 nodad
x addr add 2001:db8:1::2/64 dev v1 nodad noprefixroute valid_lft 3600 preferred_lft 1800
x addr add 2001:db8:2::1/64 dev br0 nodad home
x addr add 2001:db8:3::1/64 dev v3 nodad
sleep 1
x route add default via 10.1.0.254 dev v1 metric 100 proto static
x route add 10.20.0.0/16 via 10.1.0.254 dev v1 onlink proto 42 src 10.1.0.1
x route add 10.21.0.0/16 dev br0 scope link proto dhcp tos 0x10
x route add 10.22.0.0/16 nexthop via 10.1.0.254 dev v1 weight 3 nexthop via 10.2.0.254 dev br0 weight 1
x route add blackhole 10.23.0.0/16
x route add unreachable 10.24.0.0/16 metric 5
x route add prohibit 10.25.0.0/16
x route add throw 10.26.0.0/16 table 100
x route add 10.27.0.1 via 10.3.0.254 dev v3
x route add 10.28.0.0/16 via 10.1.0.254 dev v1 mtu 1300 table 100
x route add default via 10.2.0.254 dev br0 table 200
x route add unreachable default table 201
x route add local 10.29.0.1 dev v1 table 100
x route add broadcast 10.1.0.128 dev v1 table 100
x route add multicast 224.1.0.0/16 dev v1 table 100 proto static
x route add 10.30.0.0/16 via inet6 2001:db8:1::fe dev v1
x route add 10.31.0.0/16 via 10.3.0.254 dev v3   # v3 has no carrier: linkdown
x route add 2001:db8:10::/48 via 2001:db8:1::fe dev v1 metric 256 pref high proto ra
x route add 2001:db8:11::/48 dev br0 metric 1024 expires 600
x route add 2001:db8:12::1 via 2001:db8:2::fe dev br0 table 100
x route add unreachable 2001:db8:13::/48
x route add 2001:db8:14::/48 nexthop via 2001:db8:1::fe dev v1 weight 2 nexthop via 2001:db8:2::fe dev br0
x route add default via fe80::1 dev v1 metric 1024 table 200
x route add 2001:db8:15::/48 from 2001:db8:1::/64 via 2001:db8:1::fe dev v1
x -6 route add blackhole default table 201
x nexthop add id 1 via 10.1.0.254 dev v1
x nexthop add id 2 via 10.2.0.254 dev br0 proto static
x nexthop add id 3 via 2001:db8:1::fe dev v1
x nexthop add id 4 blackhole
x nexthop add id 5 via 10.9.9.9 dev v1 onlink
x nexthop add id 10 group 1/2
x nexthop add id 11 group 1,3/2,1
x nexthop add id 12 via 10.1.0.253 fdb
x route add 10.50.0.0/16 nhid 10
x route add 10.51.0.0/16 nhid 1 table 100
x route add 2001:db8:50::/48 nhid 3
x rule add priority 100 from 10.1.0.0/24 lookup 100
x rule add priority 110 not to 10.50.0.0/16 tos 0x10 lookup 200
x rule add priority 120 fwmark 0x10/0xff iif v1 oif br0 lookup main
x rule add priority 130 uidrange 1000-2000 ipproto tcp sport 1000-2000 dport 80 table 100
x rule add priority 140 l3mdev protocol static
x rule add priority 150 from 10.9.0.0/16 goto 200
x rule add priority 160 from 10.8.0.0/16 prohibit
x rule add priority 170 from 10.7.0.0/16 unreachable
x rule add priority 180 from 10.6.0.0/16 blackhole
x rule add priority 190 nop
x rule add priority 200 lookup main suppress_prefixlength 0
x rule add priority 210 lookup main suppress_ifgroup 7
x rule add priority 220 fwmark 0x5 lookup 201
x -6 rule add priority 100 from 2001:db8:1::/64 lookup 100
x -6 rule add priority 110 to 2001:db8:50::/48 dport 443 ipproto udp table 200
x -6 rule add priority 120 not from all iif v1 lookup 201
x addrlabel add prefix 2001:db8:1::/64 dev v1 label 42
x addrlabel add prefix 2001:db8:99::/48 label 7
sleep 1
dump() { # ns prefix
	local n=$1 p=$2 e="ip -n $1"
	[ "$n" = host ] && e=ip
	$e -j link show >$p-link.json
	$e -j -d link show >$p-link-d.json
	$e -j -s link show >$p-link-s.json
	$e -j addr show >$p-addr.json
	$e -j route show table all >$p-route4.json
	$e -j -6 route show table all >$p-route6.json
	$e -j route show >$p-route4-main.json
	$e -j rule show >$p-rule4.json
	$e -j -6 rule show >$p-rule6.json
	$e -j nexthop show >$p-nexthop.json
	$e -j addrlabel list >$p-addrlabel.json
	$e route show table all >$p-route4.txt
	$e -6 route show table all >$p-route6.txt
}
dump $N1 ns1
dump $N2 ns2
dump host host
