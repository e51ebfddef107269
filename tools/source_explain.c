/*
 * source_explain.c - --explain for the source address: which rule picked
 * it. In order: the query's own "from"; the route's preferred source
 * (prefsrc); under Linux for IPv4, the primary address of the output link
 * (the first whose subnet holds the next hop, else the first that fits,
 * else another link's); otherwise the address selection rules (RFC 6724
 * for IPv6, Windows' for IPv4; source_rules.c) with every candidate they
 * compared, the rule each one lost by, and those never eligible (Windows'
 * SkipAsSource, tentative). JSON: "source_choice" {"rule", "text",
 * "decided_by", "candidates": [{"address", "dev", "lost_by" | "excluded"}]}.
 */
#include <string.h>

#include "source_rules.h"

#define MAX_CANDIDATES 64

struct src_cand {
	const struct brt_address *a;
	const char *why;	/* the rule it lost by, or why excluded */
	bool excluded;
};

struct src_why {
	const char *rule;		/* "from", "prefsrc", "primary-address", ... */
	char text[256];
	const char *decided_by;		/* the rule that beat the runner-up */
	struct src_cand cand[MAX_CANDIDATES];
	size_t n;
};

static bool in_subnet(const struct brt_address *a, const struct brt_addr *x)
{
	struct brt_prefix p;

	p.addr = a->addr;
	p.len = a->plen;
	return x->family == a->addr.family && brt_prefix_contains(&p, x);
}

static void primary_v4(const brt_table *t, const struct brt_result *r,
		       const struct brt_addr *near, struct src_why *w)
{
	char nb[24], ab[BRT_ADDRSTRLEN];
	size_t i;

	w->rule = "primary-address";
	brt_addr_format(near, ab, sizeof(ab));
	for (i = 0; i < brt_table_address_count(t); i++) {
		const struct brt_address *a = brt_table_address(t, i);

		if (!brt_addr_equal(&a->addr, &r->source) || a->addr.family != BRT_AF_INET)
			continue;
		if (a->ifindex != r->ifindex)
			snprintf(w->text, sizeof(w->text), "no address of %s fits: the first "
				 "primary address of another link (%s)",
				 link_name(t, r->ifindex, nb), link_name(t, a->ifindex, nb));
		else if (in_subnet(a, near))
			snprintf(w->text, sizeof(w->text), "the first primary address of %s "
				 "whose subnet holds %s", link_name(t, r->ifindex, nb), ab);
		else
			snprintf(w->text, sizeof(w->text), "the first primary address of %s "
				 "fit for the route's scope", link_name(t, r->ifindex, nb));
		return;
	}
	snprintf(w->text, sizeof(w->text), "an address of the host");
}

/* The candidates the rules compare (as the library gathers them). */
static void gather(const struct src_ctx *c, struct src_why *w)
{
	const struct brt_link *l = brt_table_link_by_index(c->t, c->ifindex);
	bool all = !c->windows && (c->dst->bytes[0] != 0xff || c->dst->family == BRT_AF_INET);
	size_t i, on_link = 0;
	const char *why;

	if (!c->windows && c->dst->family == BRT_AF_INET6 && c->dst->bytes[0] == 0xfe &&
	    (c->dst->bytes[1] & 0xc0) == 0x80)
		all = false;	/* link scope: the output device's only */
	for (i = 0; c->windows && i < brt_table_address_count(c->t); i++)
		if (brt_table_address(c->t, i)->ifindex == c->ifindex &&
		    src_candidate(c, brt_table_address(c->t, i), &why))
			on_link++;
	if (c->windows && (!on_link || (l && (l->flags & BRT_LINK_F_WEAK_HOST_SEND))))
		all = true;
	for (i = 0; i < brt_table_address_count(c->t) && w->n < MAX_CANDIDATES; i++) {
		const struct brt_address *a = brt_table_address(c->t, i);
		bool ok = src_candidate(c, a, &why);

		if (a->addr.family != c->dst->family || (!all && a->ifindex != c->ifindex))
			continue;
		w->cand[w->n].a = a;
		w->cand[w->n].why = why;
		w->cand[w->n++].excluded = !ok;
	}
}

static void by_rules(const struct src_ctx *c, const struct brt_addr *chosen, struct src_why *w)
{
	const struct brt_address *me = NULL;
	int best = 0, d;
	const char *name;
	size_t i;

	gather(c, w);
	for (i = 0; i < w->n; i++)
		if (!w->cand[i].excluded && brt_addr_equal(&w->cand[i].a->addr, chosen))
			me = w->cand[i].a;
	w->rule = c->windows && c->dst->family == BRT_AF_INET ? "windows-ipv4" : "rfc6724";
	snprintf(w->text, sizeof(w->text), "%s address selection",
		 c->dst->family == BRT_AF_INET ? "Windows' IPv4" : "RFC 6724");
	for (i = 0; me && i < w->n; i++) {
		if (w->cand[i].excluded || w->cand[i].a == me)
			continue;
		d = src_rule_compare(c, me, w->cand[i].a, &name);
		w->cand[i].why = d > 0 ? name : d < 0 ? "unexplained: the rules here prefer it"
					   : "a tie: the earlier defined address wins";
		if (d < 0)
			w->rule = "unexplained";
		if (d > best || (!best && !w->decided_by)) {
			best = d > 0 ? d : best;
			w->decided_by = w->cand[i].why;
		}
	}
	if (!me)
		w->rule = "unexplained";
	for (i = 0, d = 0; i < w->n; i++)
		d += !w->cand[i].excluded;
	if (me && d == 1)
		snprintf(w->text, sizeof(w->text), "%s address selection: the only candidate",
			 c->dst->family == BRT_AF_INET ? "Windows' IPv4" : "RFC 6724");
}

/* Why @r has its source; false when there is nothing to explain. */
static bool explain(const brt_table *t, const struct brt_query *q, const struct brt_result *r,
		    struct src_why *w)
{
	struct src_ctx c = {t, &q->dst, r->gateway.family ? &r->gateway : &q->dst, r->ifindex,
			    brt_table_policy(t) == BRT_POLICY_WINDOWS};

	memset(w, 0, sizeof(*w));
	if (r->status != BRT_ROUTE_OK || !r->source.family)
		return false;
	if (q->src.family) {
		w->rule = "from";
		snprintf(w->text, sizeof(w->text), "the query's own source (from)");
	} else if (r->route && r->route->prefsrc.family &&
		   brt_addr_equal(&r->route->prefsrc, &r->source)) {
		w->rule = "prefsrc";
		snprintf(w->text, sizeof(w->text), "the route's preferred source (src)");
	} else if (!c.windows && q->dst.family == BRT_AF_INET) {
		primary_v4(t, r, c.next_hop, w);
	} else {
		by_rules(&c, &r->source, w);
	}
	return true;
}

json_object *source_choice_json(const brt_table *t, const struct brt_query *q,
				const struct brt_result *r)
{
	json_object *o, *a;
	struct src_why w;
	char ab[BRT_ADDRSTRLEN], nb[24];
	size_t i;

	if (!explain(t, q, r, &w))
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "rule", json_object_new_string(w.rule));
	json_object_object_add(o, "text", json_object_new_string(w.text));
	if (w.decided_by)
		json_object_object_add(o, "decided_by", json_object_new_string(w.decided_by));
	a = json_object_new_array();
	for (i = 0; i < w.n; i++) {
		json_object *e = json_object_new_object();

		brt_addr_format(&w.cand[i].a->addr, ab, sizeof(ab));
		json_object_object_add(e, "address", json_object_new_string(ab));
		json_object_object_add(e, "dev", json_object_new_string(
			link_name(t, w.cand[i].a->ifindex, nb)));
		if (brt_addr_equal(&w.cand[i].a->addr, &r->source) && !w.cand[i].excluded)
			json_object_object_add(e, "chosen", json_object_new_boolean(1));
		else if (w.cand[i].why)
			json_object_object_add(e, w.cand[i].excluded ? "excluded" : "lost_by",
					       json_object_new_string(w.cand[i].why));
		json_object_array_add(a, e);
	}
	if (w.n)
		json_object_object_add(o, "candidates", a);
	else
		json_object_put(a);
	return o;
}

void source_choice_text(FILE *f, const brt_table *t, const struct brt_query *q,
			const struct brt_result *r)
{
	char ab[BRT_ADDRSTRLEN], nb[24];
	struct src_why w;
	size_t i;

	if (!explain(t, q, r, &w))
		return;
	brt_addr_format(&r->source, ab, sizeof(ab));
	fprintf(f, "  source %s: %s%s%s\n", ab, w.text, w.decided_by ? ", decided by " : "",
		w.decided_by ? w.decided_by : "");
	for (i = 0; i < w.n; i++) {
		if (brt_addr_equal(&w.cand[i].a->addr, &r->source) && !w.cand[i].excluded)
			continue;
		brt_addr_format(&w.cand[i].a->addr, ab, sizeof(ab));
		fprintf(f, "    source %s dev %s: %s%s\n", ab, link_name(t, w.cand[i].a->ifindex, nb),
			w.cand[i].excluded ? "excluded: " : "", w.cand[i].why ? w.cand[i].why : "");
	}
}
