/*
 * windows_policy.h - pieces of the Windows policy shared between its files
 * (not installed).
 */
#ifndef BRT_CORE_WINDOWS_POLICY_H
#define BRT_CORE_WINDOWS_POLICY_H

#include "model/model.h"
#include "policy/policy.h"

struct brt_builder;

/* The policy's entry (core_policy_windows.lookup and .explain). */
void core_windows_lookup(struct brt_lookup *lk);
/* The compiled lookup and its decisions (windows_route.c). */
void core_windows_lookup_compiled(struct brt_lookup *lk);
/* The policy's lookup_fast (policy.h): decisions only. */
int core_windows_lookup_fast(const brt_table *t, const struct brt_query *q,
			     struct brt_result *r);
int core_windows_compile(brt_table *t);
/* What Windows derives from interfaces and addresses (windows_derive.c). */
int core_derive_windows(struct brt_builder *b);

/* Whether a link is operational: administratively up with carrier. */
static inline bool core_win_link_oper(const struct brt_link *l)
{
	return l && (l->flags & (BRT_LINK_F_UP | BRT_LINK_F_CARRIER)) ==
			    (BRT_LINK_F_UP | BRT_LINK_F_CARRIER);
}

/*
 * core_windows_source - the source Windows picks for a packet to @dst that
 * leaves through link @ifindex towards @next_hop (the gateway, or @dst
 * itself when on-link). Fills *@out (zone = link index for a link-local
 * IPv6 source) and returns true, or returns false when the host has no
 * address that may be used.
 */
bool core_windows_source(const brt_table *t, const struct brt_addr *dst,
			uint32_t ifindex, const struct brt_addr *next_hop,
			struct brt_addr *out);

#endif /* BRT_CORE_WINDOWS_POLICY_H */
