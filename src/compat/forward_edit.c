/*
 * forward_edit.c - CreateIpForwardEntry2, SetIpForwardEntry2 and
 * DeleteIpForwardEntry2 on a table.
 *
 * Invariants:
 *  - a table is immutable: an edit builds a new table from what the
 *    current one was built from (brt_builder_from_table), changes it and
 *    swaps it in whole, under the edit lock; a failed edit changes nothing;
 *  - Windows routes have one next hop: editing one next hop of a
 *    multipath route splits it, the other next hops keep their route;
 *  - listeners hear of an edit after it is in place and after the locks
 *    are released, so a callback may call any function of ours;
 *  - the live host is edited through the kernel (forward_live.c); its
 *    listeners hear of it from the kernel, not from here.
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

struct edit {
	enum brt_compat_edit kind;
	const MIB_IPFORWARD_ROW2 *row;
	struct brt_compat_key key;
	MIB_IPFORWARD_ROW2 notice;	/* the row listeners get */
};

void compat_route_from_row(const MIB_IPFORWARD_ROW2 *row,
			       const struct brt_compat_key *key,
			       struct brt_route *r, struct brt_nexthop *nh)
{
	brt_route_init(r);
	brt_nexthop_init(nh);
	r->family = key->dst.addr.family;
	r->dst = key->dst;
	r->metric = row->Metric == 0xffffffffu ? 0 : row->Metric;
	r->flags = BRT_ROUTE_F_HAS_METRIC;
	r->protocol = row->Protocol == (NL_ROUTE_PROTOCOL)-1
			      ? BRT_PROTO_STATIC
			      : compat_proto_in(row->Protocol);
	r->expires = row->ValidLifetime == 0xffffffffu ? 0 : row->ValidLifetime;
	r->scope = key->gw.family || r->family == BRT_AF_INET6
			   ? BRT_SCOPE_UNIVERSE : BRT_SCOPE_LINK;
	nh->gw = key->gw;
	nh->ifindex = key->ifindex;
	nh->weight = 1;
	r->nh = nh;
	r->nh_count = 1;
}

static int add_one(brt_builder *b, struct brt_route *r,
		   const struct brt_nexthop *nh)
{
	struct brt_route one = *r;

	one.nh = nh;
	one.nh_count = 1;
	return brt_builder_add_route(b, &one);
}

/* Remove next hop @nh of @old; its other next hops stay as a route. */
static int remove_nexthop(brt_builder *b, const struct brt_route *old,
			  const struct brt_nexthop *nh)
{
	struct brt_nexthop *rest;
	struct brt_route keep = *old;
	uint32_t i, n = 0;
	int rc = brt_builder_del_route(b, old);

	if (rc || old->nh_id || old->nh_count < 2)
		return rc;
	rest = calloc(old->nh_count, sizeof(*rest));
	if (!rest)
		return BRT_ENOMEM;
	for (i = 0; i < old->nh_count; i++)
		if (&old->nh[i] != nh)
			rest[n++] = old->nh[i];
	keep.nh = rest;
	keep.nh_count = n;
	rc = brt_builder_add_route(b, &keep);
	free(rest);
	return rc;
}

/* The change itself, on a builder holding the current table. */
static int apply(struct edit *e, brt_builder *b,
		 const struct brt_route *old, const struct brt_nexthop *oldnh)
{
	struct brt_route r;
	struct brt_nexthop nh;
	int rc = 0;

	if (e->kind != BRT_EDIT_CREATE)
		rc = remove_nexthop(b, old, oldnh);
	if (rc || e->kind == BRT_EDIT_DELETE)
		return rc;
	if (e->kind == BRT_EDIT_CREATE) {
		compat_route_from_row(e->row, &e->key, &r, &nh);
		return brt_builder_add_route(b, &r);
	}
	r = *old;	/* Set: what Windows lets a caller change */
	r.nh_id = 0;
	if (e->row->Metric != 0xffffffffu)
		r.metric = e->row->Metric;
	r.flags |= BRT_ROUTE_F_HAS_METRIC;
	r.expires = e->row->ValidLifetime == 0xffffffffu
			    ? 0 : e->row->ValidLifetime;
	nh = *oldnh;
	return add_one(b, &r, &nh);
}

static DWORD win32_of(int rc)
{
	switch (rc) {
	case 0: return NO_ERROR;
	case BRT_ENOMEM: return ERROR_NOT_ENOUGH_MEMORY;
	case BRT_EEXIST: return ERROR_OBJECT_ALREADY_EXISTS;
	case BRT_ENOENT: return ERROR_NOT_SUPPORTED;	/* a derived route */
	default: return ERROR_INVALID_PARAMETER;
	}
}

/* Build the edited table and swap it in; fills e->notice. */
static DWORD rebuild(struct edit *e, const brt_table *t,
		     const struct brt_route *old,
		     const struct brt_nexthop *oldnh)
{
	brt_builder *b = brt_builder_from_table(t);
	brt_table *nt = NULL;
	const struct brt_route *r;
	const struct brt_nexthop *nh = NULL;
	int rc;

	if (!b)
		return ERROR_NOT_ENOUGH_MEMORY;
	rc = apply(e, b, old, oldnh);
	if (!rc)
		rc = brt_builder_finish(b, &nt);
	brt_builder_destroy(b);
	if (rc)
		return win32_of(rc);
	if (e->kind != BRT_EDIT_DELETE) {
		r = compat_find_route(nt, &e->key, &nh);
		if (r)
			compat_row_from_route(nt, r, nh, &e->notice);
	}
	return win32_of(compat_swap(nt));
}

static DWORD edit_table(struct edit *e)
{
	struct brt_compat_ref ref;
	const struct brt_route *old;
	const struct brt_nexthop *oldnh = NULL;
	DWORD rc = compat_acquire(&ref);

	if (rc)
		return rc;
	rc = compat_row_key(ref.t, e->row, &e->key);
	if (!rc) {
		old = compat_find_route(ref.t, &e->key, &oldnh);
		if (e->kind == BRT_EDIT_CREATE && old)
			rc = ERROR_OBJECT_ALREADY_EXISTS;
		else if (e->kind != BRT_EDIT_CREATE && !old)
			rc = ERROR_NOT_FOUND;
		else {
			if (old)
				compat_row_from_route(ref.t, old, oldnh,
							  &e->notice);
			rc = rebuild(e, ref.t, old, oldnh);
		}
	}
	compat_release(&ref);
	return rc;
}

static DWORD edit(enum brt_compat_edit kind, const MIB_IPFORWARD_ROW2 *row)
{
	static const MIB_NOTIFICATION_TYPE what[] = {
		MibAddInstance, MibParameterNotification, MibDeleteInstance};
	struct edit e;
	int mode;
	DWORD rc;

	memset(&e, 0, sizeof(e));
	e.kind = kind;
	e.row = row;
	if (!row)
		return ERROR_INVALID_PARAMETER;
	mode = compat_mode();
	if (mode < 0)
		return ERROR_CAN_NOT_COMPLETE;
	if (mode == 0)
		return compat_edit_live(kind, row);
	compat_edit_lock();
	rc = edit_table(&e);
	compat_edit_unlock();
	if (!rc)
		compat_notify(&e.notice, what[kind]);
	return rc;
}

DWORD WINAPI CreateIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Row)
{
	return edit(BRT_EDIT_CREATE, Row);
}

DWORD WINAPI SetIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Route)
{
	return edit(BRT_EDIT_SET, Route);
}

DWORD WINAPI DeleteIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Row)
{
	return edit(BRT_EDIT_DELETE, Row);
}
