/*
 * table_open.c - --table/--policy options and opening the table. Files
 * that gave no route and no address warn ("warning: FILE: no routes"): an
 * empty or wrong file answers every query with no-route otherwise,
 * silently.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int table_opts_set(struct table_opts *o, const char *cmd, int id, const char *val)
{
	const char **p;

	if (id == CLI_OPT_TABLE) {
		p = realloc(o->specs, (o->n_specs + 1) * sizeof(*p));
		if (!p) {
			cli_error("%s: out of memory", cmd);
			return -1;
		}
		o->specs = p;
		o->specs[o->n_specs++] = val;
		return 1;
	}
	if (id != CLI_OPT_POLICY)
		return 0;
	if (!strcmp(val, "linux"))
		o->policy = BRT_POLICY_LINUX;
	else if (!strcmp(val, "windows"))
		o->policy = BRT_POLICY_WINDOWS;
	else {
		cli_error("%s: --policy: unknown policy '%s' (linux or windows)", cmd, val);
		return -1;
	}
	return 1;
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

/* Files that gave neither a route nor an address (so not even a connected
 * route): most likely the wrong files, or empty ones. */
static void warn_empty(const struct table_opts *o, const brt_table *t)
{
	size_t i;

	for (i = 0; i < brt_table_route_count(t); i++)
		if (!(brt_table_route(t, i)->flags & BRT_ROUTE_F_DERIVED))
			return;
	for (i = 0; i < brt_table_address_count(t); i++)
		if (!(brt_table_address(t, i)->flags & BRT_ADDR_F_DERIVED))
			return;
	for (i = 0; i < o->n_specs; i++)
		cli_warn("%s: no routes", strcmp(o->specs[i], "-") ? o->specs[i] : "<stdin>");
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
		/* a message may quote the file's bytes: never raw to a terminal */
		fputs("bestroute: ", stderr);
		cli_fputs_escaped(err[0] ? err : brt_strerror(rc), stderr);
		fputc('\n', stderr);
		return NULL;
	}
	warn_empty(o, t);
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
	static _Thread_local char ring[8][CLI_NAME_ESCAPED];
	static _Thread_local unsigned next;
	const struct brt_link *l = brt_table_link_by_index(t, index);

	if (l)
		return cli_name_escape(l->name, ring[next++ % 8], CLI_NAME_ESCAPED);
	snprintf(buf, 24, "if%u", index);
	return buf;
}
