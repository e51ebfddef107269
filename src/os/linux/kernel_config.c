/*
 * kernel_config.c - the kernel build options that change answers, read
 * from the running kernel's configuration and recorded in the snapshot as
 * pseudo-sysctls, so that a table file written from it answers the same.
 *
 * Today one option: CONFIG_IPV6_MIP6. RFC 6724 rule 4 (prefer home
 * addresses) is compiled into the kernel's source selection only when
 * it is built in ("y"; a module, "m", does not add it), so the snapshot
 * records kernel.config.ipv6_mip6 = y, m or n and the Linux policy
 * applies rule 4 for "y" alone (src/core/builder/resolve.c).
 *
 * Where: /proc/config.gz (CONFIG_IKCONFIG_PROC), else the distribution's
 * /boot/config-RELEASE; zlib reads both (gzread passes plain text
 * through). Neither readable: nothing is recorded, and the policy treats
 * the option as absent, which is what distribution kernels build. Never
 * guessed from the version number.
 */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <zlib.h>

#include "netlink/nl.h"

/* The value of option @name ("CONFIG_X") in the file at @path: 'y', 'm'
 * or 'n' ("# CONFIG_X is not set", or absent), or 0 when unreadable. */
static char option_in(const char *path, const char *name)
{
	char line[512], unset[160];
	size_t n = strlen(name);
	char v = 'n';
	gzFile f = gzopen(path, "rb");

	if (!f)
		return 0;
	snprintf(unset, sizeof(unset), "# %s is not set", name);
	while (gzgets(f, line, (int)sizeof(line))) {
		if (!strncmp(line, name, n) && line[n] == '=') {
			v = line[n + 1] == 'y' || line[n + 1] == 'm' ? line[n + 1] : 'n';
			break;
		}
		if (!strncmp(line, unset, strlen(unset)))
			break;
	}
	if (gzclose(f) != Z_OK)
		return 0;	/* a damaged file: not known */
	return v;
}

static char kernel_option(const char *name)
{
	struct utsname u;
	char path[128 + sizeof(u.release)], v;

	v = option_in("/proc/config.gz", name);
	if (v || uname(&u))
		return v;
	snprintf(path, sizeof(path), "/boot/config-%s", u.release);
	return option_in(path, name);
}

int os_kernel_config_read(brt_builder *b, char *err, size_t errlen)
{
	char v[2] = { kernel_option("CONFIG_IPV6_MIP6"), 0 };
	int e;

	if (!v[0])
		return 0;
	e = brt_builder_set_sysctl(b, "kernel.config.ipv6_mip6", v);
	if (e)
		snprintf(err, errlen, "kernel.config.ipv6_mip6: %s",
			 brt_builder_error(b));
	return e;
}
