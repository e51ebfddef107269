/*
 * convert_ipbatch.c - `convert --to ip-batch`: `ip -batch` commands that
 * recreate a table's given entries in a namespace (see cmd_convert.c).
 *
 * Addresses, routes, rules and nexthop objects are the statements of our
 * text format with "add" after their keyword: their words are ip's. What
 * ip spells otherwise is rewritten: "route -6 default" (ip -batch takes no
 * -6 on a line) becomes ::/0; "rule N: ..." becomes "rule add pref N ...",
 * an IPv6 rule "from all" becomes "from ::/0" so that ip knows its family;
 * addresses are "addr replace" (the kernel gives lo its own). Run it with
 * `ip -force -batch` to go on past a line the kernel refuses.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void links(FILE *f, const brt_table *t)
{
	size_t i;

	for (i = 0; i < brt_table_link_count(t); i++) {
		const struct brt_link *l = brt_table_link(t, i);
		char esc[CLI_NAME_ESCAPED];
		const char *name = cli_name_escape(l->name, esc, sizeof(esc));

		if (l->flags & BRT_LINK_F_DERIVED)
			continue;
		if (l->type != BRT_LINK_LOOPBACK)
			fprintf(f, "link add %s type dummy\nlink set %s mtu %u\n", name, name,
				l->mtu);
		if (l->flags & BRT_LINK_F_UP)
			fprintf(f, "link set %s up\n", name);
	}
}

/* One statement of our text format as an ip command (or a comment). */
static void statement(FILE *f, char *line)
{
	char *rest = strchr(line, ' ');
	bool v6 = false;

	if (!rest || line[0] == '#' || !strncmp(line, "link ", 5))
		return;
	*rest++ = 0;
	if (!strncmp(rest, "-6 ", 3)) {
		v6 = true;
		rest += 3;
	}
	if (!strcmp(line, "sysctl") || !strcmp(line, "policy")) {
		fprintf(f, "# %s %s\n", line, rest);
		return;
	}
	if (!strcmp(line, "rule")) {
		char *colon = strchr(rest, ':');
		const char *after = colon ? colon + 1 : rest;

		if (colon)
			*colon = 0;
		char *all = v6 ? strstr(after, " from all") : NULL;

		if (all) {	/* ip takes the family from the address */
			*all = 0;
			fprintf(f, "rule add pref %s%s from ::/0%s\n", rest, after, all + 9);
			return;
		}
		fprintf(f, "rule add %s%s%s\n", colon ? "pref " : "", rest, after == rest ? "" : after);
		return;
	}
	if (!strcmp(line, "route") && v6 && !strncmp(rest, "default", 7)) {
		fprintf(f, "route add ::/0%s\n", rest + 7);
		return;
	}
	/* the kernel adds lo's addresses itself: replace, not add */
	fprintf(f, "%s %s %s\n", line, strcmp(line, "addr") ? "add" : "replace", rest);
}

int convert_ip_batch(FILE *f, const brt_table *t)
{
	char *text = NULL, *line, *save = NULL;
	int rc = brt_table_write_text(t, 0, &text);

	if (rc) {
		cli_error("convert: %s", brt_strerror(rc));
		return CLI_EXIT_USAGE;
	}
	fputs("# ip -batch: recreates the table's links (as dummy links), addresses,\n"
	      "# nexthop objects, routes and rules (written by bestroute convert)\n", f);
	links(f, t);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		statement(f, line);
	free(text);
	return fflush(f) ? CLI_EXIT_USAGE : CLI_EXIT_OK;
}
