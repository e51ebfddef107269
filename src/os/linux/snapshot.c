/*
 * snapshot.c - brt_live_snapshot: the live host as a table.
 *
 * Invariants: the table comes from one consistent set of dumps. When the
 * kernel flags a dump as interrupted (the tables changed while it ran),
 * everything is dumped again into a fresh builder, a bounded number of
 * times. The builder derives connected and local entries only where the
 * dump lacks them, so a real host is taken as it is.
 */
#include <stdio.h>

#include "netlink/nl.h"
#include "os.h"

static int snapshot_once(struct brt_nl *nl, brt_table **out, char *err,
			 size_t errlen)
{
	brt_builder *b = brt_builder_create();
	int e;

	if (!b)
		return BRT_ENOMEM;
	err[0] = 0;		/* a retry starts without the last one's words */
	e = brt_builder_set_origin(b, "live", 0);
	if (!e)
		e = brt_builder_set_policy(b, BRT_POLICY_LINUX);
	if (!e)
		e = os_nl_dump_all(nl, b, err, errlen);
	if (!e)
		e = os_sysctl_read_all(b, "/proc/sys", err, errlen);
	if (!e)
		e = os_kernel_config_read(b, err, errlen);
	return os_builder_done(b, e, out, "live snapshot", err, errlen);
}

int brt_live_snapshot(brt_table **out, char *err, size_t errlen)
{
	struct brt_nl nl;
	char dummy[1];
	int e, attempt = 0;

	if (!err || !errlen)
		err = dummy, errlen = sizeof(dummy);
	err[0] = 0;
	if (!out)
		return BRT_EINVAL;
	*out = NULL;
	e = os_nl_open(&nl, err, errlen);
	if (e)
		return e;
	do
		e = snapshot_once(&nl, out, err, errlen);
	while (os_nl_dump_intr_retry(e, attempt++));
	if (e == BRT_NL_INTR) {
		snprintf(err, errlen, "live snapshot: the tables kept changing "
			 "during %d dumps", attempt);
		e = BRT_EIO;
	}
	os_nl_close(&nl);
	return e;
}
