/* format.h - shared by the table-file readers and writers (not installed). */
#ifndef BRT_FORMAT_FORMAT_H
#define BRT_FORMAT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "bestroute/bestroute.h"

#endif
