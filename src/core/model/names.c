/*
 * names.c - error texts, status and verdict names, record defaults.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

const char *brt_strerror(int err)
{
	switch (err) {
	case BRT_OK: return "success";
	case BRT_EINVAL: return "invalid argument";
	case BRT_ENOMEM: return "out of memory";
	case BRT_ENOENT: return "no such object";
	case BRT_EEXIST: return "object exists already";
	case BRT_EPARSE: return "cannot parse input";
	case BRT_ECONFLICT: return "inputs disagree";
	case BRT_EIO: return "system call failed";
	case BRT_EPERM: return "operation not permitted";
	case BRT_ENOTSUP: return "not supported";
	case BRT_ERANGE: return "value out of range";
	case BRT_ELIMIT: return "input exceeds a limit";
	case BRT_ENOSTACK: return "address family not available";
	}
	return "unknown error";
}

const char *brt_status_name(enum brt_status s)
{
	switch (s) {
	case BRT_ROUTE_OK: return "ok";
	case BRT_ROUTE_NO_ROUTE: return "no-route";
	case BRT_ROUTE_UNREACHABLE: return "unreachable";
	case BRT_ROUTE_BLACKHOLE: return "blackhole";
	case BRT_ROUTE_PROHIBIT: return "prohibit";
	case BRT_ROUTE_INVALID: return "invalid";
	case BRT_ROUTE_UNSUPPORTED: return "unsupported";
	}
	return "invalid";
}

int brt_status_errno(enum brt_status s)
{
	switch (s) {
	case BRT_ROUTE_OK: return 0;
	case BRT_ROUTE_NO_ROUTE: return ENETUNREACH;
	case BRT_ROUTE_UNREACHABLE: return EHOSTUNREACH;
	case BRT_ROUTE_BLACKHOLE: return EINVAL;
	case BRT_ROUTE_PROHIBIT: return EACCES;
	case BRT_ROUTE_INVALID: return EINVAL;
	case BRT_ROUTE_UNSUPPORTED: return EOPNOTSUPP;
	}
	return EINVAL;
}

const char *brt_verdict_name(enum brt_verdict v)
{
	static const char *const names[] = {
		[BRT_V_CHOSEN] = "chosen",
		[BRT_V_RULE_MATCHED] = "rule-matched",
		[BRT_V_RULE_NO_MATCH] = "rule-no-match",
		[BRT_V_RULE_SUPPRESSED] = "rule-suppressed",
		[BRT_V_RULE_NO_RESULT] = "rule-no-result",
		[BRT_V_LONGER_PREFIX_WON] = "longer-prefix-won",
		[BRT_V_HIGHER_METRIC] = "higher-metric",
		[BRT_V_LATER_DEFINED] = "later-defined",
		[BRT_V_LINK_DOWN] = "link-down",
		[BRT_V_WRONG_INTERFACE] = "wrong-interface",
		[BRT_V_TOS_MISMATCH] = "tos-mismatch",
		[BRT_V_SCOPE] = "scope",
		[BRT_V_DEAD] = "dead",
		[BRT_V_SOURCE_NOT_ON_INTERFACE] = "source-not-on-interface",
		[BRT_V_THROW] = "throw",
		[BRT_V_ERROR_ROUTE] = "error-route",
		[BRT_V_FAMILY_DISABLED] = "family-disabled",
		[BRT_V_SOURCE_MISMATCH] = "source-mismatch",
	};

	if ((unsigned)v >= sizeof(names) / sizeof(names[0]) || !names[v])
		return "unknown";
	return names[v];
}

int brt_table_id_format(uint32_t id, char *buf, size_t len)
{
	int n;

	if (!buf)
		return BRT_EINVAL;
	if (id == BRT_TABLE_MAIN)
		n = snprintf(buf, len, "main");
	else if (id == BRT_TABLE_LOCAL)
		n = snprintf(buf, len, "local");
	else if (id == BRT_TABLE_DEFAULT)
		n = snprintf(buf, len, "default");
	else
		n = snprintf(buf, len, "%u", id);
	if (n < 0 || (size_t)n >= len)
		return BRT_ERANGE;
	return n;
}

int brt_table_id_parse(const char *text, uint32_t *out)
{
	char *end;
	unsigned long v;

	if (!text || !out)
		return BRT_EINVAL;
	if (!strcmp(text, "main"))
		v = BRT_TABLE_MAIN;
	else if (!strcmp(text, "local"))
		v = BRT_TABLE_LOCAL;
	else if (!strcmp(text, "default"))
		v = BRT_TABLE_DEFAULT;
	else {
		if (*text < '0' || *text > '9')
			return BRT_EPARSE;
		errno = 0;
		v = strtoul(text, &end, 0);
		if (errno || *end || v == 0 || v > 0xffffffffUL)
			return BRT_EPARSE;
	}
	*out = (uint32_t)v;
	return 0;
}

void brt_link_init(struct brt_link *l)
{
	if (!l)
		return;
	memset(l, 0, sizeof(*l));
	l->flags = BRT_LINK_F_UP | BRT_LINK_F_CARRIER;
	l->mtu = 1500;
	l->type = BRT_LINK_ETHERNET;
}

void brt_address_init(struct brt_address *a)
{
	if (!a)
		return;
	memset(a, 0, sizeof(*a));
	a->valid_lft = BRT_LIFETIME_FOREVER;
	a->preferred_lft = BRT_LIFETIME_FOREVER;
}

void brt_route_init(struct brt_route *r)
{
	if (!r)
		return;
	memset(r, 0, sizeof(*r));
	r->type = BRT_RT_UNICAST;
	r->table = BRT_TABLE_MAIN;
	r->protocol = BRT_PROTO_BOOT;
	r->scope = BRT_SCOPE_UNIVERSE;
}

void brt_nexthop_init(struct brt_nexthop *nh)
{
	if (!nh)
		return;
	memset(nh, 0, sizeof(*nh));
	nh->weight = 1;
}

void brt_rule_init(struct brt_rule *r)
{
	if (!r)
		return;
	memset(r, 0, sizeof(*r));
	r->action = BRT_RULE_LOOKUP;
	r->table = BRT_TABLE_MAIN;
	r->suppress_prefixlen = BRT_RULE_NO_SUPPRESS;
	r->suppress_ifgroup = BRT_RULE_NO_SUPPRESS;
}

void brt_nhobj_init(struct brt_nhobj *n)
{
	if (!n)
		return;
	memset(n, 0, sizeof(*n));
}

void brt_query_init(struct brt_query *q)
{
	if (q)
		memset(q, 0, sizeof(*q));
}
