/*
 * pages.c - the memory of the lookup engine's arenas on Linux: anonymous
 * mappings, touched on demand, on transparent huge pages where the kernel
 * allows (fewer TLB misses for lookups that jump around the arenas);
 * mappings of 2 MiB or more start on a 2 MiB boundary, so that they can.
 *
 * The engine itself makes no system call (lpm/lpm.h, struct lpm_pages);
 * this provider is installed when the library is loaded. The static
 * library asks the linker to keep this object (-u os_pages, CMakeLists.txt
 * and bestroute.pc), so programs linked either way get the same memory.
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

#include "lpm/lpm.h"

#define HUGE_BYTES ((size_t)2 << 20)

/* A mapping of @bytes starting on a 2 MiB boundary: the kernel backs a
 * transparent huge page only where a whole aligned 2 MiB lies inside a
 * mapping, so an unaligned one of a few MiB got none or one. Mapped with
 * 2 MiB more, then the ends cut (munmap of a part is allowed). */
static void *map_aligned(size_t bytes)
{
	size_t over = bytes + HUGE_BYTES, head;
	unsigned char *p = mmap(NULL, over, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
				-1, 0);

	if (p == MAP_FAILED)
		return NULL;
	head = (HUGE_BYTES - ((uintptr_t)p & (HUGE_BYTES - 1))) &
	       (HUGE_BYTES - 1);
	if (head)
		munmap(p, head);
	if (over - head > bytes)
		munmap(p + head + bytes, over - head - bytes);
	return p + head;
}

static void *pages_map(size_t bytes)
{
	void *p;

	if (bytes < HUGE_BYTES) {
		p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		return p == MAP_FAILED ? NULL : p;
	}
	p = map_aligned(bytes);
#ifdef MADV_HUGEPAGE
	if (p)
		madvise(p, bytes, MADV_HUGEPAGE);
#endif
	return p;
}

static void pages_unmap(void *p, size_t bytes)
{
	munmap(p, bytes);
}

const struct lpm_pages os_pages = {pages_map, pages_unmap};

__attribute__((constructor)) static void pages_install(void)
{
	lpm_pages_install(&os_pages);
}
