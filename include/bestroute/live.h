/*
 * live.h - the live host (Linux rtnetlink backend), part of bestroute.h.
 * Included by bestroute.h; do not include directly.
 */
#ifndef BESTROUTE_LIVE_H
#define BESTROUTE_LIVE_H

#endif /* BESTROUTE_LIVE_H */
