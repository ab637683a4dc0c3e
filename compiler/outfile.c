/* outfile.c - atomic output files (temporary file + rename); see outfile.h. */
/* realpath() is an XSI function. */
#define _XOPEN_SOURCE 700

#include "outfile.h"
#include "alloc.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static int write_special(const char *path, const char *data, size_t len, StrBuf *err);
static int write_atomic(const char *path, const char *shown, const char *data, size_t len,
			StrBuf *err);

int outfile_write(const char *path, const char *data, size_t len, StrBuf *err)
{
	if (strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, data, len) < 0) {
			strbuf_printf(err, "cannot write to standard output: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	struct stat st;
	char *resolved = NULL;
	/* /dev/stdout and friends name an already open file: write through it. */
	if (strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0)
		return write_special(path, data, len, err);
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			strbuf_printf(err, "cannot write '%s': it is a directory", path);
			return -1;
		}
		/* A device or pipe (/dev/null, /dev/stdout, a FIFO) cannot be
		 * replaced: renaming over it would swap the device for a file. */
		if (!S_ISREG(st.st_mode))
			return write_special(path, data, len, err);
		/* Replace the file a symlink points to, keeping the link. */
		resolved = realpath(path, NULL);
	}
	int rc = write_atomic(resolved ? resolved : path, path, data, len, err);
	free(resolved);
	return rc;
}

static int write_special(const char *path, const char *data, size_t len, StrBuf *err)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	if (fd < 0) {
		strbuf_printf(err, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	int rc = write_all(fd, data, len);
	int saved = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0)
		strbuf_printf(err, "cannot write '%s': %s", path, strerror(saved));
	return rc;
}

/* Writes the data to a new temporary file beside 'path' (its name in
 * '*tmp', which the caller frees) and flushes it to disk; -1 with a message
 * naming 'shown' when it cannot, leaving no temporary file. */
static int write_temp(const char *path, const char *shown, const char *data, size_t len,
		      char **tmp, StrBuf *err)
{
	size_t n = strlen(path);
	*tmp = xmalloc(n + 16);
	int m = snprintf(*tmp, n + 16, "%s.tmp", path);
	memset(*tmp + m, 'X', 6);       /* the six characters mkstemp replaces */
	(*tmp)[m + 6] = '\0';
	int fd = mkstemp(*tmp);
	if (fd < 0) {
		strbuf_printf(err, "cannot write '%s': %s", shown, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	/* mkstemp creates 0600; outputs are ordinary files, so honour the umask. */
	mode_t mask = umask(0);
	umask(mask);
	int rc = fchmod(fd, 0666 & ~mask);
	if (rc == 0)
		rc = write_all(fd, data, len);
	if (rc == 0)
		rc = fsync(fd);
	int saved = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0) {
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
		strbuf_printf(err, "cannot write '%s': %s", shown, strerror(saved));
	}
	return rc;
}

/* Writes to a temporary file beside 'path', then renames it into place;
 * messages name the file as the user wrote it ('shown'). */
static int write_atomic(const char *path, const char *shown, const char *data, size_t len,
			StrBuf *err)
{
	char *tmp;
	if (write_temp(path, shown, data, len, &tmp, err) < 0)
		return -1;
	int rc = rename(tmp, path);
	if (rc != 0) {
		strbuf_printf(err, "cannot write '%s': %s", shown, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
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
	char *tmp;
	if (write_temp(path, path, data, len, &tmp, err) < 0)
		return -1;
	/* link() fails when the name is taken, even if it was taken since the
	 * lstat above: the new file appears whole, and replaces nothing. */
	int rc = link(tmp, path);
	int saved = errno;
	unlink(tmp);
	free(tmp);
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
