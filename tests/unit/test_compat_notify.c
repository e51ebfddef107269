/*
 * test_compat_notify.c - NotifyRouteChange2 / CancelMibChangeNotify2:
 * argument codes, the initial notification (NULL row, before return),
 * add / parameter / delete notifications with the route's row, the family
 * filter, cancelling (also from inside the callback) and edits made from
 * a callback.
 */
#include "compat_testutil.h"

#define MAX_SEEN 16

struct seen {
	int n;
	int type[MAX_SEEN];
	bool had_row[MAX_SEEN];
	MIB_IPFORWARD_ROW2 row[MAX_SEEN];
	HANDLE self;		/* cancel from inside when set */
};

static VOID WINAPI record(PVOID ctx, PMIB_IPFORWARD_ROW2 row,
			  MIB_NOTIFICATION_TYPE type)
{
	struct seen *s = ctx;

	if (s->n < MAX_SEEN) {
		s->type[s->n] = type;
		s->had_row[s->n] = row != NULL;
		if (row)
			s->row[s->n] = *row;
		s->n++;
	}
	if (s->self)
		assert_int_equal(CancelMibChangeNotify2(s->self), 0);
}

static void argument_codes(void **state)
{
	struct seen s = {0};
	HANDLE h = (HANDLE)1;

	(void)state;
	ct_use("win");
	assert_int_equal(NotifyRouteChange2(99, record, &s, TRUE, &h),
			 ERROR_INVALID_PARAMETER);
	assert_null(h);
	h = (HANDLE)1;
	assert_int_equal(NotifyRouteChange2(AF_INET, NULL, &s, TRUE, &h),
			 ERROR_INVALID_PARAMETER);
	assert_null(h);
	assert_int_equal(NotifyRouteChange2(AF_INET, record, &s, TRUE, NULL),
			 ERROR_INVALID_PARAMETER);
	assert_int_equal(brt_kernel_NotifyRouteChange2(99, record, &s, TRUE, &h),
			 STATUS_INVALID_PARAMETER);
	assert_int_equal(CancelMibChangeNotify2(NULL), ERROR_INVALID_PARAMETER);
	assert_int_equal(s.n, 0);
	assert_int_not_equal(brt_compat_use_table("/nonexistent/z.table"), 0);
	assert_int_equal(NotifyRouteChange2(AF_INET, record, &s, TRUE, &h),
			 ERROR_CAN_NOT_COMPLETE);
	assert_null(h);
}

static void add_set_delete(void **state)
{
	struct seen s4 = {0}, s6 = {0}, quiet = {0};
	HANDLE h4, h6, hq;
	MIB_IPFORWARD_ROW2 r = ct_row("203.0.114.0", 24, "10.0.0.1", 3, 9);
	struct ct_row want = {3, 71, "203.0.114.0/24", "10.0.0.1", 9, NETMGMT_P, 0};

	(void)state;
	ct_use("win");
	assert_int_equal(NotifyRouteChange2(AF_INET, record, &s4, TRUE, &h4), 0);
	assert_non_null(h4);
	/* the initial notification has run: NULL row */
	assert_int_equal(s4.n, 1);
	assert_int_equal(s4.type[0], MibInitialNotification);
	assert_false(s4.had_row[0]);
	assert_int_equal(NotifyRouteChange2(AF_INET6, record, &s6, FALSE, &h6), 0);
	assert_int_equal(NotifyRouteChange2(AF_UNSPEC, record, &quiet, FALSE, &hq), 0);
	assert_int_equal(s6.n, 0);
	assert_int_equal(CancelMibChangeNotify2(hq), 0);

	assert_int_equal(CreateIpForwardEntry2(&r), 0);
	assert_int_equal(s4.n, 2);
	assert_int_equal(s4.type[1], MibAddInstance);
	assert_true(s4.had_row[1]);
	ct_check_row(&s4.row[1], &want);
	r.Metric = 4;
	assert_int_equal(SetIpForwardEntry2(&r), 0);
	assert_int_equal(s4.n, 3);
	assert_int_equal(s4.type[2], MibParameterNotification);
	want.metric = 4;
	ct_check_row(&s4.row[2], &want);
	assert_int_equal(DeleteIpForwardEntry2(&r), 0);
	assert_int_equal(s4.n, 4);
	assert_int_equal(s4.type[3], MibDeleteInstance);
	ct_check_row(&s4.row[3], &want);
	/* a failed edit is not notified */
	assert_int_equal(DeleteIpForwardEntry2(&r), ERROR_NOT_FOUND);
	assert_int_equal(s4.n, 4);
	/* the IPv6 listener heard nothing of IPv4; now an IPv6 route */
	assert_int_equal(s6.n, 0);
	r = ct_row("2001:db8:77::", 48, "::", 2, 5);
	assert_int_equal(CreateIpForwardEntry2(&r), 0);
	assert_int_equal(s6.n, 1);
	assert_int_equal(s6.type[0], MibAddInstance);
	assert_int_equal(s6.row[0].InterfaceIndex, 2);
	assert_int_equal(s6.row[0].DestinationPrefix.PrefixLength, 48);
	assert_int_equal(s4.n, 4);
	assert_int_equal(quiet.n, 0);	/* cancelled */
	/* after cancel, nothing more */
	assert_int_equal(CancelMibChangeNotify2(h4), 0);
	assert_int_equal(CancelMibChangeNotify2(h6), 0);
	assert_int_equal(DeleteIpForwardEntry2(&r), 0);
	assert_int_equal(s4.n, 4);
	assert_int_equal(s6.n, 1);
}

static void cancel_from_callback(void **state)
{
	struct seen s = {0};
	HANDLE h;
	MIB_IPFORWARD_ROW2 r = ct_row("203.0.115.0", 24, "10.0.0.1", 3, 9);

	(void)state;
	ct_use("win");
	assert_int_equal(NotifyRouteChange2(AF_UNSPEC, record, &s, FALSE, &h), 0);
	s.self = h;
	assert_int_equal(CreateIpForwardEntry2(&r), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(DeleteIpForwardEntry2(&r), 0);
	assert_int_equal(s.n, 1);
}

/* A callback that edits the table: it must not deadlock. */
static int nested_calls;
static VOID WINAPI edit_back(PVOID ctx, PMIB_IPFORWARD_ROW2 row,
			     MIB_NOTIFICATION_TYPE type)
{
	(void)ctx;
	nested_calls++;
	if (type == MibAddInstance && row)
		assert_int_equal(DeleteIpForwardEntry2(row), 0);
}

static void edit_from_callback(void **state)
{
	HANDLE h;
	MIB_IPFORWARD_ROW2 r = ct_row("203.0.116.0", 24, "10.0.0.1", 3, 9);

	(void)state;
	ct_use("win");
	nested_calls = 0;
	assert_int_equal(NotifyRouteChange2(AF_INET, edit_back, NULL, FALSE, &h), 0);
	assert_int_equal(CreateIpForwardEntry2(&r), 0);
	assert_int_equal(nested_calls, 2);	/* add, then its delete */
	assert_int_equal(GetIpForwardEntry2(&r), ERROR_NOT_FOUND);
	assert_int_equal(CancelMibChangeNotify2(h), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(argument_codes),
		cmocka_unit_test(add_set_delete),
		cmocka_unit_test(cancel_from_callback),
		cmocka_unit_test(edit_from_callback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
