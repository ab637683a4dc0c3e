#!/usr/bin/env bash
# tests/suite_layers.sh - every #include in compiler/ points down a layer
# (or within one), and no header cycle exists; tests/tools/layers.py has the
# layers. Prints PASS:/FAIL: lines.
set -u
cd "$(dirname "$0")/.."
python3 tests/tools/layers.py compiler
