/*
 * fuzz_nl_decode.c - the rtnetlink decoders (src/os/linux) on hostile
 * bytes. The first byte picks the decoder, the rest is one message, copied
 * into a buffer of exactly its size so any read past it is caught. A
 * decoder must return 0, BRT_NL_SKIP or an error with a message, and on
 * success fill a record the builder can take.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netlink/nl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CAP 8

static int decode(unsigned which, const void *buf, size_t len, char *err,
		  size_t errlen)
{
	struct brt_link l;
	struct brt_address a;
	struct brt_route r;
	struct brt_nexthop nh[CAP];
	struct brt_rule ru;
	struct brt_nhobj n;
	struct brt_nhgrp_member grp[CAP];
	struct brt_addrlabel al;
	int ret;

	switch (which % 7) {
	case 0: ret = os_nl_decode_link(buf, len, &l, err, errlen); break;
	case 1: ret = os_nl_decode_addr(buf, len, &a, err, errlen); break;
	case 2: ret = os_nl_decode_route(buf, len, 0, &r, nh, CAP, err, errlen); break;
	case 3: ret = os_nl_decode_route(buf, len, BRT_NL_ROUTE_ACCEPT_CLONED,
					  &r, nh, CAP, err, errlen); break;
	case 4: ret = os_nl_decode_rule(buf, len, &ru, err, errlen); break;
	case 5: ret = os_nl_decode_nexthop(buf, len, &n, grp, CAP, err, errlen); break;
	default: ret = os_nl_decode_addrlabel(buf, len, &al, err, errlen); break;
	}
	if (ret == 0 && (which % 7 == 2 || which % 7 == 3) &&
	    (r.nh_count > CAP || (r.nh_count && r.nh != nh)))
		abort();
	if (ret == 0 && which % 7 == 5 &&
	    (n.group_count > CAP || (n.group_count && n.group != grp)))
		abort();
	return ret;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	void *msg;
	int ret;

	if (size < 1)
		return 0;
	msg = malloc(size - 1 ? size - 1 : 1);
	if (!msg)
		return 0;
	memcpy(msg, data + 1, size - 1);
	err[0] = '\0';
	ret = decode(data[0], msg, size - 1, err, sizeof(err));
	if (ret != 0 && ret != BRT_NL_SKIP && (ret >= 0 || !err[0]))
		abort();	/* an error must say why */
	free(msg);
	return 0;
}
