/*
 * test_compat_convert.c - the interface conversion functions and the LUID
 * mapping: IfType per link type, NetLuidIndex = ifindex, a stable unique
 * NetLuidIndex for an ifindex of 2^24 or more, and the error codes.
 */
#include "compat_testutil.h"

static void index_to_luid(void **state)
{
	static const struct {
		uint32_t index;
		uint16_t type;
	} links[] = {{1, 24}, {2, 6}, {3, 71}, {5, 131}, {6, 23}};
	NET_LUID luid;
	NET_IFINDEX idx;
	size_t i;

	(void)state;
	ct_use("win");
	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		assert_int_equal(ConvertInterfaceIndexToLuid(links[i].index, &luid), 0);
		assert_int_equal(luid.Value, CT_LUID(links[i].type, links[i].index));
		assert_int_equal(luid.Info.IfType, links[i].type);
		assert_int_equal(luid.Info.NetLuidIndex, links[i].index);
		assert_int_equal(luid.Info.Reserved, 0);
		assert_int_equal(ConvertInterfaceLuidToIndex(&luid, &idx), 0);
		assert_int_equal(idx, links[i].index);
	}
	luid.Value = 77;
	assert_int_equal(ConvertInterfaceIndexToLuid(999, &luid),
			 ERROR_FILE_NOT_FOUND);
	assert_int_equal(luid.Value, 0);
	assert_int_equal(ConvertInterfaceIndexToLuid(2, NULL),
			 ERROR_INVALID_PARAMETER);
	assert_int_equal(brt_kernel_ConvertInterfaceIndexToLuid(999, &luid),
			 STATUS_NOT_FOUND);
}

static void large_ifindex(void **state)
{
	NET_LUID luid, again;
	NET_IFINDEX idx;
	char name[32];

	(void)state;
	ct_use("win");
	assert_int_equal(ConvertInterfaceIndexToLuid(16777300, &luid), 0);
	assert_int_equal(luid.Info.IfType, 1);
	assert_int_equal(luid.Info.NetLuidIndex, 0xffffff);
	assert_int_equal(ConvertInterfaceLuidToIndex(&luid, &idx), 0);
	assert_int_equal(idx, 16777300);
	assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)), 0);
	assert_string_equal(name, "big0");
	/* stable within the process, even after reloading the table */
	ct_use("win");
	assert_int_equal(ConvertInterfaceIndexToLuid(16777300, &again), 0);
	assert_int_equal(again.Value, luid.Value);
	assert_int_equal(ConvertInterfaceNameToLuidA("big0", &again), 0);
	assert_int_equal(again.Value, luid.Value);
}

static void luid_to_index_codes(void **state)
{
	NET_LUID luid;
	NET_IFINDEX idx = 5;

	(void)state;
	ct_use("win");
	luid.Value = CT_LUID(6, 99);
	assert_int_equal(ConvertInterfaceLuidToIndex(&luid, &idx),
			 ERROR_FILE_NOT_FOUND);
	assert_int_equal(idx, 0);
	luid.Value = CT_LUID(71, 2);	/* eth0's index, wrong type */
	assert_int_equal(ConvertInterfaceLuidToIndex(&luid, &idx),
			 ERROR_FILE_NOT_FOUND);
	luid.Value = CT_LUID(6, 2) | 1;	/* reserved bits set */
	assert_int_equal(ConvertInterfaceLuidToIndex(&luid, &idx),
			 ERROR_FILE_NOT_FOUND);
	assert_int_equal(ConvertInterfaceLuidToIndex(NULL, &idx),
			 ERROR_INVALID_PARAMETER);
	luid.Value = CT_LUID(6, 2);
	assert_int_equal(ConvertInterfaceLuidToIndex(&luid, NULL),
			 ERROR_INVALID_PARAMETER);
}

static void names(void **state)
{
	NET_LUID luid;
	char name[IF_MAX_STRING_SIZE + 1], small[5];

	(void)state;
	ct_use("win");
	assert_int_equal(ConvertInterfaceNameToLuidA("wlan0", &luid), 0);
	assert_int_equal(luid.Value, CT_LUID(71, 3));
	assert_int_equal(ConvertInterfaceNameToLuidA(NULL, &luid), ERROR_INVALID_NAME);
	assert_int_equal(ConvertInterfaceNameToLuidA("wlan0", NULL),
			 ERROR_INVALID_PARAMETER);
	luid.Value = 5;
	assert_int_equal(ConvertInterfaceNameToLuidA("nosuch0", &luid),
			 ERROR_INVALID_NAME);
	assert_int_equal(luid.Value, 0);
	luid.Value = CT_LUID(71, 3);
	assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)), 0);
	assert_string_equal(name, "wlan0");
	/* "wlan0" needs 6 bytes */
	assert_int_equal(ConvertInterfaceLuidToNameA(&luid, small, sizeof(small)),
			 ERROR_NOT_ENOUGH_MEMORY);
	assert_int_equal(ConvertInterfaceLuidToNameA(&luid, NULL, 10),
			 ERROR_INVALID_PARAMETER);
	assert_int_equal(ConvertInterfaceLuidToNameA(NULL, name, sizeof(name)),
			 ERROR_INVALID_PARAMETER);
	luid.Value = CT_LUID(6, 99);
	strcpy(name, "junk");
	assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)),
			 ERROR_FILE_NOT_FOUND);
	assert_string_equal(name, "");
	assert_int_equal(brt_kernel_ConvertInterfaceLuidToNameA(&luid, name,
								sizeof(name)),
			 STATUS_NOT_FOUND);
	assert_int_equal(brt_kernel_ConvertInterfaceNameToLuidA(NULL, &luid),
			 STATUS_OBJECT_NAME_INVALID);
}

/* A row's LUID is the one the conversion functions give. */
static void rows_agree(void **state)
{
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET best, dst = ct_sa("10.77.0.9");
	NET_LUID luid;

	(void)state;
	ct_use("win");
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &best), 0);
	assert_int_equal(ConvertInterfaceIndexToLuid(row.InterfaceIndex, &luid), 0);
	assert_int_equal(row.InterfaceLuid.Value, luid.Value);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(index_to_luid),
		cmocka_unit_test(large_ifindex),
		cmocka_unit_test(luid_to_index_codes),
		cmocka_unit_test(names),
		cmocka_unit_test(rows_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
