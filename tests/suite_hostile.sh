#!/usr/bin/env bash
# tests/suite_hostile.sh - hostile inputs end with a located diagnostic, fast and
# in bounded memory, in every output format. The cases and the bounds are in
# tests/tools/hostile.py; speed itself is measured by `make bench`, not here.
# Needs $ROADMAPC (and $BUILD, whose sanitizer tree gets wider bounds).
cd "$(dirname "$0")/.."
exec /usr/bin/python3 tests/tools/hostile.py
