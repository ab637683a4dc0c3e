#!/usr/bin/env python3
"""hostile.py - hostile inputs end with a located diagnostic, fast and small, in every format.

Run by tests/suite_hostile.sh (needs $ROADMAPC, and $BUILD to tell the
sanitizer tree). Every file of the shared hostile-yaml corpus, and inputs
generated here from every attack pattern the project knows (deep nesting of
each kind, alias bombs and cycles, huge scalars and files, 100,000 and
200,000 keys, keys that all collide under the hash tables used before they
were keyed, one long line holding thousands of findings, characters XML
cannot carry), is checked once with every report format written to its own
file. Each run must:
  - exit 1 or 2, with no internal error and no signal;
  - put a located error (with the expected check, when one is named) into
    every format, read the way its consumer reads it (JSON and XML parsed);
  - take at most CPU_LIMIT seconds of CPU for all seven formats (each
    well under a second; the attacks this pins took 11 s to a day), and
    PEAK_KB of memory.
The bounds are for a normal build; the sanitizer tree gets SAN_FACTOR times
them, since AddressSanitizer costs time and memory by design, and under
valgrind (VALGRIND set) only correctness is checked. Timing is CPU
time of the one process, so a busy machine disturbs it little, and the
bounds leave room for that; the flooding check compares two runs of the
same size rather than a clock.
Prints PASS:/FAIL: lines."""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from shared_data import shared_data  # noqa: E402

ROADMAPC = os.environ["ROADMAPC"]
TIME = "/usr/bin/time"          # GNU time (Debian package "time")
SANITIZED = os.environ.get("BUILD", "").rstrip("/").endswith("/san")
UNDER_VALGRIND = bool(os.environ.get("VALGRIND"))  # correctness only: no bounds
FORMATS = ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"]
CPU_LIMIT = 2.0                 # seconds, for all seven formats in one run
PEAK_KB = 256 * 1024            # peak resident memory
SAN_FACTOR = 10
WALL_LIMIT = 60                 # a hang, whatever the build
if SANITIZED:
    CPU_LIMIT *= SAN_FACTOR
    PEAK_KB *= SAN_FACTOR
if UNDER_VALGRIND:
    CPU_LIMIT = PEAK_KB = float("inf")
    WALL_LIMIT = 1800

tmp = pathlib.Path(tempfile.mkdtemp(prefix="hostile."))


def run(args, cwd):
    """Runs roadmapc; returns (exit status, or -signal; CPU seconds; peak KB).
    GNU time measures it: a process forked from this (large) one would
    count this one's memory as its own peak. sh caps its address space,
    except under ASan, which reserves terabytes of it."""
    cap = "" if SANITIZED or UNDER_VALGRIND else "ulimit -v %d && " % (4 << 20)
    cmd = [TIME, "-f", "%U %S %M", "-o", str(cwd / "usage"), "/bin/sh", "-c",
           cap + 'exec "$0" "$@"', ROADMAPC] + args
    with open(cwd / "stdout", "wb") as out, open(cwd / "stderr", "wb") as err:
        try:
            rc = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                timeout=WALL_LIMIT).returncode
        except subprocess.TimeoutExpired:
            return -9, WALL_LIMIT, 0
    lines = (cwd / "usage").read_text().splitlines()
    sig = re.match(r"Command terminated by signal (\d+)", lines[0])
    user, system, peak = lines[-1].split()
    return (-int(sig.group(1)) if sig else rc), float(user) + float(system), int(peak)


# ---- a located error, as each format's consumer reads it ----

def text_located(out, check):
    pat = r"^\S.*:\d+:\d+: error: .*\[%s\]$" % (re.escape(check) if check else r"[a-z-]+")
    return re.search(pat, out, re.M)


def json_located(out, check):
    return any(d["severity"] == "error" and d.get("line", 0) >= 1 and check in ("", d["check"])
               for d in json.loads(out)["diagnostics"])


def sarif_located(out, check):
    return any(r["level"] == "error" and check in ("", r["ruleId"]) and
               r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
               for r in json.loads(out)["runs"][0]["results"])


def junit_located(out, check):
    root = ET.fromstring(out.encode())
    return any(f is not None and re.search(r":\d+:\d+: error: ", f.get("message", "")) and
               check in ("", c.get("name"))
               for c in root.iter("testcase") for f in [c.find("failure")])


def github_located(out, check):
    title = re.escape(check) if check else r"[a-z-]+"
    return re.search(r"^::error file=[^,]*,line=\d+,col=\d+.*,title=%s::" % title, out, re.M)


def gitlab_located(out, check):
    return any(i["severity"] in ("blocker", "critical") and i["location"]["lines"]["begin"] >= 1 and
               check in ("", i["check_name"]) for i in json.loads(out))


def markdown_located(out, check):
    name = re.escape(check) if check else r"[a-z-]+"
    return re.search(r"^\| \d+:\d+ \| error \| `%s` \|" % name, out, re.M)


LOCATED = {"text": text_located, "json": json_located, "sarif": sarif_located,
           "junit": junit_located, "github": github_located, "gitlab": gitlab_located,
           "markdown": markdown_located}

results = {}


def expect(name, path, check=""):
    """One run over 'path' writing every format; PASS or FAIL with why."""
    d = pathlib.Path(tempfile.mkdtemp(dir=tmp))
    args = ["check", "--today", "2026-11-23"]
    for f in FORMATS:
        args += ["--format", f, "-o", str(d / ("out." + f))]
    rc, cpu, peak = run(args + ["--", str(path)], d)
    err = (d / "stderr").read_text(errors="replace")
    why = []
    if rc not in (1, 2):
        why.append("exit %d" % rc)
    if "internal error" in err:
        why.append("internal error")
    if cpu > CPU_LIMIT:
        why.append("%.2f s of CPU (limit %.1f)" % (cpu, CPU_LIMIT))
    if peak > PEAK_KB:
        why.append("%d MB of memory (limit %d)" % (peak // 1024, PEAK_KB // 1024))
    for f in FORMATS:
        try:
            out = (d / ("out." + f)).read_text(encoding="utf-8")
            if not LOCATED[f](out, check):
                why.append("%s: no located error%s" % (f, " [%s]" % check if check else ""))
        except Exception as e:      # unparsable output, or no output at all
            why.append("%s: %s: %s" % (f, type(e).__name__, str(e)[:120]))
    results[name] = cpu
    if why:
        print("FAIL: %s: %s" % (name, "; ".join(why)))
        for line in err.splitlines()[:3]:
            print("    " + line)
    else:
        print("PASS: %s (%.2f s, %d MB)" % (name, cpu, peak // 1024))


def gen(name, text, check=""):
    path = tmp / (name + ".yaml")
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    expect("generated: " + name, path, check)


ROADMAP = "roadmap: 1\nproduct: P\nsegment: S\n"


def main():
    if not os.access(TIME, os.X_OK):
        print("FAIL: %s exists (install it: apt-get install -y time)" % TIME)
        return
    data = shared_data("hostile-yaml")
    if data.is_dir():
        for f in sorted(p for p in data.rglob("*") if p.is_file()):
            if f.suffix not in (".md", ".tsv", ".dict", ".txt"):
                expect(str(f.relative_to(data)), f)
    else:
        print("FAIL: hostile-yaml data not found at %s" % data)

    # Deep nesting of every kind: the depth limit stops each early (libyaml
    # alone is quadratic on flow nesting).
    gen("open-brackets-1mb", "[" * 1024000, "limit-exceeded")
    gen("open-maps-1mb", "x: {" * 256000, "limit-exceeded")
    gen("balanced-brackets", "[" * 65536 + "]" * 65536, "limit-exceeded")
    gen("block-seq-deep", "- " * 1000000 + "x\n", "limit-exceeded")
    gen("block-map-deep", "".join(" " * i + "a:\n" for i in range(1000)), "limit-exceeded")
    gen("mixed-deep", "a: " + "[{b: " * 20000 + "1" + "}]" * 20000 + "\n", "limit-exceeded")
    gen("block-in-flow-deep", "".join("  " * i + "- [\n" for i in range(200)), "")
    # Aliases: bombs, cycles, dangling, chains.
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(ord("b"), ord("j")):
        bomb += "%s: &%s [%s]\n" % (chr(i), chr(i), ",".join(["*" + chr(i - 1)] * 9))
    gen("billion-laughs", bomb, "limit-exceeded")
    gen("self-alias", "a: &a [1, *a]\n", "yaml-syntax")
    gen("map-cycle", "a: &a {b: *a}\n", "yaml-syntax")
    gen("alias-before-anchor", "a: *b\nb: &b 1\n", "yaml-syntax")
    gen("merge-chain", "a: &a [x]\n" + "".join(
        "k%d: &k%d\n  <<: *%s\n  v%d: 1\n" % (i, i, "a" if i == 0 else "k%d" % (i - 1), i)
        for i in range(30)))
    gen("many-aliases", "b: &b [" + ",".join(["x"] * 100) + "]\n" +
        "".join("k%d: *b\n" % i for i in range(10000)), "limit-exceeded")
    # Size: scalars, files, keys.
    gen("scalar-1mb", 'x: "' + "a" * 1000000 + '"\n', "limit-exceeded")
    gen("scalar-2mb", 'x: "' + "a" * 2000000 + '"\n', "limit-exceeded")
    gen("file-10mb", "x: y\n" * 2000000, "limit-exceeded")
    gen("keys-100k", ROADMAP + "".join("k%d: 1\n" % i for i in range(100000)), "unknown-key")
    gen("duplicate-keys-100k", ROADMAP + "k: 1\n" * 100000, "duplicate-key")
    # One long line holding a finding every few characters: each caret
    # snippet must cost the window it shows, not the line.
    gen("one-line-100kb", "{" + "a: 1, " * 16666 + "}\n", "duplicate-key")
    gen("one-line-250kb", "{" + "a: 1, " * 41666 + "}\n", "duplicate-key")
    gen("one-line-250kb-utf8", "{" + "\u00e9: 1, " * 35714 + "}\n", "duplicate-key")
    # Structural errors stop at the error limit; findings do not: a whole
    # roadmap on one line, 34,000 findings on it (once more than 60 s).
    gen("one-line-roadmap-findings", "{roadmap: 1, product: P, segment: S, stages: [" +
        ", ".join("{id: s%d, name: \u00e9%d}" % (i, i) for i in range(17000)) + "]}\n",
        "stage-without-seller-action")
    # Text XML cannot carry, in names that reach every format.
    gen("noncharacters", ROADMAP + 'stages:\n  - id: a\n    name: "\\uFFFF\\uFFFE\\x85\\x1b"\n',
        "stage-without-seller-action")

    if UNDER_VALGRIND:
        return
    # Hash flooding: keys that all collide under the unkeyed hash the
    # tables used before must cost what as many ordinary keys cost.
    tools = pathlib.Path(__file__).resolve().parent
    flood = subprocess.run([sys.executable, str(tools / "colliding_keys.py"), "200000"],
                           capture_output=True, check=True).stdout
    gen("keys-200k-colliding", flood, "unknown-key")
    ordinary = ROADMAP + "flood:\n" + "".join("  k%06xab: 1\n" % i for i in range(200000))
    gen("keys-200k-ordinary", ordinary, "unknown-key")
    colliding, plain = results["generated: keys-200k-colliding"], results["generated: keys-200k-ordinary"]
    if colliding <= 3 * plain + 0.2:
        print("PASS: 200,000 colliding keys cost about what 200,000 ordinary keys cost "
              "(%.2f s against %.2f s)" % (colliding, plain))
    else:
        print("FAIL: 200,000 colliding keys took %.2f s, ordinary ones %.2f s: hash flooding"
              % (colliding, plain))


if __name__ == "__main__":
    try:
        main()
    finally:
        subprocess.run(["rm", "-rf", str(tmp)])
