/* date.h - the one date arithmetic: civil dates as day numbers.
 *
 * Base layer. Dates in roadmaps (`reviewed:`) and on the command line
 * (`--today`) are days since 1970-01-01, so ages are subtractions. The
 * conversions are Howard Hinnant's civil-date algorithms, exact for the
 * proleptic Gregorian calendar. */
#ifndef ROADMAPC_DATE_H
#define ROADMAPC_DATE_H

/* Days since 1970-01-01 for a valid "YYYY-MM-DD" date from 1970 on; -1
 * otherwise (including impossible dates such as 2026-02-30). */
long date_parse(const char *s);

/* Writes "YYYY-MM-DD" for 'days' into 'out' (11 bytes with the NUL). */
void date_format(long days, char out[11]);

/* The number of days in 'month' (1-12) of 'year'. */
int date_month_days(int year, int month);

/* Today in the local time zone, as a day number; -1 if the clock fails. */
long date_today(void);

#endif
