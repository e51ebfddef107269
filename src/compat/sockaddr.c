/*
 * sockaddr.c - Windows socket addresses to the library's addresses and
 * back, and the questions about the host's own addresses that several
 * functions ask.
 *
 * SOCKADDR_INET holds the host's sockaddr_in/sockaddr_in6, so si_family
 * carries the host's AF_INET/AF_INET6; the library numbers families as
 * Linux does, and these functions translate in case they ever differ.
 */
#include <string.h>
#include <unistd.h>

#include "compat.h"

bool compat_addr_from_inet(const SOCKADDR_INET *s, struct brt_addr *a)
{
	memset(a, 0, sizeof(*a));
	a->family = compat_family_in(s->si_family);
	if (a->family == BRT_AF_INET)
		memcpy(a->bytes, &s->Ipv4.sin_addr, 4);
	else if (a->family == BRT_AF_INET6) {
		memcpy(a->bytes, &s->Ipv6.sin6_addr, 16);
		a->zone = s->Ipv6.sin6_scope_id;
	}
	return a->family != 0;
}

void compat_inet_zero(uint8_t family, SOCKADDR_INET *s)
{
	memset(s, 0, sizeof(*s));
	s->si_family = (ADDRESS_FAMILY)compat_family_out(family);
}

void compat_inet_from_addr(const struct brt_addr *a, SOCKADDR_INET *s)
{
	compat_inet_zero(a->family, s);
	if (a->family == BRT_AF_INET)
		memcpy(&s->Ipv4.sin_addr, a->bytes, 4);
	else if (a->family == BRT_AF_INET6) {
		memcpy(&s->Ipv6.sin6_addr, a->bytes, 16);
		s->Ipv6.sin6_scope_id = a->zone;
	}
}

bool compat_is_local(const brt_table *t, const struct brt_addr *a,
			 uint32_t *owner)
{
	size_t i, n = brt_table_address_count(t);

	for (i = 0; i < n; i++) {
		const struct brt_address *x = brt_table_address(t, i);

		if (!brt_addr_equal(&x->addr, a))
			continue;
		/* A link-local address is only the one of its zone. */
		if (a->family == BRT_AF_INET6 && a->zone &&
		    core_addr_is_v6_linklocal(a) && x->ifindex != a->zone)
			continue;
		if (owner)
			*owner = x->ifindex;
		return true;
	}
	return false;
}

bool compat_link_has_family(const brt_table *t, const struct brt_link *l,
				uint8_t family)
{
	const struct brt_linkconf *c = core_table_linkconf(t, l->index);

	if (family == BRT_AF_INET)
		return !(l->flags & BRT_LINK_F_NO_IPV4);
	if (l->flags & BRT_LINK_F_NO_IPV6)
		return false;
	return !(c && c->disable_ipv6 > 0);
}

bool compat_family_enabled(const struct brt_compat_ref *ref,
			       uint8_t family)
{
	const brt_table *t = ref->t;
	size_t i, n = brt_table_link_count(t);

	/* A kernel booted with ipv6.disable=1 has no IPv6 sysctls at all;
	 * that is fixed at boot, so it is asked once (no system call per
	 * call): 1 present, -1 absent, 0 not asked yet. */
	static int ipv6_kernel;
	int k;

	if (ref->live && family == BRT_AF_INET6) {
		k = __atomic_load_n(&ipv6_kernel, __ATOMIC_RELAXED);
		if (!k) {
			k = access("/proc/sys/net/ipv6", F_OK) == 0 ? 1 : -1;
			__atomic_store_n(&ipv6_kernel, k, __ATOMIC_RELAXED);
		}
		if (k < 0)
			return false;
	}

	for (i = 0; i < n; i++)
		if (compat_link_has_family(t, brt_table_link(t, i), family))
			return true;
	return false;
}
