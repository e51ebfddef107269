/*
 * if_row2.c - GetIfEntry2 and GetIfTable2: a link of the table as a
 * MIB_IF_ROW2. What Linux (a table) does not carry is reported as
 * absent: no hardware address (length 0), link speeds and every counter
 * 0, media type 0; the rest follows the link: IfType from its type,
 * administrative state from "up", operational and media-connect states
 * from up and carrier, the alias and description its name, the GUIDs
 * ConvertInterfaceLuidToGuid's.
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

static void fill_row(const brt_table *t, const struct brt_link *l,
		     PMIB_IF_ROW2 row)
{
	bool up = (l->flags & BRT_LINK_F_UP) != 0;
	bool carrier = up && (l->flags & BRT_LINK_F_CARRIER);

	memset(row, 0, sizeof(*row));
	row->InterfaceLuid.Value = compat_luid_of(t, l->index);
	row->InterfaceIndex = l->index;
	compat_guid_of(l->name, &row->InterfaceGuid);
	row->NetworkGuid = row->InterfaceGuid;
	compat_widen(l->name, row->Alias, IF_MAX_STRING_SIZE + 1);
	compat_widen(l->name, row->Description, IF_MAX_STRING_SIZE + 1);
	row->Mtu = l->mtu ? l->mtu : l->type == BRT_LINK_LOOPBACK ? 65536 : 1500;
	row->Type = compat_iftype(l->type);
	row->TunnelType = l->type == BRT_LINK_TUNNEL ? TUNNEL_TYPE_OTHER
						     : TUNNEL_TYPE_NONE;
	row->AccessType = l->type == BRT_LINK_LOOPBACK ? NET_IF_ACCESS_LOOPBACK
			  : l->type == BRT_LINK_PPP || l->type == BRT_LINK_TUNNEL
				  ? NET_IF_ACCESS_POINT_TO_POINT
				  : NET_IF_ACCESS_BROADCAST;
	row->DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
	row->InterfaceAndOperStatusFlags.HardwareInterface =
		l->type == BRT_LINK_ETHERNET || l->type == BRT_LINK_WIRELESS;
	row->InterfaceAndOperStatusFlags.ConnectorPresent =
		row->InterfaceAndOperStatusFlags.HardwareInterface;
	row->InterfaceAndOperStatusFlags.NotMediaConnected = !carrier;
	row->OperStatus = carrier ? IfOperStatusUp
			  : up ? IfOperStatusLowerLayerDown : IfOperStatusDown;
	row->AdminStatus = up ? NET_IF_ADMIN_STATUS_UP : NET_IF_ADMIN_STATUS_DOWN;
	row->MediaConnectState = carrier ? MediaConnectStateConnected
					 : MediaConnectStateDisconnected;
	row->ConnectionType = NET_IF_CONNECTION_DEDICATED;
}

DWORD WINAPI GetIfEntry2(PMIB_IF_ROW2 Row)
{
	struct brt_compat_ref ref;
	const struct brt_link *l;
	DWORD rc;

	if (!Row || (!Row->InterfaceLuid.Value && !Row->InterfaceIndex))
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	l = Row->InterfaceLuid.Value
		    ? compat_link_by_luid(ref.t, Row->InterfaceLuid.Value)
		    : brt_table_link_by_index(ref.t, Row->InterfaceIndex);
	if (l)
		fill_row(ref.t, l, Row);
	compat_release(&ref);
	return l ? NO_ERROR : ERROR_FILE_NOT_FOUND;
}

DWORD WINAPI GetIfTable2(PMIB_IF_TABLE2 *Table)
{
	struct brt_compat_ref ref;
	PMIB_IF_TABLE2 tab;
	size_t i, n;
	DWORD rc;

	if (!Table)
		return ERROR_INVALID_PARAMETER;
	*Table = NULL;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	n = brt_table_link_count(ref.t);
	tab = calloc(1, offsetof(MIB_IF_TABLE2, Table) +
				(n ? n : 1) * sizeof(MIB_IF_ROW2));
	if (tab) {
		for (i = 0; i < n; i++)
			fill_row(ref.t, brt_table_link(ref.t, i), &tab->Table[i]);
		tab->NumEntries = (ULONG)n;
	}
	compat_release(&ref);
	*Table = tab;
	return tab ? NO_ERROR : ERROR_NOT_ENOUGH_MEMORY;
}
