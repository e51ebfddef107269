/* table_open.c - --table/--policy options and opening the table. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int table_opts_take(struct table_opts *o, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	const char **p;

	if (!strcmp(a, "--table") || !strcmp(a, "-t")) {
		if (*i + 1 >= argc) {
			cli_error("%s needs a file", a);
			return -1;
		}
		p = realloc(o->specs, (o->n_specs + 1) * sizeof(*p));
		if (!p)
			return -1;
		o->specs = p;
		o->specs[o->n_specs++] = argv[++*i];
		return 1;
	}
	if (!strcmp(a, "--policy")) {
		if (*i + 1 >= argc) {
			cli_error("--policy needs linux or windows");
			return -1;
		}
		a = argv[++*i];
		if (!strcmp(a, "linux"))
			o->policy = BRT_POLICY_LINUX;
		else if (!strcmp(a, "windows"))
			o->policy = BRT_POLICY_WINDOWS;
		else {
			cli_error("--policy: unknown policy '%s' (linux or windows)", a);
			return -1;
		}
		return 1;
	}
	return 0;
}

/* The live host, as its own Linux policy table. */
static brt_table *open_live(const struct table_opts *o)
{
	char err[512] = "";
	brt_builder *b;
	brt_table *t = NULL;
	int rc = brt_live_snapshot(&t, err, sizeof(err));

	if (rc) {
		cli_error("cannot read the live host: %s", err[0] ? err : brt_strerror(rc));
		return NULL;
	}
	if (o->policy < 0 || o->policy == (int)brt_table_policy(t))
		return t;
	/* --policy windows on the live host: same entries, other policy */
	b = brt_builder_from_table(t);
	brt_table_destroy(t);
	t = NULL;
	if (!b || brt_builder_force_policy(b, (enum brt_policy)o->policy) ||
	    brt_builder_finish(b, &t))
		cli_error("cannot rebuild the live table: %s", brt_builder_error(b));
	brt_builder_destroy(b);
	return t;
}

brt_table *table_opts_open(const struct table_opts *o, bool *live)
{
	char err[1024] = "";
	brt_table *t = NULL;
	int rc;

	*live = o->n_specs == 0;
	if (*live)
		return open_live(o);
	rc = brt_table_load(o->specs, o->n_specs, o->policy, &t, err, sizeof(err));
	if (rc) {
		cli_error("%s", err[0] ? err : brt_strerror(rc));
		return NULL;
	}
	return t;
}

void table_opts_free(struct table_opts *o)
{
	free(o->specs);
	o->specs = NULL;
	o->n_specs = 0;
}

const char *link_name(const brt_table *t, uint32_t index, char buf[24])
{
	const struct brt_link *l = brt_table_link_by_index(t, index);

	if (l)
		return l->name;
	snprintf(buf, 24, "if%u", index);
	return buf;
}
