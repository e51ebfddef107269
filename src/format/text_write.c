/* text_write.c placeholder */
#include "text.h"
int brt_table_write_text(const brt_table *t, unsigned flags, char **out){(void)t;(void)flags;(void)out;return BRT_ENOTSUP;}
