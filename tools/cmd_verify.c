/*
 * cmd_verify.c - `bestroute verify`: the snapshot engine against the
 * kernel on this host. A snapshot is taken once; each drawn destination
 * (see verify_dest.c) is answered by brt_table_lookup on it and by the
 * kernel (brt_live_kernel_lookup) and compared (verify_compare.c).
 *
 * Exit status: 0 all agree, 2 some disagree (each printed), 1 usage or
 * the snapshot failed (bestroute(1) EXIT STATUS). Fallbacks (behaviours we do not model) are counted
 * apart: they are neither agreement nor disagreement.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cli.h"
#include "verify_compare.h"
#include "verify_progress.h"
#include "verify_dest.h"
#include "verify_opts.h"
#include "verify_shape.h"

struct verify_tally {
	unsigned long total, agree, disagree, fallback, kernel_failed;
	unsigned long shape_n[VS_COUNT], shape_bad[VS_COUNT], shape_fb[VS_COUNT];
	json_object *list;	/* disagreements, for --json */
};

static void report_one(const brt_table *t, const struct brt_query *q,
		       const struct brt_result *o, const struct brt_result *k,
		       const char *why, struct verify_tally *v, bool json)
{
	char d[3 * BRT_ADDRSTRLEN], s[BRT_ADDRSTRLEN], ours[256], kern[256];
	json_object *e;

	brt_addr_format(&q->dst, d, sizeof(d));
	if (q->src.family && brt_addr_format(&q->src, s, sizeof(s)) >= 0)
		snprintf(d + strlen(d), sizeof(d) - strlen(d), " from %s", s);
	snprintf(d + strlen(d), sizeof(d) - strlen(d), "%s%s%s", q->oif ? " oif" : "",
		 (q->flags & BRT_QUERY_F_MARK) ? " mark" : "", q->tos ? " tos" : "");
	verify_describe(t, o, ours, sizeof(ours));
	if (k)
		verify_describe(t, k, kern, sizeof(kern));
	else
		snprintf(kern, sizeof(kern), "no answer");
	if (!json) {
		printf("disagree: get %s: ours: %s; kernel: %s (%s)\n", d, ours, kern, why);
		return;
	}
	e = json_object_new_object();
	json_object_object_add(e, "query", json_object_new_string(d));
	json_object_object_add(e, "ours", json_object_new_string(ours));
	json_object_object_add(e, "kernel", json_object_new_string(kern));
	json_object_object_add(e, "difference", json_object_new_string(why));
	json_object_array_add(v->list, e);
}

/* 0: agreed, 1: disagreed, 2: a fallback. */
static int check_one(const brt_table *t, const struct brt_query *q,
		     struct verify_tally *v, bool json)
{
	struct brt_result o, k;
	char err[256], why[512];

	v->total++;
	brt_table_lookup(t, q, &o);
	if (o.status == BRT_ROUTE_UNSUPPORTED) {
		v->fallback++;
		return 2;
	}
	if (brt_live_kernel_lookup(q, &k, err, sizeof(err))) {
		v->disagree++;
		v->kernel_failed++;
		snprintf(why, sizeof(why), "the kernel did not answer: %s", err);
		report_one(t, q, &o, NULL, why, v, json);
		return 1;
	}
	if (verify_compare(t, q, &o, &k, why, sizeof(why))) {
		v->disagree++;
		report_one(t, q, &o, &k, why, v, json);
		return 1;
	}
	v->agree++;
	return 0;
}

/* The shape of query @i: the chosen shapes in turn, so --count is split
 * evenly across them. */
static int shape_of(uint32_t set, unsigned long i)
{
	unsigned long n = 0, k;
	int s;

	for (s = 0; s < VS_COUNT; s++)
		n += (set >> s) & 1;
	k = i % (n ? n : 1);
	for (s = 0; s < VS_COUNT; s++)
		if (((set >> s) & 1) && !k--)
			return s;
	return VS_PLAIN;
}

static void print_shapes(const struct verify_tally *v)
{
	int s;

	for (s = 0; s < VS_COUNT; s++)
		if (v->shape_n[s])
			printf("  shape %-14s queries %lu, disagree %lu, fallback %lu\n",
			       verify_shape_name(s), v->shape_n[s], v->shape_bad[s],
			       v->shape_fb[s]);
}

static json_object *shapes_json(const struct verify_tally *v)
{
	json_object *j = json_object_new_object(), *e;
	int s;

	for (s = 0; s < VS_COUNT; s++) {
		if (!v->shape_n[s])
			continue;
		e = json_object_new_object();
		json_object_object_add(e, "queries", json_object_new_uint64(v->shape_n[s]));
		json_object_object_add(e, "disagree", json_object_new_uint64(v->shape_bad[s]));
		json_object_object_add(e, "fallback", json_object_new_uint64(v->shape_fb[s]));
		json_object_object_add(j, verify_shape_name(s), e);
	}
	return j;
}

static void print_counts(const struct verify_opts *o, const struct verify_tally *v)
{
	double pct = v->total ? 100.0 * (double)v->fallback / (double)v->total : 0;
	json_object *j;

	if (!o->json) {
		printf("queries %lu, agree %lu, disagree %lu, fallback %lu (%.2f%%), seed %llu\n",
		       v->total, v->agree, v->disagree, v->fallback, pct,
		       (unsigned long long)o->seed);
		print_shapes(v);
		return;
	}
	j = json_object_new_object();
	json_object_object_add(j, "seed", json_object_new_uint64(o->seed));
	json_object_object_add(j, "queries", json_object_new_uint64(v->total));
	json_object_object_add(j, "agree", json_object_new_uint64(v->agree));
	json_object_object_add(j, "disagree", json_object_new_uint64(v->disagree));
	json_object_object_add(j, "fallback", json_object_new_uint64(v->fallback));
	json_object_object_add(j, "fallback_percent", json_object_new_double(pct));
	json_object_object_add(j, "shapes", shapes_json(v));
	json_object_object_add(j, "disagreements", json_object_get(v->list));
	cli_json_print(stdout, j, o->pretty);
	json_object_put(j);
}

static int run(const brt_table *t, const struct verify_opts *o)
{
	struct verify_tally v;
	struct verify_pool pool;
	struct brt_query q;
	uint64_t rng = o->seed;
	unsigned long i;
	int shape;

	memset(&v, 0, sizeof(v));
	struct verify_progress pg;

	if (verify_pool_fill(&pool, t, &rng)) {
		cli_error("verify: out of memory");
		return CLI_EXIT_USAGE;
	}
	v.list = json_object_new_array();
	verify_progress_start(&pg, o);
	for (i = 0; i < o->count && !verify_progress_over(&pg, i); i++) {
		brt_query_init(&q);
		if (verify_draw_family(&pool, &rng, o->family, &q.dst)) {
			cli_error("verify: the host has no %s destination to draw",
				  o->family == BRT_AF_INET ? "IPv4" : "IPv6");
			break;
		}
		q.uid = (uint32_t)getuid();	/* what this process would send as */
		q.flags |= BRT_QUERY_F_UID;
		shape = shape_of(o->shapes, i);
		verify_shape_apply(shape, t, &rng, &q);
		v.shape_n[shape]++;
		switch (check_one(t, &q, &v, o->json)) {
		case 1: v.shape_bad[shape]++; break;
		case 2: v.shape_fb[shape]++; break;
		default: break;
		}
		verify_progress_show(&pg, i + 1, v.disagree);
	}
	verify_progress_end(&pg);
	print_counts(o, &v);
	json_object_put(v.list);
	verify_pool_free(&pool);
	return v.disagree ? CLI_EXIT_ANSWER : CLI_EXIT_OK;
}

int cmd_verify(int argc, char **argv)
{
	struct verify_opts o;
	brt_table *t = NULL;
	char err[512];
	int st;

	st = verify_opts_parse(argc, argv, &o);
	if (st)
		return st == CLI_OPT_HELP ? cli_help("verify") : CLI_EXIT_USAGE;
	if (brt_live_snapshot(&t, err, sizeof(err))) {
		cli_error("verify: cannot take a snapshot of this host: %s", err);
		return CLI_EXIT_USAGE;
	}
	st = run(t, &o);
	brt_table_destroy(t);
	return st;
}
