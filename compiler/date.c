/* date.c - day numbers to and from civil dates; see date.h. */
#include "date.h"

#include <string.h>
#include <time.h>

static int is_leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int date_month_days(int year, int month)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return mdays[month - 1] + (month == 2 && is_leap(year));
}

long date_parse(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > date_month_days((int)y, m))
		return -1;
	/* days_from_civil */
	long yy = y - (m <= 2);
	long era = yy / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_format(long days, char out[11])
{
	/* civil_from_days */
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	long y = yoe + era * 400 + (m <= 2);
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;
	long fields[] = { y / 1000, y / 100 % 10, y / 10 % 10, y % 10, -1,
			  m / 10, m % 10, -1, d / 10, d % 10 };
	for (int i = 0; i < 10; i++)
		out[i] = fields[i] < 0 ? '-' : (char)('0' + fields[i]);
	out[10] = '\0';
}

long date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	char buf[16];
	if (!localtime_r(&now, &tm) || !strftime(buf, sizeof buf, "%Y-%m-%d", &tm))
		return -1;
	return date_parse(buf);
}
