/* source_rules.h - the source address rules, re-applied for --explain
 * (source_rules.c; public API only). */
#ifndef BRT_TOOLS_SOURCE_RULES_H
#define BRT_TOOLS_SOURCE_RULES_H

#include "cli.h"

struct src_ctx {
	const brt_table *t;
	const struct brt_addr *dst;
	const struct brt_addr *next_hop;	/* gateway, or dst when on-link */
	uint32_t ifindex;			/* the output link */
	bool windows;
};

/* The first rule by which @a is preferred over @b: its number (> 0), the
 * negated number when @b is preferred, 0 when no rule tells them apart;
 * *@name is the rule's name. */
int src_rule_compare(const struct src_ctx *c, const struct brt_address *a,
		     const struct brt_address *b, const char **name);
/* Whether @a may be a source at all; *@why says why not. */
bool src_candidate(const struct src_ctx *c, const struct brt_address *a, const char **why);

#endif
