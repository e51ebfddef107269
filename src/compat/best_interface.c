/*
 * best_interface.c - GetBestInterfaceEx, GetBestInterface and GetBestRoute,
 * the first-generation functions, on top of the same lookup as
 * GetBestRoute2.
 *
 * A caller's sockaddr is read by its family: an AF_INET one is a 16-byte
 * sockaddr_in (callers pass exactly that much), so nothing past it is
 * touched, and junk in its port and sin_zero does not matter.
 */
#include <string.h>

#include "compat.h"

/* The destination as a SOCKADDR_INET, reading no more than its family's. */
static DWORD read_dest(const struct sockaddr *sa, SOCKADDR_INET *dst)
{
	memset(dst, 0, sizeof(*dst));
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;

		dst->Ipv4.sin_family = AF_INET;
		dst->Ipv4.sin_addr = in->sin_addr;
		return NO_ERROR;
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 =
			(const struct sockaddr_in6 *)sa;

		dst->Ipv6.sin6_family = AF_INET6;
		dst->Ipv6.sin6_addr = in6->sin6_addr;
		dst->Ipv6.sin6_scope_id = in6->sin6_scope_id;
		return NO_ERROR;
	}
	return ERROR_INVALID_PARAMETER;
}

static bool bad_scope(const SOCKADDR_INET *dst)
{
	struct brt_addr a;

	compat_addr_from_inet(dst, &a);
	return a.zone && !core_addr_is_v6_linklocal(&a) &&
	       !core_addr_is_v6_multicast(&a);
}

DWORD WINAPI GetBestInterfaceEx(struct sockaddr *pDestAddr,
				PDWORD pdwBestIfIndex)
{
	struct brt_compat_ref ref;
	struct brt_result res;
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET dst, best;
	DWORD rc;

	if (!pDestAddr || !pdwBestIfIndex)
		return ERROR_INVALID_PARAMETER;
	rc = read_dest(pDestAddr, &dst);
	if (rc || bad_scope(&dst))
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	if (!compat_family_enabled(&ref,
				       compat_family_in(dst.si_family)))
		rc = ERROR_NOT_SUPPORTED;
	else
		rc = compat_best_route(&ref, NULL, 0, NULL, &dst, &row,
					   &best, &res);
	if (!rc)
		*pdwBestIfIndex = row.InterfaceIndex;
	compat_release(&ref);
	return rc;
}

DWORD WINAPI GetBestInterface(IPAddr dwDestAddr, PDWORD pdwBestIfIndex)
{
	struct sockaddr_in in;

	if (!pdwBestIfIndex)
		return ERROR_INVALID_PARAMETER;
	memset(&in, 0, sizeof(in));
	in.sin_family = AF_INET;
	in.sin_addr.s_addr = dwDestAddr;
	return GetBestInterfaceEx((struct sockaddr *)&in, pdwBestIfIndex);
}

DWORD WINAPI GetBestRoute(DWORD dwDestAddr, DWORD dwSourceAddr,
			  PMIB_IPFORWARDROW pBestRoute)
{
	struct brt_compat_ref ref;
	struct brt_result res;
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET dst, src, best;
	DWORD rc;

	if (!pBestRoute)
		return ERROR_INVALID_PARAMETER;
	memset(pBestRoute, 0, sizeof(*pBestRoute));
	compat_inet_zero(BRT_AF_INET, &dst);
	compat_inet_zero(BRT_AF_INET, &src);
	dst.Ipv4.sin_addr.s_addr = dwDestAddr;
	src.Ipv4.sin_addr.s_addr = dwSourceAddr;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	rc = compat_best_route(&ref, NULL, 0, &src, &dst, &row, &best,
				   &res);
	if (!rc)
		compat_v1_from_row(ref.t, &row, &best, pBestRoute);
	compat_release(&ref);
	return rc;
}
