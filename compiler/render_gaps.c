/* render_gaps.c - the gaps view (placeholder while it is built). */
#include "render_roadmap.h"

int render_gaps(const OutputContext *ctx, StrBuf *out, StrBuf *err)
{
	Arena a;
	arena_init(&a);
	RoadmapPicture p;
	roadmap_picture_build(&p, ctx, &a, "gaps");
	int rc = roadmap_picture_emit(&p, ctx, out, err);
	arena_free(&a);
	return rc;
}
