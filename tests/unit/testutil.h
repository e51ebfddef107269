/* testutil.h - helpers shared by the cmocka tests. */
#ifndef BRT_TESTUTIL_H
#define BRT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>

#include "bestroute/bestroute.h"

/* Two lookups gave the same answer: status, table, interface, gateway,
 * source and a route with the same content (tables may differ). */
void tu_assert_same_answer(const struct brt_result *x,
			   const struct brt_result *y);
/* A table from our text format; fails the test with the parser's message. */
brt_table *tu_table(const char *text);
/* A query from `get` words: "DEST [from SRC] [oif DEV] ...". */
void tu_query(const brt_table *t, const char *words, struct brt_query *q);
/* Address text of a result field ("" for none). */
const char *tu_addr(const struct brt_addr *a, char buf[BRT_ADDRSTRLEN]);
/* Name of a link index in @t ("" for none). */
const char *tu_ifname(const brt_table *t, uint32_t index);
/* The text of a file under the source tree (@rel) with @prefix put before
 * every line that is not indented, as `ip ... show` output becomes table
 * statements ("route ", "rule -6 ", ...). free() it. */
char *tu_prefixed_file(const char *rel, const char *prefix);
/* The given (not derived) rule of @family with priority @prio; fails the
 * test when there is none. */
const struct brt_rule *tu_rule(const brt_table *t, uint8_t family, uint32_t prio);
/* Network namespaces (tu_netns.c). tu_netns_create makes
 * "<prefix>-<pid>" into @ns, or ends the program with exit 77 (skipped)
 * and the reason when not root or `ip netns` does not work. */
void tu_netns_create(const char *prefix, char *ns, size_t len);
/* Enter @ns, remembering where we came from; 0 or -1. */
int tu_netns_enter(const char *ns);
/* Go back (if entered) and delete @ns. */
void tu_netns_destroy(const char *ns);
/* tu_netns_create, then `ip -n NS CMD` for each of the @n commands
 * @cmds, then tu_netns_enter: 0, or -1 when a command or entering fails. */
int tu_netns_setup(const char *prefix, char *ns, size_t len,
		   const char *const *cmds, size_t n);
/* tu_netns_setup of the common test link: a veth pair va/vb, both up,
 * 10.9.0.1/24 on va (and 2001:db8:9::1/64 with @v6); *@va_index is
 * va's index. 0 or -1. */
int tu_netns_setup_veth(const char *prefix, char *ns, size_t len, bool v6,
			uint32_t *va_index);
/* A cmocka group teardown: tu_netns_destroy of the namespace the last
 * tu_netns_setup made. */
int tu_netns_teardown(void **state);
/* system() of a formatted command. */
int tu_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Path under the source tree. */
const char *tu_src_path(const char *rel, char *buf, size_t len);

#endif
