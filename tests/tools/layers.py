#!/usr/bin/env python3
"""layers.py - the include graph of compiler/ points only down, with no cycle.

The layers, bottom to top (docs/internals: "Layers"):
  0 base        allocation, arena, buffers, hashing, paths, reading and
                writing files, escaping, JSON
  1 source      source files, diagnostics, the node tree, the stdlib files
  2 front ends  text to node tree (front.c, front_*.c)
  3 schema      node tree to model; the model's types
  4 model       resolution, the model index, the check registry, units
  5 checks      the checks, coverage
  6 outputs     reports, diagrams, the action plan, baselines
  7 driver      runs the phases
  8 main        the command line
A file may include its own layer or any below it. Prints PASS:/FAIL: lines.
"""
import os
import re
import sys

LAYERS = [
    ('base', ['alloc', 'fontmetric', 'arena', 'strbuf', 'strmap', 'hash', 'path', 'textio', 'date',
              'json', 'number', 'escape', 'limits', 'version', 'outfile', 'suggest', 'signals', 'slug']),
    ('source', ['srcfile', 'diag', 'node', 'stdlib_files', 'sandbox', 'sandbox_*']),
    ('front ends', ['front', 'front_*']),
    ('schema', ['model', 'schema', 'schema_read', 'catalog', 'extends']),
    ('model', ['resolve', 'model_index', 'registry', 'unit', 'subject', 'rule_view']),
    ('checks', ['check', 'check_*', 'coverage']),
    ('outputs', ['report', 'report_*', 'render', 'render_*', 'board', 'board_*', 'plan', 'plan_*', 'baseline',
                 'fingerprint', 'output', 'output_*', 'graph', 'starter', 'jsonschema']),
    ('driver', ['driver']),
    ('main', ['main', 'cli', 'cli_*', 'cmd_*']),
]


def layer_of(stem):
    best = None
    for i, (_, names) in enumerate(LAYERS):
        for n in names:
            if n == stem:
                return i
            if n.endswith('*') and stem.startswith(n[:-1]):
                best = i
    return best


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else 'compiler'
    inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
    graph = {}
    failures = 0
    for f in sorted(os.listdir(root)):
        if not f.endswith(('.c', '.h')):
            continue
        stem = f[:-2]
        if layer_of(stem) is None:
            print(f'FAIL: {f} has a layer (add it to tests/tools/layers.py)')
            failures += 1
            continue
        deps = []
        for line in open(os.path.join(root, f), encoding='utf-8'):
            m = inc.match(line)
            if m and m.group(1).endswith('.h') and '/' not in m.group(1):
                deps.append(m.group(1)[:-2])
        graph[f] = deps
        bad = [d for d in deps if layer_of(d) is not None and layer_of(d) > layer_of(stem)]
        if bad:
            for d in bad:
                print(f'FAIL: {f} ({LAYERS[layer_of(stem)][0]}) includes {d}.h '
                      f'({LAYERS[layer_of(d)][0]}), a layer above it')
            failures += 1
        else:
            print(f'PASS: {f} includes only its layer and below')
    # Headers must not include each other in a circle, even within a layer.
    heads = {f[:-2]: deps for f, deps in graph.items() if f.endswith('.h')}
    state = {}

    def visit(n, trail):
        if state.get(n) == 1:
            cyc = trail[trail.index(n):] + [n]
            print('FAIL: include cycle: ' + ' -> '.join(c + '.h' for c in cyc))
            return 1
        if state.get(n) == 2 or n not in heads:
            return 0
        state[n] = 1
        bad = sum(visit(d, trail + [n]) for d in heads[n])
        state[n] = 2
        return bad
    cycles = sum(visit(h, []) for h in sorted(heads))
    print('PASS: no include cycle among the headers' if not cycles else
          'FAIL: the headers include each other in a cycle')


if __name__ == '__main__':
    main()
