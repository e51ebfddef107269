/*
 * vec.h - a growable array of one element type.
 *
 * Invariant: v.n <= v.cap and v.data holds v.cap elements (or is NULL when
 * cap is 0). Growth doubles, so appends are amortised O(1). A failed
 * growth leaves the vector as it was.
 */
#ifndef BRT_CORE_VEC_H
#define BRT_CORE_VEC_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define VEC(T)                                                                \
	struct {                                                              \
		T *data;                                                      \
		size_t n, cap;                                                \
	}

/* Make room for @extra more elements of @elem bytes; 0 or -1. */
int core_vec_reserve(void **data, size_t *cap, size_t n, size_t extra,
		    size_t elem);

#define VEC_RESERVE(v, extra)                                                 \
	core_vec_reserve((void **)&(v).data, &(v).cap, (v).n, (extra),         \
			sizeof(*(v).data))

/* Append one element (an lvalue or compound literal); 0 or -1. */
#define VEC_PUSH(v, elem)                                                     \
	(VEC_RESERVE(v, 1) ? -1 : ((v).data[(v).n++] = (elem), 0))

#define VEC_FREE(v)                                                           \
	do {                                                                  \
		free((v).data);                                               \
		(v).data = NULL;                                              \
		(v).n = (v).cap = 0;                                          \
	} while (0)

#endif /* BRT_CORE_VEC_H */
