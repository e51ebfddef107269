/*
 * load.c - reading table files: which format, from where, all or nothing.
 *
 * A file is an `ip -j` dump when its first non-blank byte is '[' or '{',
 * and our text format otherwise. Several files make one table: they are
 * added to one builder, so names and indexes tie them together, and a
 * conflict between them names both files. A file that is not text stops
 * at its first bad byte (load_check.c); a UTF-8 BOM is skipped.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/load_check.h"

/* read_stream's own code for EISDIR (never returned to callers) */
#define BRT_EISDIR_MARK (-1000)

/* Maximum size of one table file (a full Internet table is ~30 MB). */
#define BRT_MAX_FILE (1u << 30)

/* Read all of @f, checking each block as it comes (load_check.c). */
static int read_stream(FILE *f, struct load_check *c, char **data, size_t *len,
		       char *err, size_t errlen)
{
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap + 1), *p;
	int rc;

	while (buf) {
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (ferror(f)) {
			rc = errno == EISDIR ? BRT_EISDIR_MARK : BRT_EIO;
			free(buf);
			return rc;
		}
		rc = load_check_more(c, buf, n, feof(f) != 0, err, errlen);
		if (rc) {
			free(buf);
			return rc;
		}
		if (feof(f)) {
			buf[n] = 0;
			*data = buf;
			*len = n;
			return 0;
		}
		if (n < cap)
			continue;
		if (cap >= BRT_MAX_FILE) {
			free(buf);
			return BRT_ELIMIT;
		}
		cap *= 2;
		p = realloc(buf, cap + 1);
		if (!p)
			break;
		buf = p;
	}
	free(buf);
	return BRT_ENOMEM;
}

/* Split "inet:path" / "inet6:path"; returns the path part. */
static const char *split_spec(const char *spec, int *family)
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

static int read_path(const char *path, struct load_check *c, char **data,
		     size_t *len, char *err, size_t errlen)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	int rc;

	if (!f) {
		snprintf(err, errlen, "%s: %s", c->name, strerror(errno));
		return BRT_EIO;
	}
	rc = read_stream(f, c, data, len, err, errlen);
	if (f != stdin)
		fclose(f);
	if (rc == BRT_EISDIR_MARK) {
		snprintf(err, errlen, "%s: is a directory", c->name);
		rc = BRT_EIO;
	} else if (rc && rc != BRT_EPARSE) {
		snprintf(err, errlen, "%s: %s", c->name,
			 rc == BRT_ELIMIT ? "file too large" : brt_strerror(rc));
	}
	return rc;
}

int brt_builder_load_file(brt_builder *b, const char *spec, char *err,
			  size_t errlen)
{
	struct load_check c;
	const char *path, *name;
	char *data = NULL;
	size_t len = 0;
	int family, rc;

	if (!b || !spec || (!err && errlen))
		return BRT_EINVAL;
	path = split_spec(spec, &family);
	name = strcmp(path, "-") ? path : "<stdin>";
	memset(&c, 0, sizeof(c));
	c.name = name;
	c.line = 1;
	rc = read_path(path, &c, &data, &len, err, errlen);
	if (rc)
		return rc;
	if (looks_like_json(data + c.bom, len - c.bom))
		rc = brt_builder_load_ipjson(b, name, family, data + c.bom, len - c.bom,
					     err, errlen);
	else if (family != BRT_AF_UNSPEC) {
		snprintf(err, errlen, "%s: inet:/inet6: only apply to `ip -j` dumps",
			 name);
		rc = BRT_EPARSE;
	} else
		rc = brt_builder_load_text(b, name, data + c.bom, len - c.bom, err, errlen);
	free(data);
	return rc;
}

int brt_table_load(const char *const *specs, size_t n, int policy,
		   brt_table **out, char *err, size_t errlen)
{
	brt_builder *b;
	size_t i;
	int rc = 0;

	if (!out || (n && !specs) || (!err && errlen))
		return BRT_EINVAL;
	*out = NULL;
	b = brt_builder_create();
	if (!b)
		return BRT_ENOMEM;
	if (policy >= 0)
		rc = brt_builder_force_policy(b, (enum brt_policy)policy);
	for (i = 0; i < n && !rc; i++)
		rc = brt_builder_load_file(b, specs[i], err, errlen);
	if (!rc) {
		rc = brt_builder_finish(b, out);
		if (rc)
			snprintf(err, errlen, "%s", brt_builder_error(b));
	}
	brt_builder_destroy(b);
	return rc;
}
