# roadmapc - a compiler for buying-process roadmaps.
#
#   make            build build/roadmapc
#   make demo       install missing libraries, build, check and build every example
#   make test       build (normal and ASan+UBSan) and run every test suite
#   make san        build the sanitizer binary only (build/san/roadmapc)
#   make deps       install the Debian packages the build needs (or print how)
#   make fuzz       build the libFuzzer targets (needs clang)
#   make bench      measure the front end against raw libyaml parsing
#   make install    install roadmapc, its stdlib, the man page and the docs
#   make uninstall  remove what make install installed
#   make clean
#
# WERROR=1 turns warnings into errors (CI does this). PREFIX (default
# /usr/local) and DESTDIR (a staging root, for packages) place the install.

PKGS      := yaml-0.1 lua5.4 libcgraph libgvc
DEB_PKGS  := graphviz libgraphviz-dev libyaml-dev liblua5.4-dev pkg-config
# What the test suites use beyond the build: SARIF schema validation and
# man-page rendering.
TEST_PKGS := python3 python3-jsonschema groff-base
BUILD     ?= build
CC        ?= cc
CFLAGS    ?= -O2 -g
WARN      := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wwrite-strings -Wundef -Wformat=2
ifeq ($(WERROR),1)
WARN      += -Werror
endif
SANFLAGS  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# Our headers are found with -iquote, for #include "..." only: compiler/limits.h
# must not stand in for the C library's <limits.h>, which luaconf.h includes.
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L $(CFLAGS) $(PKG_CFLAGS) -iquote $(BUILD)/gen -iquote compiler -MMD -MP

SRCS      := $(wildcard compiler/*.c)
OBJS      := $(SRCS:compiler/%.c=$(BUILD)/obj/%.o)
LIB_OBJS  := $(filter-out $(BUILD)/obj/main.o,$(OBJS))
STDLIB    := $(sort $(wildcard stdlib/*.yaml stdlib/*.lua))
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)

# Installation. The binary finds the installed stdlib from its own place
# (PREFIX/bin/../share/roadmapc/stdlib, compiler/stdlib_files.h), so the
# layout below is fixed relative to PREFIX and DESTDIR changes nothing.
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR     = $(PREFIX)/bin
STDLIBDIR  = $(PREFIX)/share/roadmapc/stdlib
MANDIR     = $(PREFIX)/share/man/man1
DOCDIR     = $(PREFIX)/share/doc/roadmapc
# The one place the version is written is compiler/version.h.
VERSION   := $(shell sed -n 's/^\#define ROADMAPC_VERSION "\(.*\)"$$/\1/p' compiler/version.h)
DOCS      := README.md $(sort $(wildcard docs/*.md))

.PHONY: all demo test san unit deps need-deps check-deps check-test-deps fuzz bench clean \
	install uninstall
all: need-deps $(BUILD)/roadmapc

$(BUILD)/roadmapc: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

GEN       = $(BUILD)/gen/stdlib.inc $(BUILD)/gen/checkdoc.inc $(BUILD)/gen/langdoc.inc

$(BUILD)/obj/%.o: compiler/%.c | $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The stdlib is embedded into the binary; the generator is a host tool.
$(BUILD)/gen/embed: compiler/gen/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(BUILD)/gen/stdlib.inc: $(BUILD)/gen/embed $(STDLIB)
	$(BUILD)/gen/embed $@ $(foreach f,$(STDLIB),$(notdir $(f))=$(f))

# The documentation of the checks lives in docs/checks.md only; `explain`
# and `list-checks` read the embedded copy (compiler/check_doc.c).
$(BUILD)/gen/checkdoc.inc: $(BUILD)/gen/embed docs/checks.md
	$(BUILD)/gen/embed $@ checks.md=docs/checks.md

# The descriptions of `roadmapc schema` are those of docs/language.md
# (compiler/jsonschema.c).
$(BUILD)/gen/langdoc.inc: $(BUILD)/gen/embed docs/language.md
	$(BUILD)/gen/embed $@ language.md=docs/language.md

$(BUILD)/unit/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -iquote tests/unit -o $@ $< $(LIB_OBJS) $(PKG_LIBS) -lm

# Test tools in C (tests/tools/*.c), built against the compiler's objects.
TOOL_BINS := $(patsubst tests/tools/%.c,$(BUILD)/tools/%,$(wildcard tests/tools/*.c))
$(BUILD)/tools/%: tests/tools/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS) -lm

unit: $(UNIT_BINS) $(TOOL_BINS)

# A second tree with AddressSanitizer and UndefinedBehaviorSanitizer.
san:
	$(MAKE) --no-print-directory BUILD=build/san CFLAGS="-O1 -g $(SANFLAGS)" \
		LDFLAGS="$(SANFLAGS)" build/san/roadmapc unit

test: check-test-deps
	$(MAKE) --no-print-directory $(BUILD)/roadmapc unit
	$(MAKE) --no-print-directory san
	tests/run.sh $(BUILD) build/san

# Checks one example in full, then builds every example (diagrams and plans
# into roadmap-out/) and shows each one's summary line.
EXAMPLES := $(sort $(wildcard examples/*.yaml))
demo: check-deps $(BUILD)/roadmapc
	@echo '$$ roadmapc check examples/crm-for-accounting-firms.yaml'
	@$(BUILD)/roadmapc check --today 2026-11-23 examples/crm-for-accounting-firms.yaml; \
	 echo "(exit status $$?)"
	@echo; echo '$$ roadmapc build -o roadmap-out examples/*.yaml'
	@$(BUILD)/roadmapc build --today 2026-11-23 -o roadmap-out $(EXAMPLES) >$(BUILD)/demo.out; \
	 status=$$?; grep -E '^(examples/[^:]*|total): ' $(BUILD)/demo.out; \
	 echo "(exit status $$status; every finding: $(BUILD)/demo.out; outputs: roadmap-out/)"

# Installs the missing libraries when it can; otherwise says exactly how.
deps:
	@missing=; for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; done; \
	command -v groff >/dev/null || missing="$$missing groff"; \
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || missing="$$missing python3-jsonschema"; \
	if command -v pkg-config >/dev/null && [ -z "$$missing" ]; then echo "deps: everything present"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "deps: missing:$$missing"; \
	     echo "  Debian/Ubuntu: sudo apt-get install -y $(DEB_PKGS) $(TEST_PKGS)"; \
	     echo "  Fedora:        sudo dnf install -y graphviz graphviz-devel libyaml-devel lua-devel pkgconf-pkg-config"; \
	     echo "  macOS:         brew install graphviz libyaml lua@5.4 pkg-config"; exit 1; fi; \
	if ! command -v apt-get >/dev/null; then echo "deps: no apt-get; install: $(DEB_PKGS) $(TEST_PKGS)"; exit 1; fi; \
	echo "deps: installing $(DEB_PKGS) $(TEST_PKGS)"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEB_PKGS) $(TEST_PKGS)

# Plain `make` only says what is missing; `make deps`, `make demo` and
# `make test` install it (check-deps runs `make deps` when something is).
need-deps:
	@missing=; for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; done; \
	[ -z "$$missing" ] || { echo "roadmapc: missing libraries:$$missing"; \
	  echo "  run 'make deps' to install them (or 'make demo', which also builds and runs the examples)"; exit 1; }

# The build needs only the libraries; the tests also need their tools. Either
# check runs `make deps` when something is missing.
check-deps:
	@ok=1; for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || ok=0; done; \
	[ $$ok = 1 ] || $(MAKE) --no-print-directory deps

check-test-deps: check-deps
	@ok=1; command -v groff >/dev/null || ok=0; /usr/bin/python3 -c 'import jsonschema' 2>/dev/null || ok=0; \
	[ $$ok = 1 ] || $(MAKE) --no-print-directory deps

FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
fuzz: $(FUZZ_SRCS:tests/fuzz/%.c=build/fuzz/%)
build/fuzz/%: tests/fuzz/%.c $(SRCS)
	@mkdir -p build/fuzz/gen
	$(MAKE) --no-print-directory BUILD=build/fuzz/tree CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build/fuzz/tree/gen/stdlib.inc build/fuzz/tree/gen/checkdoc.inc build/fuzz/tree/gen/langdoc.inc \
		$(patsubst compiler/%.c,build/fuzz/tree/obj/%.o,$(filter-out compiler/main.c,$(SRCS)))
	clang $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined -D_POSIX_C_SOURCE=200809L \
		$(PKG_CFLAGS) -iquote compiler -iquote build/fuzz/tree/gen -o $@ $< \
		$(patsubst compiler/%.c,build/fuzz/tree/obj/%.o,$(filter-out compiler/main.c,$(SRCS))) $(PKG_LIBS) -lm

bench: $(BUILD)/roadmapc $(BUILD)/unit/bench_front
	tests/bench.sh $(BUILD)

$(BUILD)/unit/bench_front: tests/bench_front.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS) -lm

# Builds when needed, never installs packages; the man page is stamped with
# the version of version.h (docs/roadmapc.1 carries none).
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(STDLIBDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DOCDIR)
	install -m 755 $(BUILD)/roadmapc $(DESTDIR)$(BINDIR)/roadmapc
	install -m 644 $(STDLIB) $(DESTDIR)$(STDLIBDIR)
	sed 's/^\.TH ROADMAPC 1 \([^ ]*\) "roadmapc"/.TH ROADMAPC 1 \1 "roadmapc $(VERSION)"/' \
		docs/roadmapc.1 >$(DESTDIR)$(MANDIR)/roadmapc.1.tmp
	chmod 644 $(DESTDIR)$(MANDIR)/roadmapc.1.tmp
	mv $(DESTDIR)$(MANDIR)/roadmapc.1.tmp $(DESTDIR)$(MANDIR)/roadmapc.1
	install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)

# Removes only the files make install wrote, then the directories it made
# if they are empty: a team's own templates in the stdlib directory stay.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/roadmapc $(DESTDIR)$(MANDIR)/roadmapc.1
	rm -f $(addprefix $(DESTDIR)$(STDLIBDIR)/,$(notdir $(STDLIB)))
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(DOCS)))
	-rmdir $(DESTDIR)$(STDLIBDIR) $(DESTDIR)$(PREFIX)/share/roadmapc $(DESTDIR)$(DOCDIR) 2>/dev/null

clean:
	rm -rf build roadmap-out

-include $(OBJS:.o=.d) $(UNIT_BINS:=.d) $(TOOL_BINS:=.d)
