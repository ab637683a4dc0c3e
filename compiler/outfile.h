/* outfile.h - writing output files safely.
 *
 * Every file roadmapc writes (reports, baselines, diagrams, plans) goes
 * through here: the data goes to a temporary file in the same directory as
 * it is produced, and only when all of it is there is the file flushed and
 * renamed over the target, so a failed or interrupted run never leaves a
 * half-written file or clobbers the previous good one. The replacement
 * keeps the mode of the file it replaces. Devices and pipes (/dev/null,
 * /dev/stdout, a FIFO) are written directly, and a symlink keeps pointing
 * at the file it names. Replacing a file by renaming gives it a new inode:
 * other hard links to the old file keep the old contents, and a symlink
 * that points nowhere is replaced by a file (docs/cli.md, "Outputs"). */
#ifndef ROADMAPC_OUTFILE_H
#define ROADMAPC_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Writes 'len' bytes to 'path' atomically; "-" means standard output.
 * Returns 0, or -1 with a message ("cannot write 'x': reason") in 'err'. */
int outfile_write(const char *path, const char *data, size_t len, StrBuf *err);

/* The same, in pieces: open, put any number of times, then commit (which
 * renames a complete file into place and says what failed, if anything)
 * or abort (which removes what was written). Both free the OutFile. */
typedef struct OutFile OutFile;
OutFile *outfile_open(const char *path, StrBuf *err);    /* NULL with a message */
int outfile_put(OutFile *f, const char *data, size_t len);      /* -1 once anything failed */
int outfile_commit(OutFile *f, StrBuf *err);
void outfile_abort(OutFile *f);

/* outfile_put() as a StrBufSink's write function ('f' is the OutFile), so
 * a report streams into its file (strbuf.h). */
int outfile_sink(void *f, const char *data, size_t len);

/* Writes 'len' bytes to a new file 'path' ("-": standard output), through a
 * temporary file like outfile_write, but never replaces anything: when
 * 'path' exists, even as a dangling symlink, or appears meanwhile, it
 * returns -2 with "'x' already exists" in 'err'. Returns 0, or -1 with a
 * message when the file cannot be written. */
int outfile_create(const char *path, const char *data, size_t len, StrBuf *err);

/* Which file a path names, to tell whether two paths would write (or read
 * and write) the same file: an existing regular file by device and inode,
 * whatever the spelling and through symlinks; a file not there yet by its
 * directory's device and inode and its name. */
typedef struct OutFileId {
	unsigned long long dev, ino;
	const char *name;       /* NULL: an existing file; else the name in the directory */
} OutFileId;

/* Fills 'id' for 'path' and returns true, or returns false for what can be
 * written any number of times ("-", devices, pipes) or cannot be written at
 * all (its directory does not exist: the write says so). 'id' points into
 * 'path'. */
bool outfile_id(const char *path, OutFileId *id);
bool outfile_same(const OutFileId *a, const OutFileId *b);

/* Creates directory 'path' and its missing parents (like mkdir -p).
 * Returns 0, or -1 with a message in 'err'. */
int outfile_mkdirs(const char *path, StrBuf *err);

#endif
