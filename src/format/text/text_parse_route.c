/*
 * text_parse_route.c - the `route` statement (with its `nexthop` lines).
 *
 * Words follow `ip route`: everything `ip route show` prints is accepted,
 * what the model holds is kept (type, prefixes, table, metric, protocol,
 * scope, source, tos, next hops with weights and flags, nhid, mtu,
 * expires, pref) and pure TCP metrics are checked for a value and
 * dropped. The family and the defaults that depend on it are decided
 * after the last word, because `default` and the metric defaults need it.
 * With `nhid`, the next hops ip prints are the object's and are dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

struct nh_words {
	struct brt_nexthop nh;
	size_t dev_at;		/* word index of the link name, 0: none */
};

struct route_words {
	struct brt_route r;
	struct nh_words *nh;
	size_t n, cap;
	bool multipath;		/* a "nexthop" word was seen */
	bool table_set, metric_set, scope_set, pref_set, type_set;
	size_t dst_at, from_at, src_at;
	int family;		/* from -4/-6, else 0 */
	uint32_t flags;		/* flags given outside "nexthop" */
};

/* Words that take one value that the model does not hold. */
static const char *const ignored_metrics[] = {
	"advmss", "hoplimit", "rtt", "rttvar", "rto_min", "window", "cwnd",
	"initcwnd", "initrwnd", "ssthresh", "reordering", "features",
	"quickack", "congctl", "fastopen_no_cookie", "realms", "realm",
	"ttl-propagate", "users", "age", "used", "error", "pref_src_unused",
};
/* Flags ip may print that do not change answers we model. */
static const char *const ignored_flags[] = {
	"pervasive", "offload", "trap", "rt_offload", "rt_trap",
	"rt_offload_failed", "notify", "unresolved", "cache",
};

static bool in_list(const char *const *l, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(l[i], w))
			return true;
	return false;
}

#define IN(l, w) in_list(l, sizeof(l) / sizeof(l[0]), w)

static struct nh_words *cur_nh(struct route_words *rw, bool start)
{
	struct nh_words *p;

	if (!start && rw->n)
		return &rw->nh[rw->n - 1];
	if (rw->n >= 4096)
		return NULL;
	if (rw->n == rw->cap) {
		size_t cap = rw->cap ? rw->cap * 2 : 4;

		p = realloc(rw->nh, cap * sizeof(*p));
		if (!p)
			return NULL;
		rw->nh = p;
		rw->cap = cap;
	}
	p = &rw->nh[rw->n++];
	memset(p, 0, sizeof(*p));
	brt_nexthop_init(&p->nh);
	return p;
}

static int nh_flag(struct route_words *rw, uint32_t flag)
{
	if (rw->multipath)
		cur_nh(rw, false)->nh.flags |= flag;
	else
		rw->flags |= flag;
	return 0;
}

/* via [inet|inet6] ADDR */
static int parse_via(struct brt_txt *t, struct nh_words *nw)
{
	const char *v;
	int err = fmt_txt_value(t, &v);

	if (!err && (!strcmp(v, "inet") || !strcmp(v, "inet6")))
		err = fmt_txt_value(t, &v);
	return err ? err : fmt_txt_addr(t, t->pos - 1, &nw->nh.gw);
}

/* The value of a metric, after an optional "lock". */
static int metric_value(struct brt_txt *t, const char **v)
{
	int err = fmt_txt_value(t, v);

	if (!err && !strcmp(*v, "lock"))
		err = fmt_txt_value(t, v);
	return err;
}

static int route_nh_word(struct brt_txt *t, struct route_words *rw,
			 const char *w)
{
	struct nh_words *nw;
	const char *v;
	uint32_t x;
	int err;

	nw = cur_nh(rw, !strcmp(w, "nexthop") || !rw->n);
	if (!nw)
		return fmt_txt_fail(t, t->pos - 1, BRT_ELIMIT,
				    "too many next hops at '%s'", w);
	if (!strcmp(w, "nexthop")) {
		rw->multipath = true;
		return 0;
	}
	if (!strcmp(w, "via"))
		return parse_via(t, nw);
	err = fmt_txt_value(t, &v);
	if (err)
		return err;
	if (!strcmp(w, "weight")) {
		err = fmt_txt_u32(t, t->pos - 1, 256, &x);
		if (!err && !x)
			err = fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
					   "weight must be 1..256 '%s'", v);
		nw->nh.weight = x;
		return err;
	}
	nw->dev_at = t->pos - 1;	/* dev or oif */
	return fmt_txt_ifname(t, t->pos - 1, (char[BRT_IFNAMSIZ]){0});
}

static int named_value(struct brt_txt *t, int (*parse)(const char *),
		       const char *what, uint8_t *out)
{
	const char *v;
	int err = fmt_txt_value(t, &v), x;

	if (err)
		return err;
	x = parse(v);
	if (x < 0)
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE, "unknown %s '%s'",
				    what, v);
	*out = (uint8_t)x;
	return 0;
}

static int parse_pref(struct brt_txt *t, struct route_words *rw)
{
	const char *v;
	int err = fmt_txt_value(t, &v);

	if (err)
		return err;
	rw->pref_set = true;
	if (!strcmp(v, "low"))
		rw->r.pref = BRT_PREF_LOW;
	else if (!strcmp(v, "medium"))
		rw->r.pref = BRT_PREF_MEDIUM;
	else if (!strcmp(v, "high"))
		rw->r.pref = BRT_PREF_HIGH;
	else
		return fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
				    "unknown preference '%s'", v);
	return 0;
}

static int parse_u32_of(struct brt_txt *t, uint32_t max, uint32_t *out)
{
	const char *v;
	int err = fmt_txt_value(t, &v);

	return err ? err : fmt_txt_u32(t, t->pos - 1, max, out);
}

/* Keywords with a value that the model holds. */
static int route_value_word(struct brt_txt *t, struct route_words *rw,
			    const char *w)
{
	const char *v;
	uint32_t x;
	int err;

	if (!strcmp(w, "table")) {
		rw->table_set = true;
		err = fmt_txt_value(t, &v);
		if (!err && brt_table_id_parse(v, &rw->r.table))
			err = fmt_txt_fail(t, t->pos - 1, BRT_EPARSE,
					   "bad table '%s'", v);
		return err;
	}
	if (!strcmp(w, "metric") || !strcmp(w, "priority") ||
	    !strcmp(w, "preference")) {
		rw->metric_set = true;
		return parse_u32_of(t, UINT32_MAX, &rw->r.metric);
	}
	if (!strcmp(w, "proto") || !strcmp(w, "protocol"))
		return named_value(t, fmt_txt_proto_parse, "protocol",
				   &rw->r.protocol);
	if (!strcmp(w, "scope")) {
		rw->scope_set = true;
		return named_value(t, fmt_txt_scope_parse, "scope",
				   &rw->r.scope);
	}
	if (!strcmp(w, "tos") || !strcmp(w, "dsfield")) {
		err = parse_u32_of(t, 255, &x);
		rw->r.tos = (uint8_t)x;
		return err;
	}
	if (!strcmp(w, "nhid"))
		return parse_u32_of(t, UINT32_MAX, &rw->r.nh_id);
	if (!strcmp(w, "mtu")) {
		err = metric_value(t, &v);
		return err ? err : fmt_txt_u32(t, t->pos - 1, UINT32_MAX,
					       &rw->r.mtu);
	}
	if (!strcmp(w, "expires")) {
		err = fmt_txt_value(t, &v);
		return err ? err : fmt_txt_seconds(t, t->pos - 1,
						   &rw->r.expires);
	}
	if (!strcmp(w, "pref"))
		return parse_pref(t, rw);
	if (!strcmp(w, "from") || !strcmp(w, "src")) {
		err = fmt_txt_value(t, &v);
		*(!strcmp(w, "from") ? &rw->from_at : &rw->src_at) = t->pos - 1;
		return err;
	}
	return 1;	/* not one of these */
}

static int route_word(struct brt_txt *t, struct route_words *rw,
		      const char *w)
{
	const char *v;
	int type, err;

	if (!strcmp(w, "-4") || !strcmp(w, "-6")) {
		rw->family = w[1] == '4' ? BRT_AF_INET : BRT_AF_INET6;
		return 0;
	}
	if (!rw->dst_at && !rw->type_set && (type = fmt_txt_rtype_parse(w)) > 0) {
		rw->r.type = (uint8_t)type;
		rw->type_set = true;
		return 0;
	}
	if (!strcmp(w, "nexthop") || !strcmp(w, "via") || !strcmp(w, "dev") ||
	    !strcmp(w, "oif") || !strcmp(w, "weight"))
		return route_nh_word(t, rw, w);
	if (!strcmp(w, "onlink"))
		return nh_flag(rw, BRT_NH_F_ONLINK);
	if (!strcmp(w, "linkdown"))
		return nh_flag(rw, BRT_NH_F_LINKDOWN);
	if (!strcmp(w, "dead"))
		return nh_flag(rw, BRT_NH_F_DEAD);
	if (IN(ignored_flags, w))
		return 0;
	if (IN(ignored_metrics, w))
		return metric_value(t, &v);
	err = route_value_word(t, rw, w);
	if (err <= 0)
		return err;
	if (!strcmp(w, "to") && !rw->dst_at) {
		err = fmt_txt_value(t, &v);
		rw->dst_at = t->pos - 1;
		return err;
	}
	if (rw->dst_at)
		return fmt_txt_unknown(t);
	rw->dst_at = t->pos - 1;
	return 0;
}

/* -4/-6, else the destination's, the gateway's, IPv6 for pref, IPv4. */
static int route_family(struct brt_txt *t, struct route_words *rw)
{
	const char *d = fmt_txt_word(t, rw->dst_at);
	struct brt_addr a;
	int plen;

	if (strcmp(d, "default") && strcmp(d, "all") && strcmp(d, "any")) {
		if (!strpbrk(d, ".:"))
			return fmt_txt_fail(t, rw->dst_at, BRT_EPARSE,
					    "unknown word '%s'", d);
		if (fmt_txt_addr_len(t, rw->dst_at, &a, &plen))
			return BRT_EPARSE;
		if (rw->family && rw->family != a.family)
			return fmt_txt_fail(t, rw->dst_at, BRT_EPARSE,
					    "address family differs from %s '%s'",
					    rw->family == BRT_AF_INET6 ? "-6" : "-4",
					    d);
		rw->family = a.family;
	}
	if (!rw->family && rw->n && rw->nh[0].nh.gw.family)
		rw->family = rw->nh[0].nh.gw.family;
	if (!rw->family)
		rw->family = rw->pref_set ? BRT_AF_INET6 : BRT_AF_INET;
	rw->r.family = (uint8_t)rw->family;
	return fmt_txt_prefix(t, rw->dst_at, rw->family, &rw->r.dst);
}

static bool is_error_type(unsigned type)
{
	return type == BRT_RT_BLACKHOLE || type == BRT_RT_UNREACHABLE ||
	       type == BRT_RT_PROHIBIT || type == BRT_RT_THROW;
}

/* Next hops the route keeps: none with nhid (they echo the object), and
 * not the "dev lo" ip prints for IPv6 error routes. */
static void route_drop_echoes(struct brt_txt *t, struct route_words *rw)
{
	if (rw->r.nh_id) {
		rw->n = 0;
		return;
	}
	if (rw->n == 1 && is_error_type(rw->r.type) && !rw->nh[0].nh.gw.family &&
	    rw->nh[0].dev_at &&
	    !strcmp(fmt_txt_word(t, rw->nh[0].dev_at), "lo"))
		rw->n = 0;
}

static int route_nexthops(struct brt_txt *t, struct route_words *rw,
			  struct brt_nexthop *out)
{
	size_t i;

	for (i = 0; i < rw->n; i++) {
		out[i] = rw->nh[i].nh;
		if (rw->nh[i].dev_at) {
			out[i].ifindex = brt_builder_ifref(
				t->b, fmt_txt_word(t, rw->nh[i].dev_at));
			if (!out[i].ifindex)
				return BRT_ENOMEM;
		}
	}
	if (rw->n == 1 && !rw->multipath)
		out[0].flags |= rw->flags;
	return 0;
}

static int route_finish(struct brt_txt *t, struct route_words *rw)
{
	struct brt_route *r = &rw->r;
	int err;

	if (!rw->dst_at)
		return fmt_txt_fail(t, 0, BRT_EPARSE,
				    "route without destination '%s'",
				    fmt_txt_word(t, 0));
	err = route_family(t, rw);
	if (!err && rw->from_at)
		err = fmt_txt_prefix(t, rw->from_at, rw->family, &r->src);
	if (!err && rw->src_at) {
		err = fmt_txt_addr(t, rw->src_at, &r->prefsrc);
		if (!err && r->prefsrc.family != rw->family)
			err = fmt_txt_fail(t, rw->src_at, BRT_EPARSE,
					   "source of another family '%s'",
					   fmt_txt_word(t, rw->src_at));
	}
	if (err)
		return err;
	route_drop_echoes(t, rw);
	r->flags |= rw->flags;
	if (!rw->table_set)
		r->table = fmt_txt_route_table_default(r->type);
	if (rw->metric_set)
		r->flags |= BRT_ROUTE_F_HAS_METRIC;
	else
		r->metric = fmt_txt_route_metric_default(r->family, r->protocol);
	return 0;
}

int fmt_txt_parse_route(struct brt_txt *t)
{
	struct route_words rw;
	struct brt_nexthop *nh = NULL;
	const char *w;
	int err = 0;

	memset(&rw, 0, sizeof(rw));
	brt_route_init(&rw.r);
	while (!err && (w = fmt_txt_take(t)))
		err = route_word(t, &rw, w);
	if (!err)
		err = route_finish(t, &rw);
	if (!err && rw.n && !(nh = malloc(rw.n * sizeof(*nh))))
		err = BRT_ENOMEM;
	if (!err)
		err = route_nexthops(t, &rw, nh);
	if (!err) {
		rw.r.nh = nh;
		rw.r.nh_count = (uint32_t)rw.n;
		if (!rw.scope_set)
			rw.r.scope = (uint8_t)fmt_txt_route_scope_default(&rw.r);
		err = brt_builder_add_route(t->b, &rw.r);
		if (err)
			err = fmt_txt_builder_fail(t, err);
	}
	free(nh);
	free(rw.nh);
	return err;
}
