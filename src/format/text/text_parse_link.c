/*
 * text_parse_link.c - `link` and `addr` statements.
 *
 * A link is named first and defined by its index; other statements refer
 * to links by name through brt_builder_ifref(), so the files of a table
 * may define links after (or in another file than) their users.
 */
#include <string.h>

#include "text/text.h"

static int link_flag(struct brt_link *l, const char *w)
{
	static const struct {
		const char *word;
		uint32_t set, clear;
	} f[] = {
		{"up", BRT_LINK_F_UP, 0}, {"down", 0, BRT_LINK_F_UP},
		{"carrier", BRT_LINK_F_CARRIER, 0},
		{"nocarrier", 0, BRT_LINK_F_CARRIER},
		{"weak-host-send", BRT_LINK_F_WEAK_HOST_SEND, 0},
		{"noipv4", BRT_LINK_F_NO_IPV4, 0},
		{"noipv6", BRT_LINK_F_NO_IPV6, 0},
	};
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (!strcmp(f[i].word, w)) {
			l->flags = (l->flags | f[i].set) & ~f[i].clear;
			return 1;
		}
	return 0;
}

static int link_option(struct brt_txt *t, struct brt_link *l, const char *w,
		       bool *mtu_set)
{
	const char *v;
	char name[BRT_IFNAMSIZ];
	int err, type;

	if (link_flag(l, w))
		return 0;
	if (strcmp(w, "index") && strcmp(w, "type") && strcmp(w, "mtu") &&
	    strcmp(w, "metric") && strcmp(w, "master") && strcmp(w, "group"))
		return fmt_txt_unknown(t);
	err = fmt_txt_value(t, &v);
	if (err)
		return err;
	if (!strcmp(w, "index"))
		return fmt_txt_u32(t, t->pos - 1, 0x7fffffff, &l->index);
	if (!strcmp(w, "mtu")) {
		*mtu_set = true;
		return fmt_txt_u32(t, t->pos - 1, UINT32_MAX, &l->mtu);
	}
	if (!strcmp(w, "metric"))
		return fmt_txt_u32(t, t->pos - 1, UINT32_MAX, &l->metric);
	if (!strcmp(w, "group"))
		return fmt_txt_u32(t, t->pos - 1, UINT32_MAX, &l->group);
	if (!strcmp(w, "master")) {
		err = fmt_txt_ifname(t, t->pos - 1, name);
		if (!err && !(l->master = brt_builder_ifref(t->b, name)))
			err = BRT_ENOMEM;
		return err;
	}
	type = fmt_txt_linktype_parse(v);
	if (type < 0)
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
				    "unknown link type '%s'", v);
	l->type = (uint8_t)type;
	return 0;
}

int fmt_txt_parse_link(struct brt_txt *t)
{
	struct brt_link l;
	const char *w;
	bool mtu_set = false;
	int err;

	brt_link_init(&l);
	if (t->pos >= t->n)
		return fmt_txt_fail(t, 0, BRT_EPARSE, "missing link name after '%s'",
				    fmt_txt_word(t, 0));
	err = fmt_txt_ifname(t, t->pos++, l.name);
	while (!err && (w = fmt_txt_take(t)))
		err = link_option(t, &l, w, &mtu_set);
	if (err)
		return err;
	if (!l.index)
		return fmt_txt_fail(t, 1, BRT_EPARSE, "link without index '%s'",
				    l.name);
	if (!mtu_set)
		l.mtu = fmt_txt_link_mtu_default(l.type);
	err = brt_builder_add_link(t->b, &l);
	return err ? fmt_txt_builder_fail(t, err) : 0;
}

/* ---- addresses */

struct addr_words {
	int plen, peer_plen;
	bool scope_set;		/* "scope" was given */
	size_t at;		/* word of the address */
	char dev[BRT_IFNAMSIZ];
};

static int lifetime(struct brt_txt *t, uint32_t *out)
{
	const char *v;
	int err = fmt_txt_value(t, &v);

	if (err)
		return err;
	if (!strcmp(v, "forever")) {
		*out = BRT_LIFETIME_FOREVER;
		return 0;
	}
	/* ip prints "valid_lft 300sec" */
	return fmt_txt_seconds(t, t->pos - 1, out);
}

static int addr_option(struct brt_txt *t, struct brt_address *a,
		       struct addr_words *aw, const char *w)
{
	uint32_t flag = fmt_txt_addrflag_parse(w);
	const char *v;
	int err, sc;

	if (flag) {
		a->flags |= flag;
		return 0;
	}
	if (!strcmp(w, "dynamic"))	/* ip's word for "not permanent" */
		return 0;
	if (!strcmp(w, "valid_lft"))
		return lifetime(t, &a->valid_lft);
	if (!strcmp(w, "preferred_lft"))
		return lifetime(t, &a->preferred_lft);
	if (strcmp(w, "dev") && strcmp(w, "peer") && strcmp(w, "brd") &&
	    strcmp(w, "broadcast") && strcmp(w, "scope") &&
	    strcmp(w, "label") && strcmp(w, "metric"))
		return fmt_txt_unknown(t);
	err = fmt_txt_value(t, &v);
	if (err)
		return err;
	if (!strcmp(w, "dev"))
		return fmt_txt_ifname(t, t->pos - 1, aw->dev);
	if (!strcmp(w, "peer"))
		return fmt_txt_addr_len(t, t->pos - 1, &a->peer, &aw->peer_plen);
	if (!strcmp(w, "brd") || !strcmp(w, "broadcast"))
		return fmt_txt_addr(t, t->pos - 1, &a->broadcast);
	if (!strcmp(w, "label")) {
		if (strlen(v) >= BRT_IFNAMSIZ)
			return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
					    "label too long '%s'", v);
		strcpy(a->label, v);
		return 0;
	}
	if (!strcmp(w, "metric"))
		return fmt_txt_u32(t, t->pos - 1, UINT32_MAX, &a->metric);
	sc = fmt_txt_scope_parse(v);
	if (sc < 0)
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
				    "unknown scope '%s'", v);
	a->scope = (uint8_t)sc;
	aw->scope_set = true;
	return 0;
}

/* The prefix length: the address's "/len", else the peer's, else full. */
static int addr_finish(struct brt_txt *t, struct brt_address *a,
		       const struct addr_words *aw)
{
	unsigned bits = a->addr.family == BRT_AF_INET6 ? 128 : 32;

	if (!aw->dev[0])
		return fmt_txt_fail(t, aw->at, BRT_EPARSE,
				    "address without 'dev' '%s'",
				    fmt_txt_word(t, aw->at));
	if (a->peer.family && a->peer.family != a->addr.family)
		return fmt_txt_fail(t, aw->at, BRT_EPARSE,
				    "peer of another family '%s'",
				    fmt_txt_word(t, aw->at));
	if (!aw->scope_set)
		a->scope = fmt_txt_addr_scope_default(&a->addr);
	a->plen = (uint8_t)(aw->plen >= 0 ? aw->plen
			    : aw->peer_plen >= 0 ? aw->peer_plen : (int)bits);
	a->ifindex = brt_builder_ifref(t->b, aw->dev);
	return a->ifindex ? 0 : BRT_ENOMEM;
}

int fmt_txt_parse_addr(struct brt_txt *t)
{
	struct brt_address a;
	struct addr_words aw = {-1, -1, false, 0, ""};
	const char *w;
	int err;

	brt_address_init(&a);
	if (t->pos >= t->n)
		return fmt_txt_fail(t, 0, BRT_EPARSE, "missing address after '%s'",
				    fmt_txt_word(t, 0));
	aw.at = t->pos;
	err = fmt_txt_addr_len(t, t->pos++, &a.addr, &aw.plen);
	while (!err && (w = fmt_txt_take(t)))
		err = addr_option(t, &a, &aw, w);
	if (!err)
		err = addr_finish(t, &a, &aw);
	if (err)
		return err;
	err = brt_builder_add_address(t->b, &a);
	return err ? fmt_txt_builder_fail(t, err) : 0;
}
