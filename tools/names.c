/*
 * names.c - the words `ip` prints for numbers (iproute2's rt_protos,
 * rt_scopes, route types), for the tool's JSON and text; a number with no
 * name prints as the number.
 */
#include <stdio.h>

#include "cli.h"

struct name_num {
	unsigned num;
	const char *name;
};

static const char *name_of(const struct name_num *t, size_t n, unsigned v, char buf[12])
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].num == v)
			return t[i].name;
	snprintf(buf, 12, "%u", v);
	return buf;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

const char *cli_proto_name(unsigned proto, char buf[12])
{
	static const struct name_num protos[] = {
		{0, "unspec"}, {1, "redirect"}, {2, "kernel"}, {3, "boot"},
		{4, "static"}, {8, "gated"}, {9, "ra"}, {10, "mrt"}, {11, "zebra"},
		{12, "bird"}, {13, "dnrouted"}, {14, "xorp"}, {15, "ntk"},
		{16, "dhcp"}, {18, "keepalived"}, {42, "babel"}, {99, "openr"},
		{186, "bgp"}, {187, "isis"}, {188, "ospf"}, {189, "rip"},
		{192, "eigrp"},
	};

	return name_of(protos, N(protos), proto, buf);
}

const char *cli_scope_name(unsigned scope, char buf[12])
{
	static const struct name_num scopes[] = {
		{0, "global"}, {200, "site"}, {253, "link"}, {254, "host"},
		{255, "nowhere"},
	};

	return name_of(scopes, N(scopes), scope, buf);
}

const char *cli_type_name(unsigned type)
{
	static const char *const names[] = {
		"unspec", "unicast", "local", "broadcast", "anycast", "multicast",
		"blackhole", "unreachable", "prohibit", "throw",
	};

	return type < N(names) ? names[type] : "unknown";
}
