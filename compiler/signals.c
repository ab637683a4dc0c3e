/* signals.c - SIGPIPE and SIGXFSZ as write errors, cleanup on interrupt; see signals.h. */

#include "signals.h"
#include "alloc.h"

#include <signal.h>
#include <stddef.h>
#include <unistd.h>

#define MAX_TRACKED 16

/* Read by the handler: each slot is set or cleared with every signal
 * blocked, so the handler never sees half an update. */
static const char *volatile tracked[MAX_TRACKED];

static void block_all(sigset_t *old)
{
	sigset_t all;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, old);
}

void signals_track(const char *path)
{
	sigset_t old;
	block_all(&old);
	size_t i = 0;
	while (i < MAX_TRACKED && tracked[i])
		i++;
	ASSERT(i < MAX_TRACKED);        /* outputs are written one at a time */
	tracked[i] = path;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void signals_untrack(const char *path)
{
	sigset_t old;
	block_all(&old);
	for (size_t i = 0; i < MAX_TRACKED; i++)
		if (tracked[i] == path)
			tracked[i] = NULL;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void signals_remove_temporaries(void)
{
	for (size_t i = 0; i < MAX_TRACKED; i++)
		if (tracked[i])
			unlink(tracked[i]);
}

/* Only async-signal-safe calls: unlink, signal, raise. */
static void on_interrupt(int sig)
{
	signals_remove_temporaries();
	signal(sig, SIG_DFL);
	raise(sig);
}

void signals_install(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGPIPE, &sa, NULL);  /* write() fails with EPIPE instead */
	sigaction(SIGXFSZ, &sa, NULL);  /* write() fails with EFBIG instead */
	sa.sa_handler = on_interrupt;
	sigfillset(&sa.sa_mask);        /* one cleanup at a time */
	sa.sa_flags = SA_RESETHAND;
	int stop[] = { SIGINT, SIGTERM, SIGHUP, SIGABRT };
	for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++) {
		struct sigaction prev;
		/* A shell runs background jobs with SIGINT ignored: keep it so. */
		if (sigaction(stop[i], NULL, &prev) == 0 && prev.sa_handler == SIG_IGN)
			continue;
		sigaction(stop[i], &sa, NULL);
	}
}
