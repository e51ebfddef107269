/*
 * notify_if_live.c - the live host's interface and address changes for
 * NotifyIpInterfaceChange / NotifyUnicastIpAddressChange registrations.
 *
 * A watch of the kernel's route, address and link changes is the
 * trigger (routes alone are not enough: a kernel need not announce the
 * local routes an address takes with it): on each of its events (and
 * when it lost some) a fresh snapshot is compared with the picture kept
 * from the last one. Invariants:
 *  - an address that appeared is MibAddInstance, one gone
 *    MibDeleteInstance (its row then has the address and interface only);
 *  - an interface (link and family) that appeared is MibAddInstance, one
 *    gone MibDeleteInstance, one whose Connected, NlMtu or Metric changed
 *    MibParameterNotification;
 *  - the registration is held while it is told, so a callback that
 *    cancels it does not free it under the rows still to deliver; the
 *    picture is only touched by the monitor's one thread after start.
 * A change the kernel announces as none of these objects is seen with
 * the next event, not at once.
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

struct seen_if {
	uint32_t ifindex;
	ADDRESS_FAMILY family;
	BOOLEAN connected;
	ULONG mtu, metric;
};

struct seen_addr {
	struct brt_addr addr;
	uint32_t ifindex;
};

struct picture {
	struct seen_if *ifs;
	size_t n_ifs;
	struct seen_addr *addrs;
	size_t n_addrs;
};

static void picture_clear(struct picture *p)
{
	free(p->ifs);
	free(p->addrs);
	memset(p, 0, sizeof(*p));
}

/* What @t shows: interfaces (per enabled family) and addresses. */
static bool picture_take(const brt_table *t, struct picture *p)
{
	size_t i, nl = brt_table_link_count(t), na = brt_table_address_count(t);
	static const ADDRESS_FAMILY fams[] = {AF_INET, AF_INET6};
	int f;

	memset(p, 0, sizeof(*p));
	p->ifs = calloc(nl * 2 + 1, sizeof(*p->ifs));
	p->addrs = calloc(na + 1, sizeof(*p->addrs));
	if (!p->ifs || !p->addrs) {
		picture_clear(p);
		return false;
	}
	for (i = 0; i < nl; i++)
		for (f = 0; f < 2; f++) {
			const struct brt_link *l = brt_table_link(t, i);
			MIB_IPINTERFACE_ROW row;

			if (!compat_link_has_family(t, l,
							compat_family_in(fams[f])))
				continue;
			compat_interface_row(t, true, l, fams[f], &row);
			p->ifs[p->n_ifs++] = (struct seen_if){
				l->index, fams[f], row.Connected, row.NlMtu,
				row.Metric};
		}
	for (i = 0; i < na; i++) {
		const struct brt_address *a = brt_table_address(t, i);

		p->addrs[p->n_addrs].addr = a->addr;
		p->addrs[p->n_addrs++].ifindex = a->ifindex;
	}
	return true;
}

static const struct seen_if *find_if(const struct picture *p,
				     const struct seen_if *x)
{
	size_t i;

	for (i = 0; i < p->n_ifs; i++)
		if (p->ifs[i].ifindex == x->ifindex &&
		    p->ifs[i].family == x->family)
			return &p->ifs[i];
	return NULL;
}

static bool has_addr(const struct picture *p, const struct seen_addr *x)
{
	size_t i;

	for (i = 0; i < p->n_addrs; i++)
		if (p->addrs[i].ifindex == x->ifindex &&
		    brt_addr_equal(&p->addrs[i].addr, &x->addr))
			return true;
	return false;
}

static bool family_wanted(ADDRESS_FAMILY want, ADDRESS_FAMILY f)
{
	return want == AF_UNSPEC || want == f;
}

static void tell_interfaces(struct compat_reg *reg, ADDRESS_FAMILY want, const brt_table *t,
			    const struct picture *was, const struct picture *now)
{
	MIB_IPINTERFACE_ROW row;
	size_t i;

	for (i = 0; i < now->n_ifs; i++) {
		const struct seen_if *x = &now->ifs[i], *o = find_if(was, x);
		const struct brt_link *l;

		if (!family_wanted(want, x->family) ||
		    (o && o->connected == x->connected && o->mtu == x->mtu &&
		     o->metric == x->metric))
			continue;
		l = brt_table_link_by_index(t, x->ifindex);
		compat_interface_row(t, true, l, x->family, &row);
		compat_reg_deliver(reg, AF_UNSPEC, &row,
				      o ? MibParameterNotification : MibAddInstance);
	}
	for (i = 0; i < was->n_ifs; i++) {
		const struct seen_if *x = &was->ifs[i];

		if (!family_wanted(want, x->family) || find_if(now, x))
			continue;
		memset(&row, 0, sizeof(row));
		row.Family = x->family;
		row.InterfaceIndex = x->ifindex;
		compat_reg_deliver(reg, AF_UNSPEC, &row, MibDeleteInstance);
	}
}

static void tell_addresses(struct compat_reg *reg, ADDRESS_FAMILY want, const brt_table *t,
			   const struct picture *was, const struct picture *now)
{
	MIB_UNICASTIPADDRESS_ROW row;
	size_t i, n = brt_table_address_count(t);

	for (i = 0; i < n; i++) {
		const struct brt_address *a = brt_table_address(t, i);
		struct seen_addr x = {a->addr, a->ifindex};

		if (!family_wanted(want, (ADDRESS_FAMILY)compat_family_out(
						 a->addr.family)) ||
		    has_addr(was, &x))
			continue;
		compat_unicast_row(t, a, &row);
		compat_reg_deliver(reg, AF_UNSPEC, &row, MibAddInstance);
	}
	for (i = 0; i < was->n_addrs; i++) {
		const struct seen_addr *x = &was->addrs[i];
		struct brt_addr a = x->addr;

		if (!family_wanted(want, (ADDRESS_FAMILY)compat_family_out(
						 a.family)) ||
		    has_addr(now, x))
			continue;
		memset(&row, 0, sizeof(row));
		a.zone = core_addr_is_v6_linklocal(&a) ? x->ifindex : 0;
		compat_inet_from_addr(&a, &row.Address);
		row.InterfaceIndex = x->ifindex;
		compat_reg_deliver(reg, AF_UNSPEC, &row, MibDeleteInstance);
	}
}

struct live_state {
	struct compat_reg *reg;
	struct picture was;
};

/* The watch's callback: compare, tell, keep the new picture. */
static void on_change(void *ctx, const struct brt_live_change *c)
{
	struct live_state *st = (struct live_state *)ctx;
	struct brt_compat_ref ref;
	struct picture now;
	ADDRESS_FAMILY want;

	(void)c;
	if (!compat_reg_hold(st->reg))
		return;
	if (compat_acquire_fresh(&ref) == NO_ERROR) {
		if (picture_take(ref.t, &now)) {
			want = st->reg->family;
			if (st->reg->kind == COMPAT_REG_INTERFACE)
				tell_interfaces(st->reg, want, ref.t, &st->was, &now);
			else
				tell_addresses(st->reg, want, ref.t, &st->was, &now);
			picture_clear(&st->was);
			st->was = now;
		}
		compat_release(&ref);
	}
	compat_reg_release(st->reg);
}

DWORD compat_if_live_start(struct compat_reg *reg, void **state,
			   brt_live_monitor **mon)
{
	struct live_state *st = (struct live_state *)calloc(1, sizeof(*st));
	struct brt_compat_ref ref;
	DWORD rc;

	*state = NULL;
	*mon = NULL;
	if (!st)
		return ERROR_NOT_ENOUGH_MEMORY;
	st->reg = reg;
	rc = compat_acquire_fresh(&ref);
	if (!rc) {
		if (!picture_take(ref.t, &st->was))
			rc = ERROR_NOT_ENOUGH_MEMORY;
		compat_release(&ref);
	}
	if (!rc && brt_live_watch_start(mon, BRT_LIVE_OBJ_ROUTE |
					BRT_LIVE_OBJ_ADDRESS | BRT_LIVE_OBJ_LINK,
					on_change, st, NULL, 0))
		rc = ERROR_CAN_NOT_COMPLETE;
	if (rc) {
		picture_clear(&st->was);
		free(st);
		return rc;
	}
	*state = st;
	return NO_ERROR;
}

void compat_if_live_free(void *state)
{
	struct live_state *st = (struct live_state *)state;

	if (!st)
		return;
	picture_clear(&st->was);
	free(st);
}
