/*
 * cmd_monitor.c - `bestroute monitor [-j] [-4|-6] [--objects LIST]
 * [--count N]`: the live host's changes as they happen, like `ip monitor`:
 * one line per change as ip prints it, or one JSON object per line
 * (monitor_route.c), flushed at once so a pipe sees each event live. Runs
 * until interrupted, or until N changes were printed.
 *
 * The monitor's thread prints; the main thread only waits. Link names come
 * from a snapshot, taken again when a change names a link it lacks.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct mon_state {
	bool json;
	int family;			/* -4/-6, or 0 */
	unsigned objects;		/* MON_OBJ_* wanted; 0: routes */
	unsigned long left;		/* changes still to print; 0: forever */
	brt_table *links;
	pthread_mutex_t lock;
	pthread_cond_t done_cv;
	bool done;		/* written and read by the monitor thread */
};

enum { MON_OBJ_ROUTE = BRT_LIVE_OBJ_ROUTE, MON_OBJ_ADDRESS = BRT_LIVE_OBJ_ADDRESS,
       MON_OBJ_LINK = BRT_LIVE_OBJ_LINK, MON_OBJ_RULE = BRT_LIVE_OBJ_RULE,
       MON_OBJ_NEXTHOP = BRT_LIVE_OBJ_NEXTHOP, MON_OBJ_ALL = 0x1f };

/* "route,address" (or one word of `ip monitor route`) into @objects. */
static int monitor_objects_parse(const char *list, unsigned *objects)
{
	static const struct { const char *name; unsigned bit; } names[] = {
		{"route", MON_OBJ_ROUTE}, {"address", MON_OBJ_ADDRESS},
		{"addr", MON_OBJ_ADDRESS}, {"link", MON_OBJ_LINK},
		{"rule", MON_OBJ_RULE}, {"nexthop", MON_OBJ_NEXTHOP},
		{"all", MON_OBJ_ALL},
	};
	const char *p = list, *end;
	size_t i, len;

	do {
		end = strchr(p, ',');
		len = end ? (size_t)(end - p) : strlen(p);
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strlen(names[i].name) == len && !strncmp(names[i].name, p, len))
				break;
		if (i == sizeof(names) / sizeof(names[0])) {
			cli_error("monitor: unknown object '%.*s' (route, address, link, "
				  "rule, nexthop)", (int)len, p);
			return -1;
		}
		*objects |= names[i].bit;
		p = end ? end + 1 : NULL;
	} while (p);
	return 0;
}

static const char *event_word(int event)
{
	switch (event) {
	case BRT_LIVE_ROUTE_ADD: return "add";
	case BRT_LIVE_ROUTE_CHANGE: return "change";
	case BRT_LIVE_ROUTE_DEL: return "del";
	default: return "lost";
	}
}

/* Whether the snapshot names every link of the change (a link change
 * always takes a new one: its name may be what changed). */
static bool knows_links(const brt_table *t, const struct brt_live_change *c)
{
	uint32_t i;

	if (c->link)
		return false;
	if (c->address)
		return brt_table_link_by_index(t, c->address->ifindex) != NULL;
	if (c->nexthop)
		return !c->nexthop->ifindex ||
		       brt_table_link_by_index(t, c->nexthop->ifindex) != NULL;
	for (i = 0; i < c->route->nh_count; i++)
		if (c->route->nh[i].ifindex &&
		    !brt_table_link_by_index(t, c->route->nh[i].ifindex))
			return false;
	return true;
}

static void refresh_links(struct mon_state *s, const struct brt_live_change *c)
{
	brt_table *t = NULL;
	char err[256];

	if (s->links && knows_links(s->links, c))
		return;
	if (brt_live_snapshot(&t, err, sizeof(err)))
		return;		/* keep the old names: "?" for new links */
	brt_table_destroy(s->links);
	s->links = t;
}

static void print_lost(struct mon_state *s)
{
	json_object *o;

	if (!s->json) {
		puts("lost: changes were lost: take a new snapshot");
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "event", json_object_new_string("lost"));
	json_object_object_add(o, "message", json_object_new_string(
		"changes were lost: take a new snapshot"));
	cli_json_print(stdout, o, false);
	json_object_put(o);
}

static json_object *change_json(struct mon_state *s, const char *ev,
				const struct brt_live_change *c)
{
	if (c->route)
		return monitor_route_json(s->links, ev, c->route);
	if (c->address)
		return monitor_address_json(s->links, ev, c->address);
	if (c->link)
		return monitor_link_json(ev, c->link);
	if (c->rule)
		return monitor_rule_json(ev, c->rule);
	return monitor_nexthop_json(s->links, ev, c->nexthop);
}

static void print_change(struct mon_state *s, const struct brt_live_change *c)
{
	const char *ev = event_word(c->event);
	json_object *o;

	if (c->event == BRT_LIVE_ROUTE_LOST)
		return print_lost(s);
	if (!s->json) {
		if (c->route)
			monitor_route_text(stdout, s->links, ev, c->route);
		else
			monitor_object_text(stdout, s->links, ev, c);
		return;
	}
	o = change_json(s, ev, c);
	cli_json_print(stdout, o, false);
	json_object_put(o);
}

/* The family of a change, 0 when it has none (links, groups). */
static int change_family(const struct brt_live_change *c)
{
	if (c->route)
		return c->route->family;
	if (c->address)
		return c->address->addr.family;
	if (c->rule)
		return c->rule->family;
	if (c->nexthop)
		return c->nexthop->family;
	return 0;
}

static void on_change(void *ctx, const struct brt_live_change *c)
{
	struct mon_state *s = ctx;
	int fam = change_family(c);

	/* after the last wanted change, until the main thread stops us */
	if (s->done || (s->family && fam && fam != s->family))
		return;
	if (c->route || c->address || c->nexthop || c->link) {
		refresh_links(s, c);
		if (!s->links)
			return;
	}
	print_change(s, c);
	fflush(stdout);	/* `bestroute monitor --json | jq` sees each event */
	pthread_mutex_lock(&s->lock);
	if (s->left && --s->left == 0) {
		s->done = true;
		pthread_cond_signal(&s->done_cv);
	}
	pthread_mutex_unlock(&s->lock);
}

#define MONITOR_MAX_COUNT 1000000000UL

enum { OPT_OBJECTS = 100 };

static const struct cli_opt monitor_options[] = {
	CLI_OPTS_JSON, CLI_OPTS_FAMILY,
	{"count", 'c', "a number", CLI_OPT_COUNT},
	{"objects", 0, "a list (route,address,link,rule,nexthop)", OPT_OBJECTS},
	{NULL, 0, NULL, 0},
};

static int set_opt(struct mon_state *s, int id, const char *v)
{
	switch (id) {
	case CLI_OPT_JSON: s->json = true; return 0;
	case CLI_OPT_PRETTY: return 0;	/* one event per line, always */
	case CLI_OPT_V4: s->family = BRT_AF_INET; return 0;
	case CLI_OPT_V6: s->family = BRT_AF_INET6; return 0;
	case CLI_OPT_COUNT:
		return cli_count("monitor", "--count", v, MONITOR_MAX_COUNT, &s->left);
	default:
		return monitor_objects_parse(v, &s->objects);
	}
}

static int parse_args(int argc, char **argv, struct mon_state *s)
{
	const char *v;
	int i = 0, id;

	for (;;) {
		id = cli_opt_next("monitor", monitor_options, argc, argv, &i, &v);
		if (id > 0 && set_opt(s, id, v))
			return CLI_OPT_ERROR;
		if (id > 0)
			continue;
		if (id != CLI_OPT_END || i >= argc)
			return id;
		/* `ip monitor route address` names the objects as words */
		if (monitor_objects_parse(argv[i++], &s->objects))
			return CLI_OPT_ERROR;
	}
}

int cmd_monitor(int argc, char **argv)
{
	struct mon_state s = {false, 0, 0, 0, NULL, PTHREAD_MUTEX_INITIALIZER,
			      PTHREAD_COND_INITIALIZER, false};
	brt_live_monitor *m = NULL;
	char err[512] = "";
	int rc;

	rc = parse_args(argc, argv, &s);
	if (rc)
		return rc == CLI_OPT_HELP ? cli_help("monitor") : CLI_EXIT_USAGE;
	rc = brt_live_watch_start(&m, s.objects ? s.objects : BRT_LIVE_OBJ_ROUTE, on_change, &s,
				  err, sizeof(err));
	if (rc) {
		cli_error("monitor: %s", err[0] ? err : brt_strerror(rc));
		return CLI_EXIT_USAGE;
	}
	pthread_mutex_lock(&s.lock);
	while (!s.done)
		pthread_cond_wait(&s.done_cv, &s.lock);
	pthread_mutex_unlock(&s.lock);
	brt_live_monitor_stop(m);
	brt_table_destroy(s.links);
	return 0;
}
