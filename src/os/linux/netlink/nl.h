/*
 * nl.h - the rtnetlink backend of the live host (private to src/os/linux).
 *
 * Two halves:
 *  - decoders: pure functions from the bytes of ONE netlink message to a
 *    model record. They trust nothing: every length (message, family
 *    header, attribute, nested attribute, multipath entry) is checked
 *    before it is read, so they can be fed captured or hostile bytes;
 *  - the socket side (nl_socket.c, nl_dump.c, sysctl.c, snapshot.c,
 *    kernel_get.c): talks to the kernel with libmnl and feeds decoders.
 */
#ifndef BRT_OS_LINUX_NL_H
#define BRT_OS_LINUX_NL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <libmnl/libmnl.h>

#include "bestroute/bestroute.h"

/* A decoder's "this record is not for the model" (e.g. a cloned route). */
#define BRT_NL_SKIP 1

/* ------------------------------------------------------------ attributes */

/* How an attribute's payload must look (a small libmnl-style policy). */
enum brt_nl_kind {
	BRT_NLA_IGNORE = 0,	/* unknown or unused: skipped unchecked */
	BRT_NLA_EXACT,		/* exactly len bytes (u8, u16, u32, structs) */
	BRT_NLA_MIN,		/* at least len bytes */
	BRT_NLA_ADDR,		/* 4 or 16 bytes, as the message family says */
	BRT_NLA_NAME,		/* NUL-terminated, at most BRT_IFNAMSIZ bytes */
	BRT_NLA_STRING,		/* NUL-terminated, any length */
	BRT_NLA_NESTED,		/* a well-formed attribute stream */
	BRT_NLA_FLAG,		/* no payload */
};

struct brt_nl_pol {
	uint8_t kind;		/* enum brt_nl_kind */
	uint16_t len;
};

/*
 * os_nl_check_msg - @buf holds exactly one message of @len bytes whose
 * type is @type1 or @type2 and whose payload has at least @hdrlen bytes.
 * Returns 0 or BRT_EPARSE with a message in @err.
 */
int os_nl_check_msg(const void *buf, size_t len, uint16_t type1,
		     uint16_t type2, size_t hdrlen, const char *what,
		     char *err, size_t errlen);

/*
 * os_nl_parse_attrs - index the attributes after the family header of
 * @nlh into @tb[0..@max] (NULL when absent), validating each known one
 * against @pol (@family gives address sizes). The attribute stream must
 * fill the payload exactly: a length that runs past the end is an error,
 * not a silent stop. Returns 0 or BRT_EPARSE.
 */
int os_nl_parse_attrs(const struct nlmsghdr *nlh, size_t hdrlen,
		       const struct nlattr **tb, unsigned max,
		       const struct brt_nl_pol *pol, uint8_t family,
		       const char *what, char *err, size_t errlen);
/* The same over a raw attribute stream (nested attributes, multipath). */
int os_nl_parse_stream(const void *data, size_t len,
			const struct nlattr **tb, unsigned max,
			const struct brt_nl_pol *pol, uint8_t family,
			const char *what, char *err, size_t errlen);

/* An address attribute (already validated) into @out. */
void os_nl_get_addr(const struct nlattr *a, uint8_t family,
		     struct brt_addr *out);
/* "route message: " + printf text into @err; returns BRT_EPARSE. */
int os_nl_fail(char *err, size_t errlen, const char *what,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* --------------------------------------------------------------- decoders */

/* Route decoding options. */
#define BRT_NL_ROUTE_ACCEPT_CLONED 0x01	/* a RTM_GETROUTE answer */

/*
 * Each decoder takes one whole message (@buf, @len) and returns 0 (record
 * filled), BRT_NL_SKIP (a record the model does not hold) or BRT_EPARSE /
 * BRT_ELIMIT with the reason in @err.
 */
int os_nl_decode_link(const void *buf, size_t len, struct brt_link *l,
		       char *err, size_t errlen);
int os_nl_decode_addr(const void *buf, size_t len, struct brt_address *a,
		       char *err, size_t errlen);
/* r->nh points at @nh (room for @nh_cap next hops) on success. */
int os_nl_decode_route(const void *buf, size_t len, unsigned opts,
			struct brt_route *r, struct brt_nexthop *nh,
			uint32_t nh_cap, char *err, size_t errlen);
int os_nl_decode_rule(const void *buf, size_t len, struct brt_rule *r,
		       char *err, size_t errlen);
/* n->group points at @grp (room for @grp_cap members) on success. */
int os_nl_decode_nexthop(const void *buf, size_t len, struct brt_nhobj *n,
			  struct brt_nhgrp_member *grp, uint32_t grp_cap,
			  char *err, size_t errlen);
int os_nl_decode_addrlabel(const void *buf, size_t len,
			    struct brt_addrlabel *l, char *err, size_t errlen);

/* ----------------------------------------------------------------- socket */

struct brt_nl {
	struct mnl_socket *sock;
	uint32_t portid;
	uint32_t seq;
	char *buf;		/* receive buffer */
	size_t buflen;
	char ack[256];		/* extended-ack text of the last refusal */
};

/* Open a NETLINK_ROUTE socket with strict checking and extended acks. */
int os_nl_open(struct brt_nl *nl, char *err, size_t errlen);
void os_nl_close(struct brt_nl *nl);

/*
 * os_nl_reply_check - whether one received message may be taken as a
 * reply to our request: sent by the kernel (@sender_port 0), addressed to
 * @portid, carrying our sequence number @seq. 0 or BRT_EPARSE.
 */
int os_nl_reply_check(const struct nlmsghdr *nlh, uint32_t sender_port,
		       uint32_t portid, uint32_t seq, char *err,
		       size_t errlen);

/*
 * os_nl_error_text - the errno (positive) and extended-ack text of an
 * NLMSG_ERROR or NLMSG_DONE message; "" when the kernel sent no text.
 * Returns the errno, or -1 when the message is malformed.
 */
int os_nl_error_text(const struct nlmsghdr *nlh, char *text, size_t len);

/*
 * os_nl_recv - one datagram into nl->buf, its sender's port in *@sender.
 * Returns its length, or BRT_EIO with @err and errno kept (ENOBUFS: the
 * kernel dropped messages for us). A truncated datagram is an error.
 */
ssize_t os_nl_recv(struct brt_nl *nl, uint32_t *sender, char *err,
		    size_t errlen);

/* Called for each data message of a reply; returns 0 or a BRT_E* code. */
typedef int (*brt_nl_msg_cb)(const struct nlmsghdr *nlh, void *data);

/* Outcome of brt_nl_dump beyond 0 / BRT_E*. */
#define BRT_NL_INTR 2		/* NLM_F_DUMP_INTR seen: dump again */

/*
 * os_nl_request - send @req (a request we built; seq is set here) and
 * feed every data message of the reply to @cb. A dump is read to its
 * NLMSG_DONE. Returns 0, BRT_NL_INTR (the dump was interrupted by a change:
 * the data is inconsistent), a negative BRT_E* code with @err, or, when
 * the kernel refused, BRT_EIO with *@kerr set to its errno (and its text
 * in @err).
 */
int os_nl_request(struct brt_nl *nl, struct nlmsghdr *req, brt_nl_msg_cb cb,
		   void *data, int *kerr, char *err, size_t errlen);

/*
 * os_nl_dump_intr_retry - whether to dump again after @ret from
 * os_nl_request on attempt @attempt (0-based): only for BRT_NL_INTR and
 * at most a few times, so a host that changes all the time still ends.
 */
int os_nl_dump_intr_retry(int ret, int attempt);

/* ------------------------------------------------------------------ dumps */

/*
 * os_nl_dump_all - links, addresses, routes of every table, rules,
 * nexthop objects (skipped when the kernel has none) and address labels,
 * for IPv4 and IPv6, into @b. 0 or BRT_E* with @err.
 */
int os_nl_dump_all(struct brt_nl *nl, brt_builder *b, char *err,
		    size_t errlen);

/* Kinds of entries for os_nl_dump_some (addresses need links too:
 * IPv4 labels are compared with link names). */
#define BRT_NL_DUMP_LINKS 0x01
#define BRT_NL_DUMP_ADDRS 0x02
#define BRT_NL_DUMP_ROUTES 0x04
#define BRT_NL_DUMP_RULES 0x08
#define BRT_NL_DUMP_NEXTHOPS 0x10
#define BRT_NL_DUMP_LABELS 0x20
#define BRT_NL_DUMP_ALL 0x3f
/* os_nl_dump_all restricted to @kinds. */
int os_nl_dump_some(struct brt_nl *nl, brt_builder *b, unsigned kinds,
		     char *err, size_t errlen);

/* The sysctls that change answers, into @b (missing files are skipped). */
int os_sysctl_read_all(brt_builder *b, const char *root, char *err,
			size_t errlen);
/* The kernel build options that change answers (kernel_config.c), into
 * @b as pseudo-sysctls (kernel.config.ipv6_mip6 = y, m or n); nothing
 * when the kernel's configuration cannot be read. 0 or a BRT_E* code. */
int os_kernel_config_read(brt_builder *b, char *err, size_t errlen);
/* Whether /proc/sys/net/ipv6/conf/@name/disable_ipv6 says 1. */
int os_sysctl_ipv6_disabled(const char *root, const char *name);

#endif /* BRT_OS_LINUX_NL_H */
