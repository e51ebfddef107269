/*
 * convert_ipbatch.c - `convert --to ip-batch`: `ip -batch` commands that
 * recreate a table's given entries in a namespace (see cmd_convert.c).
 *
 * Addresses, routes, rules and nexthop objects are the statements of our
 * text format with "add" after their keyword: their words are ip's. What
 * ip spells otherwise is rewritten: "route -6 default" (ip -batch takes no
 * -6 on a line) becomes ::/0; "rule N: ..." becomes "rule add pref N ...",
 * an IPv6 rule "from all" becomes "from ::/0" so that ip knows its family;
 * addresses are "addr replace" (the kernel gives lo its own), without the
 * flags only the kernel sets (permanent, tentative, ...); what the kernel
 * makes itself (routes and rules of protocol kernel, the default address
 * labels) is left out, as it is when a snapshot is read. Run it with
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

/* Whether the kernel makes this entry itself: a route or rule of
 * protocol kernel, an address label of the default table. */
static bool kernel_made(const char *kw, const char *rest)
{
	static const char *const labels[] = {
		"prefix ::1/128 label 0", "prefix ::/96 label 3",
		"prefix ::ffff:0.0.0.0/96 label 4", "prefix 2001::/32 label 6",
		"prefix 2001:10::/28 label 7", "prefix 3ffe::/16 label 12",
		"prefix 2002::/16 label 2", "prefix fec0::/10 label 11",
		"prefix fc00::/7 label 5", "prefix ::/0 label 1",
	};
	size_t i;

	if (!strcmp(kw, "addrlabel")) {
		for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
			if (!strcmp(rest, labels[i]))
				return true;
		return false;
	}
	return (!strcmp(kw, "route") || !strcmp(kw, "rule")) && strstr(rest, " proto kernel");
}

/* An addr statement without the flags only the kernel sets. */
static void addr_words(FILE *f, char *rest)
{
	static const char *const kernel_only[] = {
		"permanent", "tentative", "dadfailed", "deprecated", "temporary", "secondary",
	};
	char *w, *save = NULL;
	size_t i;

	fputs("addr replace", f);
	for (w = strtok_r(rest, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		for (i = 0; i < sizeof(kernel_only) / sizeof(kernel_only[0]); i++)
			if (!strcmp(w, kernel_only[i]))
				break;
		if (i == sizeof(kernel_only) / sizeof(kernel_only[0]))
			fprintf(f, " %s", w);
	}
	fputc('\n', f);
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
	if (kernel_made(line, rest))
		return;
	if (!strcmp(line, "addr"))
		return addr_words(f, rest);
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

/* The text with names that are not printable UTF-8 as \xNN, as every
 * output of the tool has them (ip could not replay such a name anyway). */
static int escape_text(char **text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		return -1;
	cli_fputs_escaped(*text, m);
	if (fclose(m)) {
		free(buf);
		return -1;
	}
	free(*text);
	*text = buf;
	return 0;
}

int convert_ip_batch(FILE *f, const brt_table *t)
{
	char *text = NULL, *line, *save = NULL;
	int rc = brt_table_write_text(t, 0, &text);

	if (!rc && escape_text(&text))
		rc = BRT_ENOMEM;
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
