/*
 * best_route2.c - GetBestRoute2 in its user-mode (Win32 codes) and kernel
 * mode (NTSTATUS) forms.
 *
 * Both forms pick an interface from the caller's arguments in their own
 * way (interface_user / interface_kernel), then share one path: the
 * source address (a local one pins the lookup to its interface, as a
 * strong host does), IPv6 scope ids, loopback destinations, the lookup
 * under the table's policy, and the two outputs. Whatever fails, both
 * outputs are left zeroed; on success every byte of them is written.
 */
#include <string.h>

#include "compat.h"

static void zero_outputs(PMIB_IPFORWARD_ROW2 row, SOCKADDR_INET *best)
{
	if (row)
		memset(row, 0, sizeof(*row));
	if (best)
		memset(best, 0, sizeof(*best));
}

/*
 * User mode: a nonzero LUID names the interface and wins over the index;
 * a NULL LUID or one of value 0 leaves the choice to the index (0: any
 * interface). Microsoft documents this order (LUID, then the index when
 * the LUID is zero) for the rows that carry both (MIB_IPINTERFACE_ROW,
 * MIB_IPFORWARD_ROW2); GetBestRoute2's own page is silent on it.
 */
static DWORD interface_user(const brt_table *t, const NET_LUID *luid,
			    NET_IFINDEX index, uint32_t *oif)
{
	const struct brt_link *l;

	*oif = 0;
	if (luid && luid->Value) {
		l = compat_link_by_luid(t, luid->Value);
		if (!l)
			return ERROR_NOT_FOUND;
		*oif = l->index;
		return NO_ERROR;
	}
	if (!index)
		return NO_ERROR;
	if (!brt_table_link_by_index(t, index))
		return ERROR_FILE_NOT_FOUND;
	*oif = index;
	return NO_ERROR;
}

/* A local source pins the interface; foreign families and :: are ignored. */
static DWORD apply_source(const brt_table *t, const SOCKADDR_INET *src,
			  struct brt_query *q)
{
	struct brt_addr a;
	uint32_t owner = 0;

	if (!src || !compat_addr_from_inet(src, &a) ||
	    a.family != q->dst.family || core_addr_is_zero(&a))
		return NO_ERROR;
	if (a.family == BRT_AF_INET6 && a.zone && !core_addr_is_v6_linklocal(&a))
		return ERROR_INVALID_PARAMETER;
	if (!compat_is_local(t, &a, &owner))
		return ERROR_NOT_FOUND;
	a.zone = a.family == BRT_AF_INET6 && core_addr_is_v6_linklocal(&a)
			 ? owner : 0;
	q->src = a;
	q->oif = owner;
	return NO_ERROR;
}

static bool is_linklocal_scope(const struct brt_addr *a)
{
	return a->family == BRT_AF_INET6 && !core_addr_is_v6_loopback(a) &&
	       core_addr6_scope(a) <= 2;
}

/* Scope ids and loopback destinations against the chosen interface. */
static DWORD check_destination(const brt_table *t, struct brt_query *q)
{
	struct brt_addr *d = &q->dst;
	const struct brt_link *l;

	if (d->zone && !is_linklocal_scope(d))
		return ERROR_INVALID_PARAMETER;
	if (is_linklocal_scope(d)) {
		if (d->zone && q->oif && d->zone != q->oif)
			return ERROR_INVALID_PARAMETER;
		if (d->zone && !brt_table_link_by_index(t, d->zone))
			return ERROR_INVALID_PARAMETER;
		if (d->zone)
			q->oif = d->zone;
		else
			d->zone = q->oif;
	}
	l = q->oif ? brt_table_link_by_index(t, q->oif) : NULL;
	if (l && l->type != BRT_LINK_LOOPBACK &&
	    (core_addr_is_v4_loopback(d) || core_addr_is_v6_loopback(d)))
		return ERROR_INVALID_PARAMETER;
	return NO_ERROR;
}

static DWORD status_code(int status)
{
	switch (status) {
	case BRT_ROUTE_OK: return NO_ERROR;
	case BRT_ROUTE_INVALID: return ERROR_INVALID_PARAMETER;
	case BRT_ROUTE_UNSUPPORTED: return ERROR_NOT_SUPPORTED;
	default: return ERROR_NETWORK_UNREACHABLE;
	}
}

/* A route record for an answer that came without one (no FIB entry). */
static void route_of_result(const struct brt_query *q,
			    const struct brt_result *res, struct brt_route *r)
{
	brt_route_init(r);
	r->family = q->dst.family;
	r->type = res->type;
	r->metric = res->metric;
	r->protocol = BRT_PROTO_KERNEL;
	if (res->has_prefix)
		r->dst = res->prefix;
	else
		core_prefix_make(&r->dst, &q->dst, core_family_bits(r->family));
}

/* Windows always has 127.0.0.1 on its loopback interface: a loopback
 * destination answered there is sent from it, whatever the table lists. */
static bool windows_loopback(const brt_table *t, const struct brt_result *res)
{
	const struct brt_link *l = brt_table_link_by_index(t, res->ifindex);

	return brt_table_policy(t) == BRT_POLICY_WINDOWS && l &&
	       l->type == BRT_LINK_LOOPBACK;
}

static struct brt_addr loopback4(void)
{
	struct brt_addr a;

	memset(&a, 0, sizeof(a));
	a.family = BRT_AF_INET;
	a.bytes[0] = 127;
	a.bytes[3] = 1;
	return a;
}

static void fill_outputs(const struct brt_compat_ref *ref,
			 const struct brt_query *q,
			 const struct brt_result *res, PMIB_IPFORWARD_ROW2 row,
			 SOCKADDR_INET *best)
{
	const brt_table *t = ref->t;
	struct brt_route own;
	const struct brt_route *r = res->route;
	struct brt_addr s = res->source;

	if (r)
		compat_answer_row(ref, res, row);
	else {
		route_of_result(q, res, &own);
		compat_row_fill(t, &own, &res->gateway, res->ifindex,
				compat_ref_luid(ref, res->ifindex), row);
	}
	if (core_addr_is_v6_loopback(&q->dst))
		s = q->dst;
	else if (core_addr_is_v4_loopback(&q->dst) && windows_loopback(t, res))
		s = loopback4();
	/* A link-local source names its own link (which may differ from
	 * the outgoing one when that link holds no address). */
	if (s.family == BRT_AF_INET6 && core_addr_is_v6_linklocal(&s))
		s.zone = s.zone ? s.zone : res->ifindex;
	else
		s.zone = 0;
	if (s.family)
		compat_inet_from_addr(&s, best);
	else
		compat_inet_zero(q->dst.family, best);
}

/* The path both forms share once the interface is known (@oif or 0). */
static DWORD resolve(const struct brt_compat_ref *ref, uint32_t oif,
		     const SOCKADDR_INET *src, const SOCKADDR_INET *dst,
		     PMIB_IPFORWARD_ROW2 row, SOCKADDR_INET *best,
		     struct brt_result *res)
{
	const brt_table *t = ref->t;
	struct brt_query q;
	DWORD rc;

	brt_query_init(&q);
	compat_addr_from_inet(dst, &q.dst);
	q.oif = oif;
	rc = apply_source(t, src, &q);
	if (!rc)
		rc = check_destination(t, &q);
	if (rc)
		return rc;
	if (!compat_default_route(t, &q, res) &&
	    brt_table_lookup(t, &q, res))
		return ERROR_INVALID_PARAMETER;
	rc = status_code(res->status);
	if (!rc)
		fill_outputs(ref, &q, res, row, best);
	return rc;
}

DWORD compat_best_route_general(const struct brt_compat_ref *ref,
				 NET_LUID *luid, NET_IFINDEX index,
				 const SOCKADDR_INET *src,
				 const SOCKADDR_INET *dst,
				 PMIB_IPFORWARD_ROW2 row, SOCKADDR_INET *best,
				 struct brt_result *res)
{
	uint32_t oif;
	DWORD rc;

	rc = compat_family_in(dst->si_family) ? NO_ERROR
					       : ERROR_INVALID_PARAMETER;
	if (!rc)
		rc = interface_user(ref->t, luid, index, &oif);
	if (!rc)
		rc = resolve(ref, oif, src, dst, row, best, res);
	if (rc)
		zero_outputs(row, best);
	return rc;
}

static bool all_zero(const uint8_t *b, size_t n)
{
	uint8_t acc = 0;

	while (n--)
		acc |= *b++;
	return !acc;
}

/* Whether apply_source() would ignore @src for a destination of @af. */
static bool source_ignored(const SOCKADDR_INET *src, ADDRESS_FAMILY af)
{
	if (!src || src->si_family != af)
		return true;	/* none, another family or no family at all */
	if (af == AF_INET)
		return all_zero((const uint8_t *)&src->Ipv4.sin_addr, 4);
	return all_zero((const uint8_t *)&src->Ipv6.sin6_addr, 16);
}

/*
 * Whether a call is the common one: no interface, no source that counts,
 * and a destination that none of the special rules of resolve() touches
 * (not unspecified, not loopback, no scope id, not link-local or
 * multicast). Then *@q is its query, exactly as resolve() would make it.
 */
static bool plain_call(const NET_LUID *luid, NET_IFINDEX index,
		       const SOCKADDR_INET *src, const SOCKADDR_INET *dst,
		       struct brt_query *q)
{
	const uint8_t *b;

	if ((luid && luid->Value) || index ||
	    !source_ignored(src, dst->si_family))
		return false;
	memset(q, 0, sizeof(*q));
	if (dst->si_family == AF_INET) {
		b = (const uint8_t *)&dst->Ipv4.sin_addr;
		q->dst.family = BRT_AF_INET;
		memcpy(q->dst.bytes, b, 4);
		return b[0] != 127 && !all_zero(b, 4);
	}
	if (dst->si_family != AF_INET6 || dst->Ipv6.sin6_scope_id)
		return false;
	b = (const uint8_t *)&dst->Ipv6.sin6_addr;
	q->dst.family = BRT_AF_INET6;
	memcpy(q->dst.bytes, b, 16);
	return b[0] != 0xff && !(b[0] == 0xfe && (b[1] & 0xc0) == 0x80) &&
	       !all_zero(b, 15) /* ::, ::1 */;
}

/*
 * The fast path: a plain call answered with a route goes straight to the
 * lookup and the outputs; everything else (and every failure, for its
 * exact code) takes compat_best_route_general, its reference.
 */
DWORD compat_best_route(const struct brt_compat_ref *ref, NET_LUID *luid,
			    NET_IFINDEX index, const SOCKADDR_INET *src,
			    const SOCKADDR_INET *dst, PMIB_IPFORWARD_ROW2 row,
			    SOCKADDR_INET *best, struct brt_result *res)
{
	struct brt_query q;

	if (plain_call(luid, index, src, dst, &q) &&
	    brt_table_lookup(ref->t, &q, res) == 0 &&
	    res->status == BRT_ROUTE_OK) {
		fill_outputs(ref, &q, res, row, best);
		return NO_ERROR;
	}
	return compat_best_route_general(ref, luid, index, src, dst, row,
					 best, res);
}

DWORD WINAPI GetBestRoute2(NET_LUID *InterfaceLuid, NET_IFINDEX InterfaceIndex,
			   const SOCKADDR_INET *SourceAddress,
			   const SOCKADDR_INET *DestinationAddress,
			   ULONG AddressSortOptions,
			   PMIB_IPFORWARD_ROW2 BestRoute,
			   SOCKADDR_INET *BestSourceAddress)
{
	struct brt_compat_ref ref;
	struct brt_result res;
	DWORD rc;

	(void)AddressSortOptions;
	/* every failure zeroes both outputs; success writes every byte */
	if (!DestinationAddress || !BestRoute || !BestSourceAddress ||
	    !compat_family_in(DestinationAddress->si_family)) {
		zero_outputs(BestRoute, BestSourceAddress);
		return ERROR_INVALID_PARAMETER;
	}
	rc = compat_acquire(&ref);
	if (rc) {
		zero_outputs(BestRoute, BestSourceAddress);
		return rc;
	}
	rc = compat_best_route(&ref, InterfaceLuid, InterfaceIndex,
				   SourceAddress, DestinationAddress, BestRoute,
				   BestSourceAddress, &res);
	compat_release(&ref);
	return rc;
}

/* Kernel mode: one interface argument is required; LUID, then index. */
static NTSTATUS interface_kernel(const brt_table *t, const NET_LUID *luid,
				 NET_IFINDEX index, uint32_t *oif)
{
	const struct brt_link *l;

	if (luid && luid->Value)
		l = compat_link_by_luid(t, luid->Value);
	else
		l = brt_table_link_by_index(t, index);
	*oif = l ? l->index : 0;
	return l ? STATUS_SUCCESS : STATUS_NOT_FOUND;
}

NTSTATUS brt_kernel_GetBestRoute2(NET_LUID *InterfaceLuid,
				  NET_IFINDEX InterfaceIndex,
				  const SOCKADDR_INET *SourceAddress,
				  const SOCKADDR_INET *DestinationAddress,
				  ULONG AddressSortOptions,
				  PMIB_IPFORWARD_ROW2 BestRoute,
				  SOCKADDR_INET *BestSourceAddress)
{
	struct brt_compat_ref ref;
	struct brt_result res;
	NTSTATUS st;
	uint32_t oif = 0;
	uint8_t family;

	(void)AddressSortOptions;
	zero_outputs(BestRoute, BestSourceAddress);
	if (!DestinationAddress || !BestRoute || !BestSourceAddress ||
	    (!(InterfaceLuid && InterfaceLuid->Value) && !InterfaceIndex) ||
	    !compat_family_in(DestinationAddress->si_family))
		return STATUS_INVALID_PARAMETER;
	if (compat_acquire(&ref))
		return STATUS_UNSUCCESSFUL;
	family = compat_family_in(DestinationAddress->si_family);
	st = interface_kernel(ref.t, InterfaceLuid, InterfaceIndex, &oif);
	if (!st && !compat_family_enabled(&ref, family))
		st = STATUS_NOT_SUPPORTED;
	if (!st)
		st = compat_ntstatus(resolve(&ref, oif, SourceAddress,
						 DestinationAddress, BestRoute,
						 BestSourceAddress, &res));
	if (st)
		zero_outputs(BestRoute, BestSourceAddress);
	compat_release(&ref);
	return st;
}
