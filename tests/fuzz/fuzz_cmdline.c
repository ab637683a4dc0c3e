/* fuzz_cmdline.c - libFuzzer target: the command line parser of main.c.
 *
 * The input is an argument vector, arguments separated by NUL bytes; the
 * first is the command. main.c is compiled in whole (its parser is static)
 * and driven up to the point where a command would run: options, values,
 * usage errors (which unwind to usage_exit), --help. Nothing is read or
 * written: the commands themselves are fuzzed by the other targets. */
#define main roadmapc_main
int roadmapc_main(int argc, char **argv);
#include "main.c"
#undef main

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 64

/* Parses one argument vector; usage errors unwind here. Its own function,
 * so that no local of the caller lives across the setjmp. */
static void parse_one(int argc, char **argv)
{
	memset(&args, 0, sizeof args);
	if (setjmp(usage_exit) == 0) {
		const Command *c = parse_command_line(&args, argc, argv);
		if (c->run == run_help) {
			StrBuf sb = STRBUF_INIT;
			usage(&sb);
			strbuf_free(&sb);
		}
	}
	free_args(&args);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	char *argv[MAX_ARGS + 2];
	int argc = 0;
	argv[argc++] = (char *)"roadmapc";
	for (char *p = copy; p <= copy + size && argc < MAX_ARGS; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;

	parse_one(argc, argv);
	free(copy);
	return 0;
}
