/* number.c - decimal numbers in text; see number.h. */
#include "number.h"

bool number_scan(const char **p, const char *end, double *out)
{
	const char *s = *p;
	bool neg = false;
	double v = 0, scale = 1;
	int digits = 0;

	if (s < end && *s == '-') {
		neg = true;
		s++;
	}
	if (s == end || *s < '0' || *s > '9')
		return false;
	while (s < end && *s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		digits++;
	}
	if (s < end && *s == '.') {
		s++;
		if (s == end || *s < '0' || *s > '9')
			return false;
		while (s < end && *s >= '0' && *s <= '9') {
			scale /= 10;
			v += (*s++ - '0') * scale;
			digits++;
		}
	}
	if (digits > 15)
		return false;
	*out = neg ? -v : v;
	*p = s;
	return true;
}

bool number_parse(const char *s, size_t len, double *out)
{
	const char *p = s;
	return number_scan(&p, s + len, out) && p == s + len;
}
