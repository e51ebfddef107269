/*
 * print_result.c - one answer as text (like `ip route get`) or as one
 * JSON object on one line (keys documented in bestroute(1)).
 */
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *type_name(uint8_t type)
{
	static const char *const names[] = {
		"unspec", "unicast", "local", "broadcast", "anycast", "multicast",
		"blackhole", "unreachable", "prohibit", "throw",
	};

	return type < sizeof(names) / sizeof(names[0]) ? names[type] : "unknown";
}

static json_object *jaddr(const struct brt_addr *a)
{
	char buf[BRT_ADDRSTRLEN];
	struct brt_addr plain;

	if (!a->family)
		return NULL;
	plain = *a;
	plain.zone = 0;
	brt_addr_format(&plain, buf, sizeof(buf));
	return json_object_new_string(buf);
}

static json_object *jtable(uint32_t id)
{
	char buf[16];

	brt_table_id_format(id, buf, sizeof(buf));
	return json_object_new_string(buf);
}

static json_object *jnexthops(const brt_table *t, const struct brt_query *q,
			      const struct brt_result *r)
{
	json_object *arr = json_object_new_array();
	struct brt_addr src;
	char nb[24];
	uint32_t i;

	for (i = 0; i < r->nh_count; i++) {
		json_object *o = json_object_new_object();

		if (brt_table_nexthop_source(t, q, r, i, &src))
			memset(&src, 0, sizeof(src));
		json_object_object_add(o, "gateway", jaddr(&r->nh[i].gw));
		json_object_object_add(o, "interface", json_object_new_string(
			link_name(t, r->nh[i].ifindex, nb)));
		json_object_object_add(o, "weight", json_object_new_int((int)r->nh[i].weight));
		json_object_object_add(o, "source", jaddr(&src));
		json_object_array_add(arr, o);
	}
	return arr;
}

static json_object *jprefix(const struct brt_prefix *p)
{
	char buf[BRT_PREFIXSTRLEN];

	brt_prefix_format(p, buf, sizeof(buf));
	return json_object_new_string(buf);
}

/* A route a suppressing rule's lookup found is its table's best, but the
 * rule threw the result away: it is not the answer, so not "chosen". */
static const char *verdict_word(const struct brt_candidate *c, bool under_suppressed,
				const char **reason)
{
	if (c->kind == BRT_CAND_ROUTE && c->verdict == BRT_V_CHOSEN && under_suppressed) {
		*reason = "the table's best route, but the rule suppressed the result";
		return "suppressed";
	}
	return brt_verdict_name((enum brt_verdict)c->verdict);
}

static json_object *jcandidate(const brt_table *t, const struct brt_candidate *c,
			       bool under_suppressed)
{
	const char *reason = c->reason ? c->reason : "";
	json_object *o = json_object_new_object();
	char nb[24];

	json_object_object_add(o, "kind", json_object_new_string(
		c->kind == BRT_CAND_RULE ? "rule" : "route"));
	if (c->rule)
		json_object_object_add(o, "rule_priority",
				       json_object_new_int64(c->rule->priority));
	json_object_object_add(o, "table", jtable(c->table));
	if (c->route) {
		json_object_object_add(o, "prefix", jprefix(&c->route->dst));
		json_object_object_add(o, "type", json_object_new_string(type_name(c->route->type)));
		json_object_object_add(o, "metric", json_object_new_int64(c->route->metric));
		json_object_object_add(o, "effective_metric",
				       json_object_new_int64(c->effective_metric));
		if (c->route->nh_count) {
			json_object_object_add(o, "gateway", jaddr(&c->route->nh[0].gw));
			json_object_object_add(o, "interface", json_object_new_string(
				link_name(t, c->route->nh[0].ifindex, nb)));
		}
	}
	json_object_object_add(o, "verdict", json_object_new_string(
		verdict_word(c, under_suppressed, &reason)));
	json_object_object_add(o, "reason", json_object_new_string(reason));
	return o;
}

/* Whether the query names a source: 0.0.0.0 and :: mean none, as for the
 * kernel. */
static bool source_given(const struct brt_query *q)
{
	unsigned i, n = q->src.family == BRT_AF_INET ? 4 : 16;

	for (i = 0; q->src.family && i < n; i++)
		if (q->src.bytes[i])
			return true;
	return false;
}

static void add_success(json_object *o, const brt_table *t, const struct brt_query *q,
			const struct brt_result *r)
{
	char nb[24];

	json_object_object_add(o, "type", json_object_new_string(type_name(r->type)));
	json_object_object_add(o, "prefix", r->has_prefix ? jprefix(&r->prefix) : NULL);
	json_object_object_add(o, "table", r->has_prefix ? jtable(r->table) : NULL);
	json_object_object_add(o, "metric", r->has_prefix ? json_object_new_int64(r->metric) : NULL);
	json_object_object_add(o, "effective_metric",
			       r->has_prefix ? json_object_new_int64(r->effective_metric) : NULL);
	json_object_object_add(o, "gateway", jaddr(&r->gateway));
	json_object_object_add(o, "interface", json_object_new_string(link_name(t, r->ifindex, nb)));
	json_object_object_add(o, "interface_index", json_object_new_int64(r->ifindex));
	/* from: the given source, echoed only when given (0.0.0.0 and ::
	 * mean none); prefsrc: what the kernel reports; source: the
	 * packet's, the given one else prefsrc */
	if (source_given(q))
		json_object_object_add(o, "from", jaddr(&q->src));
	json_object_object_add(o, "prefsrc", jaddr(&r->prefsrc));
	json_object_object_add(o, "source", jaddr(&r->source));
	if (r->nh_count > 1) {
		json_object_object_add(o, "nexthops", jnexthops(t, q, r));
		json_object_object_add(o, "nexthop_reported", json_object_new_string(
			"first usable; the kernel's hash may pick any of nexthops"));
	}
}

static void print_json(FILE *f, const brt_table *t, const struct brt_query *q,
		       const struct brt_result *r, const brt_explain *ex,
		       const struct print_opts *po)
{
	json_object *o = json_object_new_object(), *arr;
	bool suppressed = false;
	size_t i;

	json_object_object_add(o, "destination", jaddr(&q->dst));
	if (r->status == BRT_ROUTE_OK)
		add_success(o, t, q, r);
	else {
		json_object_object_add(o, "error", json_object_new_string(
			brt_status_name((enum brt_status)r->status)));
		json_object_object_add(o, "message", json_object_new_string(
			r->message ? r->message : ""));
	}
	if (po->source_note)
		json_object_object_add(o, "answered_by", json_object_new_string(po->source_note));
	if (ex) {
		arr = json_object_new_array();
		for (i = 0; i < brt_explain_count(ex); i++) {
			const struct brt_candidate *c = brt_explain_get(ex, i);

			if (c->kind == BRT_CAND_RULE)
				suppressed = c->verdict == BRT_V_RULE_SUPPRESSED;
			json_object_array_add(arr, jcandidate(t, c, suppressed));
		}
		json_object_object_add(o, "candidates", arr);
		if ((arr = source_choice_json(t, q, r)))
			json_object_object_add(o, "source_choice", arr);
		if (po->explain_from)
			json_object_object_add(o, "candidates_from",
					       json_object_new_string(po->explain_from));
	}
	if (po->line)
		json_object_object_add(o, "line", json_object_new_int64(po->line));
	cli_json_print(f, o, po->pretty && !po->batch);
	json_object_put(o);
}

static void text_addr(FILE *f, const char *word, const struct brt_addr *a)
{
	char buf[BRT_ADDRSTRLEN];
	struct brt_addr plain = *a;

	plain.zone = 0;
	if (a->family && brt_addr_format(&plain, buf, sizeof(buf)) >= 0)
		fprintf(f, "%s%s", word, buf);
}

/* The query's own words ip echoes after the answer: mark, uid. */
static void text_echo(FILE *f, const struct brt_query *q)
{
	if (q->flags & BRT_QUERY_F_MARK)
		fprintf(f, q->mark < 16 ? " mark %u" : " mark 0x%x", q->mark);
	if (q->flags & BRT_QUERY_F_UID)
		fprintf(f, " uid %u", q->uid);
}

static void print_text_ok(FILE *f, const brt_table *t, const struct brt_query *q,
			  const struct brt_result *r, const struct print_opts *po)
{
	/* as `ip route get`: IPv4 answers carry no metric under Linux */
	bool metric = brt_table_policy(t) == BRT_POLICY_WINDOWS ||
		      q->dst.family == BRT_AF_INET6;
	char nb[24], tb[16];
	uint32_t i;

	if (r->type != BRT_RT_UNICAST)
		fprintf(f, "%s ", type_name(r->type));
	text_addr(f, "", &q->dst);
	if (source_given(q))
		text_addr(f, " from ", &q->src);
	text_addr(f, " via ", &r->gateway);
	fprintf(f, " dev %s", link_name(t, r->ifindex, nb));
	if (r->has_prefix && r->table != BRT_TABLE_MAIN) {
		brt_table_id_format(r->table, tb, sizeof(tb));
		fprintf(f, " table %s", tb);
	}
	text_addr(f, " src ", &r->prefsrc);	/* RTA_PREFSRC, as ip prints */
	if (r->has_prefix && metric)
		fprintf(f, " metric %u", r->metric);
	if (r->has_prefix && r->effective_metric != r->metric)
		fprintf(f, " effective_metric %u", r->effective_metric);
	text_echo(f, q);
	fputc('\n', f);
	for (i = 0; r->nh_count > 1 && (!po->batch || po->nexthops) && i < r->nh_count; i++) {
		fprintf(f, "    nexthop");
		text_addr(f, " via ", &r->nh[i].gw);
		fprintf(f, " dev %s weight %u%s\n", link_name(t, r->nh[i].ifindex, nb),
			r->nh[i].weight, i == r->nh_chosen ? " (reported)" : "");
	}
}

static void print_text_explain(FILE *f, const brt_table *t, const brt_explain *ex)
{
	char pb[BRT_PREFIXSTRLEN], tb[16], nb[24];
	bool suppressed = false;
	const char *reason;
	size_t i;

	for (i = 0; i < brt_explain_count(ex); i++) {
		const struct brt_candidate *c = brt_explain_get(ex, i);

		reason = c->reason ? c->reason : "";
		brt_table_id_format(c->table, tb, sizeof(tb));
		if (c->kind == BRT_CAND_RULE) {
			suppressed = c->verdict == BRT_V_RULE_SUPPRESSED;
			fprintf(f, "  rule %u (table %s): %s", c->rule->priority, tb,
				brt_verdict_name((enum brt_verdict)c->verdict));
		} else {
			brt_prefix_format(&c->route->dst, pb, sizeof(pb));
			fprintf(f, "    route %s %s table %s metric %u", type_name(c->route->type),
				pb, tb, c->route->metric);
			if (c->route->nh_count) {
				text_addr(f, " via ", &c->route->nh[0].gw);
				fprintf(f, " dev %s", link_name(t, c->route->nh[0].ifindex, nb));
			}
			fprintf(f, ": %s", verdict_word(c, suppressed, &reason));
		}
		fprintf(f, "%s%s\n", *reason ? " - " : "", reason);
	}
}

void print_result(FILE *f, const brt_table *t, const struct brt_query *q,
		  const struct brt_result *r, const brt_explain *ex,
		  const struct print_opts *po)
{
	if (po->json)
		return print_json(f, t, q, r, ex, po);
	/* (a batch keeps one answer per line: its errors as "error:" lines) */
	if (po->ip_format && (!po->batch || r->status == BRT_ROUTE_OK))
		return print_ip(f, t, q, r);
	if (r->status == BRT_ROUTE_OK)
		print_text_ok(f, t, q, r, po);
	else {
		if (po->batch)
			fputs("error: ", f);
		text_addr(f, "", &q->dst);
		fprintf(f, ": %s (%s)\n", r->message ? r->message : "",
			brt_status_name((enum brt_status)r->status));
	}
	if (po->source_note)
		fprintf(f, "  answered by the %s\n", po->source_note);
	if (po->explain_from && ex)
		fprintf(f, "  the kernel gives no explanation; the %s's decision:\n",
			po->explain_from);
	else if (po->explain_from)
		fprintf(f, "  the kernel gives no explanation, and the %s has none\n",
			po->explain_from);
	if (ex) {
		print_text_explain(f, t, ex);
		source_choice_text(f, t, q, r);
	}
}
