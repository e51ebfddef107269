/*
 * text_parse_nexthop.c - `nexthop` objects and groups, and `addrlabel`.
 *
 * Words follow `ip nexthop show` and `ip addrlabel list`. A group is
 * "ID[,WEIGHT]/ID[,WEIGHT]..."; resilient-group tuning (buckets, timers)
 * is accepted and dropped, as lookups do not depend on it. A single next
 * hop with only a link is IPv4 unless `-6` says otherwise (ip does not
 * print the family of such objects).
 */
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static const char *const ignored_values[] = {
	"buckets", "idle_timer", "unbalanced_timer", "unbalanced_time",
	"scope", "hw_stats", "used", "encap_unused",
};

static int parse_group(struct brt_txt *t, struct brt_nhgrp_member **out,
		       uint32_t *count)
{
	const char *v, *p;
	char part[40];
	struct brt_nhgrp_member *m;
	size_t n = 1, k = 0, len;
	int err = fmt_txt_value(t, &v);

	if (err)
		return err;
	for (p = v; *p; p++)
		n += *p == '/';
	if (n > 4096)
		return fmt_txt_fail(t, t->pos - 1, BRT_ELIMIT,
				    "group of more than 4096 members '%.40s'", v);
	free(*out);
	*out = m = calloc(n, sizeof(*m));
	if (!m)
		return BRT_ENOMEM;
	for (p = v; k < n; k++) {
		char *comma;

		len = strcspn(p, "/");
		if (len == 0 || len >= sizeof(part))
			return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
					    "bad group '%s'", v);
		memcpy(part, p, len);
		part[len] = 0;
		comma = strchr(part, ',');
		if (comma)
			*comma = 0;
		m[k].weight = 1;
		if (!fmt_txt_parse_u32(part, &m[k].id) || !m[k].id ||
		    (comma && (!fmt_txt_parse_u32(comma + 1, &m[k].weight) ||
			       !m[k].weight || m[k].weight > 256)))
			return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
					    "bad group '%s'", v);
		p += len + (p[len] == '/');
	}
	*count = (uint32_t)n;
	return 0;
}

static int nhobj_flag(struct brt_nhobj *n, const char *w)
{
	static const struct {
		const char *word;
		uint32_t flag;
	} f[] = {
		{"blackhole", BRT_NHOBJ_F_BLACKHOLE},
		{"onlink", BRT_NHOBJ_F_ONLINK}, {"fdb", BRT_NHOBJ_F_FDB},
		{"dead", BRT_NHOBJ_F_DEAD}, {"linkdown", BRT_NHOBJ_F_LINKDOWN},
	};
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (!strcmp(f[i].word, w)) {
			n->flags |= f[i].flag;
			return 1;
		}
	return 0;
}

static int nhobj_type(struct brt_txt *t, struct brt_nhobj *n)
{
	const char *v;
	int err = fmt_txt_value(t, &v);

	if (err)
		return err;
	if (!strcmp(v, "resilient"))
		n->flags |= BRT_NHOBJ_F_RESILIENT;
	else if (strcmp(v, "mpath"))
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
				    "unknown group type '%s'", v);
	return 0;
}

struct nh_words {
	struct brt_nhobj n;
	struct brt_nhgrp_member *grp;
	size_t dev_at;
	int family;
};

static int nhobj_word(struct brt_txt *t, struct nh_words *nw, const char *w)
{
	struct brt_nhobj *n = &nw->n;
	const char *v;
	size_t i;
	int err, p;

	if (nhobj_flag(n, w))
		return 0;
	if (!strcmp(w, "-4") || !strcmp(w, "-6")) {
		nw->family = w[1] == '4' ? BRT_AF_INET : BRT_AF_INET6;
		return 0;
	}
	if (!strcmp(w, "group"))
		return parse_group(t, &nw->grp, &n->group_count);
	if (!strcmp(w, "type"))
		return nhobj_type(t, n);
	for (i = 0; i < sizeof(ignored_values) / sizeof(ignored_values[0]); i++)
		if (!strcmp(ignored_values[i], w))
			return fmt_txt_value(t, &v);
	if (strcmp(w, "id") && strcmp(w, "via") && strcmp(w, "dev") &&
	    strcmp(w, "proto") && strcmp(w, "protocol"))
		return fmt_txt_unknown(t);
	err = fmt_txt_value(t, &v);
	if (err)
		return err;
	if (!strcmp(w, "id"))
		return fmt_txt_u32(t, t->pos - 1, UINT32_MAX, &n->id);
	if (!strcmp(w, "via"))
		return fmt_txt_addr(t, t->pos - 1, &n->gw);
	if (!strcmp(w, "dev")) {
		nw->dev_at = t->pos - 1;
		return fmt_txt_ifname(t, t->pos - 1, (char[BRT_IFNAMSIZ]){0});
	}
	p = fmt_txt_proto_parse(v);
	if (p < 0)
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
				    "unknown protocol '%s'", v);
	n->protocol = (uint8_t)p;
	return 0;
}

static int nhobj_finish(struct brt_txt *t, struct nh_words *nw)
{
	struct brt_nhobj *n = &nw->n;

	if (!n->id)
		return fmt_txt_fail(t, 0, BRT_EPARSE,
				    "nexthop without 'id' '%s'", fmt_txt_word(t, 0));
	if (nw->dev_at) {
		n->ifindex = brt_builder_ifref(t->b, fmt_txt_word(t, nw->dev_at));
		if (!n->ifindex)
			return BRT_ENOMEM;
	}
	if (n->gw.family)
		n->family = n->gw.family;
	else if (!n->group_count && !(n->flags & BRT_NHOBJ_F_BLACKHOLE))
		n->family = (uint8_t)(nw->family ? nw->family : BRT_AF_INET);
	n->group = nw->grp;
	return 0;
}

int fmt_txt_parse_nexthop(struct brt_txt *t)
{
	struct nh_words nw;
	const char *w;
	int err = 0;

	memset(&nw, 0, sizeof(nw));
	brt_nhobj_init(&nw.n);
	while (!err && (w = fmt_txt_take(t)))
		err = nhobj_word(t, &nw, w);
	if (!err)
		err = nhobj_finish(t, &nw);
	if (!err) {
		err = brt_builder_add_nhobj(t->b, &nw.n);
		if (err)
			err = fmt_txt_builder_fail(t, err);
	}
	free(nw.grp);
	return err;
}

/* One word of addrlabel; the prefix is parsed once its place is known. */
static int addrlabel_word(struct brt_txt *t, struct brt_addrlabel *l,
			  size_t *pfx_at, bool *label, const char *w)
{
	char dev[BRT_IFNAMSIZ];
	const char *v;
	int err;

	if (strcmp(w, "label") && strcmp(w, "dev") && strcmp(w, "prefix")) {
		if (*pfx_at)
			return fmt_txt_unknown(t);
		*pfx_at = t->pos - 1;	/* the bare prefix */
		return 0;
	}
	err = fmt_txt_value(t, &v);
	if (err)
		return err;
	if (!strcmp(w, "prefix")) {
		*pfx_at = t->pos - 1;
		return 0;
	}
	if (!strcmp(w, "label")) {
		*label = true;
		return fmt_txt_u32(t, t->pos - 1, UINT32_MAX - 1, &l->label);
	}
	err = fmt_txt_ifname(t, t->pos - 1, dev);
	if (!err && !(l->ifindex = brt_builder_ifref(t->b, dev)))
		err = BRT_ENOMEM;
	return err;
}

/* addrlabel [prefix] PREFIX [dev NAME] label N */
int fmt_txt_parse_addrlabel(struct brt_txt *t)
{
	struct brt_addrlabel l;
	const char *w;
	size_t pfx_at = 0;
	bool label = false;
	int err = 0;

	memset(&l, 0, sizeof(l));
	while (!err && (w = fmt_txt_take(t)))
		err = addrlabel_word(t, &l, &pfx_at, &label, w);
	if (!err && (!pfx_at || !label))
		err = fmt_txt_fail(t, 0, BRT_EPARSE,
				   "addrlabel needs a prefix and a label '%s'",
				   fmt_txt_word(t, 0));
	if (!err)
		err = fmt_txt_prefix(t, pfx_at, BRT_AF_INET6, &l.prefix);
	if (err)
		return err;
	err = brt_builder_add_addrlabel(t->b, &l);
	return err ? fmt_txt_builder_fail(t, err) : 0;
}
