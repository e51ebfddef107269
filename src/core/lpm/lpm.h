/*
 * lpm.h - the fast longest-prefix-match engine (internal API).
 *
 * One brt_lpm maps the addresses of one family to a 31-bit value (the
 * index of a prefix group in a compiled fib, or whatever a caller keeps):
 * the value of the longest inserted prefix that contains the address, or
 * BRT_LPM_NONE.
 *
 * Shape (our own design, after reading poptrie, DXR, DIR-24-8 and tree
 * bitmap): a direct table indexed by the top `direct_bits` bits, then
 * nodes of 6-bit strides. A node holds two 64-bit vectors: which of its 64
 * slots descend to a child node, and where a run of equal leaf values
 * starts; children and leaves sit in contiguous arrays indexed by
 * popcount, so a node is 24 bytes and a leaf 4. Heads without children
 * and nodes with one or two leaf runs carry their leaves themselves (one
 * read less on the common /24 and IPv6 paths). A writer-side path-
 * compressed binary trie (the control trie) holds the prefixes themselves;
 * an update of a prefix longer than the direct bits starts in it at the
 * node of its direct entry, and repaints only the slots the prefix covers.
 * An IPv4 table of at most 31 prefixes (a host's own table) is also kept
 * as a sorted range array, searched without branches.
 * The arenas grow with the table (moved after a grace period), so a
 * small table costs little address space.
 *
 * Concurrency contract:
 *  - one writer at a time calls insert, delete, reclaim, check, memory
 *    (the caller serialises them);
 *  - any number of threads may call the lookups at the same time, without
 *    locks; every answer is the answer of some version the writer
 *    published (before or after each update), never a mixture;
 *  - memory a writer retires is reused only after every registered reader
 *    passed a quiescent point (QSBR): a reader thread registers, calls
 *    lpm_reader_quiescent() between batches of lookups (while it holds
 *    no answer-in-progress) and unregisters (or goes offline) when idle.
 *    Unregistered threads may look up only while no writer runs.
 */
#ifndef BRT_CORE_LPM_H
#define BRT_CORE_LPM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BRT_LPM_NONE 0x7fffffffu	/* no prefix contains the address */
#define BRT_LPM_VALUE_MAX 0x7ffffffdu	/* values are 0..this */
#define BRT_LPM_MAX_READERS 64u

struct brt_lpm;
struct brt_lpm_reader;

struct brt_lpm_mem {
	size_t direct;		/* the direct table */
	size_t heads;		/* head arena (nodes at dbits + their value) */
	size_t nodes;		/* node arena, high-water mark (free blocks too) */
	size_t leaves;		/* leaf arena, high-water mark */
	size_t lookup;		/* all of the above: what lookups touch */
	size_t control;		/* the writer's prefix trie and bookkeeping */
	size_t prefixes;	/* number of prefixes held */
};

/*
 * @family BRT_AF_INET or BRT_AF_INET6; @direct_bits 1..24 (0: pick from
 * @expected_prefixes: small tables get a small direct table).
 */
int lpm_create(struct brt_lpm **out, uint8_t family, unsigned direct_bits,
		   size_t expected_prefixes);
void lpm_destroy(struct brt_lpm *l);

/* @addr: network-order bytes of the family; host bits past @len ignored.
 * Insert replaces the value of an existing prefix. */
int lpm_insert(struct brt_lpm *l, const uint8_t *addr, unsigned len,
		   uint32_t value);
struct brt_lpm_prefix {
	uint8_t addr[16];	/* network order; IPv4 in addr[0..3] */
	uint8_t len;
	uint32_t value;
};
/*
 * Insert many prefixes at once: the trie is filled in address order and
 * the structure rebuilt once (a full table loads several times faster than
 * one insert at a time). Later duplicates win. Readers may run meanwhile.
 * On failure nothing changed.
 */
int lpm_insert_bulk(struct brt_lpm *l, const struct brt_lpm_prefix *p,
			size_t n);
/* BRT_ENOENT when the prefix is not held. */
int lpm_delete(struct brt_lpm *l, const uint8_t *addr, unsigned len);

/*
 * A table that will not change soon need not keep its control trie (about
 * 64 bytes a prefix, most of an engine's memory; lookups never read it).
 * lpm_trie_release frees it: lookups go on as before, while insert,
 * delete, insert_bulk, covering and below refuse (BRT_EINVAL, or
 * BRT_LPM_NONE and 0) until lpm_trie_restore gives it back from the
 * caller's own record of the prefixes held (exactly those, with their
 * values: BRT_ECONFLICT when their count differs, and the trie stays
 * released on any error). Restoring changes nothing readers see, so it
 * may run while they look up. lpm_check of a released trie audits
 * nothing and returns 0.
 */
bool lpm_trie_held(const struct brt_lpm *l);
/* Give back the arenas' unused room (a table that will not grow soon):
 * each arena holding a quarter or more unused moves to a mapping of its
 * size (the old one unmapped after a grace period, as when it grows).
 * 0, or BRT_ENOMEM with the arenas not yet moved left as they were. */
int lpm_fit(struct brt_lpm *l);
void lpm_trie_release(struct brt_lpm *l);
int lpm_trie_restore(struct brt_lpm *l, const struct brt_lpm_prefix *p,
		     size_t n);

/* Lookups. IPv4 addresses in host order (1.2.3.4 is 0x01020304). */
uint32_t lpm4_lookup(const struct brt_lpm *l, uint32_t addr);
void lpm4_lookup_bulk(const struct brt_lpm *l, const uint32_t *addrs,
			  uint32_t *out, size_t n);
uint32_t lpm6_lookup(const struct brt_lpm *l, const uint8_t *addr);
void lpm6_lookup_bulk(const struct brt_lpm *l, const uint8_t (*addrs)[16],
			  uint32_t *out, size_t n);
/* Either family, network-order bytes. */
uint32_t lpm_lookup(const struct brt_lpm *l, const uint8_t *addr);

/*
 * Nesting, from the writer's control trie (writer side; O(depth) and
 * O(subtree)). lpm_covering: the value of the longest held prefix
 * strictly shorter than @len that contains @addr, or BRT_LPM_NONE.
 * lpm_below: call @fn with the value of every held prefix strictly
 * inside @addr/@len that no other held prefix inside it covers (the
 * prefixes whose fallback @addr/@len is, or would be); returns how many.
 */
uint32_t lpm_covering(const struct brt_lpm *l, const uint8_t *addr,
			  unsigned len);
size_t lpm_below(const struct brt_lpm *l, const uint8_t *addr,
		     unsigned len, void (*fn)(void *arg, uint32_t value),
		     void *arg);

/*
 * Audit: the control trie is a valid path-compressed trie, and every
 * direct entry, node and leaf equals what a full rebuild from the trie
 * would produce. 0, or BRT_ECONFLICT naming the first difference in @msg.
 */
int lpm_check(const struct brt_lpm *l, char *msg, size_t msglen);
size_t lpm_memory(const struct brt_lpm *l, struct brt_lpm_mem *m);

/* Readers (QSBR). Register returns NULL when all slots are taken. */
struct brt_lpm_reader *lpm_reader_register(struct brt_lpm *l);
void lpm_reader_quiescent(struct brt_lpm_reader *r);
void lpm_reader_offline(struct brt_lpm_reader *r);
void lpm_reader_unregister(struct brt_lpm_reader *r);
/* Free retired memory that no reader can still see (also done by updates). */
void lpm_reclaim(struct brt_lpm *l);

/* Where the engine's arenas get their memory: @map returns @bytes of
 * zeroed memory (or NULL), @unmap gives back what map returned, with the
 * same size. The engine makes no system call itself; the OS layer installs
 * a provider of anonymous mappings on huge pages at load time. NULL (or a
 * provider missing either function) restores calloc/free. Install before
 * any engine exists: arenas are given back to the provider they came from
 * only if it is still the one installed. */
struct lpm_pages {
	void *(*map)(size_t bytes);
	void (*unmap)(void *p, size_t bytes);
};
void lpm_pages_install(const struct lpm_pages *p);
/* Zeroed memory of @bytes from the installed provider (or calloc), and
 * its release with the same size: for other large arrays that lookups
 * index at random (compiled decisions). */
void *lpm_pages_map(size_t bytes);
void lpm_pages_unmap(void *p, size_t bytes);
/* Bytes mapped through lpm_pages_map and not yet unmapped, process-wide
 * (memory figures: mappings are not in the malloc heap's counts). */
size_t lpm_pages_mapped(void);

#endif /* BRT_CORE_LPM_H */
