#!/usr/bin/env python3
"""Differential harness: bestroute's snapshot engine against the running kernel.

For each of N random hosts, built in a fresh network namespace (veth links,
some without carrier, one maybe down; IPv4/IPv6 addresses incl. secondary,
deprecated, temporary, home and noprefixroute ones; routes of every type in
several tables, tied metrics, gateways, on-link routes, preferred sources,
multipath; policy rules with every selector and action; IPv6 disabled on
some links), it asks the kernel (`ip -j route get`, and `fibmatch` for the
matched prefix) and bestroute (`bestroute get --json --batch` on its live
snapshot) the same queries and compares type, prefix, table, gateway,
output interface, from, prefsrc, source and error kind (EINVAL, which ip
prints alike for a blackhole route and a refused query, by what
`bestroute get --kernel` tells). The same queries are answered a second
time from the host's `ip -j` dumps (link, addr, route and rule of both
families, nexthop, addrlabel) read with `--table`, with the sysctls the
host set given as our text format's `sysctl` lines (dumps hold none);
--no-dumps skips that.

Queries come in shapes, as `bestroute verify` draws them: plain, with
`from` (one of the host's addresses, or in a quarter of them loopback,
unspecified, not the host's or multicast), with oif/mark/uid/tos, and
their combinations; the summary gives counts per shape. Namespaces are
named brt-h<PID>-<n> (peers brt-p<PID>-<n>), so two runs do not collide.

Multicast destinations are left out: the kernel's per-next-hop route cache
can make later unicast answers through the same next hop report multicast
(see shared docs), which would be a false alarm.

Exit status: 0 when every query agrees and fallbacks stay under 0.5%;
1 on disagreements; 77 when it cannot run (not root, no namespaces).
"""
import argparse
import ipaddress
import json
import os
import random
import subprocess
import sys

ERRORS = {
    "Network is unreachable": "no-route",
    "No route to host": "unreachable",
    "Permission denied": "prohibit",
    "Invalid argument": "blackhole|invalid",
}


def run(args, stdin=None, check=False):
    p = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if check and p.returncode:
        raise RuntimeError(f"{args}: {p.stderr.strip()}")
    return p


def can_run():
    if os.geteuid() != 0:
        return "not root"
    probe = f"brt-probe-{os.getpid()}"
    p = run(["ip", "netns", "add", probe])
    if p.returncode:
        return "ip netns does not work: " + p.stderr.strip()
    run(["ip", "netns", "del", probe])
    return None


class Host:
    """One random host: the ip commands that make it, and what it holds."""

    def __init__(self, rng, idx):
        self.rng = rng
        self.idx = idx
        self.ns = f"brt-h{os.getpid()}-{idx}"  # unique per run
        self.peer_ns = f"brt-p{os.getpid()}-{idx}"
        self.links = []          # names
        self.v4 = []             # (iface, IPv4Interface)
        self.v6 = []
        self.v6_links = set()    # links with IPv6 enabled
        self.prefixes4 = []
        self.prefixes6 = []
        self.cmds = []           # ip -batch lines
        self.sysctls = []        # (key, value)
        self.peer_up = []
        self.refused = 0         # commands the kernel refused (expected)

    # -- construction ---------------------------------------------------
    def build(self):
        r = self.rng
        n = r.randint(1, 4)
        self.links = [f"v{i}" for i in range(n)]
        self.cmds.append("link set lo up")
        for i, name in enumerate(self.links):
            self.cmds.append(f"link add {name} type veth peer name p{i} netns {self.peer_ns}")
            if r.random() < 0.1 and i > 0:
                continue                      # administratively down
            self.cmds.append(f"link set {name} up")
            self.peer_up.append((f"p{i}", r.random() < 0.8))
            if r.random() < 0.15:
                self.sysctls.append((f"net/ipv6/conf/{name}/disable_ipv6", "1"))
            else:
                self.v6_links.add(name)
                self.sysctls.append((f"net/ipv6/conf/{name}/accept_dad", "0"))
                if r.random() < 0.3:
                    self.sysctls.append((f"net/ipv6/conf/{name}/use_tempaddr", "2"))
        if r.random() < 0.2:
            self.sysctls.append(("net/ipv4/conf/all/ignore_routes_with_linkdown", "1"))
        if r.random() < 0.2:
            self.sysctls.append(("net/ipv6/conf/all/ignore_routes_with_linkdown", "1"))
        for name in self.links:
            self.add_addresses(name)
        for _ in range(r.randint(4, 22)):
            self.add_route4()
        for _ in range(r.randint(2, 12)):
            self.add_route6()
        for _ in range(r.randint(0, 6)):
            self.add_rule(4)
        for _ in range(r.randint(0, 3)):
            self.add_rule(6)

    def add_addresses(self, name):
        r = self.rng
        for k in range(r.randint(1, 3)):
            plen = r.choice([24, 24, 16, 28, 30, 31, 32])
            net = ipaddress.ip_network(f"10.{self.links.index(name) * 16 + k}.{r.randint(0, 255)}.0/{max(plen, 16)}", strict=False)
            hosts = list(net.hosts())[:8] if net.num_addresses > 2 else list(net)
            addr = r.choice(hosts)
            extra = " noprefixroute" if r.random() < 0.1 else ""
            brd = " brd +" if r.random() < 0.3 and plen < 31 else ""
            self.cmds.append(f"addr add {addr}/{plen} dev {name}{brd}{extra}")
            self.v4.append((name, ipaddress.ip_interface(f"{addr}/{plen}")))
            self.prefixes4.append(net)
            if r.random() < 0.3 and len(hosts) > 2:
                sec = r.choice([h for h in hosts if h != addr])
                self.cmds.append(f"addr add {sec}/{plen} dev {name}")
                self.v4.append((name, ipaddress.ip_interface(f"{sec}/{plen}")))
        if name not in self.v6_links:
            return
        for k in range(r.randint(0, 2)):
            net = ipaddress.ip_network(f"2001:db8:{self.links.index(name)}{k}::/64")
            addr = net[r.randint(1, 200)]
            opts = r.choice(["", "", " preferred_lft 0", " mngtmpaddr valid_lft 3600 preferred_lft 1800",
                             " noprefixroute", " home"])
            self.cmds.append(f"addr add {addr}/64 dev {name}{opts}")
            self.v6.append((name, ipaddress.ip_interface(f"{addr}/64")))
            self.prefixes6.append(net)

    def gateway4(self):
        cands = [(n, i) for n, i in self.v4 if i.network.prefixlen <= 30]
        if not cands:
            return None
        n, i = self.rng.choice(cands)
        hosts = list(i.network.hosts())[:12]
        # Routing via one of our own addresses is rare in practice and, where
        # the address is also covered in the route's table, its meaning
        # depends on the order routes were added (answered `unsupported`):
        # keep it, but seldom.
        own = {a.ip for _, a in self.v4}
        if self.rng.random() < 0.9 and any(h not in own for h in hosts):
            hosts = [h for h in hosts if h not in own]
        gw = self.rng.choice(hosts)
        return n, gw

    def random_prefix4(self):
        r = self.rng
        c = r.random()
        if c < 0.15:
            return ipaddress.ip_network("0.0.0.0/0")
        if c < 0.5 and self.prefixes4:
            base = r.choice(self.prefixes4)
            plen = r.randint(8, 32)
            return ipaddress.ip_network(f"{base.network_address}/{plen}", strict=False)
        plen = r.choice([8, 12, 16, 20, 24, 24, 28, 32])
        return ipaddress.ip_network(f"{r.choice([10, 172, 192, 198, 203])}.{r.randint(0, 255)}.{r.randint(0, 255)}.0/{plen}", strict=False)

    def add_route4(self):
        r = self.rng
        pfx = self.random_prefix4()
        table = r.choice(["main", "main", "main", "100", "200"])
        metric = r.choice([0, 0, 10, 100, 100, 1024])
        verb = "append" if r.random() < 0.1 else "add"
        t = r.random()
        tail = f"table {table} metric {metric}"
        if t < 0.05:
            line = f"route {verb} blackhole {pfx} {tail}"
        elif t < 0.10:
            line = f"route {verb} unreachable {pfx} {tail}"
        elif t < 0.14:
            line = f"route {verb} prohibit {pfx} {tail}"
        elif t < 0.19 and table != "main":
            line = f"route {verb} throw {pfx} {tail}"
        elif t < 0.22 and table != "main" and self.v4:
            n, i = r.choice(self.v4)
            line = f"route {verb} local {pfx} dev {n} {tail}"
        elif t < 0.24 and table != "main" and self.v4:
            n, i = r.choice(self.v4)
            line = f"route {verb} broadcast {pfx} dev {n} {tail}"
        elif t < 0.30:
            hops = [self.gateway4() for _ in range(r.randint(2, 3))]
            hops = [h for h in hops if h]
            if len(hops) < 2 or len({str(g) for _, g in hops}) < len(hops):
                return
            nh = " ".join(f"nexthop via {g} dev {n} weight {r.randint(1, 3)}" for n, g in hops)
            line = f"route {verb} {pfx} {tail} {nh}"
        else:
            gw = self.gateway4()
            if not gw:
                return
            n, g = gw
            if r.random() < 0.3:
                line = f"route {verb} {pfx} dev {n} {tail}"
            elif r.random() < 0.1:
                line = f"route {verb} {pfx} via 192.0.2.{r.randint(1, 250)} dev {n} onlink {tail}"
            else:
                line = f"route {verb} {pfx} via {g} dev {n} {tail}"
            if r.random() < 0.1:
                own = [str(i.ip) for _, i in self.v4]
                line += f" src {r.choice(own)}"
        self.cmds.append(line)
        self.prefixes4.append(pfx)

    def add_route6(self):
        r = self.rng
        if not self.v6:
            return
        c = r.random()
        if c < 0.15:
            pfx = ipaddress.ip_network("::/0")
        elif c < 0.5:
            base = r.choice(self.prefixes6)
            pfx = ipaddress.ip_network(f"{base.network_address}/{r.randint(32, 128)}", strict=False)
        else:
            pfx = ipaddress.ip_network(f"2001:db8:{r.randint(0x100, 0xfff):x}::/{r.choice([40, 48, 56, 64])}", strict=False)
        table = r.choice(["main", "main", "100"])
        metric = r.choice([256, 1024, 1024, 100, 2048])
        tail = f"table {table} metric {metric}"
        n, i = r.choice(self.v6)
        gw = i.network[r.randint(1, 300)]
        t = r.random()
        verb = "append" if r.random() < 0.15 else "add"
        if t < 0.06:
            line = f"-6 route add blackhole {pfx} {tail}"
        elif t < 0.12:
            line = f"-6 route add unreachable {pfx} {tail}"
        elif t < 0.16:
            line = f"-6 route add prohibit {pfx} {tail}"
        elif t < 0.3:
            line = f"-6 route {verb} {pfx} dev {n} {tail}"
        else:
            line = f"-6 route {verb} {pfx} via {gw} dev {n} {tail}"
        self.cmds.append(line)
        self.prefixes6.append(pfx)

    def add_rule(self, fam):
        r = self.rng
        prio = r.randint(100, 30000)
        sel = []
        if r.random() < 0.3:
            pool = self.v4 if fam == 4 else self.v6
            if pool:
                sel.append(f"from {r.choice(pool)[1].network}")
        if r.random() < 0.3:
            pool = self.prefixes4 if fam == 4 else self.prefixes6
            if pool:
                sel.append(f"to {r.choice(pool)}")
        if r.random() < 0.2:
            sel.append(r.choice(["fwmark 0x1", "fwmark 0x10/0xf0"]))
        if r.random() < 0.15:
            sel.append(f"oif {r.choice(self.links)}")
        if r.random() < 0.1:
            sel.append(r.choice(["iif lo", f"iif {r.choice(self.links)}"]))
        if r.random() < 0.15:
            sel.append("uidrange 1000-2000")
        if r.random() < 0.1:
            sel.append("ipproto tcp dport 80")
        if r.random() < 0.1:
            sel.insert(0, "not")
        a = r.random()
        if a < 0.6:
            act = f"lookup {r.choice(['100', '200', 'main'])}"
            if r.random() < 0.15:
                act += " suppress_prefixlength 0"
        elif a < 0.7:
            act = f"goto {r.randint(prio + 1, 32000)}"
        elif a < 0.75:
            act = "nop"
        else:
            act = r.choice(["blackhole", "unreachable", "prohibit"])
        self.cmds.append(f"-{fam} rule add pref {prio} {' '.join(sel)} {act}")

    # -- namespace life -------------------------------------------------
    def create(self):
        run(["ip", "netns", "add", self.ns], check=True)
        run(["ip", "netns", "add", self.peer_ns], check=True)
        first = [c for c in self.cmds if c.startswith("link")]
        run(["ip", "-n", self.ns, "-force", "-batch", "-"], "\n".join(first) + "\n")
        for key, val in self.sysctls:
            run(["ip", "netns", "exec", self.ns, "sh", "-c", f"echo {val} > /proc/sys/{key}"])
        for peer, up in self.peer_up:
            if up:
                run(["ip", "-n", self.peer_ns, "link", "set", peer, "up"])
        # `ip -batch` takes no per-line family switch: one batch per family
        for fam in ("", "-4 ", "-6 "):
            part = [c[len(fam):] for c in self.cmds
                    if not c.startswith("link") and (c.startswith(fam) if fam else c[0] != "-")]
            if part:
                args = ["ip", "-n", self.ns] + ([fam.strip()] if fam else []) + ["-force", "-batch", "-"]
                p = run(args, "\n".join(part) + "\n")
                self.refused += p.stderr.count("Command failed")

    def destroy(self):
        run(["ip", "netns", "del", self.ns])
        run(["ip", "netns", "del", self.peer_ns])

    # -- queries --------------------------------------------------------
    def destinations(self):
        r = self.rng
        d = []
        for pfx in self.prefixes4 + self.prefixes6:
            if pfx.num_addresses > 1:
                d.append(pfx[r.randint(0, min(pfx.num_addresses - 1, 1 << 30))])
            else:
                d.append(pfx.network_address)
        for _, i in self.v4:
            d.append(i.ip)
            if i.network.prefixlen < 31:
                d.append(i.network.broadcast_address)
        for _, i in self.v6:
            d.append(i.ip)
        for _ in range(10):
            d.append(ipaddress.ip_address(r.randint(1 << 24, 0xdfffffff)))
        d += [ipaddress.ip_address(x) for x in
              ["127.0.0.1", "127.1.2.3", "8.8.8.8", "255.255.255.255", "::1",
               "2001:4860::8888", "fe80::1"]]
        return [x for x in d if not x.is_multicast]

    # The shapes, as `bestroute verify` draws them (tools/verify_shape.c);
    # a quarter of the `from` shapes carry a source that is not one of the
    # host's link addresses.
    FROM_SHAPES = ["from-host"] * 9 + ["from-loopback", "from-unspec", "from-nonlocal"]

    def source(self, shape, dst, own):
        r, v4 = self.rng, dst.version == 4
        if shape == "from-host":
            return r.choice(own)
        if shape == "from-loopback":
            return "127.0.0.1" if v4 else "::1"
        if shape == "from-unspec":
            return "0.0.0.0" if v4 else "::"
        if r.random() < 0.25:
            return "224.0.0.251" if v4 else "ff02::fb"
        return "10.250.0.1" if v4 else "2001:db8:ffff::1"

    def queries(self, count):
        """(query, shape) pairs: ~35% with from, ~35% with a selector."""
        r = self.rng
        dests = self.destinations()
        out = []
        for _ in range(count):
            dst = r.choice(dests)
            words, shape = [str(dst)], []
            own = [str(i.ip) for _, i in (self.v4 if dst.version == 4 else self.v6)]
            if r.random() < 0.35 and own:
                sh = r.choice(self.FROM_SHAPES)
                words += ["from", self.source(sh, dst, own)]
                shape.append(sh)
            if r.random() < 0.2 or (dst.version == 6 and dst.is_link_local):
                words += ["oif", r.choice(self.links)]
                shape.append("oif")
            if r.random() < 0.12:
                words += ["mark", r.choice(["1", "0x11", "0x20"])]
                shape.append("mark")
            if r.random() < 0.12:
                words += ["uid", r.choice(["1500", "0", "3000"])]
                shape.append("uid")
            if dst.version == 4 and r.random() < 0.08:
                words += ["tos", r.choice(["0x10", "0x08", "0x04"])]
                shape.append("tos")
            if r.random() < 0.1:
                words += ["ipproto", "tcp", "dport", r.choice(["80", "443"])]
            out.append((" ".join(words), "+".join(shape) or "plain"))
        return out


def parse_batch(stdout, stderr, n):
    """Align `ip -j -force -batch` output with its n command lines."""
    failed = {}
    last = None
    for line in stderr.splitlines():
        if line.startswith("RTNETLINK answers: "):
            last = line[len("RTNETLINK answers: "):]
        elif line.startswith("Command failed -:"):
            failed[int(line.split(":")[-1]) - 1] = last or "?"
            last = None
    dec = json.JSONDecoder()
    objs, pos = [], 0
    while pos < len(stdout):
        while pos < len(stdout) and stdout[pos].isspace():
            pos += 1
        if pos >= len(stdout):
            break
        obj, pos = dec.raw_decode(stdout, pos)
        objs.append(obj[0] if obj else {})
    res, k = [], 0
    for i in range(n):
        if i in failed:
            res.append({"error": failed[i]})
        else:
            res.append(objs[k] if k < len(objs) else {"error": "missing"})
            k += 1
    return res


def norm_prefix(dst, family):
    if dst == "default":
        return "0.0.0.0/0" if family == 4 else "::/0"
    return dst if "/" in dst else dst + ("/32" if family == 4 else "/128")


def kernel_answers(host, queries):
    lines = [f"route get {q}" for q in queries]
    p = run(["ip", "-n", host.ns, "-j", "-force", "-batch", "-"], "\n".join(lines) + "\n")
    gets = parse_batch(p.stdout, p.stderr, len(lines))
    lines = [f"route get fibmatch {q}" for q in queries]
    p = run(["ip", "-n", host.ns, "-d", "-j", "-force", "-batch", "-"], "\n".join(lines) + "\n")
    fibs = parse_batch(p.stdout, p.stderr, len(lines))
    return gets, fibs


def our_answers(bestroute, host, queries, path, kernel=False):
    with open(path, "w") as f:
        f.write("\n".join(queries) + "\n")
    extra = ["--kernel"] if kernel else []
    p = run(["ip", "netns", "exec", host.ns, bestroute, "get", "--json"] + extra + ["--batch", path])
    out = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    if len(out) != len(queries):
        raise RuntimeError(f"bestroute answered {len(out)} of {len(queries)}: {p.stderr[-2000:]}")
    return out


DUMPS = [("link", ["-d", "link", "show"]), ("addr", ["addr", "show"]),
         ("inet:route4", ["-4", "route", "show", "table", "all"]),
         ("inet6:route6", ["-6", "route", "show", "table", "all"]),
         ("inet:rule4", ["-4", "rule", "show"]), ("inet6:rule6", ["-6", "rule", "show"]),
         ("nexthop", ["nexthop", "show"]), ("addrlabel", ["addrlabel", "list"])]


def dump_answers(bestroute, host, queries, path):
    """The same queries against the host's `ip -j` dumps read with --table
    (outside the namespace: the dumps are all it knows)."""
    tables = []
    for name, cmd in DUMPS:
        mark, _, base = name.rpartition(":")
        f = f"{path}.{base}.json"
        p = run(["ip", "-n", host.ns, "-j"] + cmd)
        text = p.stdout.strip()
        if not text.startswith("["):
            continue  # e.g. no nexthop objects: ip prints nothing
        with open(f, "w") as out:
            out.write(text + "\n")
        tables += ["--table", f"{mark}:{f}" if mark else f]
    # the dumps hold no sysctls: they come as our text format's lines
    f = f"{path}.sysctl.table"
    with open(f, "w") as out:
        for key, val in host.sysctls:
            out.write(f"sysctl {key.replace('/', '.')} = {val}\n")
    tables += ["--table", f]
    with open(path, "w") as f:
        f.write("\n".join(queries) + "\n")
    p = run([bestroute, "get", "--json"] + tables + ["--batch", path])
    out = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    if len(out) != len(queries):
        raise RuntimeError(f"bestroute --table answered {len(out)} of {len(queries)}: {p.stderr[-2000:]}")
    return out


def compare(q, k, fm, kt, o, own=frozenset()):
    """Return None when they agree, else a description."""
    fam = 6 if ":" in q.split()[0] else 4
    if "error" in k:
        kind = ERRORS.get(k["error"], k["error"])
        ours = o.get("error")
        if kind == "blackhole|invalid":
            # ip cannot tell them apart; bestroute --kernel asks again
            # (kernel_get.c) and must agree with the model exactly
            kind = kt.get("error", kind)
        if ours and ours in kind.split("|"):
            return None
        return f"kernel error {kind!r}, ours {ours or o}"
    if "error" in o:
        return f"kernel {k}, ours error {o['error']}: {o.get('message')}"
    diffs = []
    ktype = k.get("type", "unicast")
    if ktype != o.get("type"):
        diffs.append(f"type {ktype} vs {o.get('type')}")
    kgw, kdev, kpref = k.get("gateway"), k.get("dev"), k.get("prefsrc")
    words = q.split()
    given = words[words.index("from") + 1] if "from" in words else None
    if given in ("0.0.0.0", "::"):
        given = None  # the kernel reads it as no source
    # source: the given one, else what the kernel reports as prefsrc
    ksrc = given or kpref
    if given != o.get("from"):
        diffs.append(f"from {given} vs {o.get('from')}")
    if not o.get("nexthops") and kpref != o.get("prefsrc"):
        diffs.append(f"prefsrc {kpref} vs {o.get('prefsrc')}")
    if o.get("nexthops"):
        # A next hop via one of the host's own addresses is the same next hop
        # whether or not the kernel prints the gateway (that depends on how
        # the gateway resolved when the route was added): accept both forms.
        nogw = o.get("type") in ("broadcast", "multicast") and o.get("gateway") is None
        hops = set()
        for h in o["nexthops"]:
            src = given or h.get("source")
            gw = None if nogw else h.get("gateway")
            hops.add((gw, h.get("interface"), src))
            if gw in own:
                hops.add((None, h.get("interface"), src))
        if (kgw, kdev, ksrc) not in hops:
            diffs.append(f"next hop {kgw} dev {kdev} src {ksrc} not among {sorted(hops, key=str)}")
    else:
        if kgw != o.get("gateway"):
            diffs.append(f"gateway {kgw} vs {o.get('gateway')}")
        if kdev != o.get("interface"):
            diffs.append(f"dev {kdev} vs {o.get('interface')}")
        if ksrc != o.get("source"):
            diffs.append(f"source {ksrc} vs {o.get('source')}")
    kpfx = None if "error" in fm else norm_prefix(fm.get("dst", "?"), fam)
    if kpfx != o.get("prefix"):
        diffs.append(f"prefix {kpfx} vs {o.get('prefix')}")
    # iproute2 does not ask for RTM_F_LOOKUP_TABLE, so its fibmatch table is
    # main for every IPv4 answer: take the table from bestroute --kernel,
    # which asks RTM_GETROUTE with that flag (a thin wrapper, no model).
    if kpfx is not None and kt.get("table") != o.get("table"):
        diffs.append(f"table {kt.get('table')} vs {o.get('table')}")
    return "; ".join(diffs) or None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bestroute", required=True)
    ap.add_argument("--hosts", type=int, default=100)
    ap.add_argument("--queries", type=int, default=220)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the first failing host")
    ap.add_argument("--show", type=int, default=20, help="disagreements to print")
    ap.add_argument("--no-dumps", dest="dumps", action="store_false",
                    help="skip the answers from `ip -j` dumps read with --table")
    a = ap.parse_args()
    why = can_run()
    if why:
        print(f"SKIP: differential harness needs root and network namespaces ({why})")
        return 77
    seed = a.seed if a.seed is not None else random.randrange(1 << 30)
    print(f"differential harness: seed {seed}, {a.hosts} hosts x {a.queries} queries")
    total = agree = fallback = 0
    reasons = {}
    shapes = {}  # shape -> [queries, disagree, fallback]
    bad = []
    tmp = f"/tmp/brt-harness-{os.getpid()}.txt"
    for h in range(a.hosts):
        host = Host(random.Random(seed * 1000 + h), h)
        host.build()
        try:
            host.create()
            pairs = host.queries(a.queries)
            qs = [q for q, _ in pairs]
            gets, fibs = kernel_answers(host, qs)
            ours = our_answers(a.bestroute, host, qs, tmp)
            ktab = our_answers(a.bestroute, host, qs, tmp, kernel=True)
            dumps = dump_answers(a.bestroute, host, qs, tmp) if a.dumps else None
            failed_here = False
            own = frozenset(str(i.ip) for _, i in host.v4)
            first = total
            for (q, sh), k, fm, kt, o in zip(pairs, gets, fibs, ktab, ours):
                total += 1
                st = shapes.setdefault(sh, [0, 0, 0])
                st[0] += 1
                if "kernel" in o.get("answered_by", ""):
                    fallback += 1
                    st[2] += 1
                    why = o["answered_by"]
                    reasons[why] = reasons.get(why, 0) + 1
                    continue
                d = compare(q, k, fm, kt, o, own)
                if d is None and dumps is not None:
                    dm = dumps[total - 1 - first]
                    if "kernel" in dm.get("answered_by", ""):
                        d = "from ip -j dumps: " + dm["answered_by"]
                    else:
                        d = compare(q, k, fm, kt, dm, own)
                        d = d and "from ip -j dumps: " + d
                if d is None:
                    agree += 1
                else:
                    failed_here = True
                    st[1] += 1
                    bad.append((h, q, d))
            if failed_here and a.keep:
                print(f"keeping {host.ns} (commands: {len(host.cmds)})")
                for c in host.cmds:
                    print("   ", c)
                break
        finally:
            if not (a.keep and bad and bad[-1][0] == h):
                host.destroy()
    for f in [tmp, f"{tmp}.sysctl.table"] + [f"{tmp}.{n.rpartition(':')[2]}.json" for n, _ in DUMPS]:
        if os.path.exists(f):
            os.unlink(f)
    for h, q, d in bad[:a.show]:
        print(f"  host {h} seed {seed}: get {q}: {d}")
    for why, n in sorted(reasons.items(), key=lambda x: -x[1]):
        print(f"  fallback x{n}: {why}")
    for sh, (n, nb, nf) in sorted(shapes.items(), key=lambda x: -x[1][0]):
        print(f"  shape {sh:<24} queries {n}, disagree {nb}, fallback {nf}")
    withfrom = sum(v[0] for k, v in shapes.items() if "from" in k)
    withsel = sum(v[0] for k, v in shapes.items()
                  if any(w in k.split("+") for w in ("oif", "mark", "uid", "tos")))
    print(f"with from {withfrom / max(total, 1):.1%}, with oif/mark/uid/tos "
          f"{withsel / max(total, 1):.1%}")
    rate = fallback / total if total else 0
    print(f"queries {total}, agree {agree}, disagree {len(bad)}, fallback {fallback} ({rate:.2%})")
    ok = not bad and rate < 0.005
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
