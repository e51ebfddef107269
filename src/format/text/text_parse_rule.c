/*
 * text_parse_rule.c - the `rule` statement.
 *
 * Words follow `ip rule`: `ip rule show` prints "PRIO:\tSELECTORS ACTION",
 * which reads back once `rule ` is put before it. A rule without priority
 * gets what `ip rule add` would get from the kernel: one less than the
 * lowest nonzero priority of its family (the default rule main at 32766
 * counts, since the builder derives it later).
 */
#include <string.h>

#include "builder/builder_read.h"
#include "text/text.h"

struct rule_words {
	struct brt_rule r;
	bool prio_set;
	size_t from_at, to_at;
	int family;
};

static uint32_t auto_priority(const brt_builder *b, uint8_t family)
{
	uint32_t low = 32766;
	size_t i;

	for (i = 0; i < core_bld_rule_count(b); i++) {
		const struct brt_rule *r = core_bld_rule_get(b, i);

		if (r->family == family && r->priority && r->priority < low)
			low = r->priority;
	}
	return low - 1;
}

static int value_u32(struct brt_txt *t, uint32_t max, uint32_t *out)
{
	const char *v;
	int err = fmt_txt_value(t, &v);

	return err ? err : fmt_txt_u32(t, t->pos - 1, max, out);
}

static int parse_fwmark(struct brt_txt *t, struct brt_rule *r)
{
	const char *v, *slash;
	char mark[24];
	size_t n;
	int err = fmt_txt_value(t, &v);

	if (err)
		return err;
	slash = strchr(v, '/');
	n = slash ? (size_t)(slash - v) : strlen(v);
	if (n >= sizeof(mark))
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE, "bad mark '%s'", v);
	memcpy(mark, v, n);
	mark[n] = 0;
	r->fwmask = 0xffffffffu;
	r->flags |= BRT_RULE_F_FWMARK;
	if (!fmt_txt_parse_u32(mark, &r->fwmark) ||
	    (slash && !fmt_txt_parse_u32(slash + 1, &r->fwmask)))
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE, "bad mark '%s'", v);
	return 0;
}

static int parse_ports(struct brt_txt *t, uint16_t *lo, uint16_t *hi)
{
	const char *v;
	uint32_t a = 0, b = 0;
	int err = fmt_txt_value(t, &v);

	if (!err)
		err = fmt_txt_range(t, t->pos - 1, 65535, &a, &b);
	*lo = (uint16_t)a;
	*hi = (uint16_t)b;
	return err;
}

static int parse_table(struct brt_txt *t, struct brt_rule *r)
{
	const char *v;
	int err = fmt_txt_value(t, &v);

	if (err)
		return err;
	r->action = BRT_RULE_LOOKUP;
	if (!strcmp(v, "[l3mdev-table]")) {	/* how ip shows l3mdev */
		r->flags |= BRT_RULE_F_L3MDEV;
		r->table = BRT_TABLE_MAIN;
		return 0;
	}
	if (brt_table_id_parse(v, &r->table))
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE, "bad table '%s'", v);
	return 0;
}

static int parse_action_word(struct brt_rule *r, const char *w)
{
	static const struct {
		const char *word;
		uint8_t action;
	} a[] = {
		{"nop", BRT_RULE_NOP}, {"blackhole", BRT_RULE_BLACKHOLE},
		{"unreachable", BRT_RULE_UNREACHABLE},
		{"prohibit", BRT_RULE_PROHIBIT},
	};
	size_t i;

	for (i = 0; i < sizeof(a) / sizeof(a[0]); i++)
		if (!strcmp(a[i].word, w)) {
			r->action = a[i].action;
			return 1;
		}
	return 0;
}

/* Selectors and actions that take a value. */
static int rule_value_word(struct brt_txt *t, struct rule_words *rw,
			   const char *w)
{
	struct brt_rule *r = &rw->r;
	const char *v;
	uint32_t x;
	int err;

	if (!strcmp(w, "pref") || !strcmp(w, "priority") || !strcmp(w, "order")) {
		rw->prio_set = true;
		return value_u32(t, UINT32_MAX, &r->priority);
	}
	if (!strcmp(w, "from") || !strcmp(w, "to")) {
		err = fmt_txt_value(t, &v);
		*(w[0] == 'f' ? &rw->from_at : &rw->to_at) = t->pos - 1;
		return err;
	}
	if (!strcmp(w, "tos") || !strcmp(w, "dsfield")) {
		err = value_u32(t, 255, &x);
		r->tos = (uint8_t)x;
		return err;
	}
	if (!strcmp(w, "fwmark"))
		return parse_fwmark(t, r);
	if (!strcmp(w, "iif") || !strcmp(w, "oif")) {
		err = fmt_txt_value(t, &v);
		return err ? err : fmt_txt_ifname(t, t->pos - 1,
						  w[0] == 'i' ? r->iif : r->oif);
	}
	if (!strcmp(w, "uidrange")) {
		r->flags |= BRT_RULE_F_UIDRANGE;
		err = fmt_txt_value(t, &v);
		return err ? err : fmt_txt_range(t, t->pos - 1, UINT32_MAX,
						 &r->uid_start, &r->uid_end);
	}
	if (!strcmp(w, "ipproto")) {
		r->flags |= BRT_RULE_F_IPPROTO;
		err = fmt_txt_value(t, &v);
		if (!err && fmt_txt_ipproto_parse(v) < 0)
			return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
					    "unknown protocol '%s'", v);
		r->ipproto = err ? 0 : (uint8_t)fmt_txt_ipproto_parse(v);
		return err;
	}
	if (!strcmp(w, "sport")) {
		r->flags |= BRT_RULE_F_SPORT;
		return parse_ports(t, &r->sport_lo, &r->sport_hi);
	}
	if (!strcmp(w, "dport")) {
		r->flags |= BRT_RULE_F_DPORT;
		return parse_ports(t, &r->dport_lo, &r->dport_hi);
	}
	return 1;
}

static int rule_action_word(struct brt_txt *t, struct rule_words *rw,
			    const char *w)
{
	struct brt_rule *r = &rw->r;
	const char *v;
	int err, p;

	if (!strcmp(w, "lookup") || !strcmp(w, "table"))
		return parse_table(t, r);
	if (!strcmp(w, "goto")) {
		r->action = BRT_RULE_GOTO;
		return value_u32(t, UINT32_MAX, &r->goto_target);
	}
	if (!strcmp(w, "suppress_prefixlength"))
		return value_u32(t, 128, &r->suppress_prefixlen);
	if (!strcmp(w, "suppress_ifgroup")) {
		err = fmt_txt_value(t, &v);
		if (!err && !strcmp(v, "default"))
			r->suppress_ifgroup = 0;
		else if (!err)
			err = fmt_txt_u32(t, t->pos - 1, UINT32_MAX - 1,
					  &r->suppress_ifgroup);
		return err;
	}
	if (!strcmp(w, "proto") || !strcmp(w, "protocol")) {
		err = fmt_txt_value(t, &v);
		if (!err && (p = fmt_txt_proto_parse(v)) < 0)
			return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
					    "unknown protocol '%s'", v);
		if (!err)
			r->protocol = (uint8_t)p;
		return err;
	}
	if (!strcmp(w, "realms") || !strcmp(w, "realm"))
		return fmt_txt_value(t, &v);
	return 1;
}

static int rule_word(struct brt_txt *t, struct rule_words *rw, const char *w)
{
	size_t n = strlen(w);
	int err;

	if (!strcmp(w, "-4") || !strcmp(w, "-6")) {
		rw->family = w[1] == '4' ? BRT_AF_INET : BRT_AF_INET6;
		return 0;
	}
	if (n > 1 && w[n - 1] == ':' && !rw->prio_set) {	/* "1000:" */
		char num[16];

		if (n > sizeof(num) || (memcpy(num, w, n - 1), num[n - 1] = 0,
					!fmt_txt_parse_u32(num, &rw->r.priority)))
			return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
					    "bad priority '%s'", w);
		rw->prio_set = true;
		return 0;
	}
	if (!strcmp(w, "not")) {
		rw->r.flags |= BRT_RULE_F_INVERT;
		return 0;
	}
	if (!strcmp(w, "l3mdev")) {
		rw->r.flags |= BRT_RULE_F_L3MDEV;
		return 0;
	}
	if (!strcmp(w, "[detached]") || !strcmp(w, "unresolved"))
		return 0;
	if (parse_action_word(&rw->r, w))
		return 0;
	err = rule_value_word(t, rw, w);
	if (err <= 0)
		return err;
	err = rule_action_word(t, rw, w);
	return err <= 0 ? err : fmt_txt_unknown(t);
}

/* Family of -4/-6 and of the prefixes must agree. */
static int rule_prefix(struct brt_txt *t, struct rule_words *rw, size_t at,
		       struct brt_prefix *p)
{
	int err;

	if (!at)
		return 0;
	err = fmt_txt_prefix(t, at, rw->family, p);
	if (err)
		return err;
	if (p->addr.family)
		rw->family = p->addr.family;
	if (p->len == 0)	/* "all": any source or destination */
		memset(p, 0, sizeof(*p));
	return 0;
}

int fmt_txt_parse_rule(struct brt_txt *t)
{
	struct rule_words rw;
	const char *w;
	int err = 0;

	memset(&rw, 0, sizeof(rw));
	brt_rule_init(&rw.r);
	while (!err && (w = fmt_txt_take(t)))
		err = rule_word(t, &rw, w);
	if (!err)
		err = rule_prefix(t, &rw, rw.from_at, &rw.r.src);
	if (!err)
		err = rule_prefix(t, &rw, rw.to_at, &rw.r.dst);
	if (err)
		return err;
	rw.r.family = (uint8_t)(rw.family ? rw.family : BRT_AF_INET);
	if (!rw.prio_set)
		rw.r.priority = auto_priority(t->b, rw.r.family);
	err = brt_builder_add_rule(t->b, &rw.r);
	return err ? fmt_txt_builder_fail(t, err) : 0;
}
