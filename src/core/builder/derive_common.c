/*
 * derive_common.c - derivations every host makes, whatever its policy.
 *
 * A table written by hand rarely lists the loopback link, yet every host
 * has one: add "lo" (index 1, or the first free index) with 127.0.0.1/8
 * and ::1/128 when no loopback link is given. A table without address
 * labels gets the kernel's default label table (the same as RFC 6724's
 * policy table, in `ip addrlabel` order).
 */
#include <stdlib.h>
#include <string.h>

#include "builder/builder_impl.h"

static uint32_t free_index(struct brt_builder *b)
{
	uint32_t i;

	for (i = 1; core_bld_link_by_index(b, i); i++)
		;
	return i;
}

static int add_lo_address(struct brt_builder *b, uint32_t idx,
			  const char *text, unsigned plen)
{
	struct brt_address a;

	brt_address_init(&a);
	brt_addr_parse(text, &a.addr);
	a.plen = (uint8_t)plen;
	a.ifindex = idx;
	a.scope = BRT_SCOPE_HOST;
	a.flags = BRT_ADDR_F_DERIVED | BRT_ADDR_F_PERMANENT;
	return brt_builder_add_address(b, &a);
}

static int derive_loopback(struct brt_builder *b)
{
	struct brt_link l;
	size_t i;
	int err;

	for (i = 0; i < b->links.n; i++)
		if (b->links.data[i].l.type == BRT_LINK_LOOPBACK)
			return 0;
	brt_link_init(&l);
	strcpy(l.name, core_bld_link_by_name(b, "lo") ? "lo-derived" : "lo");
	l.index = free_index(b);
	l.type = BRT_LINK_LOOPBACK;
	l.mtu = 65536;
	l.flags |= BRT_LINK_F_DERIVED;
	err = brt_builder_add_link(b, &l);
	err = err ? err : add_lo_address(b, l.index, "127.0.0.1", 8);
	return err ? err : add_lo_address(b, l.index, "::1", 128);
}

static const struct {
	const char *prefix;
	uint32_t label;
} default_labels[] = {
	{"::1/128", 0}, {"::/96", 3}, {"::ffff:0.0.0.0/96", 4},
	{"2001::/32", 6}, {"2001:10::/28", 7}, {"3ffe::/16", 12},
	{"2002::/16", 2}, {"fec0::/10", 11}, {"fc00::/7", 5}, {"::/0", 1},
};

static int derive_labels(struct brt_builder *b)
{
	size_t i;
	int err = 0;

	if (b->labels.n)
		return 0;
	for (i = 0; i < sizeof(default_labels) / sizeof(default_labels[0]) && !err;
	     i++) {
		struct brt_addrlabel l;

		memset(&l, 0, sizeof(l));
		brt_prefix_parse(default_labels[i].prefix, BRT_AF_INET6, 0,
				 &l.prefix);
		l.label = default_labels[i].label;
		l.flags = BRT_LABEL_F_DERIVED;
		err = brt_builder_add_addrlabel(b, &l);
	}
	return err;
}

int core_derive_common(struct brt_builder *b)
{
	int err = derive_loopback(b);

	return err ? err : derive_labels(b);
}

struct link_pos {
	uint32_t index;
	size_t pos;
};

static int by_index(const void *x, const void *y)
{
	const struct link_pos *a = x, *c = y;

	return (a->index > c->index) - (a->index < c->index);
}

/* Links in index order, not the order files list them: the host makes a
 * link's own routes as the link appears, and indexes are handed out in
 * creation order. It also keeps answers that depend on the order of
 * per-link derived routes (zone-less fe80::, multicast) independent of
 * how a file lists its links; the writer lists them by index. */
size_t *core_derive_link_order(const struct brt_builder *b)
{
	struct link_pos *lp = malloc((b->links.n + 1) * sizeof(*lp));
	size_t *order = malloc((b->links.n + 1) * sizeof(*order));
	size_t i;

	if (!lp || !order) {
		free(lp);
		free(order);
		return NULL;
	}
	for (i = 0; i < b->links.n; i++) {
		lp[i].index = b->links.data[i].l.index;
		lp[i].pos = i;
	}
	qsort(lp, b->links.n, sizeof(*lp), by_index);
	for (i = 0; i < b->links.n; i++)
		order[i] = lp[i].pos;
	free(lp);
	return order;
}
