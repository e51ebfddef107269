/* load_check.h - is a table file text? (load_check.c; not installed) */
#ifndef BRT_FORMAT_LOAD_CHECK_H
#define BRT_FORMAT_LOAD_CHECK_H

#include "format.h"

enum load_format { LOAD_UNKNOWN = 0, LOAD_TEXT, LOAD_JSON };

struct load_check {
	const char *name;	/* for messages */
	size_t checked;		/* bytes known good */
	size_t line;		/* 1-based line of byte @checked */
	size_t bom;		/* 3 when the file starts with a UTF-8 BOM */
	enum load_format format;
};

/*
 * fmt_load_check_more - check the bytes of @data (@len so far, @final when the
 * file ended) not checked yet. 0, or BRT_EPARSE with
 * "NAME:LINE: byte offset N: what (\xNN): ..." in @err.
 */
int fmt_load_check_more(struct load_check *c, const char *data, size_t len, bool final,
		    char *err, size_t errlen);

/* Length of the UTF-8 sequence at @s (of @n bytes): 1..4, 0 invalid,
 * -1 cut short by the end of the data. */
int fmt_load_utf8_seq(const unsigned char *s, size_t n);

#endif
