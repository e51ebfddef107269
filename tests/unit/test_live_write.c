/*
 * test_live_write.c - changing the kernel's routes and hearing of changes,
 * in a network namespace of its own ("livewrite-<pid>"): brt_live_route_*
 * and Create/Set/DeleteIpForwardEntry2 checked against `ip -j route show`,
 * the kernel's refusals as codes, an unprivileged process refused while its
 * lookups still answer, and NotifyRouteChange2 delivering add, change and
 * delete for routes changed with `ip route`. Skips (77) when not root or
 * when namespaces do not work.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <net/if.h>

#include <json-c/json.h>

#include "compat_testutil.h"

static char ns[64];
static uint32_t va_index;

/* "GATEWAY/METRIC ..." of the kernel's routes to @prefix (sorted as ip
 * prints them; one entry per next hop), from `ip -j route show`. */
static const char *kernel_routes(const char *prefix)
{
	static char out[512];
	char cmd[256], data[8192];
	json_object *j, *e, *v, *hops;
	size_t n, i, k;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "ip %s -j route show %s",
		 strchr(prefix, ':') ? "-6" : "-4", prefix);
	f = popen(cmd, "r");
	assert_non_null(f);
	n = fread(data, 1, sizeof(data) - 1, f);
	pclose(f);
	data[n] = 0;
	j = json_tokener_parse(data);
	assert_non_null(j);
	out[0] = 0;
	for (i = 0; i < json_object_array_length(j); i++) {
		e = json_object_array_get_idx(j, i);
		json_object_object_get_ex(e, "metric", &v);
		if (json_object_object_get_ex(e, "nexthops", &hops))
			for (k = 0; k < json_object_array_length(hops); k++) {
				json_object *g;

				json_object_object_get_ex(json_object_array_get_idx(hops, k),
							  "gateway", &g);
				snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s/%d ",
					 json_object_get_string(g), json_object_get_int(v));
			}
		else {
			json_object *g = NULL;

			json_object_object_get_ex(e, "gateway", &g);
			snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s/%d ",
				 g ? json_object_get_string(g) : "-",
				 json_object_get_int(v));
		}
	}
	json_object_put(j);
	return out;
}

/* A route of the main table to @dst via @gw on va with @metric. */
static struct brt_route route_via(const char *dst, const char *gw,
				  uint32_t metric, struct brt_nexthop *nh)
{
	struct brt_route r;

	brt_route_init(&r);
	brt_nexthop_init(nh);
	assert_int_equal(brt_prefix_parse(dst, 0, 0, &r.dst), 0);
	r.family = r.dst.addr.family;
	r.metric = metric;
	r.protocol = BRT_PROTO_STATIC;
	assert_int_equal(brt_addr_parse(gw, &nh->gw), 0);
	nh->ifindex = va_index;
	r.nh = nh;
	r.nh_count = 1;
	return r;
}

static void api_add_change_del(void **state)
{
	struct brt_nexthop nh;
	struct brt_route r = route_via("10.20.0.0/16", "10.9.0.2", 5, &nh);
	char err[256];

	(void)state;
	assert_int_equal(brt_live_route_add(&r, err, sizeof(err)), 0);
	assert_string_equal(kernel_routes("10.20.0.0/16"), "10.9.0.2/5 ");
	assert_int_equal(brt_live_route_add(&r, err, sizeof(err)), BRT_EEXIST);
	assert_non_null(strstr(err, "exists"));
	assert_int_equal(brt_addr_parse("10.9.0.3", &nh.gw), 0);
	assert_int_equal(brt_live_route_change(&r, err, sizeof(err)), 0);
	assert_string_equal(kernel_routes("10.20.0.0/16"), "10.9.0.3/5 ");
	r.metric = 6;	/* replace with another metric: a second route */
	assert_int_equal(brt_live_route_replace(&r, err, sizeof(err)), 0);
	assert_string_equal(kernel_routes("10.20.0.0/16"), "10.9.0.3/5 10.9.0.3/6 ");
	assert_int_equal(brt_live_route_del(&r, err, sizeof(err)), 0);
	r.metric = 5;
	assert_int_equal(brt_live_route_del(&r, err, sizeof(err)), 0);
	assert_string_equal(kernel_routes("10.20.0.0/16"), "");
	assert_int_equal(brt_live_route_del(&r, err, sizeof(err)), BRT_ENOENT);
	assert_true(err[0] != 0);
	r.family = 7;
	assert_int_equal(brt_live_route_add(&r, err, sizeof(err)), BRT_EINVAL);
}

/* A row via @gw on the namespace's link va. */
static MIB_IPFORWARD_ROW2 row_via(const char *dst, int len, const char *gw,
				  ULONG metric)
{
	return ct_row(dst, len, gw, va_index, metric);
}

static void compat_edits(void **state)
{
	MIB_IPFORWARD_ROW2 a = row_via("10.30.0.0", 16, "10.9.0.2", 9);
	MIB_IPFORWARD_ROW2 b = row_via("10.30.0.0", 16, "10.9.0.3", 9);
	MIB_IPFORWARD_ROW2 v6 = row_via("2001:db8:30::", 48, "2001:db8:9::2", 9);

	(void)state;
	assert_int_equal(brt_compat_use_table(""), 0);
	assert_int_equal(CreateIpForwardEntry2(&a), NO_ERROR);
	assert_int_equal(CreateIpForwardEntry2(&a), ERROR_OBJECT_ALREADY_EXISTS);
	assert_int_equal(CreateIpForwardEntry2(&b), NO_ERROR);	/* appended */
	assert_string_equal(kernel_routes("10.30.0.0/16"), "10.9.0.2/9 10.9.0.3/9 ");
	a.Metric = 12;
	assert_int_equal(SetIpForwardEntry2(&a), NO_ERROR);
	assert_string_equal(kernel_routes("10.30.0.0/16"), "10.9.0.3/9 10.9.0.2/12 ");
	assert_int_equal(DeleteIpForwardEntry2(&b), NO_ERROR);
	assert_string_equal(kernel_routes("10.30.0.0/16"), "10.9.0.2/12 ");
	assert_int_equal(DeleteIpForwardEntry2(&b), ERROR_NOT_FOUND);
	assert_int_equal(SetIpForwardEntry2(&b), ERROR_NOT_FOUND);
	assert_int_equal(DeleteIpForwardEntry2(&a), NO_ERROR);
	assert_string_equal(kernel_routes("10.30.0.0/16"), "");
	/* IPv6: the second next hop joins the route, Delete takes it out */
	assert_int_equal(CreateIpForwardEntry2(&v6), NO_ERROR);
	v6.NextHop = ct_sa("2001:db8:9::3");
	assert_int_equal(CreateIpForwardEntry2(&v6), NO_ERROR);
	assert_string_equal(kernel_routes("2001:db8:30::/48"),
			    "2001:db8:9::2/9 2001:db8:9::3/9 ");
	assert_int_equal(DeleteIpForwardEntry2(&v6), NO_ERROR);
	assert_string_equal(kernel_routes("2001:db8:30::/48"), "2001:db8:9::2/9 ");
	v6.InterfaceIndex = 999;
	assert_int_equal(CreateIpForwardEntry2(&v6), ERROR_NOT_FOUND);
}

/* In a child that gave up root: edits refused, lookups answered. */
static int unprivileged_child(void)
{
	MIB_IPFORWARD_ROW2 row = row_via("10.31.0.0", 16, "10.9.0.2", 9);
	struct brt_nexthop nh;
	struct brt_route r = route_via("10.31.0.0/16", "10.9.0.2", 1, &nh);
	struct brt_query q;
	struct brt_result res;
	char err[256] = "";

	if (setgid(65534) || setuid(65534))
		return 3;
	if (brt_live_route_add(&r, err, sizeof(err)) != BRT_EPERM ||
	    !strstr(err, "not permitted"))
		return 4;
	if (CreateIpForwardEntry2(&row) != ERROR_ACCESS_DENIED ||
	    DeleteIpForwardEntry2(&row) != ERROR_NOT_FOUND)
		return 5;
	brt_query_init(&q);
	brt_addr_parse("10.9.0.7", &q.dst);
	if (brt_live_kernel_lookup(&q, &res, err, sizeof(err)) ||
	    res.status != BRT_ROUTE_OK || res.ifindex != va_index)
		return 6;
	return 0;
}

static void unprivileged(void **state)
{
	int status;
	pid_t pid;

	(void)state;
	assert_int_equal(brt_compat_use_table(""), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(unprivileged_child());
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_string_equal(kernel_routes("10.31.0.0/16"), "");
}

/* What a NotifyRouteChange2 callback saw. */
struct seen {
	pthread_mutex_t lock;
	pthread_cond_t cv;
	int types[16];
	ULONG metrics[16];
	int n;
	HANDLE self;		/* cancel from the callback when set */
	pthread_t thread;
};

static void WINAPI on_change(PVOID ctx, PMIB_IPFORWARD_ROW2 row,
			     MIB_NOTIFICATION_TYPE type)
{
	struct seen *s = ctx;

	if (!row || row->DestinationPrefix.PrefixLength != 16 ||
	    row->DestinationPrefix.Prefix.Ipv4.sin_addr.s_addr != htonl(0x0a280000))
		return;		/* only 10.40.0.0/16 counts */
	if (s->self) {
		assert_int_equal(CancelMibChangeNotify2(s->self), NO_ERROR);
		s->self = NULL;
	}
	pthread_mutex_lock(&s->lock);
	if (s->n < 16) {
		s->metrics[s->n] = row->Metric;
		s->types[s->n++] = (int)type;
	}
	s->thread = pthread_self();
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->lock);
}

/* Wait up to 3 s for @n notifications. */
static int wait_for(struct seen *s, int n)
{
	struct timespec until;
	int got;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 3;
	pthread_mutex_lock(&s->lock);
	while (s->n < n && pthread_cond_timedwait(&s->cv, &s->lock, &until) == 0)
		;
	got = s->n;
	pthread_mutex_unlock(&s->lock);
	return got;
}

static void notify_live(void **state)
{
	struct seen s = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
			 {0}, {0}, 0, NULL, 0};
	struct seen once = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
			    {0}, {0}, 0, NULL, 0};
	HANDLE h, h2;

	(void)state;
	assert_int_equal(brt_compat_use_table(""), 0);
	assert_int_equal(NotifyRouteChange2(AF_INET, on_change, &s, FALSE, &h), NO_ERROR);
	assert_int_equal(NotifyRouteChange2(AF_UNSPEC, on_change, &once, FALSE, &h2),
			 NO_ERROR);
	once.self = h2;		/* cancels itself at its first notification */
	assert_int_equal(tu_sh("ip route add 10.40.0.0/16 via 10.9.0.2 metric 3"), 0);
	assert_int_equal(tu_sh("ip route replace 10.40.0.0/16 via 10.9.0.3 metric 3"), 0);
	assert_int_equal(tu_sh("ip route del 10.40.0.0/16 metric 3"), 0);
	assert_int_equal(wait_for(&s, 3), 3);
	assert_int_equal(s.types[0], MibAddInstance);
	assert_int_equal(s.types[1], MibParameterNotification);
	assert_int_equal(s.types[2], MibDeleteInstance);
	assert_int_equal(s.metrics[0], 3);
	assert_false(pthread_equal(s.thread, pthread_self()));
	assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
	/* after cancel nothing more arrives */
	assert_int_equal(tu_sh("ip route add 10.40.0.0/16 via 10.9.0.2 metric 3"), 0);
	usleep(200 * 1000);
	assert_int_equal(s.n, 3);
	assert_int_equal(once.n, 1);
	assert_int_equal(tu_sh("ip route del 10.40.0.0/16 metric 3"), 0);
}

/* A monitor stopped from its own callback: no further call, no hang. */
struct self_stop {
	brt_live_monitor *m;
	atomic_int calls;
	atomic_int adds;
};

static void stop_self(void *ctx, int event, const struct brt_route *r)
{
	struct self_stop *s = ctx;

	(void)r;
	atomic_fetch_add(&s->calls, 1);
	if (event == BRT_LIVE_ROUTE_ADD)
		atomic_fetch_add(&s->adds, 1);
	brt_live_monitor_stop(s->m);
}

static void monitor_stop_from_callback(void **state)
{
	struct self_stop s;
	brt_live_monitor *m = NULL;
	char err[256];
	int i;

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_int_equal(brt_live_monitor_start(NULL, stop_self, &s, err, sizeof(err)),
			 BRT_EINVAL);
	assert_int_equal(brt_live_monitor_start(&m, stop_self, &s, err, sizeof(err)), 0);
	s.m = m;
	assert_int_equal(tu_sh("ip route add 10.41.0.0/16 via 10.9.0.2"), 0);
	assert_int_equal(tu_sh("ip route del 10.41.0.0/16 via 10.9.0.2"), 0);
	for (i = 0; i < 300 && !atomic_load(&s.calls); i++)
		usleep(10 * 1000);
	usleep(100 * 1000);	/* the delete must not be delivered */
	assert_int_equal(atomic_load(&s.calls), 1);
	assert_int_equal(atomic_load(&s.adds), 1);
}

static int setup(void **state)
{
	(void)state;
	return tu_netns_setup_veth("livewrite", ns, sizeof(ns), true, &va_index);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(api_add_change_del),
		cmocka_unit_test(compat_edits),
		cmocka_unit_test(unprivileged),
		cmocka_unit_test(notify_live),
		cmocka_unit_test(monitor_stop_from_callback),
	};

	return cmocka_run_group_tests(tests, setup, tu_netns_teardown);
}
