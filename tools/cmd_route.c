/*
 * cmd_route.c - `bestroute route add|change|replace|append|del WORDS`:
 * change the live host's routing table.
 *
 * The words are those of a `route` statement of our text format, so the
 * reader that loads table files parses them too: into a scratch builder
 * that knows the live host's links (so "dev eth0" resolves), with nothing
 * else in it, so that the one route the finished table was given is ours.
 * Exit status (bestroute(1)): 0 done, 1 the command line is wrong, 2 the
 * kernel refused or could not be asked (as `ip route` exits 2 for
 * "RTNETLINK answers: ...").
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *word;
	int (*op)(const struct brt_route *r, char *err, size_t errlen);
} route_ops[] = {
	{"add", brt_live_route_add}, {"change", brt_live_route_change},
	{"replace", brt_live_route_replace}, {"append", brt_live_route_append},
	{"del", brt_live_route_del}, {"delete", brt_live_route_del},
};

/* "route W1 W2 ..." as one line of our text format (malloc'd). */
static char *statement_of(int argc, char **argv)
{
	size_t len = sizeof("route"), i;
	char *s;

	for (i = 0; i < (size_t)argc; i++)
		len += strlen(argv[i]) + 1;
	s = malloc(len + 1);
	if (!s)
		return NULL;
	strcpy(s, "route");
	for (i = 0; i < (size_t)argc; i++) {
		strcat(s, " ");
		strcat(s, argv[i]);
	}
	strcat(s, "\n");
	return s;
}

/* A builder holding the links the live host has given (no routes). */
static brt_builder *builder_with_links(void)
{
	char err[512] = "";
	brt_table *live = NULL;
	brt_builder *b;
	size_t i;
	int rc = brt_live_snapshot(&live, err, sizeof(err));

	if (rc) {
		cli_error("route: cannot read the live host's links: %s",
			  err[0] ? err : brt_strerror(rc));
		return NULL;
	}
	b = brt_builder_create();
	for (i = 0; b && i < brt_table_link_count(live); i++) {
		const struct brt_link *l = brt_table_link(live, i);

		if (!(l->flags & BRT_LINK_F_DERIVED) && brt_builder_add_link(b, l)) {
			brt_builder_destroy(b);
			b = NULL;
		}
	}
	/* the addresses tell the link of a gateway given without dev */
	for (i = 0; b && i < brt_table_address_count(live); i++) {
		const struct brt_address *a = brt_table_address(live, i);

		if (!(a->flags & BRT_ADDR_F_DERIVED) && brt_builder_add_address(b, a)) {
			brt_builder_destroy(b);
			b = NULL;
		}
	}
	brt_table_destroy(live);
	if (!b)
		cli_error("route: out of memory");
	return b;
}

/* The words as a table holding the route; NULL with a message. */
static brt_table *parse_route(int argc, char **argv)
{
	char err[1024] = "", *text = statement_of(argc, argv);
	brt_builder *b = text ? builder_with_links() : NULL;
	brt_table *t = NULL;
	int rc = b ? brt_builder_load_text(b, "command line", text, strlen(text),
					   err, sizeof(err)) : BRT_ENOMEM;

	if (rc)
		cli_error("route: %s", err[0] ? err : brt_strerror(rc));
	else if (brt_builder_finish(b, &t))
		cli_error("route: %s", brt_builder_error(b));
	brt_builder_destroy(b);
	free(text);
	return t;
}

/* The route the words gave: the one route not derived by the library. */
static const struct brt_route *given_route(const brt_table *t)
{
	const struct brt_route *found = NULL;
	size_t i;

	for (i = 0; i < brt_table_route_count(t); i++) {
		const struct brt_route *r = brt_table_route(t, i);

		if (!(r->flags & BRT_ROUTE_F_DERIVED))
			found = r;
	}
	return found;
}

int cmd_route(int argc, char **argv)
{
	const struct brt_route *r;
	char err[1024] = "";
	brt_table *t;
	size_t i;
	int rc;

	if (argc > 0 && (!strcmp(argv[0], "-h") || !strcmp(argv[0], "--help") ||
			 !strcmp(argv[0], "help")))
		return cli_help("route");
	for (i = 0; argc >= 1 && i < sizeof(route_ops) / sizeof(route_ops[0]); i++)
		if (!strcmp(argv[0], route_ops[i].word))
			break;
	if (argc < 1)
		cli_error("route: add, change, replace, append or del?");
	else if (i == sizeof(route_ops) / sizeof(route_ops[0]))
		cli_error("route: unknown word '%s' (add, change, replace, append, del)",
			  argv[0]);
	else if (argc < 2)
		cli_error("route %s: which route? (the words of a `route` line of "
			  "bestroute-table(5))", argv[0]);
	if (argc < 2 || i == sizeof(route_ops) / sizeof(route_ops[0])) {
		cli_try_help("route");
		return CLI_EXIT_USAGE;
	}
	t = parse_route(argc - 1, argv + 1);
	if (!t)
		return CLI_EXIT_USAGE;
	r = given_route(t);
	if (r && route_ops[i].op == brt_live_route_del &&
	    !(r->flags & BRT_ROUTE_F_HAS_METRIC)) {
		/* as `ip route del`: no metric given matches any metric */
		struct brt_route any = *r;

		any.metric = 0;
		rc = brt_live_route_del(&any, err, sizeof(err));
	} else {
		rc = r ? route_ops[i].op(r, err, sizeof(err)) : BRT_EINVAL;
	}
	if (rc)
		cli_error("%s", r ? (err[0] ? err : brt_strerror(rc))
			       : "route: the words gave no route");
	if (rc == BRT_EPERM)
		cli_error("route: changing routes needs CAP_NET_ADMIN (run as root)");
	brt_table_destroy(t);
	return rc ? CLI_EXIT_ANSWER : CLI_EXIT_OK;
}
