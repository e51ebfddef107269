/* testutil.c - helpers shared by the cmocka tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fib/table_edit.h"
#include "testutil.h"

brt_table *tu_table(const char *text)
{
	char err[512] = "";
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;
	int rc;

	assert_non_null(b);
	rc = brt_builder_load_text(b, "test", text, strlen(text), err, sizeof(err));
	if (rc)
		fail_msg("parse: %s", err);
	rc = brt_builder_finish(b, &t);
	if (rc)
		fail_msg("finish: %s", brt_builder_error(b));
	brt_builder_destroy(b);
	return t;
}

static uint32_t ifindex_of(const brt_table *t, const char *name)
{
	const struct brt_link *l = brt_table_link_by_name(t, name);

	if (!l)
		fail_msg("no link %s", name);
	return l->index;
}

static unsigned long num(const char *s)
{
	return strtoul(s, NULL, 0);
}

void tu_query(const brt_table *t, const char *words, struct brt_query *q)
{
	char buf[512], *save = NULL, *w, *v;

	brt_query_init(q);
	snprintf(buf, sizeof(buf), "%s", words);
	w = strtok_r(buf, " ", &save);
	assert_non_null(w);
	if (brt_table_addr_parse(t, w, &q->dst))
		fail_msg("bad destination %s", w);
	while ((w = strtok_r(NULL, " ", &save))) {
		v = strtok_r(NULL, " ", &save);
		assert_non_null(v);
		if (!strcmp(w, "from"))
			assert_int_equal(brt_table_addr_parse(t, v, &q->src), 0);
		else if (!strcmp(w, "oif"))
			q->oif = ifindex_of(t, v);
		else if (!strcmp(w, "iif"))
			q->iif = ifindex_of(t, v);
		else if (!strcmp(w, "mark"))
			q->mark = (uint32_t)num(v), q->flags |= BRT_QUERY_F_MARK;
		else if (!strcmp(w, "uid"))
			q->uid = (uint32_t)num(v), q->flags |= BRT_QUERY_F_UID;
		else if (!strcmp(w, "tos"))
			q->tos = (uint8_t)num(v);
		else if (!strcmp(w, "ipproto"))
			q->ipproto = (uint8_t)num(v), q->flags |= BRT_QUERY_F_IPPROTO;
		else if (!strcmp(w, "sport"))
			q->sport = (uint16_t)num(v), q->flags |= BRT_QUERY_F_SPORT;
		else if (!strcmp(w, "dport"))
			q->dport = (uint16_t)num(v), q->flags |= BRT_QUERY_F_DPORT;
		else
			fail_msg("unknown query word %s", w);
	}
}

const char *tu_addr(const struct brt_addr *a, char buf[BRT_ADDRSTRLEN])
{
	struct brt_addr plain = *a;

	plain.zone = 0;
	if (!a->family || brt_addr_format(&plain, buf, BRT_ADDRSTRLEN) < 0)
		buf[0] = 0;
	return buf;
}

const char *tu_ifname(const brt_table *t, uint32_t index)
{
	const struct brt_link *l = brt_table_link_by_index(t, index);

	return l ? l->name : "";
}

const char *tu_src_path(const char *rel, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%s", BRT_SOURCE_DIR, rel);
	return buf;
}

char *tu_prefixed_file(const char *rel, const char *prefix)
{
	char path[512], line[4096];
	size_t cap = 1 << 16, n = 0, need;
	char *out = malloc(cap);
	FILE *f = fopen(tu_src_path(rel, path, sizeof(path)), "r");

	assert_non_null(f);
	assert_non_null(out);
	out[0] = 0;
	while (fgets(line, sizeof(line), f)) {
		const char *pre = line[0] == ' ' || line[0] == '\t' ? "" : prefix;

		need = n + strlen(pre) + strlen(line) + 1;
		if (need > cap) {
			cap = need * 2;
			out = realloc(out, cap);
			assert_non_null(out);
		}
		n += (size_t)sprintf(out + n, "%s%s", pre, line);
	}
	fclose(f);
	return out;
}

const struct brt_rule *tu_rule(const brt_table *t, uint8_t family, uint32_t prio)
{
	size_t i;

	for (i = 0; i < brt_table_rule_count(t); i++) {
		const struct brt_rule *r = brt_table_rule(t, i);

		if (r->family == family && r->priority == prio &&
		    !(r->flags & BRT_RULE_F_DERIVED))
			return r;
	}
	fail_msg("no rule %u", prio);
	return NULL;
}

void tu_assert_same_answer(const struct brt_result *x,
			   const struct brt_result *y)
{
	assert_int_equal(x->status, y->status);
	assert_int_equal(x->table, y->table);
	assert_int_equal(x->ifindex, y->ifindex);
	assert_true(brt_addr_equal(&x->gateway, &y->gateway));
	assert_true(brt_addr_equal(&x->source, &y->source));
	assert_int_equal(!x->route, !y->route);
	assert_true(!x->route || core_route_identical(x->route, y->route));
}
