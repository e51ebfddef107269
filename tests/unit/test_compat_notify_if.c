/*
 * test_compat_notify_if.c - NotifyUnicastIpAddressChange and
 * NotifyIpInterfaceChange on the live host, in a network namespace of
 * our own: an address added and removed with `ip addr` reaches the
 * address listener as MibAddInstance and MibDeleteInstance with that
 * address and interface, a link set down reaches the interface listener
 * as MibParameterNotification with Connected FALSE, and nothing arrives
 * after CancelMibChangeNotify2. Skips (77) when not root or without
 * network namespaces.
 */
#include <stdatomic.h>
#include <unistd.h>

#include "compat_testutil.h"

static char ns[64];
static uint32_t va_index;

struct watch {
	atomic_int adds, dels, params, down;
	atomic_uint last_index;
	uint8_t want[4];
};

static VOID WINAPI on_address(PVOID ctx, PMIB_UNICASTIPADDRESS_ROW row,
			      MIB_NOTIFICATION_TYPE type)
{
	struct watch *w = ctx;

	if (!row || row->Address.si_family != AF_INET ||
	    memcmp(&row->Address.Ipv4.sin_addr, w->want, 4))
		return;
	atomic_store(&w->last_index, row->InterfaceIndex);
	if (type == MibAddInstance)
		atomic_fetch_add(&w->adds, 1);
	else if (type == MibDeleteInstance)
		atomic_fetch_add(&w->dels, 1);
}

static VOID WINAPI on_interface(PVOID ctx, PMIB_IPINTERFACE_ROW row,
				MIB_NOTIFICATION_TYPE type)
{
	struct watch *w = ctx;

	if (!row || row->InterfaceIndex != va_index ||
	    type != MibParameterNotification)
		return;
	atomic_fetch_add(&w->params, 1);
	if (!row->Connected)
		atomic_fetch_add(&w->down, 1);
}

static void wait_for(atomic_int *v, int n)
{
	int i;

	for (i = 0; i < 300 && atomic_load(v) < n; i++)
		usleep(10000);
}

static void live_changes(void **state)
{
	struct watch w;
	HANDLE ah = NULL, ih = NULL;

	(void)state;
	memset(&w, 0, sizeof(w));
	inet_pton(AF_INET, "10.9.0.77", w.want);
	assert_int_equal(brt_compat_use_table(""), 0);
	assert_int_equal(NotifyUnicastIpAddressChange(AF_INET, on_address, &w,
						      FALSE, &ah), NO_ERROR);
	assert_int_equal(NotifyIpInterfaceChange(AF_INET, on_interface, &w,
						 FALSE, &ih), NO_ERROR);
	assert_int_equal(tu_sh("ip addr add 10.9.0.77/24 dev va"), 0);
	wait_for(&w.adds, 1);
	assert_int_equal(atomic_load(&w.adds), 1);
	assert_int_equal(atomic_load(&w.last_index), va_index);
	assert_int_equal(tu_sh("ip addr del 10.9.0.77/24 dev va"), 0);
	wait_for(&w.dels, 1);
	assert_int_equal(atomic_load(&w.dels), 1);
	assert_int_equal(tu_sh("ip link set va down"), 0);
	wait_for(&w.down, 1);
	assert_int_equal(atomic_load(&w.down), 1);
	assert_int_equal(CancelMibChangeNotify2(ah), NO_ERROR);
	assert_int_equal(CancelMibChangeNotify2(ih), NO_ERROR);
	assert_int_equal(tu_sh("ip link set va up && ip addr add 10.9.0.77/24 dev va"), 0);
	usleep(300000);
	assert_int_equal(atomic_load(&w.adds), 1);
	brt_compat_use_table(NULL);
}

static int setup(void **state)
{
	(void)state;
	return tu_netns_setup_veth("compatnif", ns, sizeof(ns), false, &va_index);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(live_changes),
	};

	return cmocka_run_group_tests(tests, setup, tu_netns_teardown);
}
