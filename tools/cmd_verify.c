/*
 * cmd_verify.c - `bestroute verify`: the snapshot engine against the
 * kernel on this host. A snapshot is taken once; each drawn destination
 * (see verify_dest.c) is answered by brt_table_lookup on it and by the
 * kernel (brt_live_kernel_lookup) and compared (verify_compare.c).
 *
 * Exit status: 0 all agree, 1 some disagree (each printed), 2 usage or
 * the snapshot failed. Fallbacks (behaviours we do not model) are counted
 * apart: they are neither agreement nor disagreement.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cli.h"
#include "verify_compare.h"
#include "verify_dest.h"

struct verify_opts {
	unsigned long count;
	uint64_t seed;
	bool json;
};

struct verify_tally {
	unsigned long total, agree, disagree, fallback, kernel_failed;
	json_object *list;	/* disagreements, for --json */
};

static int usage(void)
{
	cli_error("usage: bestroute verify [--count N] [--seed S] [--json]");
	return 2;
}

static int parse_opts(int argc, char **argv, struct verify_opts *o)
{
	char *end;
	int i;

	o->count = 1000;
	o->seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			o->json = true;
			continue;
		}
		if (i + 1 >= argc || (strcmp(argv[i], "--count") && strcmp(argv[i], "--seed"))) {
			cli_error("verify: unknown option '%s'", argv[i]);
			return -1;
		}
		if (!strcmp(argv[i], "--count"))
			o->count = strtoul(argv[i + 1], &end, 0);
		else
			o->seed = strtoull(argv[i + 1], &end, 0);
		if (*end || !argv[i + 1][0] || (!strcmp(argv[i], "--count") && !o->count)) {
			cli_error("verify: bad value '%s' for %s", argv[i + 1], argv[i]);
			return -1;
		}
		i++;
	}
	return 0;
}

static void report_one(const brt_table *t, const struct brt_query *q,
		       const struct brt_result *o, const struct brt_result *k,
		       const char *why, struct verify_tally *v, bool json)
{
	char d[BRT_ADDRSTRLEN], ours[256], kern[256];
	json_object *e;

	brt_addr_format(&q->dst, d, sizeof(d));
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

static void check_one(const brt_table *t, const struct brt_query *q,
		      struct verify_tally *v, bool json)
{
	struct brt_result o, k;
	char err[256], why[512];

	v->total++;
	brt_table_lookup(t, q, &o);
	if (o.status == BRT_ROUTE_UNSUPPORTED) {
		v->fallback++;
		return;
	}
	if (brt_live_kernel_lookup(q, &k, err, sizeof(err))) {
		v->disagree++;
		v->kernel_failed++;
		snprintf(why, sizeof(why), "the kernel did not answer: %s", err);
		report_one(t, q, &o, NULL, why, v, json);
		return;
	}
	if (verify_compare(t, q, &o, &k, why, sizeof(why))) {
		v->disagree++;
		report_one(t, q, &o, &k, why, v, json);
	} else {
		v->agree++;
	}
}

static void print_counts(const struct verify_opts *o, const struct verify_tally *v)
{
	double pct = v->total ? 100.0 * (double)v->fallback / (double)v->total : 0;
	json_object *j;

	if (!o->json) {
		printf("queries %lu, agree %lu, disagree %lu, fallback %lu (%.2f%%), seed %llu\n",
		       v->total, v->agree, v->disagree, v->fallback, pct,
		       (unsigned long long)o->seed);
		return;
	}
	j = json_object_new_object();
	json_object_object_add(j, "seed", json_object_new_uint64(o->seed));
	json_object_object_add(j, "queries", json_object_new_uint64(v->total));
	json_object_object_add(j, "agree", json_object_new_uint64(v->agree));
	json_object_object_add(j, "disagree", json_object_new_uint64(v->disagree));
	json_object_object_add(j, "fallback", json_object_new_uint64(v->fallback));
	json_object_object_add(j, "fallback_percent", json_object_new_double(pct));
	json_object_object_add(j, "disagreements", json_object_get(v->list));
	printf("%s\n", json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
						      JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(j);
}

static int run(const brt_table *t, const struct verify_opts *o)
{
	struct verify_tally v;
	struct verify_pool pool;
	struct brt_query q;
	uint64_t rng = o->seed;
	unsigned long i;

	memset(&v, 0, sizeof(v));
	if (verify_pool_fill(&pool, t, &rng)) {
		cli_error("verify: out of memory");
		return 2;
	}
	v.list = json_object_new_array();
	for (i = 0; i < o->count; i++) {
		brt_query_init(&q);
		verify_draw(&pool, &rng, &q.dst);
		q.uid = (uint32_t)getuid();	/* what this process would send as */
		q.flags |= BRT_QUERY_F_UID;
		check_one(t, &q, &v, o->json);
	}
	print_counts(o, &v);
	json_object_put(v.list);
	verify_pool_free(&pool);
	return v.disagree ? 1 : 0;
}

int cmd_verify(int argc, char **argv)
{
	struct verify_opts o;
	brt_table *t = NULL;
	char err[512];
	int st;

	memset(&o, 0, sizeof(o));
	if (parse_opts(argc, argv, &o))
		return usage();
	if (brt_live_snapshot(&t, err, sizeof(err))) {
		cli_error("verify: cannot take a snapshot of this host: %s", err);
		return 2;
	}
	st = run(t, &o);
	brt_table_destroy(t);
	return st;
}
