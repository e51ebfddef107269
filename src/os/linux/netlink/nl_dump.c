/*
 * nl_dump.c - dump the kernel's tables into a builder.
 *
 * Invariants: every request is a strict-check dump whose family header is
 * zero but for the family, which asks for everything (routes of every
 * table, both address families, cached clones excluded). Records the
 * model does not hold are skipped by the decoders; a record that fails to
 * decode fails the whole snapshot (a partial host would answer wrongly).
 * An interrupted dump (BRT_NL_INTR) is reported upwards, where the whole
 * snapshot is taken again: the builder must not mix two states.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/nexthop.h>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>

#include "model/model.h"
#include "netlink/nl.h"

struct dump_ctx {
	brt_builder *b;
	struct brt_nexthop *nh;		/* BRT_MAX_NEXTHOPS */
	struct brt_nhgrp_member *grp;	/* BRT_MAX_GROUP */
	struct brt_link *links;		/* seen so far, for names */
	size_t n_links, cap_links;
	char err[256];
};

/* A builder refusal as a callback error, with the builder's words. */
static int builder_err(struct dump_ctx *c, int e, const char *what)
{
	snprintf(c->err, sizeof(c->err), "%s: %s", what, brt_builder_error(c->b));
	return e;
}

/* Decoder result: 0 add it, 1 skip it, or the error. */
static int decoded(int e)
{
	return e == BRT_NL_SKIP ? 1 : e;
}

static int remember_link(struct dump_ctx *c, const struct brt_link *l)
{
	if (c->n_links == c->cap_links) {
		size_t cap = c->cap_links ? 2 * c->cap_links : 16;
		struct brt_link *n = realloc(c->links, cap * sizeof(*n));

		if (!n)
			return BRT_ENOMEM;
		c->links = n;
		c->cap_links = cap;
	}
	c->links[c->n_links++] = *l;
	return 0;
}

static const char *link_name(const struct dump_ctx *c, uint32_t index)
{
	size_t i;

	for (i = 0; i < c->n_links; i++)
		if (c->links[i].index == index)
			return c->links[i].name;
	return NULL;
}

/* sysfs shows the namespace it was mounted in: trust it only if the index agrees. */
static int sysfs_wireless(const struct brt_link *l)
{
	char path[96];
	FILE *f;
	unsigned idx = 0;
	int ok;

	snprintf(path, sizeof(path), "/sys/class/net/%s/ifindex", l->name);
	f = fopen(path, "r");
	if (!f)
		return 0;
	ok = fscanf(f, "%u", &idx) == 1 && idx == l->index;
	fclose(f);
	if (!ok)
		return 0;
	snprintf(path, sizeof(path), "/sys/class/net/%s/wireless", l->name);
	if (access(path, F_OK) == 0)
		return 1;
	snprintf(path, sizeof(path), "/sys/class/net/%s/phy80211", l->name);
	return access(path, F_OK) == 0;
}

static int on_link(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	struct brt_link l;
	int e = decoded(os_nl_decode_link(nlh, nlh->nlmsg_len, &l, c->err,
					   sizeof(c->err)));

	if (e)
		return e > 0 ? 0 : e;
	if (l.type == BRT_LINK_ETHERNET && sysfs_wireless(&l))
		l.type = BRT_LINK_WIRELESS;
	if (os_sysctl_ipv6_disabled("/proc/sys", l.name))
		l.flags |= BRT_LINK_F_NO_IPV6;
	e = brt_builder_add_link(c->b, &l);
	if (e)
		return builder_err(c, e, "link");
	return remember_link(c, &l);
}

static int on_addr(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	struct brt_address a;
	const char *name;
	int e = decoded(os_nl_decode_addr(nlh, nlh->nlmsg_len, &a, c->err,
					   sizeof(c->err)));

	if (e)
		return e > 0 ? 0 : e;
	/* the kernel labels every IPv4 address with its link's name */
	name = link_name(c, a.ifindex);
	if (name && !strcmp(name, a.label))
		a.label[0] = 0;
	e = brt_builder_add_address(c->b, &a);
	return e ? builder_err(c, e, "address") : 0;
}

static int on_route(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	struct brt_route r;
	int e = decoded(os_nl_decode_route(nlh, nlh->nlmsg_len, 0, &r, c->nh,
					    BRT_MAX_NEXTHOPS, c->err,
					    sizeof(c->err)));

	if (e)
		return e > 0 ? 0 : e;
	e = brt_builder_add_route(c->b, &r);
	return e ? builder_err(c, e, "route") : 0;
}

static int on_rule(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	struct brt_rule r;
	int e = decoded(os_nl_decode_rule(nlh, nlh->nlmsg_len, &r, c->err,
					   sizeof(c->err)));

	if (e)
		return e > 0 ? 0 : e;
	e = brt_builder_add_rule(c->b, &r);
	return e ? builder_err(c, e, "rule") : 0;
}

static int on_nexthop(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	struct brt_nhobj n;
	int e = decoded(os_nl_decode_nexthop(nlh, nlh->nlmsg_len, &n, c->grp,
					      BRT_MAX_GROUP, c->err,
					      sizeof(c->err)));

	if (e)
		return e > 0 ? 0 : e;
	e = brt_builder_add_nhobj(c->b, &n);
	return e ? builder_err(c, e, "nexthop") : 0;
}

static int on_label(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	struct brt_addrlabel l;
	int e = decoded(os_nl_decode_addrlabel(nlh, nlh->nlmsg_len, &l, c->err,
						sizeof(c->err)));

	if (e)
		return e > 0 ? 0 : e;
	e = brt_builder_add_addrlabel(c->b, &l);
	return e ? builder_err(c, e, "address label") : 0;
}

struct dump_kind {
	uint16_t type;
	uint8_t family;
	uint8_t optional;	/* the kernel may lack it: then skip */
	unsigned kind;		/* BRT_NL_DUMP_* */
	size_t hdrlen;
	brt_nl_msg_cb cb;
	const char *what;
};

static const struct dump_kind dumps[] = {
	{RTM_GETLINK, AF_UNSPEC, 0, BRT_NL_DUMP_LINKS, sizeof(struct ifinfomsg), on_link, "links"},
	{RTM_GETADDR, AF_INET, 0, BRT_NL_DUMP_ADDRS, sizeof(struct ifaddrmsg), on_addr, "IPv4 addresses"},
	{RTM_GETADDR, AF_INET6, 1, BRT_NL_DUMP_ADDRS, sizeof(struct ifaddrmsg), on_addr, "IPv6 addresses"},
	{RTM_GETROUTE, AF_INET, 0, BRT_NL_DUMP_ROUTES, sizeof(struct rtmsg), on_route, "IPv4 routes"},
	{RTM_GETROUTE, AF_INET6, 1, BRT_NL_DUMP_ROUTES, sizeof(struct rtmsg), on_route, "IPv6 routes"},
	{RTM_GETRULE, AF_INET, 0, BRT_NL_DUMP_RULES, sizeof(struct fib_rule_hdr), on_rule, "IPv4 rules"},
	{RTM_GETRULE, AF_INET6, 1, BRT_NL_DUMP_RULES, sizeof(struct fib_rule_hdr), on_rule, "IPv6 rules"},
	{RTM_GETNEXTHOP, AF_UNSPEC, 1, BRT_NL_DUMP_NEXTHOPS, sizeof(struct nhmsg), on_nexthop, "nexthops"},
	{RTM_GETADDRLABEL, AF_INET6, 1, BRT_NL_DUMP_LABELS, sizeof(struct ifaddrlblmsg), on_label,
	 "address labels"},
};

static int dump_one(struct brt_nl *nl, const struct dump_kind *k,
		    struct dump_ctx *c, char *err, size_t errlen)
{
	char req[128];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(req);
	uint8_t *family;
	int kerr = 0, e;

	nlh->nlmsg_type = k->type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	family = mnl_nlmsg_put_extra_header(nlh, k->hdrlen);
	*family = k->family;	/* the first byte of every family header */
	c->err[0] = 0;
	e = os_nl_request(nl, nlh, k->cb, c, &kerr, err, errlen);
	if (e == BRT_EIO && k->optional &&
	    (kerr == EOPNOTSUPP || kerr == EAFNOSUPPORT))
		return 0;	/* no IPv6 or no nexthop objects here */
	if (e < 0 && c->err[0])
		snprintf(err, errlen, "%s: %s", k->what, c->err);
	else if (e < 0) {
		char tmp[256];

		snprintf(tmp, sizeof(tmp), "%s", err);
		snprintf(err, errlen, "dumping %s: %s", k->what, tmp);
	}
	return e;
}

int os_nl_dump_all(struct brt_nl *nl, brt_builder *b, char *err,
		    size_t errlen)
{
	return os_nl_dump_some(nl, b, BRT_NL_DUMP_ALL, err, errlen);
}

int os_nl_dump_some(struct brt_nl *nl, brt_builder *b, unsigned kinds,
		     char *err, size_t errlen)
{
	struct dump_ctx c;
	size_t i;
	int e = 0;

	memset(&c, 0, sizeof(c));
	c.b = b;
	c.nh = calloc(BRT_MAX_NEXTHOPS, sizeof(*c.nh));
	c.grp = calloc(BRT_MAX_GROUP, sizeof(*c.grp));
	if (!c.nh || !c.grp)
		e = BRT_ENOMEM;
	for (i = 0; !e && i < sizeof(dumps) / sizeof(dumps[0]); i++)
		if (dumps[i].kind & kinds)
			e = dump_one(nl, &dumps[i], &c, err, errlen);
	free(c.nh);
	free(c.grp);
	free(c.links);
	return e;
}
