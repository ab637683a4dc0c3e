/* slug.c - text made into an id-like word; see slug.h. */
#include "slug.h"

#include <stdbool.h>
#include <string.h>

/* ASCII for the Latin-1 letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF), so
 * that "Évaluer" becomes "evaluer"; "" for the two signs in that range. */
static const char *const latin1_ascii[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
};

static bool keeps(unsigned char u)
{
	return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_';
}

void slug_append(StrBuf *out, const char *s, size_t len)
{
	size_t start = out->len;
	bool gap = false;       /* a run of other characters since the last kept one */
	for (size_t i = 0; i < len; i++) {
		unsigned char u = (unsigned char)s[i];
		const char *kept = NULL;
		char one[2] = { 0, 0 };
		if (u == 0xC3 && i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			kept = latin1_ascii[(unsigned char)s[++i] & 0x3F];
		} else {
			if (u >= 'A' && u <= 'Z')
				u = (unsigned char)(u - 'A' + 'a');
			if (keeps(u) && !(u == '_' && out->len == start)) {
				one[0] = (char)u;
				kept = one;
			}
		}
		if (!kept || !*kept) {
			gap = true;
			continue;
		}
		if (gap && out->len > start)
			strbuf_putc(out, '-');
		gap = false;
		strbuf_puts(out, kept);
	}
	while (out->len > start && (out->data[out->len - 1] == '_' || out->data[out->len - 1] == '-'))
		out->data[--out->len] = '\0';
}
