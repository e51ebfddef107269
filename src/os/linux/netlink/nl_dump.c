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

struct dump_kind;

struct dump_ctx {
	brt_builder *b;
	struct brt_nexthop *nh;		/* BRT_MAX_NEXTHOPS */
	struct brt_nhgrp_member *grp;	/* BRT_MAX_GROUP */
	struct brt_link *links;		/* seen so far, for names */
	size_t n_links, cap_links;
	const struct dump_kind *kind;	/* the dump under way */
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

/* One record of any kind, decoded. */
union record {
	struct brt_link link;
	struct brt_address addr;
	struct brt_route route;
	struct brt_rule rule;
	struct brt_nhobj nhobj;
	struct brt_addrlabel label;
};

/* A kind's decoder into its member of @r: 0, BRT_NL_SKIP or the error. */
typedef int (*decode_fn)(struct dump_ctx *c, const struct nlmsghdr *nlh,
			 union record *r);
/* A kind's step into the builder (adjusting the record first where the
 * kernel's words differ from the model's): the builder's result. */
typedef int (*add_fn)(struct dump_ctx *c, union record *r);

static int decode_link(struct dump_ctx *c, const struct nlmsghdr *nlh,
		       union record *r)
{
	return os_nl_decode_link(nlh, nlh->nlmsg_len, &r->link, c->err,
				 sizeof(c->err));
}

static int add_link(struct dump_ctx *c, union record *r)
{
	struct brt_link *l = &r->link;

	if (l->type == BRT_LINK_ETHERNET && sysfs_wireless(l))
		l->type = BRT_LINK_WIRELESS;
	if (os_sysctl_ipv6_disabled("/proc/sys", l->name))
		l->flags |= BRT_LINK_F_NO_IPV6;
	return brt_builder_add_link(c->b, l);
}

/* Links are remembered for the addresses' labels that follow. */
static int after_link(struct dump_ctx *c, const union record *r)
{
	return remember_link(c, &r->link);
}

static int decode_addr(struct dump_ctx *c, const struct nlmsghdr *nlh,
		       union record *r)
{
	return os_nl_decode_addr(nlh, nlh->nlmsg_len, &r->addr, c->err,
				 sizeof(c->err));
}

static int add_addr(struct dump_ctx *c, union record *r)
{
	/* the kernel labels every IPv4 address with its link's name */
	const char *name = link_name(c, r->addr.ifindex);

	if (name && !strcmp(name, r->addr.label))
		r->addr.label[0] = 0;
	return brt_builder_add_address(c->b, &r->addr);
}

static int decode_route(struct dump_ctx *c, const struct nlmsghdr *nlh,
			union record *r)
{
	return os_nl_decode_route(nlh, nlh->nlmsg_len, 0, &r->route, c->nh,
				  BRT_MAX_NEXTHOPS, c->err, sizeof(c->err));
}

static int add_route(struct dump_ctx *c, union record *r)
{
	return brt_builder_add_route(c->b, &r->route);
}

static int decode_rule(struct dump_ctx *c, const struct nlmsghdr *nlh,
		       union record *r)
{
	return os_nl_decode_rule(nlh, nlh->nlmsg_len, &r->rule, c->err,
				 sizeof(c->err));
}

static int add_rule(struct dump_ctx *c, union record *r)
{
	return brt_builder_add_rule(c->b, &r->rule);
}

static int decode_nhobj(struct dump_ctx *c, const struct nlmsghdr *nlh,
			union record *r)
{
	return os_nl_decode_nexthop(nlh, nlh->nlmsg_len, &r->nhobj, c->grp,
				    BRT_MAX_GROUP, c->err, sizeof(c->err));
}

static int add_nhobj(struct dump_ctx *c, union record *r)
{
	return brt_builder_add_nhobj(c->b, &r->nhobj);
}

static int decode_label(struct dump_ctx *c, const struct nlmsghdr *nlh,
			union record *r)
{
	return os_nl_decode_addrlabel(nlh, nlh->nlmsg_len, &r->label, c->err,
				      sizeof(c->err));
}

static int add_label(struct dump_ctx *c, union record *r)
{
	return brt_builder_add_addrlabel(c->b, &r->label);
}

struct dump_kind {
	uint16_t type;
	uint8_t family;
	uint8_t optional;	/* the kernel may lack it: then skip */
	unsigned kind;		/* BRT_NL_DUMP_* */
	size_t hdrlen;
	decode_fn decode;
	add_fn add;
	int (*after)(struct dump_ctx *c, const union record *r); /* or NULL */
	const char *obj;	/* one record, for messages */
	const char *what;	/* the dump, for messages */
};

/* Every record of every dump: decode, skip what the model does not hold,
 * add; a refusal carries the builder's words. */
static int on_record(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	const struct dump_kind *k = c->kind;
	union record r;
	int e = decoded(k->decode(c, nlh, &r));

	if (e)
		return e > 0 ? 0 : e;
	e = k->add(c, &r);
	if (e)
		return builder_err(c, e, k->obj);
	return k->after ? k->after(c, &r) : 0;
}

/* Each kind's record: header size, decoder, adder, after, record name. */
#define LINK sizeof(struct ifinfomsg), decode_link, add_link, after_link, "link"
#define ADDR sizeof(struct ifaddrmsg), decode_addr, add_addr, NULL, "address"
#define ROUTE sizeof(struct rtmsg), decode_route, add_route, NULL, "route"
#define RULE sizeof(struct fib_rule_hdr), decode_rule, add_rule, NULL, "rule"
#define NHOBJ sizeof(struct nhmsg), decode_nhobj, add_nhobj, NULL, "nexthop"
#define LABEL sizeof(struct ifaddrlblmsg), decode_label, add_label, NULL, \
	      "address label"

static const struct dump_kind dumps[] = {
	{RTM_GETLINK, AF_UNSPEC, 0, BRT_NL_DUMP_LINKS, LINK, "links"},
	{RTM_GETADDR, AF_INET, 0, BRT_NL_DUMP_ADDRS, ADDR, "IPv4 addresses"},
	{RTM_GETADDR, AF_INET6, 1, BRT_NL_DUMP_ADDRS, ADDR, "IPv6 addresses"},
	{RTM_GETROUTE, AF_INET, 0, BRT_NL_DUMP_ROUTES, ROUTE, "IPv4 routes"},
	{RTM_GETROUTE, AF_INET6, 1, BRT_NL_DUMP_ROUTES, ROUTE, "IPv6 routes"},
	{RTM_GETRULE, AF_INET, 0, BRT_NL_DUMP_RULES, RULE, "IPv4 rules"},
	{RTM_GETRULE, AF_INET6, 1, BRT_NL_DUMP_RULES, RULE, "IPv6 rules"},
	{RTM_GETNEXTHOP, AF_UNSPEC, 1, BRT_NL_DUMP_NEXTHOPS, NHOBJ, "nexthops"},
	{RTM_GETADDRLABEL, AF_INET6, 1, BRT_NL_DUMP_LABELS, LABEL,
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
	c->kind = k;
	e = os_nl_request(nl, nlh, on_record, c, &kerr, err, errlen);
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
