/*
 * bestroute.h - native API of libbestroute.
 *
 * Which route, interface and source address will a host use to reach X?
 * The library answers for a table (built through the builder API or loaded
 * from files) under Linux or Windows policy, and for the live host.
 *
 * Conventions (as in libmnl):
 *  - every symbol is brt_<object>_<verb>;
 *  - handles are opaque, created by *_create() or produced by a function,
 *    released by *_destroy(); destroy(NULL) is a no-op;
 *  - functions that can fail return 0 on success or a negative BRT_E* code;
 *    brt_strerror() names it;
 *  - a brt_table is immutable once built and may be shared between threads
 *    without locking.
 */
#ifndef BESTROUTE_BESTROUTE_H
#define BESTROUTE_BESTROUTE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; these names are its API. */
#if defined(__GNUC__) && !defined(BRT_NO_VISIBILITY)
#pragma GCC visibility push(default)
#endif

#define BRT_VERSION_MAJOR 1
#define BRT_VERSION_MINOR 0

/* ------------------------------------------------------------------ errors */

enum brt_errno {
	BRT_OK = 0,
	BRT_EINVAL = -1,	/* an argument is invalid */
	BRT_ENOMEM = -2,	/* out of memory */
	BRT_ENOENT = -3,	/* no such object (link, route, rule...) */
	BRT_EEXIST = -4,	/* the object exists already */
	BRT_EPARSE = -5,	/* input text could not be parsed */
	BRT_ECONFLICT = -6,	/* two inputs disagree */
	BRT_EIO = -7,		/* a system or kernel call failed */
	BRT_EPERM = -8,		/* not permitted (privilege) */
	BRT_ENOTSUP = -9,	/* not supported here */
	BRT_ERANGE = -10,	/* a value is out of range */
	BRT_ELIMIT = -11,	/* an input exceeds a built-in limit */
	BRT_ENOSTACK = -12,	/* the address family has no stack */
};

/* A static English sentence for a BRT_E* code (never NULL). */
const char *brt_strerror(int err);

/* ------------------------------------------------------------- addresses */

/* Address family numbers equal Linux's AF_INET and AF_INET6. */
#define BRT_AF_UNSPEC 0
#define BRT_AF_INET 2
#define BRT_AF_INET6 10

#define BRT_IFNAMSIZ 16
/* Longest text form of an address with zone: "ffff:...:255.255.255.255%name". */
#define BRT_ADDRSTRLEN 64
/* Longest text form of a prefix. */
#define BRT_PREFIXSTRLEN 72

struct brt_addr {
	uint8_t family;		/* BRT_AF_UNSPEC (no address), _INET or _INET6 */
	uint8_t reserved[3];
	uint32_t zone;		/* IPv6 scope id (interface index), else 0 */
	uint8_t bytes[16];	/* network byte order; IPv4 uses bytes[0..3] */
};

struct brt_prefix {
	struct brt_addr addr;	/* host bits are zero in a valid prefix */
	uint8_t len;		/* 0..32 or 0..128 */
	uint8_t reserved[3];
};

/*
 * brt_addr_parse - parse "192.0.2.1", "2001:db8::1" or "fe80::1%3".
 * A zone given by name ("fe80::1%eth0") cannot be resolved here: the
 * function returns BRT_ENOENT and leaves the name to the caller (see
 * brt_table_addr_parse). Returns 0, BRT_EINVAL (NULL argument) or
 * BRT_EPARSE (not an address).
 */
int brt_addr_parse(const char *text, struct brt_addr *out);

/*
 * brt_addr_format - write the text form of @a (with "%zone" when the zone
 * is nonzero) into @buf of @len bytes (BRT_ADDRSTRLEN suffices).
 * Returns the length written, BRT_EINVAL or BRT_ERANGE (buffer too small).
 */
int brt_addr_format(const struct brt_addr *a, char *buf, size_t len);

/* Whether two addresses are the same family and bytes (zones ignored):
 * 1 or 0 (0 when either is NULL). */
int brt_addr_equal(const struct brt_addr *a, const struct brt_addr *b);

/*
 * brt_prefix_parse - parse "10.0.0.0/8", "2001:db8::/32", "default" (with
 * @family_hint BRT_AF_INET6 for ::/0) or a plain address (full length).
 * Host bits set are BRT_EPARSE unless @allow_host_bits.
 */
int brt_prefix_parse(const char *text, int family_hint, int allow_host_bits,
		     struct brt_prefix *out);
/*
 * brt_prefix_format - "10.0.0.0/8" into @buf (@len bytes, NUL-terminated).
 * Returns the length written, BRT_EINVAL (NULL, a bad family or a length
 * longer than the family's) or BRT_ERANGE (@buf too small).
 */
int brt_prefix_format(const struct brt_prefix *p, char *buf, size_t len);
/* Whether @a lies inside @p: 1 or 0 (0 also for NULL, differing families
 * or a malformed prefix). */
int brt_prefix_contains(const struct brt_prefix *p, const struct brt_addr *a);

/* ------------------------------------------------------------ table model */

enum brt_policy {
	BRT_POLICY_LINUX = 0,	/* what the Linux kernel answers */
	BRT_POLICY_WINDOWS = 1,	/* what Windows answers */
};

enum brt_link_type {
	BRT_LINK_OTHER = 0,
	BRT_LINK_ETHERNET = 1,
	BRT_LINK_LOOPBACK = 2,
	BRT_LINK_TUNNEL = 3,
	BRT_LINK_PPP = 4,
	BRT_LINK_WIRELESS = 5,
};

/* brt_link.flags */
#define BRT_LINK_F_UP 0x0001		/* administratively up */
#define BRT_LINK_F_CARRIER 0x0002	/* lower layer up */
#define BRT_LINK_F_WEAK_HOST_SEND 0x0004 /* Windows: weak host send */
#define BRT_LINK_F_NO_IPV4 0x0008	/* IPv4 disabled on the link */
#define BRT_LINK_F_NO_IPV6 0x0010	/* IPv6 disabled (disable_ipv6) */
#define BRT_LINK_F_DERIVED 0x8000	/* made by the library, not given */

struct brt_link {
	char name[BRT_IFNAMSIZ];
	uint32_t index;		/* > 0 */
	uint32_t master;	/* index of the master link, 0 for none */
	uint32_t mtu;
	uint32_t metric;	/* interface metric (Windows), 0 on Linux */
	uint32_t group;		/* link group (for suppress_ifgroup) */
	uint32_t flags;		/* BRT_LINK_F_* */
	uint8_t type;		/* enum brt_link_type */
	uint8_t reserved[3];
};

/* brt_address.flags */
#define BRT_ADDR_F_SECONDARY 0x0001
#define BRT_ADDR_F_DEPRECATED 0x0002
#define BRT_ADDR_F_TENTATIVE 0x0004
#define BRT_ADDR_F_TEMPORARY 0x0008
#define BRT_ADDR_F_SKIP_AS_SOURCE 0x0010
#define BRT_ADDR_F_NOPREFIXROUTE 0x0020
#define BRT_ADDR_F_OPTIMISTIC 0x0040
#define BRT_ADDR_F_DADFAILED 0x0080
#define BRT_ADDR_F_HOMEADDRESS 0x0100
#define BRT_ADDR_F_MNGTMPADDR 0x0200
#define BRT_ADDR_F_NODAD 0x0400
#define BRT_ADDR_F_PERMANENT 0x0800
#define BRT_ADDR_F_DERIVED 0x8000	/* made by the library, not given */

/* Route and address scopes, as Linux numbers them. */
enum brt_scope {
	BRT_SCOPE_UNIVERSE = 0,
	BRT_SCOPE_SITE = 200,
	BRT_SCOPE_LINK = 253,
	BRT_SCOPE_HOST = 254,
	BRT_SCOPE_NOWHERE = 255,
};

#define BRT_LIFETIME_FOREVER 0xffffffffu

struct brt_address {
	struct brt_addr addr;
	struct brt_addr peer;		/* IPv4 point-to-point peer, or none */
	struct brt_addr broadcast;	/* IPv4 broadcast, or none */
	uint32_t ifindex;
	uint32_t flags;			/* BRT_ADDR_F_* */
	uint32_t valid_lft;		/* seconds, BRT_LIFETIME_FOREVER */
	uint32_t preferred_lft;
	uint32_t metric;		/* metric of the prefix route */
	uint8_t plen;
	uint8_t scope;			/* enum brt_scope */
	uint8_t reserved[2];
	char label[BRT_IFNAMSIZ];	/* IPv4 label, "" for none */
};

/* Route types: the numbers of Linux's RTN_*. */
enum brt_route_type {
	BRT_RT_UNSPEC = 0,
	BRT_RT_UNICAST = 1,
	BRT_RT_LOCAL = 2,
	BRT_RT_BROADCAST = 3,
	BRT_RT_ANYCAST = 4,
	BRT_RT_MULTICAST = 5,
	BRT_RT_BLACKHOLE = 6,
	BRT_RT_UNREACHABLE = 7,
	BRT_RT_PROHIBIT = 8,
	BRT_RT_THROW = 9,
};

/* Routing table ids, as Linux numbers them. */
#define BRT_TABLE_UNSPEC 0
#define BRT_TABLE_DEFAULT 253
#define BRT_TABLE_MAIN 254
#define BRT_TABLE_LOCAL 255

/* Route protocols, as Linux numbers them (RTPROT_*). */
#define BRT_PROTO_UNSPEC 0
#define BRT_PROTO_REDIRECT 1
#define BRT_PROTO_KERNEL 2
#define BRT_PROTO_BOOT 3
#define BRT_PROTO_STATIC 4
#define BRT_PROTO_RA 9
#define BRT_PROTO_DHCP 16
#define BRT_PROTO_BGP 186
#define BRT_PROTO_OSPF 188
#define BRT_PROTO_RIP 189

/* brt_nexthop.flags and brt_route.flags (the RTNH_F_* subset) */
#define BRT_NH_F_DEAD 0x01
#define BRT_NH_F_ONLINK 0x04
#define BRT_NH_F_LINKDOWN 0x10
/* brt_route.flags only */
#define BRT_ROUTE_F_DERIVED 0x10000	/* derived by the library */
#define BRT_ROUTE_F_HAS_METRIC 0x20000	/* metric was given explicitly */

struct brt_nexthop {
	struct brt_addr gw;	/* gateway, or family 0 when on-link */
	uint32_t ifindex;	/* output link, 0 when none */
	uint32_t weight;	/* 1..256 (rtnh_hops + 1) */
	uint32_t flags;		/* BRT_NH_F_* */
};

/* Router preference of IPv6 routes (RFC 4191), as Linux encodes it. */
#define BRT_PREF_MEDIUM 0
#define BRT_PREF_HIGH 1
#define BRT_PREF_LOW 3

struct brt_route {
	struct brt_prefix dst;
	struct brt_prefix src;		/* IPv6 source-specific route, len 0 */
	struct brt_addr prefsrc;	/* preferred source, or none */
	uint32_t table;			/* BRT_TABLE_* or another id */
	uint32_t metric;		/* priority */
	uint32_t flags;			/* BRT_NH_F_* | BRT_ROUTE_F_* */
	uint32_t nh_id;			/* nexthop object id, 0 for none */
	uint32_t mtu;			/* 0 when not set */
	uint32_t expires;		/* seconds, 0 when not set */
	uint32_t nh_count;
	const struct brt_nexthop *nh;	/* nh_count entries */
	uint8_t family;
	uint8_t type;			/* enum brt_route_type */
	uint8_t tos;
	uint8_t protocol;		/* BRT_PROTO_* */
	uint8_t scope;			/* enum brt_scope */
	uint8_t pref;			/* BRT_PREF_* (IPv6) */
	uint8_t reserved[2];
};

/* brt_nhobj.flags */
#define BRT_NHOBJ_F_BLACKHOLE 0x01
#define BRT_NHOBJ_F_ONLINK 0x02
#define BRT_NHOBJ_F_FDB 0x04
#define BRT_NHOBJ_F_DEAD 0x08
#define BRT_NHOBJ_F_LINKDOWN 0x10
#define BRT_NHOBJ_F_RESILIENT 0x20	/* a resilient group */

struct brt_nhgrp_member {
	uint32_t id;
	uint32_t weight;		/* 1..256 */
};

/* A nexthop object (ip nexthop): a single next hop or a group. */
struct brt_nhobj {
	uint32_t id;
	uint32_t flags;			/* BRT_NHOBJ_F_* */
	struct brt_addr gw;
	uint32_t ifindex;
	uint32_t group_count;		/* > 0 for a group */
	const struct brt_nhgrp_member *group;
	uint8_t family;			/* BRT_AF_UNSPEC for groups/blackhole */
	uint8_t protocol;
	uint8_t reserved[2];
};

/* Rule actions: the numbers of Linux's FR_ACT_*. */
enum brt_rule_action {
	BRT_RULE_LOOKUP = 1,
	BRT_RULE_GOTO = 2,
	BRT_RULE_NOP = 3,
	BRT_RULE_BLACKHOLE = 6,
	BRT_RULE_UNREACHABLE = 7,
	BRT_RULE_PROHIBIT = 8,
};

/* brt_rule.flags */
#define BRT_RULE_F_INVERT 0x0001	/* "not" */
#define BRT_RULE_F_FWMARK 0x0002	/* fwmark/fwmask are set */
#define BRT_RULE_F_UIDRANGE 0x0004
#define BRT_RULE_F_SPORT 0x0008
#define BRT_RULE_F_DPORT 0x0010
#define BRT_RULE_F_IPPROTO 0x0020
#define BRT_RULE_F_L3MDEV 0x0040
#define BRT_RULE_F_DERIVED 0x8000

#define BRT_RULE_NO_SUPPRESS 0xffffffffu

struct brt_rule {
	struct brt_prefix src;		/* len 0 and family 0: any */
	struct brt_prefix dst;
	uint32_t priority;
	uint32_t flags;			/* BRT_RULE_F_* */
	uint32_t table;			/* for BRT_RULE_LOOKUP */
	uint32_t goto_target;		/* for BRT_RULE_GOTO: a priority */
	uint32_t fwmark, fwmask;
	uint32_t uid_start, uid_end;
	uint32_t suppress_prefixlen;	/* BRT_RULE_NO_SUPPRESS for none */
	uint32_t suppress_ifgroup;	/* BRT_RULE_NO_SUPPRESS for none */
	uint16_t sport_lo, sport_hi, dport_lo, dport_hi;
	char iif[BRT_IFNAMSIZ];		/* "" for any */
	char oif[BRT_IFNAMSIZ];
	uint8_t family;
	uint8_t action;			/* enum brt_rule_action */
	uint8_t tos;
	uint8_t ipproto;
	uint8_t protocol;
	uint8_t reserved[3];
};

/* An entry of the IPv6 address label table (ip addrlabel). */
struct brt_addrlabel {
	struct brt_prefix prefix;
	uint32_t ifindex;		/* 0 for any */
	uint32_t label;
	uint32_t flags;			/* BRT_LABEL_F_* */
};
#define BRT_LABEL_F_DERIVED 0x8000	/* the kernel's default table */

/* Initialise each record to defaults (up, unicast, main table, ...);
 * NULL is a no-op. Nothing is allocated: a record holds no pointer that
 * needs freeing (next hop and group arrays belong to the caller). */
void brt_link_init(struct brt_link *l);
void brt_address_init(struct brt_address *a);
void brt_route_init(struct brt_route *r);
void brt_nexthop_init(struct brt_nexthop *nh);
void brt_rule_init(struct brt_rule *r);
void brt_nhobj_init(struct brt_nhobj *n);

/* ---------------------------------------------------------------- builder */

typedef struct brt_builder brt_builder;
typedef struct brt_table brt_table;

/* A new, empty builder, or NULL when out of memory. */
brt_builder *brt_builder_create(void);
/* A new builder holding everything @t was built from (its given entries,
 * not the derived ones), to change and finish again; NULL when @t is NULL
 * or out of memory. The caller owns it; @t is unchanged. */
brt_builder *brt_builder_from_table(const brt_table *t);
/* Free @b and everything it copied; NULL is a no-op. Tables it finished
 * live on. */
void brt_builder_destroy(brt_builder *b);

/*
 * brt_builder_set_origin - where the next entries come from, for error
 * messages and conflicts ("file.table", line). @name is copied.
 * Returns 0, BRT_EINVAL (NULL @b or @name) or BRT_ENOMEM.
 */
int brt_builder_set_origin(brt_builder *b, const char *name, unsigned line);

/* The policy the table answers by. Returns 0, BRT_EINVAL (NULL @b or no
 * such policy) or BRT_ECONFLICT (a different policy was set from another
 * origin; brt_builder_error() names both). Ignored after a forced one. */
int brt_builder_set_policy(brt_builder *b, enum brt_policy policy);
/* Force @policy regardless of what inputs said (the CLI's --policy); later
 * brt_builder_set_policy() calls are accepted and ignored. Returns 0 or
 * BRT_EINVAL (NULL @b or no such policy). */
int brt_builder_force_policy(brt_builder *b, enum brt_policy policy);

/*
 * brt_builder_ifref - the index to use for link @name in entries added
 * before the link itself: its index if known, else a provisional one that
 * brt_builder_finish() resolves (BRT_ENOENT there if never defined).
 * Returns 0 when @name is empty or too long.
 */
uint32_t brt_builder_ifref(brt_builder *b, const char *name);

/*
 * Adding entries. The record is copied (with its nexthop/group arrays).
 * Returns 0, BRT_EINVAL (NULL or malformed: family, prefix length, host
 * bits, zero index...), BRT_ECONFLICT (a link with the same name or index
 * defined differently), BRT_ENOMEM or BRT_ELIMIT.
 * A link defined twice identically is accepted once.
 */
int brt_builder_add_link(brt_builder *b, const struct brt_link *l);
int brt_builder_add_address(brt_builder *b, const struct brt_address *a);
int brt_builder_add_route(brt_builder *b, const struct brt_route *r);
int brt_builder_add_rule(brt_builder *b, const struct brt_rule *r);
int brt_builder_add_nhobj(brt_builder *b, const struct brt_nhobj *n);
int brt_builder_add_addrlabel(brt_builder *b, const struct brt_addrlabel *l);
/* A sysctl that changes answers, e.g. "net.ipv6.conf.eth0.use_tempaddr";
 * both strings are copied, a second value for a key replaces the first.
 * Returns 0, BRT_EINVAL (NULL or empty key, NULL value) or BRT_ENOMEM. */
int brt_builder_set_sysctl(brt_builder *b, const char *key, const char *value);

/*
 * Removing given entries (for table edits): the first route equal in
 * family, table, dst, tos, metric and type whose next hops equal @r's, or
 * any next hops when @r->nh_count is 0. Returns 0 or BRT_ENOENT.
 */
int brt_builder_del_route(brt_builder *b, const struct brt_route *r);

/* The message of the last error of @b ("" when none). */
const char *brt_builder_error(const brt_builder *b);

/*
 * brt_builder_finish - validate, derive what the host would derive
 * (connected, local, broadcast routes, default rules and labels) and
 * compile the table. On success *@out owns a new table; @b may be reused or
 * destroyed. On failure *@out is NULL and brt_builder_error() says why.
 * Returns 0, BRT_EINVAL, BRT_ENOENT (an undefined link), BRT_ENOMEM.
 */
int brt_builder_finish(brt_builder *b, brt_table **out);

/* ------------------------------------------------------------------ table */

/* Free @t and everything it owns; NULL is a no-op. Pointers the accessors
 * and lookups returned into @t are invalid afterwards, so no other thread
 * may still be using it. */
void brt_table_destroy(brt_table *t);
/* The policy @t answers by (BRT_POLICY_LINUX for NULL). */
enum brt_policy brt_table_policy(const brt_table *t);

/*
 * Contents, in definition order, derived entries included. Each count is
 * 0 for a NULL table; each accessor returns entry @i (valid while @t
 * lives, owned by @t), or NULL for a NULL table or @i >= the count.
 */
size_t brt_table_link_count(const brt_table *t);
const struct brt_link *brt_table_link(const brt_table *t, size_t i);
size_t brt_table_address_count(const brt_table *t);
const struct brt_address *brt_table_address(const brt_table *t, size_t i);
size_t brt_table_route_count(const brt_table *t);
const struct brt_route *brt_table_route(const brt_table *t, size_t i);
size_t brt_table_rule_count(const brt_table *t);
const struct brt_rule *brt_table_rule(const brt_table *t, size_t i);
size_t brt_table_nhobj_count(const brt_table *t);
const struct brt_nhobj *brt_table_nhobj(const brt_table *t, size_t i);
size_t brt_table_addrlabel_count(const brt_table *t);
const struct brt_addrlabel *brt_table_addrlabel(const brt_table *t, size_t i);
size_t brt_table_sysctl_count(const brt_table *t);
/* The i-th sysctl as key and value; returns 0 or BRT_EINVAL. */
int brt_table_sysctl(const brt_table *t, size_t i, const char **key,
		     const char **value);

/* The link of @index or of @name (owned by @t); NULL when there is no such
 * link or @t (or @name) is NULL. */
const struct brt_link *brt_table_link_by_index(const brt_table *t,
					       uint32_t index);
const struct brt_link *brt_table_link_by_name(const brt_table *t,
					      const char *name);

/*
 * brt_table_addr_parse - like brt_addr_parse, and resolves a zone given by
 * link name through @t ("fe80::1%eth0"). Returns 0, BRT_EINVAL (NULL
 * argument), BRT_EPARSE (not an address) or BRT_ENOENT (an unknown link
 * name); *@out is unchanged on error.
 */
int brt_table_addr_parse(const brt_table *t, const char *text,
			 struct brt_addr *out);

/* The name of table @id ("main", "local", "default" or the number) into
 * @buf: the length written, BRT_EINVAL (NULL @buf) or BRT_ERANGE (too
 * small; 11 bytes always suffice). */
int brt_table_id_format(uint32_t id, char *buf, size_t len);
/* "main", "local", "default" or a number; 0 or BRT_EPARSE. */
int brt_table_id_parse(const char *text, uint32_t *out);

/* ----------------------------------------------------------------- lookup */

/* brt_query.flags */
#define BRT_QUERY_F_MARK 0x01	/* mark is set */
#define BRT_QUERY_F_UID 0x02	/* uid is set */
#define BRT_QUERY_F_IPPROTO 0x04
#define BRT_QUERY_F_SPORT 0x08
#define BRT_QUERY_F_DPORT 0x10

struct brt_query {
	struct brt_addr dst;	/* required; zone for link-local IPv6 */
	struct brt_addr src;	/* "from": family 0 for none */
	uint32_t oif;		/* output interface index, 0 for any */
	uint32_t iif;		/* input interface index, 0: locally sent */
	uint32_t mark;
	uint32_t uid;		/* sender uid; unset means 0 (root) */
	uint32_t flags;		/* BRT_QUERY_F_* */
	uint16_t sport, dport;
	uint8_t tos;
	uint8_t ipproto;
	uint8_t reserved[2];
};

/* Zero the query (nothing for NULL). */
void brt_query_init(struct brt_query *q);

/* Outcome of a lookup (brt_result.status). */
enum brt_status {
	BRT_ROUTE_OK = 0,
	BRT_ROUTE_NO_ROUTE = 1,		/* ENETUNREACH */
	BRT_ROUTE_UNREACHABLE = 2,	/* EHOSTUNREACH */
	BRT_ROUTE_BLACKHOLE = 3,	/* EINVAL */
	BRT_ROUTE_PROHIBIT = 4,		/* EACCES */
	BRT_ROUTE_INVALID = 5,		/* the query cannot be answered */
	BRT_ROUTE_UNSUPPORTED = 6,	/* a kernel behaviour not modelled */
};

/* "no-route", "unreachable", ... as the JSON output names them: a static
 * string, "invalid" for a value outside enum brt_status. */
const char *brt_status_name(enum brt_status s);
/* The errno the Linux kernel gives for @s (0 for OK). */
int brt_status_errno(enum brt_status s);

struct brt_result {
	int status;			/* enum brt_status */
	uint8_t family;
	uint8_t type;			/* enum brt_route_type of the answer */
	uint8_t has_prefix;		/* 0 when routed without a FIB entry */
	uint8_t scope;
	struct brt_prefix prefix;	/* the matched route's prefix */
	uint32_t table;
	uint32_t metric;		/* the route's own */
	uint32_t effective_metric;	/* Windows: route + interface metric */
	uint32_t rule_priority;		/* the rule that found it */
	struct brt_addr gateway;	/* family 0 when on-link */
	uint32_t ifindex;		/* output interface */
	struct brt_addr source;		/* chosen source, zone = its link */
	const struct brt_route *route;	/* the matched route, or NULL */
	uint32_t nh_count;		/* resolved next hops of the route */
	uint32_t nh_chosen;		/* which of them is reported */
	const struct brt_nexthop *nh;	/* valid while the table lives */
	const char *message;		/* static text: why, for errors */
	/* What the kernel reports as RTA_PREFSRC (family 0: none): with no
	 * source given, the chosen source (== source); IPv4 with a source
	 * S given: none; IPv6 with S: the route's own preferred source,
	 * chosen without S. Windows: == source. Last, to keep the layout
	 * of the fields above. */
	struct brt_addr prefsrc;
};

/*
 * brt_table_lookup - the best route, interface and source for @q under
 * the table's policy. Returns 0 when the query was answered (the answer
 * may be a route error in r->status), BRT_EINVAL for NULL arguments or a
 * destination that is not IPv4 or IPv6 (r->status is BRT_ROUTE_INVALID).
 * For a multipath route the reported next hop is the first usable one
 * (the kernel's hash cannot be predicted); r->nh lists them all.
 */
int brt_table_lookup(const brt_table *t, const struct brt_query *q,
		     struct brt_result *r);

/*
 * brt_table_lookup_bulk - brt_table_lookup for @n queries at once: each
 * @results[i] receives exactly what brt_table_lookup(@t, &@queries[i])
 * would write, in the same order; the lookups of a batch overlap their
 * memory accesses (as the engine's bulk lookups do), so a batch of 16 to
 * 64 queries answers faster than as many single calls.
 * @queries: @n queries, read only; @results: @n results, written; both
 * arrays belong to the caller, and nothing is allocated per answer (the
 * pointers in a result point into @t and are valid while it lives).
 * A query that brt_table_lookup refuses with BRT_EINVAL (a destination
 * that is not IPv4 or IPv6) gets status BRT_ROUTE_INVALID in its result,
 * as there, and the others are still answered.
 * Returns 0, or BRT_EINVAL when @t is NULL or when @n > 0 and @queries or
 * @results is NULL (nothing is written then). @n == 0 is a no-op.
 */
int brt_table_lookup_bulk(const brt_table *t, const struct brt_query *queries,
			  size_t n, struct brt_result *results);

/*
 * brt_table_nexthop_source - the source address next hop @i of answer @r
 * gets (each next hop of a multipath route may give another source). @q
 * and @r are the query and answer of brt_table_lookup on @t.
 * Returns 0, BRT_EINVAL (NULL, an error answer, @i out of range) or
 * BRT_ENOENT (no address of the host fits).
 */
int brt_table_nexthop_source(const brt_table *t, const struct brt_query *q,
			     const struct brt_result *r, uint32_t i,
			     struct brt_addr *out);

/* Explain: every candidate rule and route considered, in order. */
enum brt_verdict {
	BRT_V_CHOSEN = 0,		/* this one answered */
	BRT_V_RULE_MATCHED,		/* rule matched, lookup continued */
	BRT_V_RULE_NO_MATCH,		/* a selector did not match */
	BRT_V_RULE_SUPPRESSED,		/* suppress_prefixlength/ifgroup */
	BRT_V_RULE_NO_RESULT,		/* table had nothing for it */
	BRT_V_LONGER_PREFIX_WON,	/* a longer prefix answered */
	BRT_V_HIGHER_METRIC,		/* same prefix, worse metric */
	BRT_V_LATER_DEFINED,		/* tie: an earlier one wins */
	BRT_V_LINK_DOWN,		/* link down or no carrier */
	BRT_V_WRONG_INTERFACE,		/* not on the requested interface */
	BRT_V_TOS_MISMATCH,
	BRT_V_SCOPE,			/* scope narrower than needed */
	BRT_V_DEAD,			/* next hops dead */
	BRT_V_SOURCE_NOT_ON_INTERFACE,	/* strong host */
	BRT_V_THROW,			/* throw route: next rule */
	BRT_V_ERROR_ROUTE,		/* blackhole/unreachable/prohibit */
	BRT_V_FAMILY_DISABLED,		/* family disabled on the link */
	BRT_V_SOURCE_MISMATCH,		/* source-specific route */
};

enum brt_candidate_kind {
	BRT_CAND_RULE = 1,
	BRT_CAND_ROUTE = 2,
};

struct brt_candidate {
	int kind;			/* enum brt_candidate_kind */
	int verdict;			/* enum brt_verdict */
	const struct brt_rule *rule;	/* for rules, and routes found by it */
	const struct brt_route *route;	/* for routes */
	uint32_t table;
	uint32_t effective_metric;
	const char *reason;		/* static text */
};

typedef struct brt_explain brt_explain;

/*
 * brt_table_explain - brt_table_lookup() that also records every candidate
 * in *@out (owned by the caller, brt_explain_destroy()). Same returns, and
 * BRT_ENOMEM; on any error *@out is NULL.
 */
int brt_table_explain(const brt_table *t, const struct brt_query *q,
		      struct brt_result *r, brt_explain **out);
/* The number of candidates recorded (0 for NULL), candidate @i in the
 * order they were considered (owned by @e; NULL for NULL or @i >= the
 * count; its rule and route point into the table, which must outlive it),
 * and freeing the record (NULL is a no-op). */
size_t brt_explain_count(const brt_explain *e);
const struct brt_candidate *brt_explain_get(const brt_explain *e, size_t i);
void brt_explain_destroy(brt_explain *e);

/* A static word for a verdict ("chosen", "higher-metric", ...). */
const char *brt_verdict_name(enum brt_verdict v);

/* ------------------------------------------------------------ table files */

/*
 * brt_builder_load_file - add the contents of one table file to @b: our
 * text format, or an `ip -j` dump recognised by its content. @spec is a
 * path, optionally prefixed "inet:" or "inet6:" to give the family of an
 * `ip -j` dump that does not reveal it. "-" reads standard input.
 * On error writes "file:line:col: message" into @err (of @errlen bytes).
 * Returns 0, BRT_EINVAL (NULL argument, or @err NULL with @errlen > 0),
 * BRT_EIO (cannot read), BRT_EPARSE, BRT_ECONFLICT, BRT_ENOMEM or
 * BRT_ELIMIT (a file over 1 GiB, a text line over 1 MiB, a statement over
 * 10,000 words, more than 4096 next hops or group members).
 */
int brt_builder_load_file(brt_builder *b, const char *spec, char *err,
			  size_t errlen);

/*
 * brt_builder_load_text - parse our text format from memory (@name is the
 * file name used in messages). Same returns as brt_builder_load_file.
 */
int brt_builder_load_text(brt_builder *b, const char *name, const char *data,
			  size_t len, char *err, size_t errlen);

/*
 * brt_builder_load_ipjson - parse one `ip -j` dump (link, addr, route,
 * rule, nexthop or addrlabel output) from memory. @family is
 * BRT_AF_UNSPEC when unknown (guessed from addresses where possible).
 * @data need not be NUL-terminated. Same returns as brt_builder_load_file
 * (messages name the record: "file: record N: ..."); on error @b holds
 * none of this dump's records.
 */
int brt_builder_load_ipjson(brt_builder *b, const char *name, int family,
			    const char *data, size_t len, char *err,
			    size_t errlen);

/*
 * brt_table_load - load @n files (as brt_builder_load_file takes them)
 * into one new table, owned by the caller (brt_table_destroy). @policy is
 * an enum brt_policy to force, or -1 to keep what the files say. Either the
 * whole table is loaded or *@out is NULL and @err says why. Returns what
 * brt_builder_load_file and brt_builder_finish return; BRT_EINVAL also for
 * a NULL @out, or NULL @specs with @n > 0.
 */
int brt_table_load(const char *const *specs, size_t n, int policy,
		   brt_table **out, char *err, size_t errlen);

/* The words `ip` and our text format print for numbered things. */
enum brt_word_kind {
	BRT_WORD_PROTOCOL = 1,	/* a route's protocol: "kernel", "static", ... */
	BRT_WORD_SCOPE = 2,	/* a scope: "global", "link", "host", ... */
};
#define BRT_WORD_MAX 12		/* room for any word or number, with NUL */

/*
 * brt_word_name - the word for @value of @kind, as iproute2's tables name
 * it: a static string, or, when the number has no name, the number written
 * into @buf (BRT_WORD_MAX bytes) and @buf returned. NULL for an unknown
 * @kind or a NULL @buf.
 */
const char *brt_word_name(int kind, unsigned value, char *buf);

/* brt_table_write flags */
#define BRT_WRITE_ALL 0x01	/* include derived entries */
#define BRT_WRITE_PRETTY 0x02	/* JSON: indented, not one line */

/*
 * brt_table_write_text - the table in our text format, in a new
 * NUL-terminated string (*@out, free() it). Reading it back gives a table
 * that answers every query the same way. Returns 0, BRT_EINVAL (NULL
 * argument) or BRT_ENOMEM.
 */
int brt_table_write_text(const brt_table *t, unsigned flags, char **out);

/*
 * brt_table_write_json - the table as one JSON document (a new
 * NUL-terminated string in *@out ending in a newline, free() it): the
 * keys of `ip -j` where ip names the field, every field of every entry,
 * so that brt_builder_load_file (or --table) reads it back to the same
 * table. With BRT_WRITE_ALL derived entries are included, marked
 * "derived" (and skipped when read). bestroute(1) lists the keys.
 * Returns 0, BRT_EINVAL (NULL argument) or BRT_ENOMEM.
 */
int brt_table_write_json(const brt_table *t, unsigned flags, char **out);

/*
 * brt_route_write_text - one route as the `route` statement of our text
 * format (without the final newline), link names taken from @t (a link
 * @t does not know is written "?"). *@out is a new string (free() it).
 * Returns 0, BRT_EINVAL or BRT_ENOMEM.
 */
int brt_route_write_text(const brt_table *t, const struct brt_route *r,
			 char **out);

/* ------------------------------------------------------------- live host */

#include "bestroute/live.h"

#if defined(__GNUC__) && !defined(BRT_NO_VISIBILITY)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* BESTROUTE_BESTROUTE_H */
