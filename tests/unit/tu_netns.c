/*
 * tu_netns.c - network namespaces for the tests that need a live host of
 * their own: create (or skip the program with exit 77 and the reason),
 * enter, and leave and delete.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "testutil.h"

static int home_fd = -1;	/* the namespace we came from, once entered */
static char made[128];		/* the last tu_netns_setup's, for teardown */

int tu_sh(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

void tu_netns_create(const char *prefix, char *ns, size_t len)
{
	if (geteuid() != 0) {
		fprintf(stderr, "skipped: needs root for network namespaces\n");
		exit(77);
	}
	snprintf(ns, len, "%s-%d", prefix, (int)getpid());
	if (tu_sh("ip netns add %s 2>/dev/null", ns)) {
		fprintf(stderr, "skipped: `ip netns add` does not work here\n");
		exit(77);
	}
}

int tu_netns_enter(const char *ns)
{
	char path[128];
	int fd;

	if (home_fd < 0)
		home_fd = open("/proc/self/ns/net", O_RDONLY);
	snprintf(path, sizeof(path), "/run/netns/%s", ns);
	fd = open(path, O_RDONLY);
	if (home_fd < 0 || fd < 0 || setns(fd, CLONE_NEWNET)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

void tu_netns_destroy(const char *ns)
{
	if (home_fd >= 0) {
		setns(home_fd, CLONE_NEWNET);
		close(home_fd);
		home_fd = -1;
	}
	tu_sh("ip netns del %s 2>/dev/null", ns);
}

int tu_netns_setup(const char *prefix, char *ns, size_t len,
		   const char *const *cmds, size_t n)
{
	size_t i;

	tu_netns_create(prefix, ns, len);
	snprintf(made, sizeof(made), "%s", ns);
	for (i = 0; i < n; i++)
		if (tu_sh("ip -n %s %s", ns, cmds[i])) {
			fprintf(stderr, "setup: `ip -n %s %s` failed\n", ns, cmds[i]);
			return -1;
		}
	return tu_netns_enter(ns);
}

int tu_netns_teardown(void **state)
{
	(void)state;
	if (made[0])
		tu_netns_destroy(made);
	made[0] = 0;
	return 0;
}

int tu_netns_setup_veth(const char *prefix, char *ns, size_t len, bool v6,
			uint32_t *va_index)
{
	static const char *const cmds[] = {
		"link add va type veth peer name vb",
		"link set va up",
		"link set vb up",
		"addr add 10.9.0.1/24 dev va",
		"addr add 2001:db8:9::1/64 dev va nodad",
	};

	if (tu_netns_setup(prefix, ns, len, cmds, v6 ? 5 : 4))
		return -1;
	*va_index = if_nametoindex("va");
	return *va_index ? 0 : -1;
}
