/*
 * ipjson_link.c - link records of `ip -j link show` (and the link part of
 * `ip -j addr show` records).
 *
 * Invariants: a link needs "ifindex" and "ifname"; the flags array is the
 * whole truth about up and carrier (UP, LOWER_UP), so the defaults of
 * brt_link_init are cleared first. Both dumps map the same keys, so a link
 * seen in a link dump and in an addr dump is the same record and the
 * builder accepts it twice.
 */
#include <string.h>

#include "ipjson/ipjson_impl.h"

static const struct ipj_flagname link_flags[] = {
	{"UP", BRT_LINK_F_UP}, {"LOWER_UP", BRT_LINK_F_CARRIER}, {NULL, 0},
};

struct ipj_type_word {
	const char *word;
	uint8_t type;
};

/* ip's names of ARPHRD_* (ll_types.c) that the model distinguishes. */
static const struct ipj_type_word link_types[] = {
	{"ether", BRT_LINK_ETHERNET}, {"loopback", BRT_LINK_LOOPBACK},
	{"none", BRT_LINK_TUNNEL}, {"tunnel", BRT_LINK_TUNNEL},
	{"tunnel6", BRT_LINK_TUNNEL}, {"sit", BRT_LINK_TUNNEL},
	{"gre", BRT_LINK_TUNNEL}, {"ip6gre", BRT_LINK_TUNNEL},
	{"ipip", BRT_LINK_TUNNEL}, {"ppp", BRT_LINK_PPP},
	{"ieee802.11", BRT_LINK_WIRELESS},
	{"ieee802.11/radiotap", BRT_LINK_WIRELESS},
	{"ieee802.11/prism", BRT_LINK_WIRELESS}, {NULL, 0},
};

/* `ip -d` names the driver kind; some say more than link_type does. */
static int kind_type(struct ipj_ctx *c, json_object *o, uint8_t *type)
{
	json_object *info = fmt_ipj_get(o, "linkinfo");
	const char *kind;
	int rc;

	if (!info)
		return 0;
	if (!json_object_is_type(info, json_type_object))
		return fmt_ipj_fail(c, "\"linkinfo\" is not an object");
	rc = fmt_ipj_str(c, info, "info_kind", &kind);
	if (rc <= 0)
		return rc;
	/* a tap device is a tun device that carries ethernet frames */
	if (!strcmp(kind, "tun") &&
	    json_object_is_type(fmt_ipj_get(fmt_ipj_get(info, "info_data"), "type"),
				json_type_string) &&
	    !strcmp(json_object_get_string(fmt_ipj_get(fmt_ipj_get(info, "info_data"),
						   "type")), "tap"))
		*type = BRT_LINK_ETHERNET;
	else if (!strcmp(kind, "tun") || !strcmp(kind, "wireguard"))
		*type = BRT_LINK_TUNNEL;
	else if (!strcmp(kind, "wlan") || !strcmp(kind, "wifi"))
		*type = BRT_LINK_WIRELESS;
	return 0;
}

static int link_type(struct ipj_ctx *c, json_object *o, uint8_t *type)
{
	const char *word;
	size_t i;
	int rc = fmt_ipj_str(c, o, "link_type", &word);

	if (rc < 0)
		return rc;
	if (rc > 0) {
		*type = BRT_LINK_OTHER;
		for (i = 0; link_types[i].word; i++)
			if (!strcmp(link_types[i].word, word))
				*type = link_types[i].type;
	}
	return kind_type(c, o, type);
}

/* Convert the link part of @o into @l. */
static int read_link(struct ipj_ctx *c, json_object *o, struct brt_link *l)
{
	char master[BRT_IFNAMSIZ];
	uint8_t type = BRT_LINK_ETHERNET;
	int rc;

	brt_link_init(l);
	rc = fmt_ipj_uint(c, o, "ifindex", 0x0fffffffu, &l->index);
	if (rc == 0 || (rc > 0 && l->index == 0))
		return fmt_ipj_fail(c, "a link needs a nonzero \"ifindex\"");
	if (rc < 0 || (rc = fmt_ipj_ifname(c, o, "ifname", l->name)) < 0)
		return rc;
	if (rc == 0)
		return fmt_ipj_fail(c, "a link needs an \"ifname\"");
	l->flags = 0;
	if ((rc = fmt_ipj_flag_list(c, o, "flags", link_flags, &l->flags)) < 0 ||
	    (rc = fmt_ipj_uint(c, o, "mtu", 0xffffffffu, &l->mtu)) < 0 ||
	    (rc = fmt_ipj_group(c, o, "group", &l->group)) < 0 ||
	    (rc = fmt_ipj_ifname(c, o, "master", master)) < 0 ||
	    (rc = link_type(c, o, &type)) < 0)
		return rc;
	l->type = type;
	if (master[0])
		l->master = fmt_ipj_ifref(c, master);
	return 0;
}

int fmt_ipj_link_record(struct ipj_ctx *c, json_object *o)
{
	struct brt_link l;
	int rc = read_link(c, o, &l);

	if (rc || c->dry)
		return rc;
	rc = brt_builder_add_link(c->b, &l);
	return rc ? fmt_ipj_builder_fail(c, rc) : 0;
}
