/*
 * compat.h - what the Windows API files share (not installed).
 *
 * Every public function is written once, returning a Win32 code; the
 * kernel-mode forms translate that code with compat_ntstatus(), except
 * GetBestRoute2, whose kernel form has rules of its own (best_route2.c).
 */
#ifndef BRT_COMPAT_H
#define BRT_COMPAT_H

#include <stdbool.h>

/* Windows mode of the compat headers (see ws2def.h): the library sees
 * the very types its callers see. No min/max macros in our code. */
#define NOMINMAX
#include "bestroute/compat/winsock2.h"
#include "bestroute/compat/iphlpapi.h"
#include "bestroute/compat/netioapi.h"
#include "model/model.h"

/* ------------------------------------------------------- table_source.c */

/* Per-table facts the lookups use on every call, computed once per table
 * (table_source.c keeps them beside each table version): the LUID of
 * every link of a small index (0: no such link), and, when the table's
 * routes sit in one array, each route's row protocol (NL_ROUTE_PROTOCOL;
 * COMPAT_CLASS_READ for a route whose row needs the route itself, one
 * that expires), so that an answer's row is written without reading its
 * route record - a cache miss on a big table, costlier than the lookup. */
#define COMPAT_DIRECT_LINKS 128
#define COMPAT_CLASS_READ 0xff
struct compat_links {
	uint64_t luid[COMPAT_DIRECT_LINKS];
	const struct brt_route *routes;	/* the array, or NULL */
	size_t n_routes;
	uint8_t *route_class;		/* one per route, owned, or NULL */
};

/* A table in use by one call; release it with compat_release(). */
struct brt_compat_ref {
	const brt_table *t;
	void *holder;		/* a counted holder of a nested call, or NULL */
	brt_table *owned;	/* a snapshot of the live host, or NULL */
	bool live;		/* the live host (read-only) */
	const struct compat_links *links;	/* @t's, or NULL */
};

/* The table to answer from: 0 or ERROR_CAN_NOT_COMPLETE. */
DWORD compat_acquire(struct brt_compat_ref *ref);
void compat_release(struct brt_compat_ref *ref);
/* compat_acquire, but the live host is read afresh (a snapshot): for
 * writes, which check a row against the host as it is now, and for the
 * notifications, which compare the host with what it was at a kernel
 * event the live handle may not have applied yet. */
DWORD compat_acquire_fresh(struct brt_compat_ref *ref);
/* Whether the functions answer for the live host (0), a table (1), or
 * cannot answer (-1: the table failed to load). */
int compat_mode(void);
/* Serialise edits: between lock and unlock the table cannot change. */
void compat_edit_lock(void);
void compat_edit_unlock(void);
/* Replace the table by @t (taking ownership). Call under the edit lock.
 * Returns 0 or BRT_ENOMEM (then @t is freed and nothing changed). */
int compat_swap(brt_table *t);

/* ------------------------------------------------------- live_pending.c */

/* Whether a route write of this process may be missing from @t, the live
 * handle's newest version (then the caller reads a snapshot instead).
 * Writes @t shows are forgotten; so are those older than a second (the
 * host may have undone them). One atomic load when none is recorded. */
bool compat_live_pending(const brt_table *t);
struct brt_compat_key;
/* Record a route write the kernel accepted (the row and its key). */
void compat_live_wrote(int kind, const MIB_IPFORWARD_ROW2 *row,
		       const struct brt_compat_key *key);

/* --------------------------------------------------------------- luid.c */

/* The LUID of a link of @t (0 when @index is no link). */
uint64_t compat_luid_of(const brt_table *t, uint32_t index);
/* @t's per-table facts into @c (see struct compat_links); the route
 * classes only @with_routes (and when memory allows: they are optional).
 * compat_links_free frees what the build allocated. */
void compat_links_build(const brt_table *t, struct compat_links *c,
			bool with_routes);
void compat_links_free(struct compat_links *c);
/* compat_luid_of(@ref's table, @index), from the precomputed LUIDs when
 * @ref has them and @index is small (inline: every answer row asks). */
static inline uint64_t compat_ref_luid(const struct brt_compat_ref *ref,
				       uint32_t index)
{
	if (ref->links && index < COMPAT_DIRECT_LINKS)
		return ref->links->luid[index];
	return compat_luid_of(ref->t, index);
}
/* The link a LUID names in @t, or NULL. */
const struct brt_link *compat_link_by_luid(const brt_table *t,
					       uint64_t luid);
/* The link of *@luid with the table acquired into @ref: NO_ERROR with *@l
 * set (the caller releases @ref), or a Win32 code with nothing held
 * (ERROR_FILE_NOT_FOUND for an unknown LUID). */
/* The rows of @family (AF_INET or AF_INET6) of @ref's table written into
 * @out when it is not NULL (an array of the table's row type); their
 * number. */
typedef ULONG (*compat_rows_fn)(const struct brt_compat_ref *ref,
				ADDRESS_FAMILY family, void *out);
/* A new MIB table (mib_table.c) of @family's rows (AF_UNSPEC: IPv4 then
 * IPv6) in *@out, rows at @table_off of @row_size bytes, from the table
 * of the current mode: NO_ERROR, ERROR_INVALID_PARAMETER (another
 * family), ERROR_NOT_ENOUGH_MEMORY or compat_acquire's error (*@out NULL). */
DWORD compat_mib_table(ADDRESS_FAMILY family, size_t table_off,
		       size_t row_size, compat_rows_fn rows, void **out);
DWORD compat_link_of_luid(const NET_LUID *luid, struct brt_compat_ref *ref,
			  const struct brt_link **l);
/* The IF_TYPE of a link type. */
uint16_t compat_iftype(uint8_t link_type);

/* ------------------------------------------------------------ wstring.c */

/* @w (NUL-terminated, 16-bit) as ASCII into @out of @len bytes: the
 * length, or -1 for a character above 0x7e or a string too long. */
int compat_narrow(const WCHAR *w, char *out, size_t len);
/* @s into @out of @len characters: the length, or -1 (too long). */
int compat_widen(const char *s, WCHAR *out, size_t len);

/* ------------------------------------------------------- convert_names.c */

/* The GUID of the interface named @name (the same for the same name). */
void compat_guid_of(const char *name, GUID *g);

/* ------------------------------------------------------------- errors.c */

NTSTATUS compat_ntstatus(DWORD win32);

/* ----------------------------------------------------------- sockaddr.c */

/* A brt_addr from a SOCKADDR_INET of AF_INET/AF_INET6 (false otherwise). */
bool compat_addr_from_inet(const SOCKADDR_INET *s, struct brt_addr *a);
/* The whole 28 bytes of @s from @a (zone becomes the scope id). */
void compat_inet_from_addr(const struct brt_addr *a, SOCKADDR_INET *s);
/* All-zero SOCKADDR_INET of a family. */
void compat_inet_zero(uint8_t family, SOCKADDR_INET *s);
/* Host family numbers to ours and back (inline: the answer path's). */
static inline uint8_t compat_family_in(unsigned af)
{
	return af == AF_INET ? BRT_AF_INET : af == AF_INET6 ? BRT_AF_INET6 : 0;
}

static inline unsigned compat_family_out(uint8_t family)
{
	return family == BRT_AF_INET ? AF_INET
	       : family == BRT_AF_INET6 ? AF_INET6 : AF_UNSPEC;
}
/* Whether an address is one of the host's (any link when ifindex is 0);
 * on success *@owner is the link holding it. */
bool compat_is_local(const brt_table *t, const struct brt_addr *a,
			 uint32_t *owner);
/* Whether link @l has family @family enabled. */
bool compat_link_has_family(const brt_table *t, const struct brt_link *l,
				uint8_t family);
/* Whether the family has a stack: a link of the table with it enabled
 * (and, on the live host, the kernel's IPv6 at all). */
bool compat_family_enabled(const struct brt_compat_ref *ref,
			       uint8_t family);

/* ---------------------------------------------------------- route_row.c */

/* A MIB_IPFORWARD_ROW2 for next hop @nh of route @r. */
void compat_row_from_route(const brt_table *t, const struct brt_route *r,
			       const struct brt_nexthop *nh,
			       MIB_IPFORWARD_ROW2 *row);
/* The same for next hop @gw (NULL or another family: on-link) on link
 * @ifindex of LUID @luid (the caller's compat_luid_of or
 * compat_ref_luid): the answer path, which knows them already. */
void compat_row_fill(const brt_table *t, const struct brt_route *r,
		     const struct brt_addr *gw, uint32_t ifindex, uint64_t luid,
		     MIB_IPFORWARD_ROW2 *row);
/* The row of an answer (@res with a route and a prefix) of @ref's table:
 * compat_row_fill's row for the answer's route and next hop, written from
 * the answer and the table's route classes when it has them. */
void compat_answer_row(const struct brt_compat_ref *ref,
		       const struct brt_result *res, MIB_IPFORWARD_ROW2 *row);
/* Protocol and origin of a Linux route protocol. */
NL_ROUTE_PROTOCOL compat_protocol(uint8_t proto);
NL_ROUTE_ORIGIN compat_origin(uint8_t proto);
/* The Linux protocol for a Windows one (for routes created by callers). */
uint8_t compat_proto_in(NL_ROUTE_PROTOCOL p);
/* Whether route @r leads to one of the host's own addresses. */
bool compat_route_is_loopback(const brt_table *t,
				  const struct brt_route *r);

/* ------------------------------------------------------ forward_match.c */

/* A caller's row, checked and translated: what identifies a route. */
struct brt_compat_key {
	struct brt_prefix dst;
	struct brt_addr gw;		/* family 0 when on-link */
	uint32_t ifindex;
};

/* Check a row as Create/Set/Delete/GetIpForwardEntry2 do (87, 1168) and
 * fill @key. With @t NULL only the row's own shape is checked. */
DWORD compat_row_key(const brt_table *t, const MIB_IPFORWARD_ROW2 *row,
			 struct brt_compat_key *key);
/* The route of the main or local table with that key, and its next hop;
 * NULL when there is none. */
const struct brt_route *compat_find_route(const brt_table *t,
					      const struct brt_compat_key *key,
					      const struct brt_nexthop **nh);
/* Whether a route is one GetIpForwardTable2 lists. */
bool compat_route_listed(const brt_table *t, const struct brt_route *r);

/* ------------------------------------------- forward_edit.c, forward_live.c */

enum brt_compat_edit { BRT_EDIT_CREATE, BRT_EDIT_SET, BRT_EDIT_DELETE };

/* The route a caller's checked row describes, its one next hop in @nh. */
void compat_route_from_row(const MIB_IPFORWARD_ROW2 *row,
			       const struct brt_compat_key *key,
			       struct brt_route *r, struct brt_nexthop *nh);
/* Create/Set/Delete on the live host, through the kernel: a Win32 code. */
DWORD compat_edit_live(enum brt_compat_edit kind,
			   const MIB_IPFORWARD_ROW2 *row);

/* ---------------------------------------------------- notify_registry.c */

enum { COMPAT_REG_ROUTE, COMPAT_REG_INTERFACE, COMPAT_REG_ADDRESS };

/* One registration of NotifyRouteChange2, NotifyIpInterfaceChange or
 * NotifyUnicastIpAddressChange; its HANDLE is its address. */
struct compat_reg {
	struct compat_reg *next;
	int kind;			/* COMPAT_REG_* */
	ADDRESS_FAMILY family;		/* AF_UNSPEC for both */
	void (*cb)(void);		/* the caller's callback, as its kind's */
	/* calls cb with a copy of @row (or NULL) as its kind's row type */
	void (*call)(const struct compat_reg *g, const void *row,
		     MIB_NOTIFICATION_TYPE type);
	PVOID ctx;
	unsigned busy;			/* deliveries under way */
	bool cancelled;
	bool orphan;			/* cancelled from its own callback */
	brt_live_monitor *mon;		/* live host: the kernel's changes */
	void *state;			/* live host: the kind's own picture */
	void (*free_state)(void *state);	/* or NULL */
};

/* A registration of @kind (busy once when @initial), not yet listed:
 * the caller sets cb, call and the live monitor, then compat_reg_add,
 * or compat_reg_free on failure. NULL when out of memory. */
struct compat_reg *compat_reg_new(int kind, ADDRESS_FAMILY family,
				  PVOID ctx, BOOLEAN initial);
void compat_reg_free(struct compat_reg *g);
/* List @g, give its handle, run the initial notification if asked. */
void compat_reg_add(struct compat_reg *g, BOOLEAN initial, HANDLE *handle);
/* A registration kept alive (busy) across deliveries; false when it is
 * cancelled. Each hold is ended by one release, which may free it. */
bool compat_reg_hold(struct compat_reg *g);
void compat_reg_release(struct compat_reg *g);
/* @row to @g alone (held by the caller) if it wants @family (AF_UNSPEC:
 * any). */
void compat_reg_deliver(struct compat_reg *g, ADDRESS_FAMILY family,
			const void *row, MIB_NOTIFICATION_TYPE type);
/* @row to every registration of @kind that wants @family. */
void compat_reg_broadcast(int kind, ADDRESS_FAMILY family, const void *row,
			  MIB_NOTIFICATION_TYPE type);

/* ----------------------------------------------- notify.c, notify_live.c */

/* The monitor callback of a live route registration (notify_live.c). */
void compat_notify_live(void *ctx, int event, const struct brt_route *r);
/* Tell every route registration of the row's family about @row. */
void compat_notify(const MIB_IPFORWARD_ROW2 *row,
		   MIB_NOTIFICATION_TYPE type);

/* ------------------------------------------------------ forward_table.c */

/* The rows GetIpForwardTable2 lists for @family, in one allocation
 * (FreeMibTable): 0 or ERROR_NOT_ENOUGH_MEMORY. */
DWORD compat_forward_rows(const brt_table *t, ADDRESS_FAMILY family,
			      PMIB_IPFORWARD_TABLE2 *table);

/* --------------------------------------------------------- forward_v1.c */

/* The first-generation row of IPv4 row @row. A direct route's next hop
 * is the interface's own address: @best when given (GetBestRoute's
 * source), else the link's address in the prefix, else its first. */
void compat_v1_from_row(const brt_table *t, const MIB_IPFORWARD_ROW2 *row,
			    const SOCKADDR_INET *best, PMIB_IPFORWARDROW out);

/* ------------------------------------------------------- default_route.c */

/* When @q asks for the unspecified address (0.0.0.0, ::): the best route
 * of prefix length 0 into @res, and true; false when there is none (the
 * ordinary lookup answers then). */
bool compat_default_route(const brt_table *t, const struct brt_query *q,
			      struct brt_result *res);

/* ---------------------------------- ip_interface.c, unicast_address.c */

/* The row of link @l for @family (@live: the live host's conventions). */
void compat_interface_row(const brt_table *t, bool live,
			      const struct brt_link *l, ADDRESS_FAMILY family,
			      PMIB_IPINTERFACE_ROW row);
/* The row of address @x. */
void compat_unicast_row(const brt_table *t, const struct brt_address *x,
			    PMIB_UNICASTIPADDRESS_ROW row);

/* ----------------------------------------------------------- notify_if.c */

/* Tell the interface listeners of @row's family that it changed. */
void compat_notify_interface(const MIB_IPINTERFACE_ROW *row);

/* ------------------------------------------------------ notify_if_live.c */

/* The live host's interface and address changes for registration @reg:
 * a first picture now, then a kernel monitor. @state and @mon are
 * the registration's (the registry stops the monitor and frees the
 * picture with compat_if_live_free). Returns 0 or
 * ERROR_CAN_NOT_COMPLETE / ERROR_NOT_ENOUGH_MEMORY. */
DWORD compat_if_live_start(struct compat_reg *reg, void **state,
			   brt_live_monitor **mon);
/* Free the picture (once the monitor is stopped and idle). */
void compat_if_live_free(void *state);

/* ---------------------------------------------------------- best_route2.c */

/* The user-mode lookup behind GetBestRoute2 and GetBestRoute on @ref's
 * table: a Win32 code; on success *@res holds the answer and @row/@best
 * are filled, on failure both are zeroed. */
DWORD compat_best_route(const struct brt_compat_ref *ref, NET_LUID *luid,
			    NET_IFINDEX index, const SOCKADDR_INET *src,
			    const SOCKADDR_INET *dst, PMIB_IPFORWARD_ROW2 row,
			    SOCKADDR_INET *best, struct brt_result *res);
/* The same by the general path alone: the reference the fast path of
 * compat_best_route (plain calls) is tested against. */
DWORD compat_best_route_general(const struct brt_compat_ref *ref,
				 NET_LUID *luid, NET_IFINDEX index,
				 const SOCKADDR_INET *src,
				 const SOCKADDR_INET *dst,
				 PMIB_IPFORWARD_ROW2 row, SOCKADDR_INET *best,
				 struct brt_result *res);

#endif /* BRT_COMPAT_H */
