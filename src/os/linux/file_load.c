/*
 * file_load.c - reading table files: from where, all or nothing.
 *
 * The file reading moved up here from src/format (which takes bytes and
 * makes no system call): this file opens and reads a path or stdin,
 * checking each block as it comes (format/load_check.c: a file that is not
 * text stops at its first bad byte; a UTF-8 BOM is skipped), and hands the
 * bytes to fmt_load_bytes() (format/load_bytes.c), which tells the format
 * apart. Several files make one table: they are added to one builder, so
 * names and indexes tie them together, and a conflict between them names
 * both files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "load_check.h"
#include "os.h"

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
		rc = fmt_load_check_more(c, buf, n, feof(f) != 0, err, errlen);
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
	path = fmt_split_spec(spec, &family);
	name = strcmp(path, "-") ? path : "<stdin>";
	memset(&c, 0, sizeof(c));
	c.name = name;
	c.line = 1;
	rc = read_path(path, &c, &data, &len, err, errlen);
	if (rc)
		return rc;
	rc = fmt_load_bytes(b, name, family, data + c.bom, len - c.bom, err,
			    errlen);
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
	if (errlen)
		err[0] = 0;
	for (i = 0; i < n && !rc; i++)
		rc = brt_builder_load_file(b, specs[i], err, errlen);
	return os_builder_done(b, rc, out, NULL, err, errlen);
}
