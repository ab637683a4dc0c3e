/* test_outfile.c - outputs under signals and limits: no stray file, no lost one.
 *
 * Each test forks a child that writes an output through outfile.h with the
 * handlers of signals.h installed and is then interrupted (SIGINT,
 * SIGTERM, SIGHUP), hits a file-size limit (SIGXFSZ) or writes into a
 * closed pipe (SIGPIPE) in the middle of it: deterministic, where killing
 * a real run at the right moment would not be. The parent checks how the
 * child ended, that no temporary file is left and that the file the
 * output would have replaced is untouched. */
#include "harness.h"

#include "outfile.h"
#include "signals.h"

#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[] = "/tmp/test_outfile.XXXXXX";

/* Number of files in the test directory whose name contains ".tmp". */
static int temporaries(void)
{
	int n = 0;
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));)
		n += strstr(e->d_name, ".tmp") != NULL;
	if (d)
		closedir(d);
	return n;
}

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static int same_text(const char *path, const char *text)
{
	char buf[256] = "";
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	return strcmp(buf, text) == 0;
}

/* Forks a child that opens 'path' as an output, writes a little, then
 * calls 'interrupt'; returns the child's wait status. */
static int child_writes(const char *path, void (*interrupt)(OutFile *))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		/* A shell starts background jobs with SIGINT ignored, and
		 * signals_install() keeps it so: the test wants the handler. */
		signal(SIGINT, SIG_DFL);
		signals_install();
		StrBuf err = STRBUF_INIT;
		OutFile *f = outfile_open(path, &err);
		if (!f)
			_exit(3);
		outfile_put(f, "partial\n", 8);
		interrupt(f);
		_exit(outfile_commit(f, &err) < 0 ? 2 : 0);
	}
	int status;
	waitpid(pid, &status, 0);
	return status;
}

static void raise_int(OutFile *f) { (void)f; raise(SIGINT); }
static void raise_term(OutFile *f) { (void)f; raise(SIGTERM); }
static void raise_hup(OutFile *f) { (void)f; raise(SIGHUP); }

TEST(an_interrupted_write_leaves_no_temporary_file)
{
	void (*how[])(OutFile *) = { raise_int, raise_term, raise_hup };
	int sig[] = { SIGINT, SIGTERM, SIGHUP };
	char path[64];
	snprintf(path, sizeof path, "%s/report.json", dir);
	for (int i = 0; i < 3; i++) {
		put_file(path, "the previous report\n");
		int st = child_writes(path, how[i]);
		EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == sig[i]);
		EXPECT(temporaries() == 0);
		EXPECT(same_text(path, "the previous report\n"));
	}
}

/* Past RLIMIT_FSIZE a write raises SIGXFSZ, which would kill the run and
 * leave the temporary file; it must be a write error (EFBIG) instead. */
static void past_file_size_limit(OutFile *f)
{
	struct rlimit rl = { 4096, 4096 };
	setrlimit(RLIMIT_FSIZE, &rl);
	char block[1024];
	memset(block, 'x', sizeof block);
	for (int i = 0; i < 16; i++)
		outfile_put(f, block, sizeof block);
}

TEST(a_file_size_limit_is_a_write_error)
{
	char path[64];
	snprintf(path, sizeof path, "%s/big.json", dir);
	put_file(path, "old\n");
	int st = child_writes(path, past_file_size_limit);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 2);
	EXPECT(temporaries() == 0);
	EXPECT(same_text(path, "old\n"));
}

/* Standard output into a pipe whose reader has gone (`| head -1`). */
static void to_closed_pipe(OutFile *f)
{
	(void)f;
}

TEST(a_closed_pipe_is_a_write_error)
{
	int fds[2];
	EXPECT(pipe(fds) == 0);
	close(fds[0]);
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	dup2(fds[1], STDOUT_FILENO);
	close(fds[1]);
	int st = child_writes("-", to_closed_pipe);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 2);
}

TEST(a_replacement_keeps_the_mode)
{
	char path[64];
	snprintf(path, sizeof path, "%s/mode.txt", dir);
	put_file(path, "old\n");
	chmod(path, 0640);
	StrBuf err = STRBUF_INIT;
	EXPECT(outfile_write(path, "new\n", 4, &err) == 0);
	struct stat st;
	EXPECT(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640);
	EXPECT(same_text(path, "new\n"));
	chmod(path, 0604);
	EXPECT(outfile_write(path, "newer\n", 6, &err) == 0);
	EXPECT(stat(path, &st) == 0 && (st.st_mode & 07777) == 0604);
	strbuf_free(&err);
}

TEST(outputs_are_identified_by_file_not_by_spelling)
{
	char a[64], b[64], sym[64], hard[64], fresh[64], fresh2[64];
	snprintf(a, sizeof a, "%s/a.yaml", dir);
	snprintf(b, sizeof b, "%s/./a.yaml", dir);
	snprintf(sym, sizeof sym, "%s/link.yaml", dir);
	snprintf(hard, sizeof hard, "%s/hard.yaml", dir);
	snprintf(fresh, sizeof fresh, "%s/new.json", dir);
	snprintf(fresh2, sizeof fresh2, "%s/../%s/new.json", dir, strrchr(dir, '/') + 1);
	put_file(a, "x\n");
	EXPECT(symlink("a.yaml", sym) == 0 && link(a, hard) == 0);
	OutFileId ia, ib, il, ih, inew, inew2, other;
	EXPECT(outfile_id(a, &ia) && outfile_id(b, &ib) && outfile_id(sym, &il) &&
	       outfile_id(hard, &ih) && outfile_id(fresh, &inew) && outfile_id(fresh2, &inew2));
	EXPECT(outfile_same(&ia, &ib) && outfile_same(&ia, &il) && outfile_same(&ia, &ih));
	EXPECT(outfile_same(&inew, &inew2) && !outfile_same(&inew, &ia));
	EXPECT(!outfile_id("-", &other) && !outfile_id("/dev/null", &other));
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	RUN(an_interrupted_write_leaves_no_temporary_file);
	RUN(a_file_size_limit_is_a_write_error);
	RUN(a_closed_pipe_is_a_write_error);
	RUN(a_replacement_keeps_the_mode);
	RUN(outputs_are_identified_by_file_not_by_spelling);
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return HARNESS_RESULT();
}
