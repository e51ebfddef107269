/*
 * ip_interface_set.c - SetIpInterfaceEntry: the interface metric of a
 * table's link (Metric, or 0 with UseAutomaticMetric: a table has no
 * automatic metric to fall back on, so the table's own stays).
 *
 * As for route edits, the new table is built from the current one and
 * swapped in whole under the edit lock; a failure changes nothing. The
 * live host has no interface metric: asking for anything but what it has
 * (0, automatic) there is ERROR_NOT_SUPPORTED. A change is notified to
 * NotifyIpInterfaceChange's listeners (notify_if.c) once it is in place.
 */
#include <string.h>

#include "builder/builder_read.h"
#include "compat.h"

static DWORD check(const MIB_IPINTERFACE_ROW *row)
{
	if (!row || (row->Family != AF_INET && row->Family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	/* Windows refuses an IPv4 site prefix (programs set it to 0). */
	if (row->Family == AF_INET && row->SitePrefixLength &&
	    row->SitePrefixLength != 0xffffffffu)
		return ERROR_INVALID_PARAMETER;
	if (row->Family == AF_INET6 && row->SitePrefixLength > 128 &&
	    row->SitePrefixLength != 0xffffffffu)
		return ERROR_INVALID_PARAMETER;
	return NO_ERROR;
}

static DWORD set_table(const brt_table *t, const struct brt_link *l,
		       uint32_t metric)
{
	brt_builder *b = brt_builder_from_table(t);
	brt_table *nt = NULL;
	int rc;

	if (!b)
		return ERROR_NOT_ENOUGH_MEMORY;
	rc = core_bld_set_link_metric(b, l->index, metric);
	if (!rc)
		rc = brt_builder_finish(b, &nt);
	brt_builder_destroy(b);
	if (!rc)
		rc = compat_swap(nt);
	return rc == BRT_ENOMEM ? ERROR_NOT_ENOUGH_MEMORY
	       : rc ? ERROR_CAN_NOT_COMPLETE : NO_ERROR;
}

static DWORD apply(const struct brt_compat_ref *ref,
		   const MIB_IPINTERFACE_ROW *row, bool *changed)
{
	MIB_IPINTERFACE_ROW cur = *row;
	const struct brt_link *l;
	uint32_t metric;

	if (GetIpInterfaceEntry(&cur))
		return ERROR_NOT_FOUND;
	l = brt_table_link_by_index(ref->t, cur.InterfaceIndex);
	if (!l)
		return ERROR_NOT_FOUND;
	metric = row->UseAutomaticMetric || row->Metric == 0xffffffffu
			 ? l->metric : row->Metric;
	if (metric == l->metric)
		return NO_ERROR;
	if (ref->live)
		return ERROR_NOT_SUPPORTED;
	*changed = true;
	return set_table(ref->t, l, metric);
}

DWORD WINAPI SetIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row)
{
	struct brt_compat_ref ref;
	MIB_IPINTERFACE_ROW now;
	bool changed = false;
	DWORD rc = check(Row);

	if (rc)
		return rc;
	compat_edit_lock();
	rc = compat_acquire(&ref);
	if (!rc) {
		rc = apply(&ref, Row, &changed);
		compat_release(&ref);
	}
	compat_edit_unlock();
	/* Listeners hear of it once it is in place, with no lock held. */
	now = *Row;
	if (!rc && changed && GetIpInterfaceEntry(&now) == NO_ERROR)
		compat_notify_interface(&now);
	return rc;
}
