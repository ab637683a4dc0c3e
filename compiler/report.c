/* report.c - the table of output formats; one file per format (report_*.c). */
#include "report.h"

#include <string.h>

const ReportFormat report_formats[] = {
	{ "text", report_text, "diagnostics with source lines and carets, for people" },
	{ "json", report_json, "one JSON object: roadmaps with coverage, and diagnostics" },
	{ "sarif", report_sarif, "SARIF 2.1.0, for GitHub code scanning and SARIF viewers" },
	{ "junit", report_junit, "JUnit XML: a test case per roadmap and check, for Jenkins and others" },
	{ "github", report_github, "GitHub Actions workflow commands: annotations on the pull request" },
	{ "gitlab", report_gitlab, "GitLab Code Quality JSON, for merge request widgets" },
	{ "markdown", report_markdown, "Markdown tables, for pull-request comments and job summaries" },
};
const size_t report_formats_len = sizeof report_formats / sizeof report_formats[0];

const ReportFormat *report_find(const char *name)
{
	for (size_t i = 0; i < report_formats_len; i++)
		if (strcmp(report_formats[i].name, name) == 0)
			return &report_formats[i];
	return NULL;
}
