/*
 * diff_live.c - differential harness: random hosts in a network namespace,
 * each snapshotted by our backend, then many queries answered both by
 * brt_table_lookup(snapshot) and by the kernel (brt_live_kernel_lookup).
 *
 * A host: veth pairs (some with the peer down, so no carrier), primary,
 * secondary and deprecated addresses, routes of every type in several
 * tables with tied metrics, multipath, and rules with many selectors.
 * Commands the kernel refuses are ignored: the snapshot records whatever
 * host resulted. Multicast destinations are left out (see
 * linux-semantics.md: the kernel's route cache makes them unreliable).
 * For multipath answers any of the route's next hops is accepted, since
 * the kernel's hash cannot be predicted.
 *
 * Usage: brt_live_diff [SEED] [HOSTS] [QUERIES]; exit 0 all agree, 1 some
 * disagree (each printed), 77 cannot run here.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bestroute/bestroute.h"

static char ns[64];
static unsigned rnd_state;

static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % n;
}

static void ipcmd(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void ipcmd(const char *fmt, ...)
{
	char cmd[512];
	int n;
	va_list ap;

	n = snprintf(cmd, sizeof(cmd), "ip -n %s ", ns);
	va_start(ap, fmt);
	vsnprintf(cmd + n, sizeof(cmd) - (size_t)n, fmt, ap);
	va_end(ap);
	strncat(cmd, " 2>/dev/null", sizeof(cmd) - strlen(cmd) - 1);
	if (system(cmd) < 0)
		perror("system");
}

static const char *const tables[] = {"main", "100", "200"};
static const char *const types[] = {"", "", "", "blackhole ", "unreachable ",
				    "prohibit ", "throw "};

static void gen_links(int nlinks)
{
	int i;

	ipcmd("link set lo up");
	for (i = 1; i <= nlinks; i++) {
		ipcmd("link add v%d type veth peer name w%d", i, i);
		ipcmd("link set v%d up", i);
		if (rnd(4))	/* else: peer down, v has no carrier */
			ipcmd("link set w%d up", i);
		ipcmd("addr add 10.%d.0.1/24 dev v%d", i, i);
		if (rnd(2))
			ipcmd("addr add 10.%d.0.2/24 dev v%d", i, i);	/* secondary */
		if (!rnd(3))
			ipcmd("addr add 10.%d.1.1/24 dev v%d preferred_lft 0", i, i);
		ipcmd("addr add 2001:db8:%d::1/64 dev v%d nodad", i, i);
	}
}

static void gen_routes(int nlinks, int nroutes)
{
	int i;

	for (i = 0; i < nroutes; i++) {
		const char *t = types[rnd(sizeof(types) / sizeof(types[0]))];
		int l = 1 + (int)rnd((unsigned)nlinks), l2 = 1 + (int)rnd((unsigned)nlinks);
		char dst[48];

		if (!rnd(5))
			snprintf(dst, sizeof(dst), "default");
		else
			snprintf(dst, sizeof(dst), "172.16.%u.0/%u", rnd(4), rnd(2) ? 24 : 16);
		if (*t)
			ipcmd("route add %s%s table %s metric %u", t, dst,
			      tables[rnd(3)], rnd(3) * 10);
		else if (!rnd(4))
			ipcmd("route add %s table %s metric %u nexthop via 10.%d.0.254 "
			      "weight %u nexthop via 10.%d.0.253 weight %u", dst,
			      tables[rnd(3)], rnd(3) * 10, l, 1 + rnd(3), l2, 1 + rnd(3));
		else
			ipcmd("route add %s via 10.%d.0.254 table %s metric %u", dst, l,
			      tables[rnd(3)], rnd(3) * 10);
		if (!rnd(3))
			ipcmd("-6 route add 2001:db8:%u::/48 via 2001:db8:%d::fe "
			      "table %s metric %u", 100 + rnd(4), l, tables[rnd(3)],
			      256 + rnd(2));
	}
}

static void gen_rules(int nlinks, int nrules)
{
	static const char *const sel[] = {"", "not ", "fwmark 1 ", "fwmark 2/3 ",
					  "ipproto udp dport 53 ", "uidrange 0-99 ",
					  "to 172.16.1.0/24 ", "tos 0x10 "};
	static const char *const act[] = {"table 100", "table 200", "table 100",
					  "blackhole", "unreachable", "prohibit"};
	int i;

	for (i = 0; i < nrules; i++)
		ipcmd("rule add %sfrom 10.%u.0.0/16 %s pref %u",
		      sel[rnd(sizeof(sel) / sizeof(sel[0]))], 1 + rnd((unsigned)nlinks),
		      act[rnd(sizeof(act) / sizeof(act[0]))], 100 + 100 * (unsigned)i);
}

static void random_query(int nlinks, struct brt_query *q)
{
	char text[64];

	brt_query_init(q);
	if (rnd(5))
		snprintf(text, sizeof(text), "172.16.%u.%u", rnd(5), 1 + rnd(250));
	else if (rnd(2))
		snprintf(text, sizeof(text), "10.%u.%u.%u", 1 + rnd((unsigned)nlinks),
			 rnd(2), 1 + rnd(250));
	else
		snprintf(text, sizeof(text), "2001:db8:%u::%u", 100 + rnd(5), 1 + rnd(9));
	brt_addr_parse(text, &q->dst);
	if (!rnd(3)) {
		q->mark = rnd(4);
		q->flags |= BRT_QUERY_F_MARK;
	}
	if (!rnd(4) && q->dst.family == BRT_AF_INET) {
		snprintf(text, sizeof(text), "10.%u.0.%u", 1 + rnd((unsigned)nlinks), 1 + rnd(2));
		brt_addr_parse(text, &q->src);
	}
}

static int same_answer(const struct brt_result *m, const struct brt_result *k)
{
	uint32_t i;
	int hop = 0;

	if (m->status != k->status)
		return 0;
	if (m->status != BRT_ROUTE_OK)
		return 1;
	for (i = 0; i < m->nh_count && !hop; i++)
		hop = m->nh[i].ifindex == k->ifindex &&
		      brt_addr_equal(&m->nh[i].gw, &k->gateway);
	if (!m->nh_count)
		hop = m->ifindex == k->ifindex && brt_addr_equal(&m->gateway, &k->gateway);
	return hop && m->type == k->type && brt_addr_equal(&m->source, &k->source) &&
	       m->has_prefix == k->has_prefix &&
	       (!k->has_prefix || (m->table == k->table &&
				   !memcmp(&m->prefix, &k->prefix, sizeof(m->prefix))));
}

static void print_result(const char *who, const struct brt_result *r)
{
	char g[BRT_ADDRSTRLEN] = "", s[BRT_ADDRSTRLEN] = "", p[BRT_PREFIXSTRLEN] = "-";

	brt_addr_format(&r->gateway, g, sizeof(g));
	brt_addr_format(&r->source, s, sizeof(s));
	if (r->has_prefix)
		brt_prefix_format(&r->prefix, p, sizeof(p));
	printf("   %s: %s type %u dev %u via %s src %s prefix %s table %u\n", who,
	       brt_status_name((enum brt_status)r->status), r->type, r->ifindex,
	       g[0] ? g : "-", s[0] ? s : "-", p, r->table);
}

static int compare_host(const brt_table *t, int nlinks, int nqueries)
{
	struct brt_query q;
	struct brt_result m, k;
	char err[256], d[BRT_ADDRSTRLEN], s[BRT_ADDRSTRLEN] = "";
	int i, bad = 0;

	for (i = 0; i < nqueries; i++) {
		random_query(nlinks, &q);
		if (brt_table_lookup(t, &q, &m) || brt_live_kernel_lookup(&q, &k, err, sizeof(err)))
			continue;	/* a query one side cannot ask */
		if (same_answer(&m, &k))
			continue;
		bad++;
		brt_addr_format(&q.dst, d, sizeof(d));
		s[0] = 0;
		if (q.src.family)
			brt_addr_format(&q.src, s, sizeof(s));
		printf("  get %s%s%s mark %u:\n", d, s[0] ? " from " : "", s,
		       (q.flags & BRT_QUERY_F_MARK) ? q.mark : 0);
		print_result("model ", &m);
		print_result("kernel", &k);
	}
	return bad;
}

static int one_host(unsigned seed, int nqueries, int home)
{
	int nlinks = 2 + (int)rnd(3), fd, bad = -1;
	char path[128], err[512];
	brt_table *t = NULL;

	snprintf(ns, sizeof(ns), "netlink-diff-%d-%u", (int)getpid(), seed);
	snprintf(path, sizeof(path), "ip netns add %s 2>/dev/null", ns);
	if (system(path))
		return -1;
	gen_links(nlinks);
	gen_routes(nlinks, 6 + (int)rnd(10));
	gen_rules(nlinks, (int)rnd(6));
	snprintf(path, sizeof(path), "/run/netns/%s", ns);
	fd = open(path, O_RDONLY);
	if (fd >= 0 && setns(fd, CLONE_NEWNET) == 0) {
		if (brt_live_snapshot(&t, err, sizeof(err)) == 0) {
			printf("host %u (%d links):\n", seed, nlinks);
			bad = compare_host(t, nlinks, nqueries);
		} else {
			printf("host %u: snapshot failed: %s\n", seed, err);
		}
		setns(home, CLONE_NEWNET);
	}
	if (fd >= 0)
		close(fd);
	brt_table_destroy(t);
	snprintf(path, sizeof(path), "ip netns del %s 2>/dev/null", ns);
	if (system(path))
		fprintf(stderr, "could not delete namespace %s\n", ns);
	return bad;
}

int main(int argc, char **argv)
{
	unsigned seed = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 1;
	int hosts = argc > 2 ? atoi(argv[2]) : 5, queries = argc > 3 ? atoi(argv[3]) : 200;
	int home, h, bad, total = 0;

	if (geteuid() != 0) {
		fprintf(stderr, "brt_live_diff: needs root for network namespaces\n");
		return 77;
	}
	home = open("/proc/self/ns/net", O_RDONLY);
	if (home < 0)
		return 77;
	for (h = 0; h < hosts; h++) {
		rnd_state = seed + (unsigned)h;
		bad = one_host(seed + (unsigned)h, queries, home);
		if (bad < 0) {
			fprintf(stderr, "brt_live_diff: cannot build host %d here\n", h);
			return 77;
		}
		total += bad;
	}
	printf("%d disagreement(s) over %d host(s)\n", total, hosts);
	return total ? 1 : 0;
}
