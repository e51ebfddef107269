/*
 * nl_socket.c - one rtnetlink request and its reply, checked.
 *
 * libmnl opens, binds and sends; it also builds and walks messages. The
 * receive loop is ours because mnl_cb_run accepts messages with sequence
 * number 0 and from any sender, stops at NLM_F_DUMP_INTR leaving the rest
 * of the dump queued, ignores trailing bytes and drops the extended-ack
 * text. Invariants here:
 *  - a datagram is taken only from the kernel (sender port 0), and each
 *    message in it only when addressed to our port with our sequence;
 *  - a dump is always read to its NLMSG_DONE (also after DUMP_INTR or a
 *    callback error), so the socket is clean for the next request;
 *  - every message length is checked before the message is used.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/netlink.h>

#include "netlink/nl.h"

#define NL_RECV_BUF (256u * 1024u)
#define NL_SOCK_RCVBUF (4 * 1024 * 1024)
#define NL_INTR_RETRIES 8

int os_nl_open(struct brt_nl *nl, char *err, size_t errlen)
{
	int one = 1, rcv = NL_SOCK_RCVBUF;

	memset(nl, 0, sizeof(*nl));
	nl->sock = mnl_socket_open(NETLINK_ROUTE);
	if (!nl->sock || mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		snprintf(err, errlen, "netlink socket: %s", strerror(errno));
		os_nl_close(nl);
		return BRT_EIO;
	}
	/* Both exist since Linux 4.20; without them answers are unchecked. */
	if (mnl_socket_setsockopt(nl->sock, NETLINK_GET_STRICT_CHK, &one, sizeof(one)) < 0 ||
	    mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one)) < 0) {
		snprintf(err, errlen, "netlink strict checking: %s", strerror(errno));
		os_nl_close(nl);
		return BRT_ENOTSUP;
	}
	/* a bigger queue only helps; failing to get one is not fatal */
	(void)setsockopt(mnl_socket_get_fd(nl->sock), SOL_SOCKET, SO_RCVBUF,
			 &rcv, sizeof(rcv));
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = (uint32_t)rand() | 1u;
	nl->buflen = NL_RECV_BUF;
	nl->buf = malloc(nl->buflen);
	if (!nl->buf) {
		os_nl_close(nl);
		return BRT_ENOMEM;
	}
	return 0;
}

void os_nl_close(struct brt_nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl->buf);
	memset(nl, 0, sizeof(*nl));
}

int os_nl_reply_check(const struct nlmsghdr *nlh, uint32_t sender_port,
		       uint32_t portid, uint32_t seq, char *err,
		       size_t errlen)
{
	if (sender_port != 0)
		return os_nl_fail(err, errlen, "reply",
				   "sent by port %u, not by the kernel",
				   sender_port);
	if (nlh->nlmsg_pid != portid)
		return os_nl_fail(err, errlen, "reply",
				   "addressed to port %u, we are %u",
				   nlh->nlmsg_pid, portid);
	if (nlh->nlmsg_seq != seq)
		return os_nl_fail(err, errlen, "reply",
				   "sequence %u, we asked with %u",
				   nlh->nlmsg_seq, seq);
	return 0;
}

static const struct brt_nl_pol ack_pol[NLMSGERR_ATTR_MAX + 1] = {
	[NLMSGERR_ATTR_MSG] = {BRT_NLA_STRING, 0},
};

/* Where the extended-ack attributes start in an NLMSG_ERROR payload. */
static size_t ack_tlv_offset(const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);

	if (nlh->nlmsg_type == NLMSG_DONE)
		return sizeof(int);
	if (nlh->nlmsg_flags & NLM_F_CAPPED)
		return sizeof(*e);
	return MNL_ALIGN(sizeof(int) + (size_t)e->msg.nlmsg_len);
}

int os_nl_error_text(const struct nlmsghdr *nlh, char *text, size_t len)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	size_t plen = mnl_nlmsg_get_payload_len(nlh), off;
	char dummy[8];
	int code;

	if (len)
		text[0] = 0;
	if (plen < (nlh->nlmsg_type == NLMSG_DONE ? sizeof(int)
						   : sizeof(struct nlmsgerr)))
		return plen == 0 && nlh->nlmsg_type == NLMSG_DONE ? 0 : -1;
	memcpy(&code, mnl_nlmsg_get_payload(nlh), sizeof(code));
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return -code;
	off = ack_tlv_offset(nlh);
	if (off > plen || os_nl_parse_stream((const char *)mnl_nlmsg_get_payload(nlh) + off,
					      plen - off, tb, NLMSGERR_ATTR_MAX,
					      ack_pol, 0, "ack", dummy,
					      sizeof(dummy)))
		return -1;
	if (tb[NLMSGERR_ATTR_MSG] && len)
		snprintf(text, len, "%s", mnl_attr_get_str(tb[NLMSGERR_ATTR_MSG]));
	return -code;
}

int os_nl_dump_intr_retry(int ret, int attempt)
{
	return ret == BRT_NL_INTR && attempt + 1 < NL_INTR_RETRIES;
}
