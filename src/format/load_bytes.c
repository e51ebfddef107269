/*
 * load_bytes.c - a table file's bytes into a builder: which format.
 *
 * A file is an `ip -j` dump when its first non-blank byte is '[' or '{',
 * and our text format otherwise. The bytes come from the OS layer
 * (os/linux/file_load.c), which reads the file: this layer makes no
 * system call.
 */
#include <stdio.h>
#include <string.h>

#include "format.h"

const char *fmt_split_spec(const char *spec, int *family)
{
	*family = BRT_AF_UNSPEC;
	if (!strncmp(spec, "inet:", 5)) {
		*family = BRT_AF_INET;
		return spec + 5;
	}
	if (!strncmp(spec, "inet6:", 6)) {
		*family = BRT_AF_INET6;
		return spec + 6;
	}
	return spec;
}

static bool looks_like_json(const char *data, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' ||
		    data[i] == '\r')
			continue;
		return data[i] == '[' || data[i] == '{';
	}
	return false;
}

int fmt_load_bytes(brt_builder *b, const char *name, int family,
		   const char *data, size_t len, char *err, size_t errlen)
{
	if (looks_like_json(data, len))
		return brt_builder_load_ipjson(b, name, family, data, len, err,
					       errlen);
	if (family != BRT_AF_UNSPEC) {
		snprintf(err, errlen,
			 "%s: inet:/inet6: only apply to `ip -j` dumps", name);
		return BRT_EPARSE;
	}
	return brt_builder_load_text(b, name, data, len, err, errlen);
}
