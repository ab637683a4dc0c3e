#!/usr/bin/env bash
# tests/suite_formats.sh - the CI formats are what their consumers accept.
#
# The golden cases (tests/cases/formats/) fix the exact bytes; this suite
# checks the structure with real parsers, the way CI services read it:
#   - sarif validates against the official SARIF 2.1.0 schema (our copy in
#     tests/data, which must equal the shared data's schemas/ when that exists),
#     has one rule per check in registry order, and its fingerprints are
#     unique and survive lines moving;
#   - junit parses as XML, with one test case per roadmap and check and
#     counts that add up, even when names hold what XML cannot carry;
#   - gitlab parses as JSON, with unique fingerprints that survive lines
#     moving;
#   - github escapes '%', newlines, ',' and ':' and stays within GitHub's
#     10 annotations per level without losing a finding;
#   - several formats in one run each go to their own place, unchanged;
#   - the same input gives the same bytes.
# Needs $ROADMAPC and Debian's /usr/bin/python3 with python3-jsonschema.
# Prints PASS:/FAIL: lines.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCHEMA=$ROOT/tests/data/sarif-schema-2.1.0.json
SHARED_SCHEMA=$(python3 tests/tools/shared_data.py schemas/sarif-schema-2.1.0.json)
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tests/tools/suite_lib.sh

if [ ! -x "$PY" ]; then
	echo "FAIL: $PY exists (install it: apt-get install -y python3 python3-jsonschema)"
	exit 0
fi
if ! "$PY" -c 'import jsonschema' 2>/dev/null; then
	echo "FAIL: python3-jsonschema is installed (apt-get install -y python3-jsonschema)"
	exit 0
fi

# ---- inputs ----
cd "$tmp"
cat >findings.yaml <<'EOF'
roadmap: 1
product: Acme "Close" & <Co>
segment: Finance teams, 50-500 staff
stages:
  - id: need
    name: Feel the pain
    expects: [information]
    questions:
      - ask: 'Does a "slow" close cost 10% more, & <why>: really?'
  - id: compare
    name: Compare vendors
    expects: [pricing]
    ignore: { stage-without-seller-action: "partners sell at this stage" }
seller:
  - id: webinar
    name: Monthly webinar
    supports: [need]
    delivers: [information]
content:
  - id: old-deck
    title: 'Old deck, 100% "legacy" & <v1>: retired'
    type: report
EOF
cat >broken.yaml <<'EOF'
roadmap: 1
product: Broken
segment: Finance teams
stages:
  - id: need
    questons:
      - ask: Why change?
  - id: need
EOF
cp "$ROOT/tests/data/clean-roadmap.yaml" clean.yaml
# The same roadmaps with every line moved: comments on top, a blank line
# in the middle. Findings must keep their fingerprints.
mkdir -p shifted
{ printf '# Reviewed with sales.\n# Owner: product marketing.\n\n'; sed '10i\\' findings.yaml; } >shifted/findings.yaml
{ printf '# moved\n'; cat broken.yaml; } >shifted/broken.yaml
cp findings.yaml "q3 plan,50%:v2.yaml"
{
	printf 'roadmap: 1\nproduct: Acme Close\nsegment: Finance teams\nstages:\n'
	for i in 01 02 03 04 05 06 07 08 09 10 11 12; do printf '  - id: s%s\n' $i; done
	printf 'content:\n'
	for i in 01 02 03 04 05 06 07 08 09 10 11; do
		printf '  - id: c%s\n    title: Case study %s\n    type: case-study\n' $i $i
	done
} >many.yaml

R() { "$ROADMAPC" check --today 2026-11-23 "$@"; }
R --format sarif findings.yaml broken.yaml clean.yaml missing.yaml "q3 plan,50%:v2.yaml" "$tmp/clean.yaml" >all.sarif 2>/dev/null
R --format sarif findings.yaml broken.yaml >a.sarif 2>/dev/null
(cd shifted && R --format sarif findings.yaml broken.yaml >../b.sarif 2>/dev/null)
R --format junit findings.yaml broken.yaml clean.yaml missing.yaml >all.xml 2>/dev/null
R --format gitlab findings.yaml broken.yaml clean.yaml >a.json 2>/dev/null
(cd shifted && R --format gitlab findings.yaml broken.yaml >../b.json 2>/dev/null)
R --format github "q3 plan,50%:v2.yaml" >esc.txt 2>/dev/null
R --format github many.yaml >many.txt 2>/dev/null
R --format json many.yaml >many.json 2>/dev/null
R --min-coverage 90 --format sarif findings.yaml clean.yaml broken.yaml >cov.sarif 2>/dev/null
R --min-coverage 90 --format junit findings.yaml clean.yaml broken.yaml >cov.xml 2>/dev/null
R --min-coverage 90 --format gitlab findings.yaml clean.yaml >cov.json 2>/dev/null
"$ROADMAPC" list-checks | awk '{ print $1 }' >checks.txt

# ---- sarif ----
check "sarif validates against the SARIF 2.1.0 schema" "$PY" - "$SCHEMA" all.sarif <<'EOF'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.validate(json.load(open(sys.argv[2])), schema)
EOF

if [ -f "$SHARED_SCHEMA" ]; then
	check "the schema in tests/data is the shared one" cmp "$SCHEMA" "$SHARED_SCHEMA"
fi

check "sarif with a --min-coverage failure validates, and says why in a notification" "$PY" - "$SCHEMA" cov.sarif <<'EOF'
import json, sys, jsonschema
log = json.load(open(sys.argv[2]))
jsonschema.validate(log, json.load(open(sys.argv[1])))
inv = log["runs"][0]["invocations"][0]
assert inv["executionSuccessful"] is True
notes = inv["toolExecutionNotifications"]
assert [(n["level"], n["descriptor"]["id"], n["message"]["text"]) for n in notes] == [
    ("error", "min-coverage", "question coverage 0% (0/1) is below --min-coverage 90%"),
    ("error", "min-coverage", "stage coverage 50% (1/2) is below --min-coverage 90%")], notes
assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "findings.yaml"
EOF

check "sarif has one rule per check, in registry order, and ruleIndex finds it" "$PY" - all.sarif checks.txt <<'EOF'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
names = open(sys.argv[2]).read().split()
assert rules == names, (rules, names)
for r in run["results"]:
    assert rules[r["ruleIndex"]] == r["ruleId"], r
assert run["columnKind"] == "unicodeCodePoints"
EOF

check "sarif leaves out the ignored finding, which GitHub would open as an alert" "$PY" - all.sarif <<'EOF'
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert not any(r.get("suppressions") for r in res)
assert not any(r["ruleId"] == "stage-without-seller-action" for r in res), "ignored finding present"
assert any(r["ruleId"] == "stage-without-questions" for r in res), "other findings missing"
EOF

check "sarif reports an unreadable file as a failed execution" "$PY" - all.sarif <<'EOF'
import json, sys
inv = json.load(open(sys.argv[1]))["runs"][0]["invocations"]
assert inv[0]["executionSuccessful"] is False
notes = inv[0]["toolExecutionNotifications"]
assert len(notes) == 1 and "missing.yaml" in notes[0]["message"]["text"], notes
EOF

check "sarif artifact URIs are percent-encoded, relative ones against %SRCROOT%" "$PY" - all.sarif "$tmp/clean.yaml" <<'EOF'
import json, sys, urllib.parse
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId") for r in res}
assert uris.get("q3%20plan%2C50%25%3Av2.yaml") == "%SRCROOT%", uris
assert urllib.parse.unquote("q3%20plan%2C50%25%3Av2.yaml") == "q3 plan,50%:v2.yaml"
assert uris.get("findings.yaml") == "%SRCROOT%", uris
EOF

check "sarif fingerprints are unique and survive lines moving" "$PY" - a.sarif b.sarif <<'EOF'
import json, sys
def load(p):
    res = json.load(open(p))["runs"][0]["results"]
    return [(r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in res]
a, b = load(sys.argv[1]), load(sys.argv[2])
fa = [f for _, f, _ in a]
assert len(set(fa)) == len(fa), "duplicate fingerprints"
assert sorted(fa) == sorted(f for _, f, _ in b), "fingerprints changed"
assert [l for *_, l in a] != [l for *_, l in b], "the lines did not move"
EOF

# ---- junit ----
check "junit has a test case per roadmap and check, and counts that add up" "$PY" - all.xml checks.txt <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
names = open(sys.argv[2]).read().split()
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert [s.get("name") for s in suites] == ["findings.yaml", "broken.yaml", "clean.yaml", "missing.yaml"]
tot = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
for s in suites:
    cases = s.findall("testcase")
    assert [c.get("name") for c in cases] == names, s.get("name")
    n = {"tests": len(cases),
         "failures": sum(1 for c in cases if c.find("failure") is not None),
         "errors": sum(1 for c in cases if c.find("error") is not None),
         "skipped": sum(1 for c in cases if c.find("skipped") is not None)}
    for k, v in n.items():
        assert int(s.get(k)) == v, (s.get("name"), k, s.get(k), v)
        tot[k] += v
for k, v in tot.items():
    assert int(root.get(k)) == v, (k, root.get(k), v)
assert tot["tests"] == len(names) * 4
EOF

check "junit fails exactly the checks with errors and warnings" "$PY" - all.xml <<'EOF'
import sys, xml.etree.ElementTree as ET
suites = {s.get("name"): s for s in ET.parse(sys.argv[1]).getroot()}
def names(suite, tag):
    return {c.get("name") for c in suites[suite].findall("testcase") if c.find(tag) is not None}
assert names("findings.yaml", "failure") == {"question-without-answer", "expected-value-missing",
                                             "roadmap-ends-at-sale", "stage-without-questions"}
assert names("findings.yaml", "skipped") == set()
out = {c.get("name"): c.find("system-out").text for c in suites["findings.yaml"].findall("testcase")
       if c.find("system-out") is not None}
assert set(out) == {"stage-without-seller-action", "content-unused", "missing-owner"}, out
assert "(suppressed: ignore)" in out["stage-without-seller-action"]
f = [c for c in suites["findings.yaml"].findall("testcase") if c.get("name") == "question-without-answer"][0]
assert f.find("failure").get("message") == \
    "findings.yaml:9:9: error: question 'Does a \"slow\" close cost 10% more, & <why>: really?' has no answer"
assert names("broken.yaml", "failure") == {"unknown-key", "duplicate-id"}
def count(suite):
    return len(suites[suite].findall("testcase"))
assert len(names("broken.yaml", "skipped")) == count("broken.yaml") - 2
assert names("clean.yaml", "failure") == names("clean.yaml", "skipped") == set()
assert len(names("missing.yaml", "skipped")) == count("missing.yaml")
assert "missing.yaml" in suites["missing.yaml"].find("system-err").text
EOF

check "junit has a min-coverage test case per roadmap, failed when coverage is low" "$PY" - cov.xml <<'EOF'
import sys, xml.etree.ElementTree as ET
suites = {s.get("name"): s for s in ET.parse(sys.argv[1]).getroot()}
def gate(suite):
    return [c for c in suites[suite].findall("testcase") if c.get("name") == "min-coverage"]
f = gate("findings.yaml")
assert len(f) == 1 and f[0].find("failure").get("message") == \
    "findings.yaml: error: question coverage 0% (0/1) is below --min-coverage 90%\n" \
    "findings.yaml: error: stage coverage 50% (1/2) is below --min-coverage 90%", f[0].find("failure").get("message")
c = gate("clean.yaml")
assert len(c) == 1 and c[0].find("failure") is None and c[0].find("skipped") is None
b = gate("broken.yaml")
assert len(b) == 1 and b[0].find("skipped") is not None
for s in suites.values():
    cases = s.findall("testcase")
    assert int(s.get("tests")) == len(cases)
    assert int(s.get("failures")) == sum(1 for x in cases if x.find("failure") is not None)
    assert int(s.get("skipped")) == sum(1 for x in cases if x.find("skipped") is not None)
EOF

check "junit, json, sarif and gitlab parse with U+FFFE, U+FFFF, C0 and C1 characters in names" "$PY" - "$ROADMAPC" <<'EOF'
import json, subprocess, sys, xml.etree.ElementTree as ET
name = "odd\uffff\x85\x1b.yaml"
open(name, "w", encoding="utf-8").write(
    'roadmap: 1\nproduct: "P \\uFFFF\\uFFFE\\x01\\x85\\x9b"\nsegment: "S \\x02"\n'
    'stages:\n  - id: need\n    name: "N \\uFFFF\\x07\\u0080"\n')
def run(fmt):
    return subprocess.run([sys.argv[1], "check", "--today", "2026-11-23", "--format", fmt, name],
                          capture_output=True).stdout
root = ET.fromstring(run("junit"))
assert root.find("testsuite").find("properties") is not None
for fmt in ("json", "sarif", "gitlab"):
    json.loads(run(fmt).decode("utf-8"))
EOF

# ---- gitlab ----
check "gitlab issues have the required fields and survive lines moving" "$PY" - a.json b.json <<'EOF'
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for i in a + b:
    assert set(i) == {"description", "check_name", "fingerprint", "severity", "location"}, i
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker"), i
    assert isinstance(i["location"]["lines"]["begin"], int) and i["location"]["path"], i
fa = [i["fingerprint"] for i in a]
assert len(set(fa)) == len(fa), "duplicate fingerprints"
assert sorted(fa) == sorted(i["fingerprint"] for i in b), "fingerprints changed"
assert [i["location"]["lines"]["begin"] for i in a] != [i["location"]["lines"]["begin"] for i in b]
assert not any(i["check_name"] == "stage-without-seller-action" for i in a), "ignored finding listed"
EOF

check "gitlab lists a coverage below --min-coverage as an issue" "$PY" - cov.json <<'EOF'
import json, sys
issues = [i for i in json.load(open(sys.argv[1])) if i["check_name"] == "min-coverage"]
assert [(i["description"], i["severity"], i["location"]["path"]) for i in issues] == [
    ("question coverage 0% (0/1) is below --min-coverage 90%", "critical", "findings.yaml"),
    ("stage coverage 50% (1/2) is below --min-coverage 90%", "critical", "findings.yaml")], issues
assert len({i["fingerprint"] for i in issues}) == 2
EOF

# ---- github ----
check "github escapes '%', newlines, ',' and ':' the way the runner decodes them" "$PY" - esc.txt <<'EOF'
import re, sys
def unescape(s, prop):
    s = s.replace("%0D", "\r").replace("%0A", "\n")
    if prop:
        s = s.replace("%3A", ":").replace("%2C", ",")
    return s.replace("%25", "%")
cmds = [l for l in open(sys.argv[1]).read().split("\n") if l.startswith("::")]
assert cmds, "no workflow commands"
for line in cmds:
    m = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    assert set(props) <= {"file", "line", "col", "endColumn", "title"}, props
    assert unescape(props["file"], True) == "q3 plan,50%:v2.yaml", props
    assert "\n" not in line and "\r" not in line
msgs = [unescape(re.fullmatch(r"::\w+ [^:]*::(.*)", l).group(1), False) for l in cmds]
assert any("10% more, & <why>: really?" in m for m in msgs), msgs
assert any("\nhelp: " in m for m in msgs), msgs
EOF

check "github annotates at most 10 per level and still lists every finding" "$PY" - many.txt many.json <<'EOF'
import json, re, sys
lines = open(sys.argv[1]).read().splitlines()
diags = [d for d in json.load(open(sys.argv[2]))["diagnostics"] if not d.get("suppressed")]
levels = {"error": 0, "warning": 0, "notice": 0}
for l in lines:
    m = re.match(r"::(error|warning|notice)[ :]", l)
    if m:
        levels[m.group(1)] += 1
assert all(n <= 10 for n in levels.values()), levels
annotated = sum(1 for l in lines if re.match(r"::\w+ file=", l))
listed = sum(1 for l in lines if re.match(r"many\.yaml:\d+:\d+: ", l))
assert annotated + listed == len(diags), (annotated, listed, len(diags))
summary = [l for l in lines if l.startswith("::notice title=roadmapc::")]
assert len(summary) == 1 and summary[0].split("::")[2].startswith("%d more findings" % listed), summary
EOF

# ---- several formats in one run ----
R --format text findings.yaml broken.yaml >text.out 2>&1
R --format sarif findings.yaml broken.yaml >sarif.out 2>&1
R --format gitlab findings.yaml broken.yaml >gitlab.out 2>&1
R --format sarif --output several.sarif --format gitlab -o several.json --format text \
	findings.yaml broken.yaml >several.out 2>&1
check "several formats in one run: each --output gets its own report" cmp several.sarif sarif.out
check "several formats in one run: the second --output too" cmp several.json gitlab.out
check "several formats in one run: the format without --output goes to stdout" cmp several.out text.out

# ---- determinism ----
same=1
for f in text json sarif junit github gitlab; do
	R --format "$f" findings.yaml broken.yaml clean.yaml >"run1.$f" 2>&1
	R --format "$f" findings.yaml broken.yaml clean.yaml >"run2.$f" 2>&1
	cmp -s "run1.$f" "run2.$f" || { same=0; echo "    $f differs between runs"; }
done
if [ $same = 1 ]; then echo "PASS: every format gives the same bytes twice"; else
	echo "FAIL: every format gives the same bytes twice"; fi
