#!/usr/bin/env python3
"""shared_data.py [NAME] - where the shared test data is: prints its path.

The shared data (the YAML test suite, hostile inputs, schemas) lives in
shared/data beside the repository. A git worktree is somewhere else, so the
main checkout (found through git's common directory) is asked too. Prints
the first DIR/NAME that exists, else the first candidate, so that a suite
can say where it looked."""
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def candidates():
    yield ROOT.parent / "shared" / "data"
    try:
        common = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--path-format=absolute",
                                 "--git-common-dir"], capture_output=True, text=True).stdout.strip()
    except OSError:
        common = ""
    if common:
        yield pathlib.Path(common).parent.parent / "shared" / "data"


def shared_data(name=""):
    found = [c / name for c in candidates()]
    for c in found:
        if c.exists():
            return c
    return found[0]


if __name__ == "__main__":
    print(os.path.normpath(shared_data(sys.argv[1] if len(sys.argv) > 1 else "")))
