/*
 * derive_windows.c - what Windows derives from interfaces and addresses.
 * (Placeholder until the Windows policy lands: only the common entries.)
 */
#include "builder_impl.h"

int brt_derive_windows(struct brt_builder *b)
{
	return brt_derive_common(b);
}
