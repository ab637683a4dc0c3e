#!/usr/bin/env python3
"""shared_content.py N FILE - a roadmap where one draft content item is used N times.

One stage with N questions, each answered with content 'x', and one seller
action that uses 'x' N times: 2N content-not-published findings about the
same item. The diagram and plan suites use it to check that many findings
about one item stay linear in time and readable."""
import sys

n, path = int(sys.argv[1]), sys.argv[2]
lines = ['roadmap: 1', 'product: Big', 'segment: Everyone', 'stages:', '  - id: s',
         '    expects: [information]', '    questions:']
for i in range(n):
    lines += ['      - ask: Q%d?' % i, '        answer: yes', '        content: [x]']
lines += ['seller:', '  - id: a', '    owner: o', '    supports: [s]', '    delivers: [information]',
          '    uses: [' + ', '.join(['x'] * n) + ']',
          'content:', '  - id: x', '    title: X', '    type: report', '    status: draft', '    owner: m']
open(path, 'w').write('\n'.join(lines) + '\n')
