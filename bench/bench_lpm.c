/*
 * bench_lpm.c - the lookup engine benchmark (make bench).
 *
 * One process, one run: for each prefix set (the real IPv4 and IPv6 sets,
 * a nested variant of each, a 20-route host table) and each engine (ours,
 * the reference, DPDK's when built with it): build time, memory per
 * prefix, single and bulk lookup rates on uniform random destinations and
 * on destinations inside the prefixes, incremental update rate, and for
 * the full sets the lookup rate while a second thread applies 10,000
 * updates/s. Every engine's answers are compared with the reference's on
 * all destinations (2 x 2^20 per set), after building and after updating.
 * Writes a Markdown report and prints RATIO lines last.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "bestroute/bestroute.h"
#include "lpm/lpm.h"
#include "xorshift.h"

#define ND (1u << 20)
#define SLICE 4096
#define MAX_ENGINES 4
#define N_UPDATES 100000

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static uint64_t rng = 0x2545f4914f6cdd1dull;

static uint64_t rnd(void)
{
	return xorshift64(&rng);
}

static bkey mask(unsigned len)
{
	return len ? ~(bkey)0 << (128 - len) : 0;
}

/* ------------------------------------------------------------ report */

static char *report;
static size_t report_len, report_cap;

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void out(const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(report + report_len, report_cap - report_len, fmt, ap);
		va_end(ap);
		if ((size_t)n < report_cap - report_len)
			break;
		report_cap = report_cap * 2 + (size_t)n + 4096;
		report = realloc(report, report_cap);
	}
	fputs(report + report_len, stdout);
	fflush(stdout);
	report_len += (size_t)n;
}

struct ratio {
	char name[64];
	double value;
	int skipped;
};

static struct ratio ratios[96];
static unsigned n_ratios;

static void ratio(const char *name, double num, double den)
{
	struct ratio *r = &ratios[n_ratios++];

	snprintf(r->name, sizeof(r->name), "%s", name);
	r->skipped = !(num > 0 && den > 0);
	r->value = r->skipped ? 0 : num / den;
}

static void value_ratio(const char *name, double v)
{
	struct ratio *r = &ratios[n_ratios++];

	snprintf(r->name, sizeof(r->name), "%s", name);
	r->value = v;
	r->skipped = 0;
}

void bench_out(const char *fmt, ...)
{
	char buf[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	out("%s", buf);
}

void bench_ratio(const char *name, double num, double den)
{
	ratio(name, num, den);
}

void bench_value(const char *name, double v)
{
	value_ratio(name, v);
}

double bench_now(void)
{
	return now();
}

/* -------------------------------------------------------------- sets */

struct pfx {
	bkey k;
	unsigned len;
};

static int cmp_pfx(const void *pa, const void *pb)
{
	const struct pfx *a = pa, *b = pb;

	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

static struct pfx *read_set(const char *path, int v6, size_t *n)
{
	char cmd[1200], line[128];
	size_t cap = 1 << 20;
	struct pfx *p = malloc(cap * sizeof(*p));
	FILE *f;

	snprintf(cmd, sizeof(cmd), "xz -dc '%s'", path);
	f = popen(cmd, "r");
	*n = 0;
	while (f && fgets(line, sizeof(line), f)) {
		char *slash = strchr(line, '/');
		uint8_t b[16] = { 0 };
		bkey k = 0;
		unsigned i;

		if (!slash)
			continue;
		*slash = 0;
		if (inet_pton(v6 ? AF_INET6 : AF_INET, line, b) != 1)
			continue;
		for (i = 0; i < 16; i++)
			k = k << 8 | b[i];
		if (*n == cap)
			p = realloc(p, (cap *= 2) * sizeof(*p));
		p[*n].len = (unsigned)atoi(slash + 1);
		p[*n].k = k & mask(p[*n].len);
		(*n)++;
	}
	if (f)
		pclose(f);
	return p;
}

/* Covering aggregates at @aggs of every longer prefix, and a default. */
static struct pfx *nest(const struct pfx *p, size_t n, const unsigned *aggs,
			unsigned naggs, size_t *out_n)
{
	struct pfx *q = malloc((n * (naggs + 1) + 1) * sizeof(*q));
	size_t m = 0, i;
	unsigned a;

	for (i = 0; i < n; i++) {
		q[m++] = p[i];
		for (a = 0; a < naggs; a++)
			if (p[i].len > aggs[a])
				q[m++] = (struct pfx){ p[i].k & mask(aggs[a]), aggs[a] };
	}
	q[m++] = (struct pfx){ 0, 0 };
	*out_n = m;
	return q;
}

/* Unique prefixes in random order (the insertion order of every engine),
 * and destinations: uniform random, and random inside random prefixes. */
static struct bset *make_set(const char *name, int v6, struct pfx *p, size_t n)
{
	struct bset *s = calloc(1, sizeof(*s));
	size_t i, m = 0;
	unsigned k;

	qsort(p, n, sizeof(*p), cmp_pfx);
	for (i = 0; i < n; i++)
		if (!m || cmp_pfx(&p[m - 1], &p[i]))
			p[m++] = p[i];
	for (i = m - 1; i > 0; i--) {
		size_t j = rnd() % (i + 1);
		struct pfx t = p[i];

		p[i] = p[j];
		p[j] = t;
	}
	s->name = name;
	s->v6 = v6;
	s->n = m;
	s->key = malloc(m * sizeof(*s->key));
	s->len = malloc(m);
	for (i = 0; i < m; i++) {
		s->key[i] = p[i].k;
		s->len[i] = (uint8_t)p[i].len;
	}
	s->nd = ND;
	for (k = 0; k < 2; k++) {
		if (v6)
			s->d6[k] = malloc(ND * 16);
		else
			s->d4[k] = malloc(ND * 4);
		for (i = 0; i < ND; i++) {
			bkey a = (bkey)rnd() << 64 | rnd();

			if (k) {
				size_t j = rnd() % m;

				a = s->key[j] | (a & ~mask(s->len[j]));
			}
			if (v6)
				bkey_bytes(a, s->d6[k][i]);
			else
				s->d4[k][i] = (uint32_t)(a >> 96);
		}
	}
	return s;
}

static void free_set(struct bset *s)
{
	free(s->key);
	free(s->len);
	free(s->d4[0]);
	free(s->d4[1]);
	free(s->d6[0]);
	free(s->d6[1]);
	free(s);
}

/* A small host's table: connected nets, host routes, a default route. */
static struct bset *host_set(void)
{
	static const char *const r[] = {
		"0.0.0.0/0", "10.0.0.0/24", "10.0.0.1/32", "10.0.0.255/32",
		"10.0.0.0/32", "127.0.0.0/8", "127.0.0.1/32",
		"127.255.255.255/32", "169.254.0.0/16", "172.17.0.0/16",
		"172.17.0.1/32", "172.17.255.255/32", "192.168.122.0/24",
		"192.168.122.1/32", "192.168.122.255/32", "10.8.0.0/16",
		"10.8.0.0/24", "100.64.0.0/10", "224.0.0.0/4",
		"255.255.255.255/32",
	};
	struct pfx p[20];
	unsigned i;

	for (i = 0; i < 20; i++) {
		char buf[32], *slash;
		uint8_t b[4];

		snprintf(buf, sizeof(buf), "%s", r[i]);
		slash = strchr(buf, '/');
		*slash = 0;
		inet_pton(AF_INET, buf, b);
		p[i].len = (unsigned)atoi(slash + 1);
		p[i].k = ((bkey)((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
				 (uint32_t)b[2] << 8 | b[3]) << 96) & mask(p[i].len);
	}
	return make_set("host (20 routes)", 0, p, 20);
}

/* --------------------------------------------------------- reference */

/*
 * The reference: per prefix length present, the prefixes of that length
 * sorted; a lookup tries the lengths longest first, by binary search.
 * Obviously right, and fast enough to check millions of answers.
 */
struct ref {
	struct {
		unsigned len;
		size_t n;
		bkey *k;
		uint32_t *v;
		uint8_t *live;
	} lv[129];
	unsigned n_lv;
	int pos[129];		/* level of a length, or -1 */
};

struct ent {
	bkey k;
	uint32_t v;
	unsigned len;
};

static int cmp_ent(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;

	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

static void *ref_build(const struct bset *s)
{
	struct ref *r = calloc(1, sizeof(*r));
	struct ent *e = malloc(s->n * sizeof(*e));
	size_t i;

	for (i = 0; i < s->n; i++)
		e[i] = (struct ent){ s->key[i], (uint32_t)i, s->len[i] };
	qsort(e, s->n, sizeof(*e), cmp_ent);
	memset(r->pos, -1, sizeof(r->pos));
	for (i = 0; i < s->n; i++) {
		unsigned l;
		size_t j;

		if (r->pos[e[i].len] < 0) {
			r->pos[e[i].len] = (int)r->n_lv;
			r->lv[r->n_lv].len = e[i].len;
			r->lv[r->n_lv].k = malloc(s->n * sizeof(bkey));
			r->lv[r->n_lv].v = malloc(s->n * sizeof(uint32_t));
			r->lv[r->n_lv].live = malloc(s->n);
			r->n_lv++;
		}
		l = (unsigned)r->pos[e[i].len];
		j = r->lv[l].n++;
		r->lv[l].k[j] = e[i].k;
		r->lv[l].v[j] = e[i].v;
		r->lv[l].live[j] = 1;
	}
	free(e);
	return r;
}

static void ref_destroy(void *p)
{
	struct ref *r = p;
	unsigned i;

	for (i = 0; i < r->n_lv; i++) {
		free(r->lv[i].k);
		free(r->lv[i].v);
		free(r->lv[i].live);
	}
	free(r);
}

static size_t ref_memory(void *p)
{
	struct ref *r = p;
	size_t m = sizeof(*r);
	unsigned i;

	for (i = 0; i < r->n_lv; i++)
		m += r->lv[i].n * (sizeof(bkey) + 5);
	return m;
}

/* Position of @k in level @l, or SIZE_MAX. */
static size_t ref_find(const struct ref *r, unsigned l, bkey k)
{
	size_t lo = 0, hi = r->lv[l].n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->lv[l].k[mid] < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->lv[l].n && r->lv[l].k[lo] == k ? lo : SIZE_MAX;
}

static uint32_t ref_lookup(const struct ref *r, bkey a)
{
	unsigned l;

	for (l = 0; l < r->n_lv; l++) {
		size_t i = ref_find(r, l, a & mask(r->lv[l].len));

		if (i != SIZE_MAX && r->lv[l].live[i])
			return r->lv[l].v[i];
	}
	return BENCH_NONE;
}

static bkey dest_key(const struct bset *s, int m, size_t i)
{
	bkey k = 0;
	unsigned j;

	if (!s->v6)
		return (bkey)s->d4[m][i] << 96;
	for (j = 0; j < 16; j++)
		k = k << 8 | s->d6[m][i][j];
	return k;
}

static void ref_run(void *p, const struct bset *s, int m, int bulk,
		    size_t off, size_t cnt, uint32_t *o)
{
	size_t i;

	(void)bulk;
	for (i = 0; i < cnt; i++)
		o[i] = ref_lookup(p, dest_key(s, m, off + i));
}

static int ref_live(void *p, const struct bset *s, size_t i, uint8_t live)
{
	struct ref *r = p;
	unsigned l = (unsigned)r->pos[s->len[i]];
	size_t j = ref_find(r, l, s->key[i]);

	if (j == SIZE_MAX || r->lv[l].live[j] == live)
		return -1;
	r->lv[l].live[j] = live;
	return 0;
}

static int ref_del(void *p, const struct bset *s, size_t i)
{
	return ref_live(p, s, i, 0);
}

static int ref_add(void *p, const struct bset *s, size_t i)
{
	return ref_live(p, s, i, 1);
}

static const struct engine_ops bench_ref = {
	"reference", -1, ref_build, ref_destroy, ref_memory, ref_run, ref_del,
	ref_add, NULL, NULL, NULL,
};

/* --------------------------------------------------------------- ours */

static void *ours_build(const struct bset *s)
{
	struct brt_lpm_prefix *p = malloc((s->n + 1) * sizeof(*p));
	struct brt_lpm *l;
	size_t i;

	if (lpm_create(&l, s->v6 ? BRT_AF_INET6 : BRT_AF_INET, 0, s->n)) {
		free(p);
		return NULL;
	}
	for (i = 0; i < s->n; i++) {
		bkey_bytes(s->key[i], p[i].addr);
		p[i].len = s->len[i];
		p[i].value = (uint32_t)i;
	}
	if (lpm_insert_bulk(l, p, s->n)) {
		lpm_destroy(l);
		l = NULL;
	}
	free(p);
	return l;
}

static void ours_destroy(void *e)
{
	lpm_destroy(e);
}

static size_t ours_memory(void *e)
{
	return lpm_memory(e, NULL);
}

/* Nonzero: ours_run makes one bulk call over all it is given (the
 * "one call" line of the results, for ours only). */
static int ours_one_call;

static void ours_run(void *e, const struct bset *s, int m, int bulk,
		     size_t off, size_t cnt, uint32_t *o)
{
	const struct brt_lpm *l = e;
	size_t i, k, step = ours_one_call ? cnt : BENCH_BURST;

	if (bulk && cnt > step) {
		for (i = 0; i < cnt; i += k) {
			k = cnt - i < step ? cnt - i : step;
			ours_run(e, s, m, bulk, off + i, k, o + i);
		}
		return;
	}

	if (s->v6) {
		const uint8_t (*a)[16] = (const uint8_t (*)[16])(s->d6[m] + off);

		if (bulk)
			lpm6_lookup_bulk(l, a, o, cnt);
		else
			for (i = 0; i < cnt; i++)
				o[i] = lpm6_lookup(l, a[i]);
		return;
	}
	/* the addresses' pointer in a local, as the peers' loops have it: an
	 * expression through *s would be loaded again after every call */
	{
		const uint32_t *a = s->d4[m] + off;

		if (bulk)
			lpm4_lookup_bulk(l, a, o, cnt);
		else
			for (i = 0; i < cnt; i++)
				o[i] = lpm4_lookup(l, a[i]);
	}
}

static int ours_upd(void *e, const struct bset *s, size_t i, int add)
{
	uint8_t b[16];

	bkey_bytes(s->key[i], b);
	if (add)
		return lpm_insert(e, b, s->len[i], (uint32_t)i);
	return lpm_delete(e, b, s->len[i]);
}

static int ours_del(void *e, const struct bset *s, size_t i)
{
	return ours_upd(e, s, i, 0);
}

static int ours_add(void *e, const struct bset *s, size_t i)
{
	return ours_upd(e, s, i, 1);
}

static void *ours_reader_start(void *e)
{
	return lpm_reader_register(e);
}

static void ours_quiescent(void *r)
{
	lpm_reader_quiescent(r);
}

static void ours_reader_stop(void *r)
{
	lpm_reader_unregister(r);
}

static const struct engine_ops bench_ours = {
	"ours", -1, ours_build, ours_destroy, ours_memory, ours_run, ours_del,
	ours_add, ours_reader_start, ours_quiescent, ours_reader_stop,
};

/* ----------------------------------------------------------- harness */

struct result {
	const char *engine;
	int ok;
	double build_s;
	size_t mem;
	double rate[2][2];	/* [matched][bulk], millions per second */
	double upd;		/* updates per second */
	long upd_err;
	long mism, mism_upd;
	double conc_base, conc;	/* M/s without and with a writer, or 0 */
	double one_call[2];	/* ours: bulk in one call, [matched] */
	long conc_updates;
};

static uint32_t *ref_answer[2];

static double measure(const struct engine_ops *o, void *e,
		      const struct bset *s, int m, int bulk, uint32_t *buf,
		      double min_s)
{
	double t0 = now(), t;
	size_t passes = 0;

	do {
		o->run(e, s, m, bulk, 0, s->nd, buf);
		passes++;
		t = now() - t0;
	} while (t < min_s);
	return (double)(passes * s->nd) / t / 1e6;
}

static long mismatches(const uint32_t *a, const uint32_t *b, size_t n)
{
	long bad = 0;
	size_t i;

	for (i = 0; i < n; i++)
		bad += a[i] != b[i];
	return bad;
}

static size_t n_upd(const struct bset *s)
{
	return s->n < N_UPDATES ? s->n : N_UPDATES;
}

/* Delete then re-add prefixes 0..n-1 (a random sample: sets are shuffled). */
static void updates(const struct engine_ops *o, void *e, const struct bset *s,
		    struct result *r)
{
	size_t i, n = n_upd(s);
	double t0 = now();

	for (i = 0; i < n; i++)
		r->upd_err += o->del(e, s, i) != 0;
	for (i = 0; i < n; i++)
		r->upd_err += o->add(e, s, i) != 0;
	r->upd = (double)(2 * n) / (now() - t0);
}

struct writer {
	const struct engine_ops *o;
	void *e;
	const struct bset *s;
	atomic_int stop;
	atomic_int active;	/* 0: paused (the reader measures alone) */
	long done;		/* updates applied */
};

static void deadline_add(struct timespec *t, long ns)
{
	t->tv_nsec += ns;
	while (t->tv_nsec >= 1000000000) {
		t->tv_nsec -= 1000000000;
		t->tv_sec++;
	}
}

/* 10,000 updates/s while active: delete prefix k, re-add it, next
 * prefix... Each update waits for its own deadline (one wakeup per
 * update: polling in short sleeps cost the writer's CPU more than the
 * updates did, which on a 2-CPU machine pushed other work onto the
 * reader's CPU). Paused, it sleeps a millisecond at a time. */
static void *writer_main(void *arg)
{
	struct writer *w = arg;
	struct timespec next;
	long k = 0;
	size_t n = n_upd(w->s);

	clock_gettime(CLOCK_MONOTONIC, &next);
	while (!atomic_load(&w->stop)) {
		size_t i = (size_t)(k / 2) % n;

		if (!atomic_load(&w->active)) {
			struct timespec ms = { 0, 1000000 };

			nanosleep(&ms, NULL);
			clock_gettime(CLOCK_MONOTONIC, &next);
			continue;
		}
		deadline_add(&next, 100000);
		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next,
				       NULL))
			;	/* EINTR: sleep on to the same deadline */
		if (k % 2)
			w->o->add(w->e, w->s, i);
		else
			w->o->del(w->e, w->s, i);
		k++;
	}
	if (k % 2)
		w->o->add(w->e, w->s, (size_t)(k / 2) % n);
	w->done = k;
	return NULL;
}

/* Bulk lookups on inside destinations for @secs, in slices, with a
 * quiescent point after each slice; adds the lookups and the time. */
static void reader_run(const struct engine_ops *o, void *e, void *rd,
		       const struct bset *s, uint32_t *buf, double secs,
		       double *done, double *time)
{
	double t0 = now(), t;
	size_t n = 0;
	static size_t off;

	do {
		o->run(e, s, 1, 1, off, SLICE, buf + off);
		o->reader_quiescent(rd);
		n += SLICE;
		off = (off + SLICE) % s->nd;
		t = now() - t0;
	} while (t < secs);
	*done += (double)n;
	*time += t;
}

/*
 * The reader's rate alone and while the writer applies updates, in
 * alternating quarter seconds (CONC_PAIRS of each, the order within a
 * pair swapped every other pair); each side's rate is the median of its
 * quarters. The machine is shared with other jobs: load that drifts over
 * a second or two weighs on both sides alike, and a quarter second in
 * which another job took the CPU (one such made a run read -26%, where
 * others read -9% to +5%) moves a median little.
 */
#define CONC_PAIRS 6

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return a < b ? -1 : a > b;
}

static double median(double *v, unsigned n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void concurrent(const struct engine_ops *o, void *e,
		       const struct bset *s, uint32_t *buf, struct result *r)
{
	struct writer w = { o, e, s, 0, 0, 0 };
	void *rd = o->reader_start(e);
	double rate[2][CONC_PAIRS], t_with = 0;
	pthread_attr_t at;
	pthread_t th;
	unsigned k;

	pthread_attr_init(&at);
	if (sysconf(_SC_NPROCESSORS_ONLN) > 1) {
		cpu_set_t cs;

		CPU_ZERO(&cs);
		CPU_SET(1, &cs);	/* the reader runs on cpu 0 (EAL -l 0) */
		pthread_attr_setaffinity_np(&at, sizeof(cs), &cs);
	}
	pthread_create(&th, &at, writer_main, &w);
	for (k = 0; k < 2 * CONC_PAIRS; k++) {
		int with = (int)((k ^ k / 2) % 2);	/* 0 1, 1 0, 0 1, ... */
		double done = 0, t = 0;

		atomic_store(&w.active, with);
		reader_run(o, e, rd, s, buf, 0.25, &done, &t);
		rate[with][k / 2] = done / t / 1e6;
		if (with)
			t_with += t;
	}
	atomic_store(&w.stop, 1);
	pthread_join(th, NULL);
	r->conc_base = median(rate[0], CONC_PAIRS);
	r->conc = median(rate[1], CONC_PAIRS);
	r->conc_updates = (long)((double)w.done / t_with);
	o->reader_stop(rd);
	pthread_attr_destroy(&at);
}

/*
 * Lookup rates are measured in ROUNDS rounds; in each, every engine of
 * the set runs each kind of lookup for ROUND_S seconds, one engine after
 * the other, and each rate is the engine's best round. The machine is
 * shared and its speed drifts over seconds: measured in turn, every
 * engine meets the same slow and fast stretches, so the ratios (ours /
 * peer, same run) do not depend on which engine ran while the machine
 * was slow. The reference, three orders of magnitude slower, runs one
 * pass of each kind once.
 */
#define ROUNDS 4
#define ROUND_S 0.1

static void *build_engine(const struct engine_ops *o, const struct bset *s,
			  struct result *r)
{
	double t0 = now();
	void *e = o->build(s);

	memset(r, 0, sizeof(*r));
	r->engine = o->name;
	r->build_s = now() - t0;
	if (!e)
		return NULL;
	r->ok = 1;
	r->mem = o->memory(e);
	return e;
}

/* One round of engine @o's lookup rates; its answers are checked in the
 * first round (the reference's become the expected answers). */
static void rate_round(const struct engine_ops *o, void *e,
		       const struct bset *s, struct result *r, int round,
		       uint32_t *buf)
{
	int m, b;

	for (m = 0; m < 2; m++)
		for (b = 0; b < 2; b++) {
			double v = measure(o, e, s, m, b, buf,
					   o == &bench_ref ? 0 : ROUND_S);

			if (v > r->rate[m][b])
				r->rate[m][b] = v;
			if (round)
				continue;
			if (o == &bench_ref && !b)
				memcpy(ref_answer[m], buf, s->nd * sizeof(*buf));
			r->mism += mismatches(buf, ref_answer[m], s->nd);
		}
	if (o != &bench_ours)
		return;
	ours_one_call = 1;
	for (m = 0; m < 2; m++) {
		double v = measure(o, e, s, m, 1, buf, ROUND_S);

		if (v > r->one_call[m])
			r->one_call[m] = v;
		if (!round)
			r->mism += mismatches(buf, ref_answer[m], s->nd);
	}
	ours_one_call = 0;
}

/* After the rates: updates, answers after them, the concurrent run. */
static void finish_engine(const struct engine_ops *o, void *e,
			  const struct bset *s, struct result *r, int conc,
			  uint32_t *buf)
{
	int m;

	updates(o, e, s, r);
	for (m = 0; m < 2; m++) {
		o->run(e, s, m, 1, 0, s->nd, buf);
		r->mism_upd += mismatches(buf, ref_answer[m], s->nd);
	}
	if (conc && o->reader_start) {
		concurrent(o, e, s, buf, r);
		for (m = 0; m < 2; m++) {
			o->run(e, s, m, 1, 0, s->nd, buf);
			r->mism_upd += mismatches(buf, ref_answer[m], s->nd);
		}
	}
}

/* Engines @o[0..n) (the reference first) on set @s: all are built, their
 * rates measured in rounds (above), then each is updated and destroyed. */
static void run_engines(const struct engine_ops *const *o, unsigned n,
			const struct bset *s, struct result *r, int conc)
{
	uint32_t *buf = malloc(s->nd * sizeof(*buf));
	void *e[MAX_ENGINES + 1];
	unsigned i;
	int round;

	for (i = 0; i < n; i++)
		e[i] = build_engine(o[i], s, &r[i]);
	for (round = 0; round < ROUNDS; round++)
		for (i = 0; i < n; i++)
			if (e[i] && (round == 0 || o[i] != &bench_ref))
				rate_round(o[i], e[i], s, &r[i], round, buf);
	for (i = 0; i < n; i++)
		if (e[i]) {
			finish_engine(o[i], e[i], s, &r[i], conc, buf);
			o[i]->destroy(e[i]);
		}
	free(buf);
}

/* ------------------------------------------------------------ output */

static void print_set(const struct bset *s, const struct result *res,
		      unsigned n)
{
	unsigned i;

	out("\n### %s: %zu prefixes\n\n", s->name, s->n);
	out("| engine | build s | bytes/prefix | uniform single | uniform bulk "
	    "| inside single | inside bulk | updates/s | mismatches |\n");
	out("|---|---|---|---|---|---|---|---|---|\n");
	for (i = 0; i < n; i++) {
		const struct result *r = &res[i];

		if (!r->ok) {
			out("| %s | failed to build | | | | | | | |\n", r->engine);
			continue;
		}
		out("| %s | %.3f | %.2f | %.1f | %.1f | %.1f | %.1f | %.2fM%s | %ld + %ld |\n",
		    r->engine, r->build_s, (double)r->mem / (double)s->n,
		    r->rate[0][0], r->rate[0][1], r->rate[1][0], r->rate[1][1],
		    r->upd / 1e6, r->upd_err ? " (errors)" : "", r->mism,
		    r->mism_upd);
	}
	for (i = 0; i < n; i++)
		if (res[i].one_call[0] > 0)
			out("\n%s, bulk lookups in one call over all %zu "
			    "destinations instead of calls of %u: uniform %.1f "
			    "M/s, inside %.1f M/s\n", res[i].engine, s->nd,
			    BENCH_BURST, res[i].one_call[0], res[i].one_call[1]);
	for (i = 0; i < n; i++)
		if (res[i].conc > 0)
			out("\n%s, bulk inside lookups while a thread applies "
			    "%ld updates/s: %.1f M/s (alone %.1f M/s, %+.1f%%)\n",
			    res[i].engine, res[i].conc_updates, res[i].conc,
			    res[i].conc_base,
			    100.0 * (res[i].conc / res[i].conc_base - 1));
}

static const struct result *find(const struct result *res, unsigned n,
				 const char *name)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (!strcmp(res[i].engine, name) && res[i].ok)
			return &res[i];
	return NULL;
}

static double rate_of(const struct result *r, int m, int b)
{
	return r ? r->rate[m][b] : 0;
}

static void machine(int argc, char **argv)
{
	struct utsname u;
	char line[256], model[256] = "unknown";
	FILE *f = fopen("/proc/cpuinfo", "r");
	time_t t = time(NULL);
	int i;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "model name", 10)) {
			snprintf(model, sizeof(model), "%s", strchr(line, ':') + 2);
			model[strcspn(model, "\n")] = 0;
			break;
		}
	if (f)
		fclose(f);
	uname(&u);
	out("# Lookup engine benchmark\n\n");
	out("- machine: %s, %ld cpus online, %s %s\n", model,
	    sysconf(_SC_NPROCESSORS_ONLN), u.sysname, u.release);
	out("- date: %s", ctime(&t));
	out("- command: `make bench` (");
	for (i = 0; i < argc; i++)
		out("%s%s", i ? " " : "", argv[i]);
	out(")\n- rates in millions of lookups per second, one thread; "
	    "\"inside\" destinations are random addresses inside random "
	    "prefixes of the set; bulk = calls of %u lookups for every engine; "
	    "each rate is the best of %d rounds of %.1f s, in which the "
	    "engines of a set take turns (the reference: one pass)\n"
	    "- bytes/prefix: ours = direct table + node and leaf arenas "
	    "(high-water mark) / prefixes; the reference = its sorted arrays; "
	    "DPDK = growth of the rte_malloc heap while creating and filling "
	    "(rte_fib includes its RIB)\n"
	    "- mismatches: answers that differ from the reference on 2 x %u "
	    "destinations, after building + after the updates (and after the "
	    "concurrent run)\n", BENCH_BURST, ROUNDS, ROUND_S, ND);
}

/* ------------------------------------------------------------- main */

struct setres {
	struct bset *s;
	struct result r[MAX_ENGINES + 1];
	unsigned n;
	size_t control;		/* our control-plane bytes */
};

static void run_set(struct setres *sr, int dpdk, int conc)
{
	const struct engine_ops *e[MAX_ENGINES + 1];
	unsigned n = 0;

	e[n++] = &bench_ref;
	e[n++] = &bench_ours;
#ifdef BENCH_HAVE_DPDK
	if (dpdk) {
		e[n++] = sr->s->v6 ? &bench_rte_fib6 : &bench_rte_fib;
		e[n++] = sr->s->v6 ? &bench_rte_lpm6 : &bench_rte_lpm;
	}
#else
	(void)dpdk;
#endif
	ref_answer[0] = malloc(sr->s->nd * sizeof(uint32_t));
	ref_answer[1] = malloc(sr->s->nd * sizeof(uint32_t));
	run_engines(e, n, sr->s, sr->r, conc);
	sr->n = n;
	{
		void *l = ours_build(sr->s);
		struct brt_lpm_mem m;

		lpm_memory(l, &m);
		sr->control = m.control;
		lpm_destroy(l);
	}
	print_set(sr->s, sr->r, n);
	out("\nours: control trie and bookkeeping (writer side, not touched "
	    "by lookups) %.1f bytes/prefix more\n",
	    (double)sr->control / (double)sr->s->n);
	free(ref_answer[0]);
	free(ref_answer[1]);
}

static const char *data_dir(const char *given)
{
	static char buf[1024];

	snprintf(buf, sizeof(buf), "%s/internet-ipv4-prefixes.txt.xz", given);
	if (!access(buf, R_OK))
		return given;
	return "/work/shared/data";
}

/* Another section of the file, kept when rewriting it ("" if none). */
static char *kept_section(const char *path, const char *heading)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	size_t n = 0, cap = 1;
	char *s = calloc(1, cap);
	int in = 0;

	while (f && fgets(line, sizeof(line), f)) {
		size_t k = strlen(line);

		if (!strncmp(line, "## ", 3))
			in = !strncmp(line, heading, strlen(heading));
		if (!in)
			continue;
		s = realloc(s, cap += k);
		memcpy(s + n, line, k + 1);
		n += k;
	}
	if (f)
		fclose(f);
	return s;
}

/* The report, then the notes, then the "Live host" section that
 * bench/live/run.sh (make bench-live) keeps in the same file. */
static void write_file(const char *path, const char *notes)
{
	char *live = kept_section(path, "## Live host");
	FILE *f = fopen(path, "w");
	FILE *nf = notes ? fopen(notes, "r") : NULL;
	char buf[4096];
	size_t k;

	if (!f) {
		perror(path);
		free(live);
		return;
	}
	fwrite(report, 1, report_len, f);
	while (nf && (k = fread(buf, 1, sizeof(buf), nf)) > 0)
		fwrite(buf, 1, k, f);
	if (nf)
		fclose(nf);
	if (*live)
		fprintf(f, "\n%s", live);
	fclose(f);
	free(live);
}

static const struct result *R(const struct setres *sr, const char *name)
{
	return find(sr->r, sr->n, name);
}

static long all_mismatches(const struct setres *sr, const char *name)
{
	const struct result *r = R(sr, name);

	return r ? r->mism + r->mism_upd : 0;
}

static void ratios_of(struct setres *sr)
{
	/* sr: v4 full, v4 nested, v6 full, v6 nested, host */
	const struct result *o4 = R(&sr[0], "ours"), *o6 = R(&sr[2], "ours");
	const struct result *oh = R(&sr[4], "ours");
	const struct result *f4 = R(&sr[0], "rte_fib");
	unsigned i;
	long bad = 0;

	ratio("ipv4-uniform-bulk-vs-rte_fib", rate_of(o4, 0, 1), rate_of(f4, 0, 1));
	ratio("ipv4-matched-bulk-vs-rte_fib", rate_of(o4, 1, 1), rate_of(f4, 1, 1));
	ratio("ipv4-single-vs-rte_lpm", rate_of(o4, 1, 0),
	      rate_of(R(&sr[0], "rte_lpm"), 1, 0));
	ratio("ipv4-uniform-single-vs-rte_lpm", rate_of(o4, 0, 0),
	      rate_of(R(&sr[0], "rte_lpm"), 0, 0));
	ratio("ipv6-matched-vs-rte_fib6", rate_of(o6, 1, 1),
	      rate_of(R(&sr[2], "rte_fib6"), 1, 1));
	ratio("ipv6-matched-vs-rte_lpm6", rate_of(o6, 1, 1),
	      rate_of(R(&sr[2], "rte_lpm6"), 1, 1));
	ratio("ipv6-matched-single-vs-rte_lpm6", rate_of(o6, 1, 0),
	      rate_of(R(&sr[2], "rte_lpm6"), 1, 0));
	value_ratio("ipv4-bytes-per-prefix", o4 ? (double)o4->mem / (double)sr[0].s->n : 0);
	value_ratio("ipv6-bytes-per-prefix", o6 ? (double)o6->mem / (double)sr[2].s->n : 0);
	value_ratio("ipv4-nested-bytes-per-prefix",
		    R(&sr[1], "ours") ? (double)R(&sr[1], "ours")->mem / (double)sr[1].s->n : 0);
	value_ratio("ipv6-nested-bytes-per-prefix",
		    R(&sr[3], "ours") ? (double)R(&sr[3], "ours")->mem / (double)sr[3].s->n : 0);
	ratio("ipv4-updates-vs-rte_fib", o4 ? o4->upd : 0, f4 ? f4->upd : 0);
	value_ratio("ipv4-updates-per-second", o4 ? o4->upd : 0);
	value_ratio("ipv4-load-seconds", o4 ? o4->build_s : 0);
	value_ratio("ipv4-concurrent-drop-pct",
		    o4 && o4->conc_base > 0 ? 100 * (1 - o4->conc / o4->conc_base) : 0);
	{
		const struct result *l4 = R(&sr[0], "rte_lpm");

		ratio("rte_lpm-concurrent-rate-fraction", l4 ? l4->conc : 0,
		      l4 ? l4->conc_base : 0);
	}
	ratio("host-bulk-vs-rte_lpm", rate_of(oh, 1, 1),
	      rate_of(R(&sr[4], "rte_lpm"), 1, 1));
	value_ratio("host-bytes", oh ? (double)oh->mem : 0);
	for (i = 0; i < 5; i++)
		bad += all_mismatches(&sr[i], "ours");
	value_ratio("ours-mismatches", (double)bad);
	for (i = 0, bad = 0; i < 5; i++)
		bad += all_mismatches(&sr[i], "rte_fib") +
		       all_mismatches(&sr[i], "rte_fib6");
	value_ratio("rte_fib-mismatches", (double)bad);
	for (i = 0, bad = 0; i < 5; i++)
		bad += all_mismatches(&sr[i], "rte_lpm") +
		       all_mismatches(&sr[i], "rte_lpm6");
	value_ratio("rte_lpm-mismatches", (double)bad);
}

/* "0,2,4" -> bits 0, 2 and 4: the sets to run (v4, v4 nested, v6, v6
 * nested, host). */
static unsigned parse_sets(const char *arg)
{
	unsigned m = 0;

	for (; *arg; arg++)
		if (*arg >= '0' && *arg <= '4')
			m |= 1u << (*arg - '0');
	return m;
}

int main(int argc, char **argv)
{
	const char *dir = "../shared/data", *outp = "bench/RESULTS.md";
	const char *notes = "bench/NOTES.md";
	static const unsigned agg4[] = { 12, 16, 20 }, agg6[] = { 24, 32, 40 };
	struct setres sr[5];
	char path[1200];
	struct pfx *p4, *p6, *q;
	size_t n4, n6, nq;
	int i, dpdk = 0;
	unsigned k, sets = 0x1f;	/* --sets 0,2: only those (development) */
	int want_dpdk = 1;	/* --dpdk 0: ours and the reference only */
	int answers = 1;	/* --answers 0: no "answers" section */

	for (i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--data"))
			dir = argv[i + 1];
		else if (!strcmp(argv[i], "--out"))
			outp = argv[i + 1];
		else if (!strcmp(argv[i], "--notes"))
			notes = argv[i + 1];
		else if (!strcmp(argv[i], "--sets"))
			sets = parse_sets(argv[i + 1]);
		else if (!strcmp(argv[i], "--dpdk"))
			want_dpdk = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--answers"))
			answers = atoi(argv[i + 1]);
	}
	machine(argc, argv);
#ifdef BENCH_HAVE_DPDK
	dpdk = want_dpdk && bench_dpdk_init() == 0;
	out("- DPDK 22.11 (EAL --no-huge --no-pci -m 3072 -l 0 --file-prefix=brt_bench): %s\n",
	    dpdk ? "rte_fib DIR-24-8 4-byte, rte_lpm with RCU QSBR (defer "
	    "queue), rte_fib6 trie 4-byte, rte_lpm6" : "EAL init failed: skipped");
#else
	(void)want_dpdk;
	out("- DPDK: skipped (libdpdk-dev not found at build time)\n");
#endif
	dir = data_dir(dir);
	snprintf(path, sizeof(path), "%s/internet-ipv4-prefixes.txt.xz", dir);
	p4 = read_set(path, 0, &n4);
	snprintf(path, sizeof(path), "%s/internet-ipv6-prefixes.txt.xz", dir);
	p6 = read_set(path, 1, &n6);
	if (!n4 || !n6) {
		fprintf(stderr, "bench: no prefix data under %s\n", dir);
		return 1;
	}
	out("- nested variants: every prefix plus its covering /12, /16 and "
	    "/20 (IPv4) or /24, /32 and /40 (IPv6) where longer, and a "
	    "default route, deduplicated\n");
	q = nest(p4, n4, agg4, 3, &nq);
	sr[1].s = make_set("IPv4 nested", 0, q, nq);
	free(q);
	sr[0].s = make_set("IPv4 full table", 0, p4, n4);
	q = nest(p6, n6, agg6, 3, &nq);
	sr[3].s = make_set("IPv6 nested", 1, q, nq);
	free(q);
	sr[2].s = make_set("IPv6 full table", 1, p6, n6);
	sr[4].s = host_set();
	free(p4);
	free(p6);
	out("\n## Results\n");
	for (k = 0; k < 5; k++)
		if (sets >> k & 1)
			run_set(&sr[k], dpdk, k == 0 || k == 2);
		else
			sr[k].n = 0;	/* its ratios read as skipped */
	ratios_of(sr);
	if (answers)
		bench_answers(sr[0].s, sr[2].s, dpdk);
	out("\n## Ratios (ours / peer, same run)\n\n");
	for (k = 0; k < n_ratios; k++)
		out("- %s: %s%.3f\n", ratios[k].name,
		    ratios[k].skipped ? "skipped " : "", ratios[k].value);
	out("\n");
	write_file(outp, notes);
	for (k = 0; k < 5; k++)
		free_set(sr[k].s);
	for (k = 0; k < n_ratios; k++) {
		if (ratios[k].skipped)
			printf("RATIO %s skipped\n", ratios[k].name);
		else
			printf("RATIO %s %.3f\n", ratios[k].name, ratios[k].value);
	}
	free(report);
	return 0;
}
