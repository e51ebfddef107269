/*
 * pages.c - the memory of the lookup engine's arenas on Linux: anonymous
 * mappings, touched on demand, on transparent huge pages where the kernel
 * allows (fewer TLB misses for lookups that jump around the arenas).
 *
 * The engine itself makes no system call (lpm/lpm.h, struct lpm_pages);
 * this provider is installed when the library is loaded. The static
 * library asks the linker to keep this object (-u os_pages, CMakeLists.txt
 * and bestroute.pc), so programs linked either way get the same memory.
 */
#include <stddef.h>
#include <sys/mman.h>

#include "lpm/lpm.h"

static void *pages_map(size_t bytes)
{
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
#ifdef MADV_HUGEPAGE
	if (bytes >= (2u << 20))
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
