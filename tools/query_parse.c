/*
 * query_parse.c - the words after `get`, as `ip route get` takes them:
 * DEST [from SRC] [oif DEV] [iif DEV] [mark N] [uid N] [tos N]
 * [ipproto P] [sport N] [dport N]. DEST may carry a zone (fe80::1%eth0).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int number(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (!*s || *s == '-')
		return -1;
	errno = 0;
	*out = strtoul(s, &end, 0);
	return errno || *end || *out > max ? -1 : 0;
}

static int proto_number(const char *s, unsigned long *out)
{
	static const struct { const char *name; unsigned v; } names[] = {
		{"icmp", 1}, {"igmp", 2}, {"tcp", 6}, {"udp", 17}, {"gre", 47},
		{"esp", 50}, {"ah", 51}, {"ipv6-icmp", 58}, {"icmpv6", 58},
		{"sctp", 132}, {"udplite", 136},
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i].name)) {
			*out = names[i].v;
			return 0;
		}
	return number(s, 255, out);
}

static int link_index(const brt_table *t, const char *name, uint32_t *out)
{
	const struct brt_link *l = brt_table_link_by_name(t, name);

	if (!l)
		return -1;
	*out = l->index;
	return 0;
}

/* Whether @w is a selector word (takes a value). */
static bool selector_word(const char *w)
{
	static const char *const words[] = {
		"from", "oif", "dev", "iif", "mark", "fwmark", "uid", "tos",
		"dsfield", "ipproto", "sport", "dport",
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(w, words[i]))
			return true;
	return false;
}

/* One "word value" pair; 0, or -1 when the value is bad. */
static int take_pair(const brt_table *t, const char *w, const char *v,
		     struct brt_query *q, int *known)
{
	unsigned long n;

	*known = 1;
	if (!strcmp(w, "from"))
		return brt_table_addr_parse(t, v, &q->src) ? -1 : 0;
	if (!strcmp(w, "oif") || !strcmp(w, "dev"))
		return link_index(t, v, &q->oif);
	if (!strcmp(w, "iif"))
		return link_index(t, v, &q->iif);
	if (!strcmp(w, "mark") || !strcmp(w, "fwmark")) {
		q->flags |= BRT_QUERY_F_MARK;
		return number(v, 0xffffffffUL, &n) ? -1 : (q->mark = (uint32_t)n, 0);
	}
	if (!strcmp(w, "uid")) {
		q->flags |= BRT_QUERY_F_UID;
		return number(v, 0xffffffffUL, &n) ? -1 : (q->uid = (uint32_t)n, 0);
	}
	if (!strcmp(w, "tos") || !strcmp(w, "dsfield"))
		return number(v, 255, &n) ? -1 : (q->tos = (uint8_t)n, 0);
	if (!strcmp(w, "ipproto")) {
		q->flags |= BRT_QUERY_F_IPPROTO;
		return proto_number(v, &n) ? -1 : (q->ipproto = (uint8_t)n, 0);
	}
	if (!strcmp(w, "sport")) {
		q->flags |= BRT_QUERY_F_SPORT;
		return number(v, 65535, &n) ? -1 : (q->sport = (uint16_t)n, 0);
	}
	if (!strcmp(w, "dport")) {
		q->flags |= BRT_QUERY_F_DPORT;
		return number(v, 65535, &n) ? -1 : (q->dport = (uint16_t)n, 0);
	}
	*known = 0;
	return -1;
}

/* The zone of fe80::1%eth0 sets the output interface: it must name a link,
 * and must not contradict an oif/dev given beside it. */
static int zone_check(const brt_table *t, const char *dst, struct brt_query *q,
		      char *err, size_t errlen)
{
	char a[24], b[24];

	if (!q->dst.zone)
		return 0;
	if (!brt_table_link_by_index(t, q->dst.zone)) {
		snprintf(err, errlen, "bad destination '%s': no link with index %u",
			 dst, q->dst.zone);
		return -1;
	}
	if (q->oif && q->oif != q->dst.zone) {
		snprintf(err, errlen, "'%s' is on link %s but oif is %s: give one",
			 dst, link_name(t, q->dst.zone, a), link_name(t, q->oif, b));
		return -1;
	}
	q->oif = q->dst.zone;
	return 0;
}

int query_parse(const brt_table *t, int argc, char **argv, struct brt_query *q,
		char *err, size_t errlen)
{
	int i = 0, known;

	brt_query_init(q);
	if (argc > 0 && !strcmp(argv[0], "to"))
		i++;
	if (i >= argc) {
		snprintf(err, errlen, "missing destination");
		return -1;
	}
	if (brt_table_addr_parse(t, argv[i], &q->dst)) {
		snprintf(err, errlen, "bad destination '%s'", argv[i]);
		return -1;
	}
	for (i++; i < argc; i += 2) {
		if (!selector_word(argv[i])) {
			snprintf(err, errlen, "unknown word '%s'", argv[i]);
			return -1;
		}
		if (i + 1 >= argc) {
			snprintf(err, errlen, "'%s' needs a value", argv[i]);
			return -1;
		}
		if (take_pair(t, argv[i], argv[i + 1], q, &known)) {
			if (known)
				snprintf(err, errlen, "bad value '%s' for '%s'",
					 argv[i + 1], argv[i]);
			else
				snprintf(err, errlen, "unknown word '%s'", argv[i]);
			return -1;
		}
	}
	return zone_check(t, argv[argc > 0 && !strcmp(argv[0], "to") ? 1 : 0], q,
			  err, errlen);
}
