/* signals.h - what a signal does to a run: no lost output, no stray file.
 *
 * Base layer. main.c installs the handlers once. A closed pipe (`| head`)
 * and a full file-size limit (`ulimit -f`) become write errors, reported
 * like any other and ending the run with status 2, instead of killing it.
 * An interrupt or termination (SIGINT, SIGTERM, SIGHUP) first removes the
 * temporary files of outputs being written (outfile.c tracks them here),
 * then ends the run by the same signal, as the one who sent it expects;
 * so does an internal error (SIGABRT). */
#ifndef ROADMAPC_SIGNALS_H
#define ROADMAPC_SIGNALS_H

void signals_install(void);

/* The temporary file 'path' exists until signals_untrack(): remove it if
 * the run is interrupted. 'path' is not copied and must stay valid. At
 * most a handful are tracked at a time (one per output being written). */
void signals_track(const char *path);
void signals_untrack(const char *path);

/* Removes the tracked temporary files now: for a run that ends from deep
 * inside (out of memory), where nothing unwinds to remove them. */
void signals_remove_temporaries(void);

#endif
