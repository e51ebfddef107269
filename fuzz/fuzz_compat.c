/*
 * fuzz_compat.c - the Windows API (src/compat) with random tables and
 * random arguments.
 *
 * The input is a table in our text format up to the first NUL byte (a
 * fixed Windows table when that does not parse: the arguments still get
 * their turn), then a little program: each byte picks a function, the
 * next bytes its arguments (families from AF_INET, AF_INET6, AF_UNSPEC
 * and junk, small interface indexes, LUIDs, NULL or real buffers of
 * random sizes). Besides not crashing, the answers must keep Windows'
 * promises: a size that GetIpForwardTable, GetAdaptersAddresses or
 * GetAdaptersInfo asked for is enough on the next call; a failed
 * GetBestRoute2 leaves both outputs zeroed; a successful one names an
 * interface whose LUID converts back to its index; a LUID's GUID leads
 * back to it; every row of GetIfTable2 is what GetIfEntry2 finds by its
 * LUID.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "bestroute/compat/ws2tcpip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fallback[] =
	"policy windows\n"
	"link lo index 1 type loopback metric 75\n"
	"link eth0 index 2 type ethernet metric 25\n"
	"link wlan0 index 3 type wireless metric 50\n"
	"addr 192.168.1.10/24 dev eth0\naddr fe80::10/64 dev eth0\n"
	"addr 10.0.0.5/16 dev wlan0\n"
	"route default via 192.168.1.1 dev eth0 metric 0\n"
	"route 0.0.0.0/1 via 10.0.0.1 dev wlan0 metric 1\n"
	"route default via fe80::1 dev eth0 metric 256\n";

struct input {
	const uint8_t *p;
	size_t left;
};

static uint8_t next(struct input *in)
{
	if (!in->left)
		return 0;
	in->left--;
	return *in->p++;
}

static uint32_t next32(struct input *in)
{
	uint32_t v = next(in);

	v |= (uint32_t)next(in) << 8;
	return v | (uint32_t)next(in) << 16 | (uint32_t)next(in) << 24;
}

static ADDRESS_FAMILY family(struct input *in)
{
	static const ADDRESS_FAMILY f[] = {AF_INET, AF_INET6, AF_UNSPEC, 99};

	return f[next(in) % 4];
}

static SOCKADDR_INET address(struct input *in)
{
	SOCKADDR_INET s;
	size_t i;

	memset(&s, 0, sizeof(s));
	s.si_family = family(in);
	for (i = 0; i < 16; i++)
		((uint8_t *)&s.Ipv6.sin6_addr)[i] = i < 4 || next(in) & 1 ? next(in) : 0;
	if (s.si_family == AF_INET)
		memcpy(&s.Ipv4.sin_addr, &s.Ipv6.sin6_addr, 4);
	s.Ipv6.sin6_scope_id = next(in) & 3;
	return s;
}

static brt_table *load(const char *text, size_t len)
{
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;
	char err[256];

	if (b && brt_builder_load_text(b, "fuzz", text, len, err, sizeof(err)) == 0)
		brt_builder_finish(b, &t);
	brt_builder_destroy(b);
	return t;
}

/* Table mode, once: a file to start from, then each input's own table. */
static void use(brt_table *t)
{
	static int ready;

	if (!ready) {
		char path[] = "/tmp/brt_fuzz_compat_XXXXXX";
		int fd = mkstemp(path);
		FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

		if (!f)
			abort();
		fputs(fallback, f);
		fclose(f);
		if (brt_compat_use_table(path))
			abort();
		remove(path);
		ready = 1;
	}
	compat_edit_lock();
	compat_swap(t);
	compat_edit_unlock();
}

static int all_zero(const void *p, size_t n)
{
	const uint8_t *b = (const uint8_t *)p;

	while (n--)
		if (*b++)
			return 0;
	return 1;
}

static void best_route(struct input *in)
{
	SOCKADDR_INET dst = address(in), src = address(in), best;
	MIB_IPFORWARD_ROW2 row;
	NET_LUID luid, back;
	NET_IFINDEX idx = 0;
	uint8_t how = next(in);
	DWORD rc;

	luid.Value = how & 1 ? (uint64_t)next32(in) << 24 : 0;
	rc = GetBestRoute2(how & 2 ? &luid : NULL, next(in) & 7,
			   how & 4 ? &src : NULL, &dst, 0, &row, &best);
	if (rc) {
		if (!all_zero(&row, sizeof(row)) || !all_zero(&best, sizeof(best)))
			abort();
		return;
	}
	back = row.InterfaceLuid;
	if (ConvertInterfaceLuidToIndex(&back, &idx) || idx != row.InterfaceIndex)
		abort();
}

static void forward_table(struct input *in)
{
	ULONG size = next(in) * 16u;
	PMIB_IPFORWARDTABLE t = (PMIB_IPFORWARDTABLE)malloc(size ? size : 1);
	BOOL order = next(in) & 1;
	DWORD rc = GetIpForwardTable(next(in) & 1 ? NULL : t, &size, order);

	if (rc == ERROR_INSUFFICIENT_BUFFER) {
		free(t);
		t = (PMIB_IPFORWARDTABLE)malloc(size);
		if (t && GetIpForwardTable(t, &size, order) != NO_ERROR)
			abort();
	}
	free(t);
}

static void adapters(struct input *in)
{
	ULONG size = next(in) * 64u, flags = next(in) | (ULONG)next(in) << 8;
	ADDRESS_FAMILY f = family(in);
	void *buf = malloc(size ? size : 1);
	DWORD rc = GetAdaptersAddresses(f, flags, NULL,
					(PIP_ADAPTER_ADDRESSES)buf, &size);

	if (rc == ERROR_BUFFER_OVERFLOW) {
		free(buf);
		buf = malloc(size);
		if (buf && GetAdaptersAddresses(f, flags, NULL,
						(PIP_ADAPTER_ADDRESSES)buf,
						&size) != NO_ERROR)
			abort();
	}
	free(buf);
	size = next(in) * 64u;
	buf = malloc(size ? size : 1);
	if (GetAdaptersInfo((PIP_ADAPTER_INFO)buf, &size) ==
	    ERROR_BUFFER_OVERFLOW) {
		free(buf);
		buf = malloc(size);
		if (buf && GetAdaptersInfo((PIP_ADAPTER_INFO)buf, &size))
			abort();
	}
	free(buf);
}

static void v1_edit(struct input *in)
{
	MIB_IPFORWARDROW r;

	memset(&r, 0, sizeof(r));
	r.dwForwardDest = next32(in) & 0x00ffffffu;
	r.dwForwardMask = next(in) & 1 ? 0x00ffffffu : next32(in);
	r.dwForwardNextHop = next32(in);
	r.dwForwardIfIndex = next(in) & 7;
	r.dwForwardType = next(in) & 3;
	r.dwForwardProto = next(in) & 1 ? MIB_IPPROTO_NETMGMT : next(in);
	r.dwForwardMetric1 = next(in);
	switch (next(in) % 3) {
	case 0: CreateIpForwardEntry(&r); break;
	case 1: SetIpForwardEntry(&r); break;
	default: DeleteIpForwardEntry(&r); break;
	}
}

/* GetIfEntry2 by index or LUID, and the table: they must agree. */
static void if2(struct input *in)
{
	MIB_IF_ROW2 row;
	PMIB_IF_TABLE2 t = NULL;
	ULONG i;

	memset(&row, 0, sizeof(row));
	row.InterfaceIndex = next(in) & 7;
	if (next(in) & 1)
		row.InterfaceLuid.Value = (uint64_t)next32(in) << 24;
	GetIfEntry2(&row);
	if (GetIfTable2(&t) != NO_ERROR)
		return;
	for (i = 0; i < t->NumEntries; i++) {
		memset(&row, 0, sizeof(row));
		row.InterfaceLuid = t->Table[i].InterfaceLuid;
		if (GetIfEntry2(&row) != NO_ERROR ||
		    row.InterfaceIndex != t->Table[i].InterfaceIndex)
			abort();
	}
	FreeMibTable(t);
}

static void interfaces(struct input *in)
{
	MIB_IPINTERFACE_ROW row;
	PMIB_IPINTERFACE_TABLE t = NULL;
	PMIB_UNICASTIPADDRESS_TABLE u = NULL;
	MIB_UNICASTIPADDRESS_ROW ur;

	InitializeIpInterfaceEntry(&row);
	row.Family = family(in);
	row.InterfaceIndex = next(in) & 7;
	row.SitePrefixLength = next(in) & 1 ? 0 : next(in);
	row.Metric = next(in);
	row.UseAutomaticMetric = next(in) & 1;
	if (next(in) & 1)
		SetIpInterfaceEntry(&row);
	else
		GetIpInterfaceEntry(&row);
	if (GetIpInterfaceTable(family(in), &t) == NO_ERROR)
		FreeMibTable(t);
	if (GetUnicastIpAddressTable(family(in), &u) == NO_ERROR)
		FreeMibTable(u);
	memset(&ur, 0, sizeof(ur));
	ur.Address = address(in);
	ur.InterfaceIndex = next(in) & 7;
	GetUnicastIpAddressEntry(&ur);
	if2(in);
}

static void names(struct input *in)
{
	NET_LUID luid;
	GUID g;
	WCHAR w[20];
	char a[IF_NAMESIZE];
	size_t len = next(in) % 20;

	luid.Value = 0;
	ConvertInterfaceIndexToLuid(next(in) & 7, &luid);
	if (ConvertInterfaceLuidToNameW(&luid, w, len ? len : 1) == NO_ERROR)
		ConvertInterfaceNameToLuidW(w, &luid);
	if (ConvertInterfaceLuidToGuid(&luid, &g) == NO_ERROR &&
	    (ConvertInterfaceGuidToLuid(&g, &luid) != NO_ERROR))
		abort();
	brt_netio_if_indextoname(next(in) & 7, a);
	memcpy(a, in->p, in->left < sizeof(a) ? in->left : sizeof(a) - 1);
	a[in->left < sizeof(a) ? in->left : sizeof(a) - 1] = 0;
	brt_netio_if_nametoindex(a);
}

static void text(struct input *in)
{
	char buf[64];
	uint8_t bin[16];
	size_t cap = next(in) % 64, n = in->left < 63 ? in->left : 63;

	memcpy(buf, in->p, n);
	buf[n] = 0;
	brt_winsock_inet_pton(family(in), buf, bin);
	memcpy(bin, buf, sizeof(bin));
	brt_winsock_inet_ntop(family(in), bin, buf, cap);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = (const uint8_t *)memchr(data, 0, size);
	size_t tlen = nul ? (size_t)(nul - data) : size;
	brt_table *t = load((const char *)data, tlen);
	struct input in = {nul ? nul + 1 : data + size, nul ? size - tlen - 1 : 0};
	int steps;

	if (!t)
		t = load(fallback, sizeof(fallback) - 1);
	if (!t)
		abort();
	use(t);
	for (steps = 0; steps < 64 && in.left; steps++)
		switch (next(&in) % 8) {
		case 0: best_route(&in); break;
		case 1: forward_table(&in); break;
		case 2: adapters(&in); break;
		case 3: v1_edit(&in); break;
		case 4: interfaces(&in); break;
		case 5: names(&in); break;
		case 6: text(&in); break;
		default: best_route(&in); break;
		}
	return 0;
}
