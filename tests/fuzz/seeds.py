#!/usr/bin/env python3
"""tests/fuzz/seeds.py TARGET OUTDIR - writes the seed inputs of a fuzz target.

The seeds come from what the project already has: the files and command
lines of the case files (tests/cases), the examples, the stdlib, the kept
crashers (tests/fuzz/regressions/TARGET) and, when they are there, the
shared YAML test suite and hostile inputs beside the repository. Each seed
is named by the hash of its bytes, so reruns do not duplicate them."""
import hashlib
import pathlib
import shlex
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "tools"))
from shared_data import shared_data  # noqa: E402


def case_sections(path):
    """(section, name, text) for every '=== ' section of a case file."""
    sect, name, lines = None, None, []
    for line in path.read_text(errors="replace").splitlines(keepends=True):
        if line.startswith("=== "):
            if sect:
                yield sect, name, "".join(lines)
            words = line.split()
            sect, name, lines = words[1], (words[2] if len(words) > 2 else None), []
        else:
            lines.append(line)
    if sect:
        yield sect, name, "".join(lines)


def cases():
    return sorted((ROOT / "tests" / "cases").rglob("*.test"))


def yaml_seeds():
    for c in cases():
        for sect, name, text in case_sections(c):
            if sect == "file" and name and not name.startswith("baseline") \
                    and not name.endswith(".lua"):
                yield text.encode()
    for d in ("examples", "stdlib"):
        for f in sorted((ROOT / d).glob("*.yaml")):
            yield f.read_bytes()
    for f in sorted(shared_data("hostile-yaml").rglob("*")):
        if f.is_file() and f.suffix not in (".md", ".tsv", ".dict", ".txt") and f.stat().st_size < 65536:
            yield f.read_bytes()
    for f in sorted(shared_data("yaml-test-suite").rglob("in.yaml")):
        yield f.read_bytes()


def lua_seeds():
    for c in cases():
        for sect, name, text in case_sections(c):
            if sect == "file" and name and name.endswith(".lua"):
                yield text.encode()
    for d in ("examples", "examples/rules", "stdlib"):
        for f in sorted((ROOT / d).glob("*.lua")):
            yield f.read_bytes()


def baseline_seeds():
    for c in cases():
        secs = list(case_sections(c))
        roadmaps = [t for s, n, t in secs if s == "file" and n and n.endswith(".yaml")]
        for sect, name, text in secs:
            if sect == "file" and name and name.startswith("baseline"):
                yield text.encode()
                if roadmaps:
                    yield (roadmaps[0] + "#--baseline--\n" + text).encode()


def catalog_seeds():
    yield (ROOT / "stdlib" / "content-types.yaml").read_bytes()
    for c in cases():
        for sect, name, text in case_sections(c):
            if sect == "file" and name == "content-types.yaml":
                yield text.encode()


def cmdline_seeds():
    for c in cases():
        for sect, name, text in case_sections(c):
            if sect == "args":
                try:
                    words = shlex.split(text)
                except ValueError:
                    continue
                yield "\0".join(words).encode()
    yield b"--help"
    yield b"check\0--colour=never\0-output\0r.json\0a.yaml"


SEEDS = {"yaml": yaml_seeds, "lua": lua_seeds, "baseline": baseline_seeds, "catalog": catalog_seeds,
         "cmdline": cmdline_seeds}


def main():
    target, out = sys.argv[1], pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    seeds = list(SEEDS[target]())
    kept = ROOT / "tests" / "fuzz" / "regressions" / target
    if kept.is_dir():
        seeds += [f.read_bytes() for f in sorted(kept.iterdir()) if f.is_file()]
    for s in seeds:
        (out / hashlib.sha1(s).hexdigest()).write_bytes(s)
    print(f"{len(seeds)} seeds for {target} in {out}")


if __name__ == "__main__":
    main()
