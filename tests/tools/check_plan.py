#!/usr/bin/env python3
"""check_plan.py - the plan files hold what the checks found, read by real parsers.

Usage: check_plan.py NAME.plan.md NAME.plan.csv REPORT.json

REPORT.json is `roadmapc check --format json` of the same roadmap with the
same options. Checks that:
  - the CSV parses with Python's csv module (RFC 4180: CRLF record ends),
    has the documented header and 13 fields in every row;
  - it has one action per unsuppressed finding of the report, and none for
    a suppressed one (same check and item, counted);
  - ranks run 1..N, priorities never go back (P1, P2, P3), and within a
    priority critical actions come first;
  - every field a spreadsheet would run as a formula starts with an
    apostrophe;
  - the Markdown lists each action once in the gap report and once in the
    owners' tables, its tables have five cells a row, and the user's text
    cannot open an HTML tag or an entity of its own (no raw '<', and '&'
    only in &amp; &lt; &gt;).
Prints nothing and exits 0 when all hold; else says what failed, exit 1.
"""
import collections
import csv
import json
import re
import sys

COLUMNS = ['rank', 'priority', 'critical', 'kind', 'action', 'owner', 'stage', 'check',
           'severity', 'item', 'file', 'line', 'finding']
KINDS = {'add-seller-action', 'retime-seller-action', 'change-value', 'stop-reaching-out',
         'stop-or-repurpose', 'deliver-value', 'reach-channel', 'write-answer',
         'create-content', 'address-concern', 'prove-critical', 'ask-customers',
         'map-after-sale', 'publish-content', 'replace-content', 'refresh-content',
         'use-or-retire-content', 'assign-owner', 'remove-ignore', 'resolve-finding'}
problems = []


def fail(msg):
    problems.append(msg)


def check_csv(path, report):
    raw = open(path, 'rb').read()
    if not raw.startswith(','.join(COLUMNS).encode() + b'\r\n'):
        fail('CSV does not start with the header row and CRLF')
    if not raw.endswith(b'\r\n'):
        fail('CSV does not end with CRLF')
    if raw.startswith(b'\xef\xbb\xbf'):
        fail('CSV starts with a byte-order mark')
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, strict=True))
    if rows[0] != COLUMNS:
        fail(f'CSV header is {rows[0]}')
    actions = [dict(zip(COLUMNS, r)) for r in rows[1:]]
    for i, r in enumerate(rows[1:], 2):
        if len(r) != len(COLUMNS):
            fail(f'CSV row {i} has {len(r)} fields')
        for v in r:
            if v[:1] in ('=', '+', '-', '@', '\t', '\r'):
                fail(f'CSV row {i}: field {v!r} would run as a formula')
    last = ('P1', False)
    for i, a in enumerate(actions, 1):
        if a['rank'] != str(i):
            fail(f'CSV rank {a["rank"]} at position {i}')
        if a['kind'] not in KINDS:
            fail(f'CSV row {i}: unknown kind {a["kind"]!r}')
        if a['priority'] not in ('P1', 'P2', 'P3') or a['critical'] not in ('yes', 'no'):
            fail(f'CSV row {i}: priority {a["priority"]!r}, critical {a["critical"]!r}')
        key = (a['priority'], a['critical'] == 'no')
        if key < last:
            fail(f'CSV row {i}: {key} ranked after {last}')
        last = key
        if not a['owner'] or not a['action']:
            fail(f'CSV row {i}: empty owner or action')
    findings = collections.Counter(
        (d['check'], d.get('item')) for d in report['diagnostics'] if not d.get('suppressed'))
    got = collections.Counter((a['check'], a['item']) for a in actions)
    if findings != got:
        fail(f'CSV actions {sorted(got - findings)} are no finding; findings '
             f'{sorted(findings - got)} have no action')
    return actions


# A table row's cells: split at '|' not escaped by a backslash.
def cells(line):
    parts = re.split(r'(?<!\\)\|', line)
    return [p.strip() for p in parts[1:-1]]


def check_md(path, n):
    text = open(path, encoding='utf-8').read()
    if '<' in text:
        fail('Markdown has a raw "<": user text can open a tag')
    for m in re.finditer(r'&(?!amp;|lt;|gt;)', text):
        fail(f'Markdown has a raw "&" at {m.start()}')
        break
    gap = text[text.index('\n## Gap report\n'):text.index('\n## Action plan\n')]
    refs = collections.Counter(int(m) for m in re.findall(r' → action (\d+)$', gap, re.M))
    if sorted(refs) != list(range(1, n + 1)) or any(c != 1 for c in refs.values()):
        fail(f'the gap report names actions {sorted(refs.elements())}, not 1..{n} once each')
    plan = text[text.index('\n## Action plan\n'):]
    ranks = []
    for line in plan.splitlines():
        if line.startswith('|'):
            c = cells(line)
            if len(c) != 5:
                fail(f'table row with {len(c)} cells: {line}')
            elif c[0].isdigit():
                ranks.append(int(c[0]))
    if sorted(ranks) != list(range(1, n + 1)):
        fail(f'the owners\' tables hold actions {sorted(ranks)}, not 1..{n} once each')


def main():
    md, csv_path, report_path = sys.argv[1:4]
    report = json.load(open(report_path))
    actions = check_csv(csv_path, report)
    check_md(md, len(actions))
    for p in problems[:20]:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
