#!/usr/bin/env bash
# tests/suite_schema.sh - `roadmapc schema` accepts what roadmapc accepts and
# rejects the structural errors a JSON Schema can express.
#
# The work is in tests/tools/check_schema.py (python3-jsonschema); YAML is
# read through roadmapc's own front end (BUILD/tools/yaml2json, built by
# `make unit`). Prints PASS:/FAIL: lines; needs $ROADMAPC and $BUILD.
set -u
cd "$(dirname "$0")/.."
: "${ROADMAPC:?set ROADMAPC to the roadmapc binary}"
: "${BUILD:?set BUILD to the build tree}"
if [ ! -x "$BUILD/tools/yaml2json" ]; then
	echo "FAIL: $BUILD/tools/yaml2json is missing (make unit builds it)"; exit 0
fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then
	echo "FAIL: python3-jsonschema is not installed (make deps installs it)"; exit 0
fi
python3 tests/tools/check_schema.py
