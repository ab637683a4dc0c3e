#!/usr/bin/env bash
# tests/suite_render.sh - the diagrams: right, readable, reproducible, safe.
#
#  - the font table matches the installed font (tests/tools/font_metrics.py);
#  - every example: the DOT of both views matches tests/golden/diagrams
#    (UPDATE=1 rewrites it; review the diff), the laid-out picture passes
#    tests/tools/check_layout.py, every finding has its mark and nothing
#    else is marked (tests/tools/check_marks.py), SVG is well-formed, PNG and
#    PDF have their magic bytes, Graphviz warns of nothing, and a second
#    build is byte-identical in every format;
#  - generated roadmaps of 10, 50 and 200 stages pass the same layout checks,
#    and the layout checker fails on a picture that is wrong;
#  - hostile text comes out as written, as text, in SVG, DOT and JSON;
#  - a failed build (broken input, a directory that cannot be made, a full
#    disk) leaves earlier outputs as they were and no temporary file; a
#    missing Graphviz plugin is a clear error; a picture too big for a
#    bitmap is a warning, not a postage stamp; docs/images are current.
# Prints PASS:/FAIL: lines; needs $ROADMAPC, python3 with PyYAML, and dot.
set -u
cd "$(dirname "$0")/.."
: "${ROADMAPC:?set ROADMAPC to the roadmapc binary}"
tmp=$(mktemp -d)
trap 'umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"' EXIT
TODAY="--today 2026-11-23"
FORMATS="-T svg -T png -T pdf -T json -T dot"

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1${2:+: $2}"; }
check() { if eval "$2"; then pass "$1"; else fail "$1" "${3:-}"; fi; }

python3 tests/tools/font_metrics.py check compiler/fontmetric.c

# Magic bytes, well-formed JSON, and no stray warning in a build's output.
formats_ok() { # formats_ok LABEL DIR NAME
	local d=$2 n=$3
	check "$1: PNG magic bytes" '[ "$(head -c 8 "$d/$n.gaps.png" | od -An -tx1 | tr -d " ")" = 89504e470d0a1a0a ]'
	check "$1: PDF magic bytes" '[ "$(head -c 5 "$d/$n.gaps.pdf")" = "%PDF-" ]'
	# A second build in the same second would not see a date left in.
	check "$1: every PDF is dated the epoch, not when it was written" \
		'(for f in "$d/$n".*.pdf; do grep -aq "/CreationDate (D:19700101000000Z)" "$f" || exit 1; done)' \
		"$(grep -a /CreationDate "$d/$n".*.pdf)"
	check "$1: JSON parses" 'python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$d/$n.gaps.json"'
}

# ---------------------------------------------------------------------------
# The examples

for ex in examples/*.yaml; do
	name=$(basename "$ex" .yaml)
	"$ROADMAPC" build $TODAY -q -o "$tmp/a" $FORMATS "$ex" >/dev/null 2>"$tmp/err"
	if grep -q '^roadmapc:' "$tmp/err"; then fail "$name: builds without a message" "$(grep '^roadmapc:' "$tmp/err" | head -n 3)"
	else pass "$name: builds without a message"; fi
	for view in roadmap gaps; do
		want=tests/golden/diagrams/$name.$view.dot
		if [ "${UPDATE:-}" = 1 ]; then mkdir -p "$(dirname "$want")"; cp "$tmp/a/$name.$view.dot" "$want"; fi
		check "$name: $view DOT matches $want" 'cmp -s "$tmp/a/$name.$view.dot" "$want"' \
			"$(diff "$want" "$tmp/a/$name.$view.dot" 2>&1 | head -n 10)"
		python3 tests/tools/check_layout.py "$name $view" "$tmp/a/$name.$view.json" "$ex"
	done
	dot -Tsvg "$tmp/a/$name.gaps.dot" -o "$tmp/cli.svg" 2>"$tmp/err"
	check "$name: dot on the DOT draws the very SVG roadmapc draws" \
		'[ ! -s "$tmp/err" ] && cmp -s "$tmp/cli.svg" "$tmp/a/$name.gaps.svg"' "$(head -n 3 "$tmp/err")"
	"$ROADMAPC" check $TODAY --format json "$ex" >"$tmp/check.json"
	python3 tests/tools/check_marks.py "$name" "$tmp/a/$name.gaps.svg" "$tmp/a/$name.roadmap.svg" "$tmp/check.json"
	python3 - "$name" "$tmp/a/$name.gaps.svg" "$tmp/a/$name.plan.csv" <<'EOF'
import csv, re, sys, xml.etree.ElementTree as ET
name, svg, plan = sys.argv[1:4]
rows = list(csv.DictReader(open(plan, newline='', encoding='utf-8')))[:5]
digits = '\u2776\u2777\u2778\u2779\u277a'
ranked = {}
for e in ET.parse(svg).getroot().iter():
    if 'mark' not in (e.get('class') or '').split():
        continue
    text = ''.join(t.text or '' for t in e.iter('{http://www.w3.org/2000/svg}text'))
    if text[:1] in digits:
        m = re.match(r'mark:([^:]+):(.*?)(~\d+)?$', e.get('id'))
        ranked[digits.index(text[0]) + 1] = (m.group(1), m.group(2))
want = {int(r['rank']): (r['check'], r['item']) for r in rows}
print(('PASS' if ranked == want else 'FAIL') + f': {name}: the numbered marks are the first '
      f'{len(want)} actions of the plan, in its order' + ('' if ranked == want else f': {ranked} != {want}'))
EOF
	formats_ok "$name" "$tmp/a" "$name"
	"$ROADMAPC" build $TODAY -q -o "$tmp/b" $FORMATS "$ex" >/dev/null 2>&1
	check "$name: a second build is byte-identical in every format" 'diff -r "$tmp/a" "$tmp/b" >/dev/null' \
		"$(diff -rq "$tmp/a" "$tmp/b" | head -n 3)"
	rm -rf "$tmp/a" "$tmp/b"
done

"$ROADMAPC" build $TODAY -q -o "$tmp/default" examples/crm-for-accounting-firms.yaml >/dev/null 2>&1
check "build without -T writes both views as SVG, and the plan" \
	'[ "$(ls "$tmp/default" | tr "\n" " ")" = "crm-for-accounting-firms.gaps.svg crm-for-accounting-firms.plan.csv crm-for-accounting-firms.plan.md crm-for-accounting-firms.roadmap.svg " ]' \
	"$(ls "$tmp/default" | tr "\n" " ")"

# ---------------------------------------------------------------------------
# Generated roadmaps, and a layout checker that can fail

for n in 10 50 200; do
	python3 tests/tools/gen_roadmap.py "$n" >"$tmp/g$n.yaml"
	for view in roadmap gaps; do
		"$ROADMAPC" render $TODAY -q "$tmp/g$n.yaml" --view $view -T json -o "$tmp/g$n.$view.json" 2>"$tmp/err"
		if grep -q '^roadmapc:' "$tmp/err"; then fail "$n stages, $view: renders without a message" "$(grep '^roadmapc:' "$tmp/err" | head -n 3)"; fi
		python3 tests/tools/check_layout.py "$n stages, $view" "$tmp/g$n.$view.json" "$tmp/g$n.yaml"
	done
done
"$ROADMAPC" render $TODAY -q "$tmp/g200.yaml" --view gaps -T svg -o "$tmp/g200.svg" 2>/dev/null
"$ROADMAPC" render $TODAY -q "$tmp/g200.yaml" --view gaps -T dot -o "$tmp/g200.dot" 2>/dev/null
dot -Tsvg "$tmp/g200.dot" -o "$tmp/cli.svg" 2>"$tmp/err"
check "200 stages: dot on the DOT draws the very SVG roadmapc draws" \
	'[ ! -s "$tmp/err" ] && cmp -s "$tmp/cli.svg" "$tmp/g200.svg"' "$(head -n 3 "$tmp/err")"
"$ROADMAPC" check $TODAY --format json "$tmp/g200.yaml" >"$tmp/check.json"
"$ROADMAPC" render $TODAY -q "$tmp/g200.yaml" --view roadmap -T svg -o "$tmp/g200.r.svg" 2>/dev/null
python3 tests/tools/check_marks.py "200 stages" "$tmp/g200.svg" "$tmp/g200.r.svg" "$tmp/check.json"

# Break a good picture five ways: the checker must say so each time.
python3 - "$tmp/g10.gaps.json" "$tmp" <<'EOF'
import json, sys
src, out = sys.argv[1], sys.argv[2]
def save(name, g):
    json.dump(g, open(f'{out}/{name}.json', 'w'))
def nodes(g, prefix):
    return [o for o in g['objects'] if o.get('name', '').startswith(prefix) and 'pos' in o]
g = json.load(open(src)); a, b = nodes(g, 'stage:')[:2]; a['pos'] = b['pos']; save('overlap', g)
g = json.load(open(src)); a = nodes(g, 'stage:')[0]
x, y = map(float, a['pos'].split(',')); a['pos'] = f'{x},{y + 2000}'; save('lane', g)
g = json.load(open(src)); st = nodes(g, 'stage:')
first = min(st, key=lambda o: float(o['pos'].split(',')[0]))
x, y = map(float, first['pos'].split(',')); first['pos'] = f'{x + 100000},{y}'; save('order', g)
g = json.load(open(src)); a = nodes(g, 'stage:')[0]; a['width'] = '0.5'; save('text', g)
g = json.load(open(src)); e = g['edges'][0]
other = [o for o in nodes(g, 'stage:') if o['_gvid'] not in (e['tail'], e['head'])][0]
head, *pts = e['pos'].split(' '); e['pos'] = ' '.join([head, pts[0], other['pos'], other['pos'], pts[-1]])
save('under', g)
EOF
for broken in overlap lane order text under; do
	out=$(python3 tests/tools/check_layout.py broken "$tmp/$broken.json" "$tmp/g10.yaml")
	check "the layout checker fails on a picture broken by $broken" 'printf "%s\n" "$out" | grep -q "^FAIL"'
done

# ---------------------------------------------------------------------------
# Hostile text

h=tests/diagrams/hostile.yaml
for view in roadmap gaps; do
	for f in svg dot json; do "$ROADMAPC" render $TODAY -q "$h" --view $view -T $f -o "$tmp/h.$view.$f" 2>/dev/null; done
done
"$ROADMAPC" check $TODAY --format json "$h" >"$tmp/check.json"
python3 tests/tools/check_marks.py hostile "$tmp/h.gaps.svg" "$tmp/h.roadmap.svg" "$tmp/check.json"
python3 - "$tmp" <<'EOF'
import json, sys, xml.etree.ElementTree as ET
tmp = sys.argv[1]
want = ['<script>alert("x")</script> \u2014 gaps', 'Segment: R&D | "Q1" & \'Q2\' < 10 > 5',
        'Critical characteristic: C:\\new\\table \\N \\G \\L ]]> &amp; &bogus;', 'Line one',
        'line two <b>not bold</b>', 'It\'s "quoted" & <i>tagged</i>',
        'Does it handle \u4e2d\u6587 and \u00e9moji-free accents? \\N', '<img src=x onerror="alert(1)">',
        '</text></svg><svg onload=alert(1)> (draft)', 'Owner: a\\b']
for view in ('roadmap', 'gaps'):
    root = ET.parse(f'{tmp}/h.{view}.svg').getroot()
    texts = {t.text for t in root.iter('{http://www.w3.org/2000/svg}text')}
    lost = [w for w in want if w.replace(' \u2014 gaps', ' \u2014 ' + ('gaps' if view == 'gaps' else 'buying-process roadmap')) not in texts]
    print(f'FAIL: hostile {view}: not shown as written: {lost[0]!r}' if lost else
          f'PASS: hostile {view}: every field is shown as written, as text, in SVG')
    tags = {e.tag.rsplit('}', 1)[-1] for e in root.iter()}
    print(f'FAIL: hostile {view}: user text made elements {tags & {"script", "img", "b", "i"}}'
          if tags & {'script', 'img', 'b', 'i'} else f'PASS: hostile {view}: user text makes no SVG element')
    labels = [op['text'] for o in json.load(open(f'{tmp}/h.{view}.json'))['objects']
              for op in o.get('_ldraw_', []) if op['op'] == 'T']
    lost = [w for w in want[1:] if w not in labels]
    print(f'FAIL: hostile {view}: JSON loses {lost[0]!r}' if lost else
          f'PASS: hostile {view}: JSON holds every field as written')
EOF
check "hostile: Graphviz's own dot reads the DOT without a word" \
	'dot -Tsvg "$tmp/h.gaps.dot" -o /dev/null 2>"$tmp/err" && [ ! -s "$tmp/err" ]' "$(head -n 3 "$tmp/err")"
check "hostile: the DOT has no raw markup of the user's" '! grep -q "<script\|<img\|<svg onload" "$tmp/h.gaps.dot"'

# ---------------------------------------------------------------------------
# Failures harm nothing

ex=examples/crm-for-accounting-firms.yaml
mkdir -p "$tmp/good" "$tmp/in"
"$ROADMAPC" build $TODAY -q -o "$tmp/good" $FORMATS "$ex" >/dev/null 2>&1
cp -r "$tmp/good" "$tmp/before"
printf 'roadmap: 1\nproduct: [unclosed\n' >"$tmp/in/crm-for-accounting-firms.yaml"
"$ROADMAPC" build $TODAY -q -o "$tmp/good" $FORMATS "$tmp/in/crm-for-accounting-firms.yaml" >/dev/null 2>&1
status=$?
check "a broken input fails the build (exit 1)" '[ $status = 1 ]' "exit $status"
check "a broken input leaves the earlier outputs as they were" 'diff -r "$tmp/before" "$tmp/good" >/dev/null'
touch "$tmp/file"
"$ROADMAPC" build $TODAY -q -o "$tmp/file/out" "$ex" >/dev/null 2>"$tmp/err"
status=$?
check "a directory that cannot be made is an error (exit 2)" '[ $status = 2 ] && grep -q "cannot create directory" "$tmp/err"' "exit $status: $(cat "$tmp/err")"
"$ROADMAPC" render $TODAY -q "$ex" --view gaps -T pdf -o /dev/full >/dev/null 2>"$tmp/err"
status=$?
check "a full device is an error (exit 2), said" '[ $status = 2 ] && grep -q "No space left" "$tmp/err"' "exit $status: $(cat "$tmp/err")"
if [ "$(id -u)" = 0 ] && mkdir -p "$tmp/full" && mount -t tmpfs -o size=48k tmpfs "$tmp/full" 2>/dev/null; then
	"$ROADMAPC" build $TODAY -q -o "$tmp/full" -T dot "$ex" >/dev/null 2>&1
	cp -r "$tmp/full" "$tmp/full-before"
	"$ROADMAPC" build $TODAY -q -o "$tmp/full" $FORMATS "$ex" >/dev/null 2>"$tmp/err"
	status=$?
	check "a full disk fails the build (exit 2)" '[ $status = 2 ] && grep -q "No space left" "$tmp/err"' "exit $status"
	check "a full disk leaves no temporary file" '! ls "$tmp/full" | grep -q "\.tmp"' "$(ls "$tmp/full")"
	check "a full disk leaves the earlier outputs as they were" \
		'(for f in "$tmp/full-before"/*; do cmp -s "$f" "$tmp/full/${f##*/}" || exit 1; done)'
	umount "$tmp/full"
else
	echo "SKIP: a full disk (mounting a small tmpfs needs root)"
fi
check "no temporary file is left anywhere" '! find "$tmp/good" "$tmp" -maxdepth 2 -name "*.tmp*" | grep -q .'
cp "$ex" "$tmp/self.yaml"
"$ROADMAPC" render $TODAY -q "$tmp/self.yaml" --view gaps -o "$tmp/self.yaml" >/dev/null 2>"$tmp/err"
status=$?
check "render never writes over the roadmap it renders" '[ $status = 2 ] && cmp -s "$ex" "$tmp/self.yaml"' "exit $status"

mkdir -p "$tmp/noplugins"
GVBINDIR="$tmp/noplugins" "$ROADMAPC" render $TODAY -q "$ex" --view roadmap -T png -o "$tmp/x.png" >/dev/null 2>"$tmp/err"
status=$?
check "a missing Graphviz plugin is a clear error (exit 2), and writes nothing" \
	'[ $status = 2 ] && grep -q "Graphviz on this machine" "$tmp/err" && [ ! -e "$tmp/x.png" ]' "exit $status: $(cat "$tmp/err")"

# Without the font the boxes were measured in, Graphviz draws another one;
# the texts overflow and roadmapc says why, once.
mkdir -p "$tmp/fonts"
printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
	"$tmp/fonts" "$tmp/fonts" >"$tmp/fonts.conf"
ln -s /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf "$tmp/fonts/"
FONTCONFIG_FILE="$tmp/fonts.conf" "$ROADMAPC" render $TODAY -q "$ex" --view gaps -o "$tmp/x.svg" >/dev/null 2>"$tmp/err"
check "without its font, the picture is drawn and one warning says why" \
	'[ "$(grep -c "^roadmapc: warning: .*do not fit their boxes .*is the font DejaVu Sans installed" "$tmp/err")" = 1 ] && [ -s "$tmp/x.svg" ]' "$(cat "$tmp/err")"

"$ROADMAPC" build $TODAY -q -o "$tmp/big" -T png -T svg "$tmp/g200.yaml" >/dev/null 2>"$tmp/err"
status=$?
check "a picture too big for a PNG is a warning, and no PNG" \
	'grep -q "^roadmapc: warning: .*g200.gaps.png not written: .*too big for a readable PNG" "$tmp/err" && [ ! -e "$tmp/big/g200.gaps.png" ] && [ -s "$tmp/big/g200.gaps.svg" ]' "$(cat "$tmp/err")"
"$ROADMAPC" check $TODAY -q "$tmp/g200.yaml" >/dev/null 2>&1
check_status=$?
check "a picture too big for a PNG keeps the exit status of check" '[ $status = $check_status ]' "exit $status, check $check_status"

# Too much for a picture: many findings about one item, and many stages.
python3 tests/tools/shared_content.py 3000 "$tmp/shared.yaml"
timeout 60 "$ROADMAPC" render $TODAY -q "$tmp/shared.yaml" --view gaps -o "$tmp/shared.svg" >/dev/null 2>&1
python3 - "$tmp/shared.svg" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
marks = [e for e in root.iter() if 'mark' in (e.get('class') or '').split()]
more = [t.text for e in root.iter() if 'more' in (e.get('class') or '').split()
        for t in e.iter('{http://www.w3.org/2000/svg}text')]
ok = len(marks) <= 60 and sorted(more) == ['+2980 more', '+2980 more']
print(('PASS' if ok else 'FAIL') + f': 6,000 findings about one item make a row of 20 marks and a count '
      f'(marks {len(marks)}, counts {more})')
EOF
python3 tests/tools/gen_roadmap.py 1400 >"$tmp/huge.yaml"
"$ROADMAPC" build $TODAY -q -o "$tmp/huge" "$tmp/huge.yaml" >/dev/null 2>"$tmp/err"
check "a roadmap of more than 2,000 stages and seller actions gets a warning, the plan, no picture" \
	'grep -q "^roadmapc: warning: .*huge.gaps.svg not written: 2101 stages and seller actions are more than a diagram can show" "$tmp/err" && [ -s "$tmp/huge/huge.plan.md" ] && [ ! -e "$tmp/huge/huge.gaps.svg" ]' \
	"$(grep roadmapc: "$tmp/err" | head -n 3)"

"$ROADMAPC" render $TODAY -q "$ex" --view gaps -T png -o - 2>/dev/null >"$tmp/stdout.png"
check "render -o - writes the picture to standard output" \
	'[ "$(head -c 4 "$tmp/stdout.png" | od -An -tx1 | tr -d " ")" = 89504e47 ]'

# ---------------------------------------------------------------------------
# The pictures in docs/diagrams.md are the ones roadmapc makes now

for f in docs/images/*.png; do
	[ -f "$f" ] || continue
	b=$(basename "$f" .png)       # NAME.VIEW
	"$ROADMAPC" render $TODAY -q "examples/${b%.*}.yaml" --view "${b##*.}" -T png -o "$tmp/doc.png" 2>/dev/null
	check "$f is current (make doc-images)" 'cmp -s "$f" "$tmp/doc.png"'
done
