/*
 * nl_request.c - send one request, read its whole reply (see nl_socket.c
 * for why the receive loop is not mnl_cb_run).
 *
 * Invariants: a reply ends with NLMSG_DONE (dumps), NLMSG_ERROR (refusal
 * or ack) or, for a plain request, its one data message. A failing
 * callback does not stop the reading, only further callbacks, so the
 * socket never keeps half a reply.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/netlink.h>

#include "netlink/nl.h"

struct reply_state {
	struct brt_nl *nl;
	brt_nl_msg_cb cb;
	void *data;
	int dump;
	int done;
	int intr;
	int cb_err;
	int kerr;
};

ssize_t os_nl_recv(struct brt_nl *nl, uint32_t *sender, char *err,
		    size_t errlen)
{
	struct sockaddr_nl sa;
	struct iovec iov = {nl->buf, nl->buflen};
	struct msghdr msg;
	ssize_t n;

	memset(&msg, 0, sizeof(msg));
	msg.msg_name = &sa;
	msg.msg_namelen = sizeof(sa);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	do
		n = recvmsg(mnl_socket_get_fd(nl->sock), &msg, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		int saved = errno;	/* callers tell ENOBUFS apart */

		snprintf(err, errlen, "netlink receive: %s", strerror(saved));
		errno = saved;
		return BRT_EIO;
	}
	if (msg.msg_flags & MSG_TRUNC) {
		snprintf(err, errlen, "netlink message larger than %zu bytes", nl->buflen);
		return BRT_EIO;
	}
	if (msg.msg_namelen != sizeof(sa) || sa.nl_family != AF_NETLINK) {
		snprintf(err, errlen, "netlink receive: not a netlink sender");
		return BRT_EIO;
	}
	*sender = sa.nl_pid;
	return n;
}

static int take_control(const struct nlmsghdr *nlh, struct reply_state *st,
			char *err, size_t errlen)
{
	char *text = st->nl->ack;
	size_t tlen = sizeof(st->nl->ack);
	int code;

	if (nlh->nlmsg_type == NLMSG_NOOP)
		return 0;
	if (nlh->nlmsg_type == NLMSG_OVERRUN)
		return os_nl_fail(err, errlen, "reply", "overrun");
	if (nlh->nlmsg_type != NLMSG_ERROR && nlh->nlmsg_type != NLMSG_DONE)
		return 0;
	code = os_nl_error_text(nlh, text, tlen);
	if (code < 0)
		return os_nl_fail(err, errlen, "reply", "malformed error or done");
	st->done = 1;
	if (code > 0) {
		st->kerr = code;
		snprintf(err, errlen, "kernel: %s%s%s", strerror(code),
			 text[0] ? ": " : "", text);
	}
	return 0;
}

static int take_datagram(struct brt_nl *nl, size_t len, uint32_t sender,
			 struct reply_state *st, char *err, size_t errlen)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)nl->buf;
	int left = (int)len, e;

	for (; !st->done && mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
		e = os_nl_reply_check(nlh, sender, nl->portid, nl->seq, err, errlen);
		if (e)
			return e;
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
			st->intr = 1;
		if (nlh->nlmsg_type < NLMSG_MIN_TYPE) {
			e = take_control(nlh, st, err, errlen);
			if (e)
				return e;
			continue;
		}
		if (!st->cb_err)
			st->cb_err = st->cb(nlh, st->data);
		if (!st->dump)
			st->done = 1;
	}
	if (!st->done && left > 0)
		return os_nl_fail(err, errlen, "reply",
				   "%d trailing bytes are not a whole message", left);
	return 0;
}

int os_nl_request(struct brt_nl *nl, struct nlmsghdr *req, brt_nl_msg_cb cb,
		   void *data, int *kerr, char *err, size_t errlen)
{
	struct reply_state st = {nl, cb, data, 0, 0, 0, 0, 0};
	uint32_t sender;
	ssize_t n;
	int e;

	nl->ack[0] = 0;
	st.dump = (req->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	req->nlmsg_seq = ++nl->seq;
	if (mnl_socket_sendto(nl->sock, req, req->nlmsg_len) < 0) {
		snprintf(err, errlen, "netlink send: %s", strerror(errno));
		return BRT_EIO;
	}
	while (!st.done) {
		n = os_nl_recv(nl, &sender, err, errlen);
		if (n < 0)
			return (int)n;
		if (sender != 0)
			continue;	/* not the kernel: never a reply */
		e = take_datagram(nl, (size_t)n, sender, &st, err, errlen);
		if (e)
			return e;
	}
	if (kerr)
		*kerr = st.kerr;
	if (st.kerr)
		return BRT_EIO;
	if (st.cb_err)
		return st.cb_err;
	return st.intr ? BRT_NL_INTR : 0;
}
