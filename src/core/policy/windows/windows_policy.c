/*
 * windows_policy.c - the Windows policy as the core calls it: its
 * operations (policy/policy.h), over windows_route.c (route and interface
 * choice), windows_src.c (source choice) and windows_derive.c.
 */
#include "policy/compiled.h"
#include "policy/windows/windows_policy.h"

/* A next hop's source: RFC 6724 among the addresses of its interface,
 * towards the gateway when there is one (Windows picks the source for
 * the next hop it sends to), else towards the destination. */
static bool windows_nexthop_source(const brt_table *t,
				   const struct brt_addr *dst,
				   const struct brt_route *r,
				   const struct brt_nexthop *nh,
				   struct brt_addr *out)
{
	(void)r;
	return core_windows_source(t, dst, nh->ifindex,
				   nh->gw.family ? &nh->gw : dst, out);
}

/* Windows derives routes from its interfaces' addresses and metrics, so
 * a compiled table is always rebuilt rather than edited. */
static bool windows_edit_in_place(const brt_table *t)
{
	(void)t;
	return false;
}

const struct core_policy core_policy_windows = {
	.id = BRT_POLICY_WINDOWS,
	.name = "windows",
	.derive = core_derive_windows,
	.lookup = core_windows_lookup_compiled,
	.lookup_fast = core_windows_lookup_fast,
	.explain = core_windows_lookup,
	.compile = core_windows_compile,
	.lookup_bulk = core_dec_lookup_bulk,
	.nexthop_source = windows_nexthop_source,
	.edit_in_place = windows_edit_in_place,
};
