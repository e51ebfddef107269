/*
 * cmd_monitor.c - `bestroute monitor [--json] [--count N]`: the live
 * host's route changes as they happen, like `ip monitor route`: one line
 * per change, "add|change|del" and the route as a `route` statement of our
 * text format, or one JSON object per line. Runs until interrupted, or
 * until N changes were printed.
 *
 * The monitor's thread prints; the main thread only waits. Link names come
 * from a snapshot, taken again when a change names a link it lacks.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "cli.h"

struct mon_state {
	bool json;
	unsigned long left;		/* changes still to print; 0: forever */
	brt_table *links;
	pthread_mutex_t lock;
	pthread_cond_t done_cv;
	bool done;		/* written and read by the monitor thread */
};

static const char *event_word(int event)
{
	switch (event) {
	case BRT_LIVE_ROUTE_ADD: return "add";
	case BRT_LIVE_ROUTE_CHANGE: return "change";
	case BRT_LIVE_ROUTE_DEL: return "del";
	default: return "lost";
	}
}

/* Whether the snapshot names every link of @r. */
static bool knows_links(const brt_table *t, const struct brt_route *r)
{
	uint32_t i;

	for (i = 0; i < r->nh_count; i++)
		if (r->nh[i].ifindex && !brt_table_link_by_index(t, r->nh[i].ifindex))
			return false;
	return true;
}

static void refresh_links(struct mon_state *s, const struct brt_route *r)
{
	brt_table *t = NULL;
	char err[256];

	if (s->links && knows_links(s->links, r))
		return;
	if (brt_live_snapshot(&t, err, sizeof(err)))
		return;		/* keep the old names: "?" for new links */
	brt_table_destroy(s->links);
	s->links = t;
}

static void print_change(struct mon_state *s, int event, const char *text)
{
	json_object *o;

	if (!s->json) {
		printf("%s %s\n", event_word(event), text ? text : "");
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "event", json_object_new_string(event_word(event)));
	if (text)
		json_object_object_add(o, "route", json_object_new_string(text));
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
}

static void on_change(void *ctx, int event, const struct brt_route *r)
{
	struct mon_state *s = ctx;
	char *text = NULL;

	/* after the last wanted change, until the main thread stops us */
	if (s->done)
		return;
	if (r) {
		refresh_links(s, r);
		if (!s->links || brt_route_write_text(s->links, r, &text))
			return;
	}
	print_change(s, event, text);
	free(text);
	fflush(stdout);
	pthread_mutex_lock(&s->lock);
	if (s->left && --s->left == 0) {
		s->done = true;
		pthread_cond_signal(&s->done_cv);
	}
	pthread_mutex_unlock(&s->lock);
}

static int parse_args(int argc, char **argv, struct mon_state *s)
{
	char *end;
	int i;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			s->json = true;
		} else if (!strcmp(argv[i], "--count") && i + 1 < argc) {
			s->left = strtoul(argv[++i], &end, 10);
			if (*end || !s->left)
				return -1;
		} else {
			return -1;
		}
	}
	return 0;
}

int cmd_monitor(int argc, char **argv)
{
	struct mon_state s = {false, 0, NULL, PTHREAD_MUTEX_INITIALIZER,
			      PTHREAD_COND_INITIALIZER, false};
	brt_live_monitor *m = NULL;
	char err[512] = "";
	int rc;

	if (parse_args(argc, argv, &s)) {
		cli_error("usage: bestroute monitor [--json] [--count N]");
		return 2;
	}
	rc = brt_live_monitor_start(&m, on_change, &s, err, sizeof(err));
	if (rc) {
		cli_error("monitor: %s", err[0] ? err : brt_strerror(rc));
		return 1;
	}
	pthread_mutex_lock(&s.lock);
	while (!s.done)
		pthread_cond_wait(&s.done_cv, &s.lock);
	pthread_mutex_unlock(&s.lock);
	brt_live_monitor_stop(m);
	brt_table_destroy(s.links);
	return 0;
}
