#!/bin/bash
# Regenerate the ip text fixtures (needs root): a namespace with veth
# links, addresses, routes of every type, nexthop objects, rules with every
# selector and address labels; the output of ip goes to this directory.
set -x
N=textfmt-ns1
ip netns del $N 2>/dev/null
ip netns add $N
X="ip -n $N"
$X link set lo up
$X link add v1 type veth peer name v1p
$X link add v2 type veth peer name v2p
$X link add v3 type veth peer name v3p
$X link set v1 up; $X link set v1p up; $X link set v2 up; $X link set v2p up
$X link set v3 up   # v3p down -> linkdown
$X addr add 10.1.0.1/24 dev v1
$X addr add 10.1.0.5/24 dev v1   # secondary
$X addr add 10.2.0.1/24 dev v2 label v2:lab
$X addr add 10.3.0.1/24 dev v3
$X addr add 10.4.0.1 peer 10.4.0.2/32 dev v2
$X addr add 2001:db8:1::1/64 dev v1 nodad
$X addr add 2001:db8:2::1/64 dev v2 nodad
$X addr add 2001:db8:3::1/64 dev v3 nodad
sleep 0.5
$X route add 10.10.0.0/16 via 10.1.0.2 dev v1 metric 10 proto static
$X route add 10.11.0.0/16 via 10.2.0.2 dev v2 src 10.2.0.1 mtu lock 1400 advmss 1300 hoplimit 3 rtt 10 rttvar 5 window 1000 cwnd 10 initcwnd 10 initrwnd 10 ssthresh 100 reordering 3 features ecn quickack 1 congctl cubic fastopen_no_cookie 1 table 100
$X route add 10.9.0.0/16 nexthop via 10.1.0.2 dev v1 weight 2 nexthop via 10.2.0.2 dev v2
$X route add 10.12.0.0/16 via 10.3.0.2 dev v3
$X route add 10.13.0.0/16 via 192.0.2.1 dev v1 onlink
$X route add blackhole 10.20.0.0/16
$X route add unreachable 10.21.0.0/16
$X route add prohibit 10.22.0.0/16
$X route add throw 10.23.0.0/16 table 100
$X route add local 10.24.0.1 dev v1 table 100
$X route add broadcast 10.25.0.255 dev v1 table 100
$X route add anycast 10.26.0.0 dev v1 table 100 2>/dev/null
$X route add multicast 224.1.0.0/16 dev v1 table 100 2>/dev/null
$X route add 10.27.0.0/16 dev v1 scope link tos 0x10 table 100
$X route add 10.28.0.0/16 via 10.1.0.2 realms 1/2 2>/dev/null
$X route add default via 10.1.0.254 dev v1 metric 100
$X route add 10.30.0.0/16 dev v2 proto 99 scope 7
$X route add 10.31.0.0/16 via 10.1.0.2 dev v1 proto dhcp expires 300 2>/dev/null
$X route add 2001:db8:10::/48 via 2001:db8:1::2 dev v1 pref high expires 300
$X route add 2001:db8:11::/48 via 2001:db8:2::2 dev v2 pref low mtu 1400
$X route add unreachable 2001:db8:12::/48
$X route add blackhole 2001:db8:13::/48
$X route add prohibit 2001:db8:14::/48
$X route add throw 2001:db8:15::/48 table 100
$X route add 2001:db8:16::/48 from 2001:db8:99::/48 via 2001:db8:1::2 dev v1
$X route add 2001:db8:17::/48 nexthop via 2001:db8:1::2 dev v1 weight 3 nexthop via 2001:db8:2::2 dev v2
$X route add default via fe80::1 dev v1 metric 1
$X route add 2001:db8:18::/48 via 2001:db8:3::2 dev v3
$X route add local 2001:db8:19::1 dev v1 table 100
$X route add anycast 2001:db8:1a:: dev v1 table 100 2>/dev/null
$X route add multicast ff05::/16 dev v1 table 100 2>/dev/null
$X route add 10.32.0.0/16 via inet6 fe80::1 dev v1 2>/dev/null
$X nexthop add id 1 via 10.1.0.2 dev v1
$X nexthop add id 2 via 10.2.0.2 dev v2
$X nexthop add id 3 via 2001:db8:1::2 dev v1
$X nexthop add id 4 blackhole
$X nexthop add id 5 dev v1
$X nexthop add id 6 via 10.3.0.2 dev v3
$X nexthop add id 7 via 192.0.2.7 dev v1 onlink
$X nexthop add id 10 group 1/2
$X nexthop add id 11 group 1,3/2,5
$X nexthop add id 12 group 1/2 type resilient buckets 8 idle_timer 60 unbalanced_timer 120
$X nexthop add id 13 via 10.1.0.9 dev v1 proto 99
$X route add 10.40.0.0/16 nhid 10
$X route add 10.41.0.0/16 nhid 1
$X route add 10.42.0.0/16 nhid 4
$X route add 2001:db8:40::/48 nhid 3
$X route add 10.43.0.0/16 nhid 12
for f in "" "-6"; do
 $X $f rule add pref 1000 from all uidrange 100-200 lookup 100
 $X $f rule add pref 1001 not from all fwmark 0x1/0xff iif v1 lookup 100 suppress_prefixlength 0
 $X $f rule add pref 1002 to all oif v2 ipproto tcp sport 1000-2000 dport 80 lookup main
 $X $f rule add pref 1003 fwmark 7 goto 1010
 $X $f rule add pref 1004 nop
 $X $f rule add pref 1005 blackhole
 $X $f rule add pref 1006 unreachable
 $X $f rule add pref 1007 prohibit
 $X $f rule add pref 1008 lookup main suppress_ifgroup 5
 $X $f rule add pref 1009 ipproto udp dport 53-54 lookup 100 proto 99
 $X $f rule add pref 1010 l3mdev 2>/dev/null
 $X $f rule add lookup 100
 $X $f rule add iif lo lookup 100 protocol static
done
$X rule add pref 1100 from 10.0.0.0/8 to 192.168.0.0/16 tos 0x10 lookup 100
$X rule add pref 1101 dsfield 0x04 lookup 100 2>/dev/null
$X -6 rule add pref 1100 from 2001:db8::/32 to 2001:db8:1::/48 lookup 100
$X -6 rule add pref 1101 iif v1 oif v2 table 200
$X addrlabel add prefix 2001:db8:5::/48 label 99
$X addrlabel add prefix 2001:db8:6::/48 dev v1 label 98
sleep 0.2
D=$(cd "$(dirname "$0")" && pwd)
$X route show table all > $D/route4.txt
$X -6 route show table all > $D/route6.txt
$X rule show > $D/rule4.txt
$X -6 rule show > $D/rule6.txt
$X nexthop show > $D/nexthop.txt
$X addrlabel list > $D/addrlabel.txt
$X -d route show table all > $D/route4-detail.txt
$X -6 -d route show table all > $D/route6-detail.txt
$X addr show > /tmp/textfmt-addr.txt
ip netns del $N
