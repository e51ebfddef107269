/*
 * linux_src4.c - IPv4 source address selection, as inet_select_addr().
 *
 * Invariants (net/ipv4/devinet.c):
 *  - a device's primary addresses are kept ordered by scope, widest
 *    (host) first, insertion order among equals; secondaries never serve
 *    as a source here;
 *  - on the device itself, the first primary address whose scope fits
 *    (scope <= the route's, with host scope counting as host) and whose
 *    subnet holds @near wins; failing that, the first that fits;
 *  - failing that, the first primary address of any device, in device
 *    order, that fits and is not link scope.
 * Table order is the kernel's list order for dumps; for tables written by
 * hand the scope ordering is applied here, which is what the kernel's
 * insertion would have produced.
 */
#include <string.h>

#include "policy/linux/linux_policy.h"

#define MAX_DEV_ADDRS 256

static bool primary4(const struct brt_address *a, uint32_t ifindex)
{
	return a->addr.family == BRT_AF_INET && a->ifindex == ifindex &&
	       !(a->flags & BRT_ADDR_F_SECONDARY);
}

/* Primary IPv4 addresses of a device, stably ordered by scope (desc). */
static size_t dev_addrs(const brt_table *t, uint32_t ifindex,
			const struct brt_address **out)
{
	size_t i, j, n = 0;

	for (i = 0; i < t->n_addrs && n < MAX_DEV_ADDRS; i++) {
		const struct brt_address *a = &t->addrs[i];

		if (!primary4(a, ifindex))
			continue;
		for (j = n; j > 0 && out[j - 1]->scope < a->scope; j--)
			out[j] = out[j - 1];
		out[j] = a;
		n++;
	}
	return n;
}

static bool in_subnet(const struct brt_address *a, const struct brt_addr *x)
{
	const struct brt_addr *base = a->peer.family ? &a->peer : &a->addr;

	return core_bits_match(base->bytes, x->bytes, a->plen);
}

static int min_scope(int a)
{
	return a < BRT_SCOPE_HOST ? a : BRT_SCOPE_HOST;
}

/* in_dev_select_addr: any primary that fits and is not link scope. */
static const struct brt_address *any_dev_addr(const brt_table *t,
					      uint32_t ifindex, int scope)
{
	const struct brt_address *list[MAX_DEV_ADDRS];
	size_t i, n = dev_addrs(t, ifindex, list);

	for (i = 0; i < n; i++)
		if (min_scope(list[i]->scope) <= scope &&
		    list[i]->scope != BRT_SCOPE_LINK)
			return list[i];
	return NULL;
}

struct brt_addr core_lx_select_src4(const brt_table *t, uint32_t ifindex,
			       const struct brt_addr *near, int scope)
{
	const struct brt_address *list[MAX_DEV_ADDRS], *pick = NULL;
	struct brt_addr none = {0};
	size_t i, n = dev_addrs(t, ifindex, list);

	for (i = 0; i < n; i++) {
		if (min_scope(list[i]->scope) > scope)
			continue;
		if (!near || core_addr_is_zero(near) || in_subnet(list[i], near)) {
			pick = list[i];
			break;
		}
		if (!pick)
			pick = list[i];
	}
	for (i = 0; !pick && i < t->n_links; i++)
		pick = any_dev_addr(t, t->links[i].index, scope);
	return pick ? pick->addr : none;
}

/* Whether @a (IPv4) is one of the table's addresses: 4-byte compares,
 * since this runs for every IPv4 query with `from`. */
static bool is_own4(const brt_table *t, const struct brt_addr *a)
{
	uint32_t want, have;
	size_t i;

	memcpy(&want, a->bytes, 4);
	for (i = 0; i < t->n_addrs; i++) {
		memcpy(&have, t->addrs[i].addr.bytes, 4);
		if (have == want && t->addrs[i].addr.family == BRT_AF_INET)
			return true;
	}
	return false;
}

bool core_lx_is_local4(const brt_table *t, const struct brt_addr *a)
{
	const struct brt_fib *local;
	const struct brt_pgroup *g;
	size_t i;

	if (a->family == BRT_AF_INET) {
		if (is_own4(t, a))
			return true;
	} else {
		for (i = 0; i < t->n_addrs; i++)
			if (brt_addr_equal(&t->addrs[i].addr, a))
				return true;
	}
	local = core_table_fib(t, BRT_AF_INET, BRT_TABLE_LOCAL);
	if (!local)
		return false;
	/* __ip_dev_find's fallback: what the local table says first */
	g = core_fib_lookup(local, a->bytes);
	return g && g->routes[0]->type == BRT_RT_LOCAL;
}
