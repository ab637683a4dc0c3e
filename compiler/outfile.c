/* outfile.c - atomic output files (temporary file + rename); see outfile.h.
 *
 * An output is written to a temporary file beside it as it is produced
 * (reports of 80 MB are not held in memory), and only a complete one is
 * flushed and renamed over the target. The temporary file is tracked by
 * signals.c, so an interrupted run removes it. */
/* realpath() and fchown() are XSI functions. */
#define _XOPEN_SOURCE 700

#include "outfile.h"
#include "alloc.h"
#include "signals.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct OutFile {
	char *shown;            /* the name as the user wrote it, for messages */
	char *target;           /* the file renamed over; NULL: written in place */
	char *tmp;              /* the temporary file, while there is one */
	int fd;
	int error;              /* errno of the first failure, or 0 */
};

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static OutFile *new_outfile(const char *path, int fd)
{
	OutFile *f = xcalloc(1, sizeof *f);
	f->shown = xstrdup(path);
	f->fd = fd;
	return f;
}

static void free_outfile(OutFile *f)
{
	if (f->tmp) {
		signals_untrack(f->tmp);
		free(f->tmp);
	}
	free(f->shown);
	free(f->target);
	free(f);
}

/* Where a replacement goes: 'target' with its mode (and, when we may, its
 * owner) kept from the file it replaces, else as a new file under the
 * umask. Returns the temporary file's descriptor, or -1. */
static int open_temporary(OutFile *f, const struct stat *old)
{
	size_t n = strlen(f->target);
	f->tmp = xmalloc(n + 16);
	int m = snprintf(f->tmp, n + 16, "%s.tmp", f->target);
	memset(f->tmp + m, 'X', 6);     /* the six characters mkstemp replaces */
	f->tmp[m + 6] = '\0';
	int fd = mkstemp(f->tmp);
	if (fd < 0) {
		free(f->tmp);
		f->tmp = NULL;
		return -1;
	}
	signals_track(f->tmp);
	mode_t mode;
	if (old) {
		mode = old->st_mode & 07777;
		if (fchown(fd, old->st_uid, old->st_gid) != 0)
			mode &= 0777;   /* not ours to give away: no set-id bits */
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(fd, mode) != 0) {
		int saved = errno;
		close(fd);
		unlink(f->tmp);
		errno = saved;
		return -1;
	}
	return fd;
}

OutFile *outfile_open(const char *path, StrBuf *err)
{
	if (strcmp(path, "-") == 0)
		return new_outfile(path, STDOUT_FILENO);
	struct stat st;
	bool exists = stat(path, &st) == 0;
	/* /dev/stdout and friends name an already open file, and a device or
	 * pipe cannot be replaced (renaming over it would swap the device for
	 * a file): they are written in place. */
	bool special = strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0 ||
		       (exists && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
	if (special) {
		int fd = open(path, O_WRONLY | O_TRUNC);
		if (fd < 0) {
			strbuf_printf(err, "cannot write '%s': %s", path, strerror(errno));
			return NULL;
		}
		return new_outfile(path, fd);
	}
	if (exists && S_ISDIR(st.st_mode)) {
		strbuf_printf(err, "cannot write '%s': it is a directory", path);
		return NULL;
	}
	OutFile *f = new_outfile(path, -1);
	/* Replace the file a symlink points to, keeping the link. */
	f->target = exists ? realpath(path, NULL) : NULL;
	if (!f->target)
		f->target = xstrdup(path);
	f->fd = open_temporary(f, exists ? &st : NULL);
	if (f->fd < 0) {
		strbuf_printf(err, "cannot write '%s': %s", path, strerror(errno));
		free_outfile(f);
		return NULL;
	}
	return f;
}

int outfile_put(OutFile *f, const char *data, size_t len)
{
	if (f->error)
		return -1;
	if (write_all(f->fd, data, len) < 0) {
		f->error = errno;
		return -1;
	}
	return 0;
}

int outfile_sink(void *f, const char *data, size_t len)
{
	return outfile_put(f, data, len);
}

int outfile_commit(OutFile *f, StrBuf *err)
{
	int rc = f->error ? -1 : 0;
	if (rc == 0 && f->tmp && fsync(f->fd) != 0) {
		rc = -1;
		f->error = errno;
	}
	if (f->fd != STDOUT_FILENO && close(f->fd) != 0 && rc == 0) {
		rc = -1;
		f->error = errno;
	}
	if (rc == 0 && f->tmp && rename(f->tmp, f->target) != 0) {
		rc = -1;
		f->error = errno;
	}
	if (rc != 0) {
		if (f->tmp)
			unlink(f->tmp);
		if (f->fd == STDOUT_FILENO)
			strbuf_printf(err, "cannot write to standard output: %s", strerror(f->error));
		else
			strbuf_printf(err, "cannot write '%s': %s", f->shown, strerror(f->error));
	}
	free_outfile(f);
	return rc;
}

void outfile_abort(OutFile *f)
{
	if (f->fd != STDOUT_FILENO)
		close(f->fd);
	if (f->tmp)
		unlink(f->tmp);
	free_outfile(f);
}

int outfile_write(const char *path, const char *data, size_t len, StrBuf *err)
{
	OutFile *f = outfile_open(path, err);
	if (!f)
		return -1;
	outfile_put(f, data, len);
	return outfile_commit(f, err);
}

bool outfile_id(const char *path, OutFileId *id)
{
	struct stat st;
	if (strcmp(path, "-") == 0)
		return false;
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return false;
		*id = (OutFileId){ (unsigned long long)st.st_dev, (unsigned long long)st.st_ino, NULL };
		return true;
	}
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrdup(path) : NULL;
	if (dir)
		dir[slash == path ? 1 : slash - path] = '\0';
	bool ok = stat(dir ? dir : ".", &st) == 0;
	free(dir);
	if (ok)
		*id = (OutFileId){ (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
				   slash ? slash + 1 : path };
	return ok;
}

bool outfile_same(const OutFileId *a, const OutFileId *b)
{
	if (a->dev != b->dev || a->ino != b->ino || !a->name != !b->name)
		return false;
	return !a->name || strcmp(a->name, b->name) == 0;
}

int outfile_create(const char *path, const char *data, size_t len, StrBuf *err)
{
	struct stat st;
	if (strcmp(path, "-") == 0)
		return outfile_write(path, data, len, err);
	if (lstat(path, &st) == 0) {
		strbuf_printf(err, "'%s' already exists", path);
		return -2;
	}
	OutFile *f = new_outfile(path, -1);
	f->target = xstrdup(path);
	f->fd = open_temporary(f, NULL);
	if (f->fd < 0) {
		strbuf_printf(err, "cannot write '%s': %s", path, strerror(errno));
		free_outfile(f);
		return -1;
	}
	int rc = write_all(f->fd, data, len);
	if (rc == 0)
		rc = fsync(f->fd);
	int saved = errno;
	if (close(f->fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc == 0) {
		/* link() fails when the name is taken, even if it was taken since
		 * the lstat above: the new file appears whole, and replaces
		 * nothing. */
		rc = link(f->tmp, path);
		saved = errno;
	}
	unlink(f->tmp);
	free_outfile(f);
	if (rc == 0)
		return 0;
	if (saved == EEXIST) {
		strbuf_printf(err, "'%s' already exists", path);
		return -2;
	}
	if (saved != EPERM && saved != ENOTSUP && saved != EOPNOTSUPP && saved != EMLINK &&
	    saved != ENOSYS) {
		strbuf_printf(err, "cannot write '%s': %s", path, strerror(saved));
		return -1;
	}
	/* A file system without hard links: create the file exclusively and
	 * write it, removing it again if the write fails. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (fd < 0) {
		saved = errno;
		if (saved == EEXIST)
			strbuf_printf(err, "'%s' already exists", path);
		else
			strbuf_printf(err, "cannot write '%s': %s", path, strerror(saved));
		return saved == EEXIST ? -2 : -1;
	}
	rc = write_all(fd, data, len);
	if (rc == 0)
		rc = fsync(fd);
	saved = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0) {
		unlink(path);
		strbuf_printf(err, "cannot write '%s': %s", path, strerror(saved));
	}
	return rc;
}

int outfile_mkdirs(const char *path, StrBuf *err)
{
	if (!*path)
		return 0;
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		struct stat st;
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			strbuf_printf(err, "cannot create directory '%s': %s", p, strerror(errno));
			rc = -1;
		} else if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
			strbuf_printf(err, "cannot create directory '%s': a file of that name exists", p);
			rc = -1;
		}
		*s = c;
		if (rc < 0 || c == '\0')
			break;
	}
	free(p);
	return rc;
}
