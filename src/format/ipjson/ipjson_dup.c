/*
 * ipjson_dup.c - a link that appears twice in one `ip -j link` (or `ip -j
 * addr`) dump: a damaged or concatenated dump, reported as
 * "FILE: record N: duplicate link 'eth0' (first at record M)" before any
 * record is added. The same name or the same index twice counts; the
 * report names the earliest record that repeats an earlier one.
 *
 * Sorting (name or index, record) pairs finds every repeat in
 * O(n log n), so a dump of many links costs no quadratic scan.
 */
#include <stdlib.h>
#include <string.h>

#include "ipjson/ipjson_impl.h"

struct seen {
	const char *name;
	int64_t index;		/* -1 when the record shows none */
	size_t rec;
};

static int by_name(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;
	int d = strcmp(x->name, y->name);

	return d ? d : (x->rec > y->rec) - (x->rec < y->rec);
}

static int by_index(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;

	if (x->index != y->index)
		return (x->index > y->index) - (x->index < y->index);
	return (x->rec > y->rec) - (x->rec < y->rec);
}

/* The earliest repeat under @cmp: sets *@later and *@first (0: none). */
static void earliest_repeat(struct seen *s, size_t n, int (*cmp)(const void *, const void *),
			    bool names, size_t *later, size_t *first)
{
	size_t i;

	qsort(s, n, sizeof(*s), cmp);
	for (i = 1; i < n; i++) {
		bool same = names ? !strcmp(s[i].name, s[i - 1].name)
				  : s[i].index >= 0 && s[i].index == s[i - 1].index;

		if (same && (!*later || s[i].rec < *later)) {
			*later = s[i].rec;
			*first = s[i - 1].rec;
		}
	}
}

static size_t collect(json_object *arr, struct seen *s)
{
	size_t i, k = 0, n = json_object_array_length(arr);
	json_object *name, *index;

	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(arr, i);

		if (!json_object_is_type(o, json_type_object) ||
		    !json_object_object_get_ex(o, "ifname", &name) ||
		    !json_object_is_type(name, json_type_string))
			continue;
		index = fmt_ipj_get(o, "ifindex");
		s[k].name = json_object_get_string(name);
		s[k].index = json_object_is_type(index, json_type_int)
				     ? json_object_get_int64(index) : -1;
		s[k++].rec = i + 1;
	}
	return k;
}

int fmt_ipj_dup_check(struct ipj_ctx *c, json_object *arr)
{
	size_t n = json_object_array_length(arr), k, later = 0, first = 0;
	size_t later_i = 0, first_i = 0;
	struct seen *s, *t;
	int rc = 0;

	if (n < 2)
		return 0;
	s = malloc(n * sizeof(*s));
	t = malloc(n * sizeof(*t));
	if (!s || !t) {
		free(s);
		free(t);
		return BRT_ENOMEM;
	}
	k = collect(arr, s);
	memcpy(t, s, k * sizeof(*s));
	earliest_repeat(s, k, by_name, true, &later, &first);
	earliest_repeat(t, k, by_index, false, &later_i, &first_i);
	if (later && (!later_i || later <= later_i)) {
		c->rec = later;
		rc = fmt_ipj_fail(c, "duplicate link '%.60s' (first at record %zu)",
			      json_object_get_string(fmt_ipj_get(json_object_array_get_idx(
				      arr, later - 1), "ifname")), first);
	} else if (later_i) {
		c->rec = later_i;
		rc = fmt_ipj_fail(c, "duplicate link index %lld (first at record %zu)",
			      (long long)json_object_get_int64(fmt_ipj_get(
				      json_object_array_get_idx(arr, later_i - 1), "ifindex")),
			      first_i);
	}
	free(s);
	free(t);
	return rc;
}
