/*
 * sysctl.c - the sysctls that change answers, read from /proc/sys.
 *
 * /proc/sys/net shows the network namespace of the reading thread, the
 * same one our netlink socket talks to. Keys use the dotted form that
 * src/core/builder/resolve.c looks up ("net.ipv6.conf.eth0.use_tempaddr"),
 * including the "all" and "default" entries it falls back to. A file that
 * does not exist (an older kernel, no IPv6) is simply not recorded.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "netlink/nl.h"

static const char *const conf4[] = {"ignore_routes_with_linkdown"};
static const char *const conf6[] = {"disable_ipv6", "use_tempaddr",
				     "ignore_routes_with_linkdown", "forwarding"};
static const char *const globals[] = {"ipv4/fib_multipath_hash_policy",
				      "ipv6/fib_multipath_hash_policy"};

/* First line of a file without its newline; 0, or -1 when unreadable. */
static int read_value(const char *path, char *val, size_t len)
{
	FILE *f = fopen(path, "r");
	int ok;

	if (!f)
		return -1;
	ok = fgets(val, (int)len, f) != NULL;
	fclose(f);
	if (!ok)
		return -1;
	val[strcspn(val, "\n")] = 0;
	return 0;
}

int os_sysctl_ipv6_disabled(const char *root, const char *name)
{
	char path[256], val[32];

	snprintf(path, sizeof(path), "%s/net/ipv6/conf/%s/disable_ipv6", root, name);
	return read_value(path, val, sizeof(val)) == 0 && !strcmp(val, "1");
}

/* @rel is "ipv4/conf/eth0/forwarding"; the key is "net.ipv4.conf.eth0.forwarding". */
static int record(brt_builder *b, const char *root, const char *fam,
		  const char *dev, const char *name, char *err, size_t errlen)
{
	char path[320], key[160], val[64];
	int e;

	if (dev) {
		snprintf(path, sizeof(path), "%s/net/%s/conf/%s/%s", root, fam, dev, name);
		snprintf(key, sizeof(key), "net.%s.conf.%s.%s", fam, dev, name);
	} else {
		snprintf(path, sizeof(path), "%s/net/%s", root, name);
		snprintf(key, sizeof(key), "net.%s", name);
		key[strcspn(key, "/")] = '.';
	}
	if (read_value(path, val, sizeof(val)))
		return 0;
	e = brt_builder_set_sysctl(b, key, val);
	if (e)
		snprintf(err, errlen, "sysctl %s: %s", key, brt_builder_error(b));
	return e;
}

static int read_conf(brt_builder *b, const char *root, const char *fam,
		     const char *const *names, size_t n, char *err,
		     size_t errlen)
{
	char path[256];
	struct dirent *d;
	DIR *dir;
	size_t i;
	int e = 0;

	snprintf(path, sizeof(path), "%s/net/%s/conf", root, fam);
	dir = opendir(path);
	if (!dir)
		return 0;
	while (!e && (d = readdir(dir)) != NULL) {
		if (d->d_name[0] == '.' || strlen(d->d_name) >= BRT_IFNAMSIZ)
			continue;
		for (i = 0; !e && i < n; i++)
			e = record(b, root, fam, d->d_name, names[i], err, errlen);
	}
	closedir(dir);
	return e;
}

int os_sysctl_read_all(brt_builder *b, const char *root, char *err,
			size_t errlen)
{
	size_t i;
	int e;

	e = read_conf(b, root, "ipv4", conf4, sizeof(conf4) / sizeof(conf4[0]),
		      err, errlen);
	if (!e)
		e = read_conf(b, root, "ipv6", conf6,
			      sizeof(conf6) / sizeof(conf6[0]), err, errlen);
	for (i = 0; !e && i < sizeof(globals) / sizeof(globals[0]); i++)
		e = record(b, root, NULL, NULL, globals[i], err, errlen);
	return e;
}
