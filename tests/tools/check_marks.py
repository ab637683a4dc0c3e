#!/usr/bin/env python3
"""check_marks.py LABEL GAPS.svg ROADMAP.svg CHECK.json - every finding has its
mark in the gaps view, and nothing else is marked. Prints PASS:/FAIL: lines
(tests/suite_render.sh runs it).

CHECK.json is `roadmapc check --format json` of the one roadmap. A mark is an
SVG element whose class list holds "mark"; its class also names the check and
the severity, its id is "mark:CHECK:ITEM" (a second mark of the same check
and item gets "~2"), its tooltip is the finding's message. The unsuppressed
findings and the marks must match one to one. Both SVG files must be
well-formed XML, and the roadmap view must have no mark at all.
"""
import collections
import json
import re
import sys
import xml.etree.ElementTree as ET

XLINK = '{http://www.w3.org/1999/xlink}title'


def marks_of(root):
    found = []
    for el in root.iter():
        classes = (el.get('class') or '').split()
        if 'mark' not in classes:
            continue
        m = re.match(r'mark:([^:]+):(.*?)(~\d+)?$', el.get('id') or '')
        title = None
        for a in el.iter():
            if a.get(XLINK) is not None:
                title = a.get(XLINK)
                break
        found.append((m.group(1) if m else None, m.group(2) if m else None, title,
                      tuple(classes)))
    return found


def main():
    label, gaps, roadmap, check = sys.argv[1:5]
    roots = {}
    for path in (gaps, roadmap):
        try:
            roots[path] = ET.parse(path).getroot()
            print(f'PASS: {label}: {path.rsplit("/", 1)[-1]} is well-formed XML')
        except ET.ParseError as e:
            print(f'FAIL: {label}: {path} is not well-formed XML: {e}')
            return 0
    diags = [d for d in json.load(open(check, encoding='utf-8'))['diagnostics']
             if not d.get('suppressed')]
    want = collections.Counter((d['check'], d.get('item') or 'roadmap', d['message']) for d in diags)
    marks = marks_of(roots[gaps])
    have = collections.Counter((c, i, t) for c, i, t, _ in marks)
    missing, extra = want - have, have - want
    if missing:
        print(f'FAIL: {label}: {sum(missing.values())} findings have no mark, first {next(iter(missing))}')
    if extra:
        print(f'FAIL: {label}: {sum(extra.values())} marks match no finding, first {next(iter(extra))}')
    if not missing and not extra:
        print(f'PASS: {label}: each of the {len(diags)} findings has its mark (check, item, message), '
              'and nothing else is marked')
    sev = {(d['check'], d.get('item') or 'roadmap'): d['severity'] for d in diags}
    wrong = [m for m in marks if sev.get((m[0], m[1])) not in m[3] or m[0] not in m[3]]
    if wrong:
        print(f'FAIL: {label}: a mark\'s class does not name its check and severity: {wrong[0]}')
    else:
        print(f'PASS: {label}: every mark\'s class names its check and severity')
    stray = marks_of(roots[roadmap])
    if stray:
        print(f'FAIL: {label}: the roadmap view has {len(stray)} marks')
    else:
        print(f'PASS: {label}: the roadmap view has no marks')
    return 0


if __name__ == '__main__':
    sys.exit(main())
