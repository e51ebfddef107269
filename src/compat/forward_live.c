/*
 * forward_live.c - CreateIpForwardEntry2, SetIpForwardEntry2 and
 * DeleteIpForwardEntry2 on the live host, through the kernel.
 *
 * A Windows row is one next hop of a route of the main table, its Metric
 * the route's priority. Invariants:
 *  - the row is checked as on a table (shape, then the interface, against
 *    a fresh snapshot), then the kernel decides; its refusal is the code
 *    (EPERM: ERROR_ACCESS_DENIED, so lookups keep working unprivileged
 *    while edits say why they cannot);
 *  - Create appends (NLM_F_APPEND): a second next hop of a prefix and
 *    metric becomes another row, as Windows keeps one row per next hop; a
 *    row with the same prefix, next hop and interface exists already;
 *  - Set replaces the route in place (NLM_F_REPLACE) when the row is the
 *    only route of its prefix and metric and the metric stays; otherwise
 *    it removes the old next hop and appends the new row, putting the old
 *    one back if the kernel refuses the new;
 *  - Delete removes that next hop only: IPv6 removes one sibling itself;
 *    an IPv4 multipath route is replaced by its other next hops.
 *  - listeners hear of the change from the kernel (monitor.c), not here;
 *  - a write the kernel took is recorded (live_pending.c), so that the
 *    next lookups see it even before the live handle does.
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

static DWORD win32_of(int rc)
{
	switch (rc) {
	case 0: return NO_ERROR;
	case BRT_EPERM: return ERROR_ACCESS_DENIED;
	case BRT_EEXIST: return ERROR_OBJECT_ALREADY_EXISTS;
	case BRT_ENOENT: return ERROR_NOT_FOUND;
	case BRT_ENOMEM: return ERROR_NOT_ENOUGH_MEMORY;
	case BRT_EINVAL: return ERROR_INVALID_PARAMETER;
	default: return ERROR_CAN_NOT_COMPLETE;
	}
}

/* @old with only next hop @nh (copied into @one). */
static struct brt_route single(const struct brt_route *old,
			       const struct brt_nexthop *nh,
			       struct brt_nexthop *one)
{
	struct brt_route r = *old;

	*one = *nh;
	r.nh_id = 0;
	r.nh = one;
	r.nh_count = 1;
	return r;
}

/* Whether @r is the only route of its table, prefix, tos and metric. */
static bool sole_route(const brt_table *t, const struct brt_route *r)
{
	size_t i;

	for (i = 0; i < brt_table_route_count(t); i++) {
		const struct brt_route *o = brt_table_route(t, i);

		if (o != r && o->family == r->family && o->table == r->table &&
		    o->tos == r->tos && o->metric == r->metric &&
		    core_prefix_equal(&o->dst, &r->dst))
			return false;
	}
	return r->nh_count == 1 && !r->nh_id;
}

static int set_live(const brt_table *t, const MIB_IPFORWARD_ROW2 *row,
		    const struct brt_route *old, const struct brt_nexthop *oldnh)
{
	struct brt_nexthop one;
	struct brt_route was = single(old, oldnh, &one), now = was;
	int rc;

	if (row->Metric != 0xffffffffu)
		now.metric = row->Metric;
	if (now.metric == old->metric && sole_route(t, old))
		return brt_live_route_change(&now, NULL, 0);
	rc = brt_live_route_del(&was, NULL, 0);
	if (rc)
		return rc;
	rc = brt_live_route_append(&now, NULL, 0);
	if (rc)
		(void)brt_live_route_append(&was, NULL, 0);
	return rc;
}

/* An IPv4 multipath route without next hop @nh. */
static int drop_ipv4_nexthop(const struct brt_route *old,
			     const struct brt_nexthop *nh)
{
	struct brt_nexthop *rest = calloc(old->nh_count, sizeof(*rest));
	struct brt_route keep = *old;
	uint32_t i, n = 0;
	int rc;

	if (!rest)
		return BRT_ENOMEM;
	for (i = 0; i < old->nh_count; i++)
		if (old->nh[i].ifindex != nh->ifindex ||
		    !brt_addr_equal(&old->nh[i].gw, &nh->gw))
			rest[n++] = old->nh[i];
	keep.nh = rest;
	keep.nh_count = n;
	rc = brt_live_route_change(&keep, NULL, 0);
	free(rest);
	return rc;
}

static int delete_live(const struct brt_route *old,
		       const struct brt_nexthop *oldnh)
{
	struct brt_nexthop one;
	struct brt_route r = single(old, oldnh, &one);

	if (old->family == BRT_AF_INET && !old->nh_id && old->nh_count > 1)
		return drop_ipv4_nexthop(old, oldnh);
	if (old->nh_id)
		r = *old;	/* a nexthop object's route goes whole */
	return brt_live_route_del(&r, NULL, 0);
}

static int create_live(const MIB_IPFORWARD_ROW2 *row,
		       const struct brt_compat_key *key)
{
	struct brt_route r;
	struct brt_nexthop nh;

	compat_route_from_row(row, key, &r, &nh);
	return brt_live_route_append(&r, NULL, 0);
}

static DWORD apply_live(enum brt_compat_edit kind, const brt_table *t,
			const MIB_IPFORWARD_ROW2 *row,
			const struct brt_compat_key *key,
			const struct brt_route *old,
			const struct brt_nexthop *oldnh)
{
	if (kind == BRT_EDIT_CREATE)
		return old ? ERROR_OBJECT_ALREADY_EXISTS
			   : win32_of(create_live(row, key));
	if (!old)
		return ERROR_NOT_FOUND;
	if (kind == BRT_EDIT_SET)
		return win32_of(set_live(t, row, old, oldnh));
	return win32_of(delete_live(old, oldnh));
}

DWORD compat_edit_live(enum brt_compat_edit kind,
			   const MIB_IPFORWARD_ROW2 *row)
{
	struct brt_compat_key key;
	struct brt_compat_ref ref;
	const struct brt_route *old;
	const struct brt_nexthop *oldnh = NULL;
	DWORD rc = compat_row_key(NULL, row, &key);

	if (!rc)
		rc = compat_acquire_fresh(&ref);
	if (rc)
		return rc;
	rc = compat_row_key(ref.t, row, &key);
	old = rc ? NULL : compat_find_route(ref.t, &key, &oldnh);
	if (!rc)
		rc = apply_live(kind, ref.t, row, &key, old, oldnh);
	/* the next calls read snapshots until the live handle shows it */
	if (!rc)
		compat_live_wrote(kind, row, &key);
	compat_release(&ref);
	return rc;
}
