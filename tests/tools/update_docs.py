#!/usr/bin/env python3
"""update_docs.py - rewrite the expected output of the examples in the docs.

tests/suite_docs.sh runs every ```console block of README.md and docs/*.md
against the files the ```yaml file=NAME blocks define, and compares the
output exactly. After a deliberate change of wording or format, this tool
re-runs those commands the same way and writes their actual output back
into the documents, so the change is one review of `git diff docs/`. A
block whose info string ends in `output=PATH` gets the contents of the file
PATH the commands above it wrote (CRLF line ends written as LF).

Usage: ROADMAPC=build/roadmapc tests/tools/update_docs.py [DOC.md ...]
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

FENCE = re.compile(r'^```')
OUTPUT = re.compile(r' output=(\S+)$')


def blocks(lines):
    """Yields (kind, info, start, end) for each fenced block; lines[start:end]
    is its body."""
    i = 0
    while i < len(lines):
        if FENCE.match(lines[i]):
            info = lines[i][3:].rstrip('\n')
            j = i + 1
            while j < len(lines) and not FENCE.match(lines[j]):
                j += 1
            yield info, i + 1, j
            i = j + 1
        else:
            i += 1


def update(doc, binary):
    lines = open(doc).read().splitlines(keepends=True)
    out = []
    pos = 0
    with tempfile.TemporaryDirectory() as d:
        for info, start, end in list(blocks(lines)):
            body = lines[start:end]
            if info.startswith('yaml file=') or info.startswith('lua file='):
                name = info.split('=', 1)[1].strip()
                with open(os.path.join(d, name), 'w') as f:
                    f.writelines(body)
                continue
            m = OUTPUT.search(info)
            if m:
                path = os.path.join(d, m.group(1))
                if os.path.exists(path):
                    text = open(path, encoding='utf-8', newline='').read()
                    out.extend(lines[pos:start])
                    out.extend(text.replace('\r\n', '\n').splitlines(keepends=True))
                    pos = end
                continue
            if info != 'console':
                continue
            new = []
            for line in body:
                if line.startswith('$ '):
                    cmd = line[2:].rstrip('\n')
                    args = shlex.split(cmd)[1:]
                    env = dict(os.environ, NO_COLOR='1', ROADMAPC_PATH='')
                    r = subprocess.run([binary] + args, cwd=d, env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                    new.append(line)
                    text = r.stdout.decode('utf-8', 'replace')
                    new.extend(text.splitlines(keepends=True))
                    if text and not text.endswith('\n'):
                        new[-1] += '\n'
            out.extend(lines[pos:start])
            out.extend(new)
            pos = end
    out.extend(lines[pos:])
    if out != lines:
        open(doc, 'w').writelines(out)
        print('updated', doc)


def main():
    binary = os.path.abspath(os.environ.get('ROADMAPC', 'build/roadmapc'))
    docs = sys.argv[1:] or ['README.md'] + sorted(
        os.path.join('docs', f) for f in os.listdir('docs') if f.endswith('.md'))
    for doc in docs:
        update(doc, binary)


if __name__ == '__main__':
    main()
