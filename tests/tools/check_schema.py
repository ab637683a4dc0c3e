#!/usr/bin/env python3
"""check_schema.py - the JSON Schema of `roadmapc schema` agrees with roadmapc.

Run by tests/suite_schema.sh (ROADMAPC and BUILD set). Checks that:
  - the schema is a valid draft-07 schema, and every property it defines
    has a description (editors show them);
  - every roadmap roadmapc accepts validates against it: the examples, the
    YAML files of the docs, the YAML files of the case files, and the
    starter `roadmapc init` writes for every template;
  - every roadmap with structural errors is rejected, unless each of its
    errors is one a schema cannot express (NOT_EXPRESSIBLE below says which
    and why): references, uniqueness, real dates, what a template holds.
YAML becomes JSON through roadmapc's own front end (BUILD/tools/yaml2json),
as YAML 1.2 editors read it. Prints PASS:/FAIL: lines.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROADMAPC = os.environ['ROADMAPC']
YAML2JSON = os.path.join(os.environ['BUILD'], 'tools', 'yaml2json')
ENV = dict(os.environ, ROADMAPC_PATH='', NO_COLOR='1')

# Structural errors no JSON Schema can rule out, as (check, message pattern
# or None for any message, why).
NOT_EXPRESSIBLE = [
    ('yaml-syntax', None, 'not YAML: there is no JSON to validate'),
    ('duplicate-key', None, 'JSON has no duplicate keys to see'),
    ('limit-exceeded', None, 'limits are about the file, not its shape'),
    ('duplicate-id', None, 'uniqueness across items'),
    ('unknown-reference', None, 'references must name an existing item'),
    ('invalid-value', r'is not a calendar date|is before 1970', 'the date must exist'),
    ('invalid-value', r'ends before it starts|is too far out', 'arithmetic on the window'),
    ('invalid-value', r'unknown content type', "a type may be declared in the roadmap or a catalog"),
    ('invalid-value', r'unknown check', 'Lua rules add checks'),
    ('invalid-value', r'unknown stage template', 'a template may come from any -I directory'),
    ('invalid-value', r'is not the timeline of stage template|keeps its place there',
     'what the template holds'),
    ('invalid-value', r'contains a NUL character', 'a JSON string may hold NUL'),
]

results = {'pass': 0, 'fail': 0}


def report(ok, what, why=''):
    if ok:
        print(f'PASS: {what}')
        results['pass'] += 1
    else:
        print(f'FAIL: {what}: {why}')
        results['fail'] += 1


def expressible(diag):
    for check, pattern, _ in NOT_EXPRESSIBLE:
        if diag['check'] == check and (pattern is None or re.search(pattern, diag['message'])):
            return False
    return True


def yaml_files_of_case(path):
    """The files of a case file: {name: text}."""
    files, name, lines = {}, None, []
    for line in open(path, encoding='utf-8', errors='replace').read().split('\n'):
        m = re.match(r'^=== (\S+)(?: (\S+))?', line)
        if m:
            if name:
                files[name] = '\n'.join(lines) + '\n'
            name = m.group(2) if m.group(1) == 'file' else None
            lines = []
        elif name:
            lines.append(line)
    if name:
        files[name] = '\n'.join(lines) + '\n'
    return files


def yaml_files_of_doc(path):
    files, name, lines = {}, None, []
    for line in open(path, encoding='utf-8').read().split('\n'):
        if name is None:
            m = re.match(r'^```yaml file=(\S+)', line)
            if m:
                name, lines = m.group(1), []
        elif line.startswith('```'):
            files[name] = '\n'.join(lines) + '\n'
            name = None
        else:
            lines.append(line)
    return files


def groups():
    """(label, {name: text}) for every directory of files roadmapc reads together."""
    yield 'examples', {os.path.basename(p): open(p, encoding='utf-8').read()
                       for p in glob.glob(os.path.join(ROOT, 'examples', '*.yaml'))}
    for doc in ['README.md'] + sorted(glob.glob(os.path.join(ROOT, 'docs', '*.md'))):
        yield os.path.relpath(os.path.join(ROOT, doc), ROOT), yaml_files_of_doc(os.path.join(ROOT, doc))
    for case in sorted(glob.glob(os.path.join(ROOT, 'tests', 'cases', '**', '*.test'), recursive=True)):
        yield os.path.relpath(case, ROOT), yaml_files_of_case(case)


def described(schema):
    """Properties without a description, as paths."""
    missing = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, sub in node.get('properties', {}).items():
                if 'description' not in sub:
                    missing.append(f'{path}/properties/{key}')
            for key, sub in node.items():
                if key not in ('if', 'then', 'else'):   # refinements of described properties
                    walk(sub, f'{path}/{key}')
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f'{path}/{i}')
    walk(schema, '#')
    return missing


def main():
    out = subprocess.run([ROADMAPC, 'schema'], capture_output=True, env=ENV)
    report(out.returncode == 0, 'roadmapc schema exits 0', out.stderr.decode())
    schema = json.loads(out.stdout)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
        report(True, 'the schema is a valid draft-07 JSON Schema')
    except jsonschema.SchemaError as e:
        report(False, 'the schema is a valid draft-07 JSON Schema', e.message)
    missing = described(schema)
    report(not missing, 'every property of the schema has a description', ', '.join(missing[:5]))
    validator = jsonschema.Draft7Validator(schema)

    counts = {'valid': 0, 'rejected': 0, 'not expressible': 0}
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for label, files in groups():
            n += 1
            d = os.path.join(tmp, str(n))
            os.makedirs(d)
            for name, text in files.items():
                with open(os.path.join(d, name), 'w', encoding='utf-8') as f:
                    f.write(text)
            for name in sorted(files):
                if not name.endswith(('.yaml', '.yml')) or name == 'content-types.yaml':
                    continue
                conv = subprocess.run([YAML2JSON, name], cwd=d, capture_output=True, env=ENV)
                if conv.returncode != 0:
                    counts['not expressible'] += 1      # not YAML roadmapc can read
                    continue
                doc = json.loads(conv.stdout)
                if isinstance(doc, dict) and ('template' in doc or 'catalog' in doc):
                    continue                            # a template or a catalog
                run = subprocess.run([ROADMAPC, 'check', '-I', '.', '--format', 'json', name],
                                     cwd=d, capture_output=True, env=ENV)
                if run.returncode == 2:
                    continue                            # the directory's catalog is the broken one
                result = json.loads(run.stdout)
                checked = result['roadmaps'][0]['checked']
                errors = [x for x in result['diagnostics']
                          if x['file'] == result['roadmaps'][0]['file'] and x['severity'] == 'error'
                          and not checked]
                problems = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
                what = f'{label}: {name}'
                if checked:
                    counts['valid'] += 1
                    report(not problems, f'{what} (accepted by roadmapc) validates',
                           problems[0].message[:200] if problems else '')
                elif any(expressible(x) for x in errors):
                    counts['rejected'] += 1
                    shown = [x['check'] + ': ' + x['message'] for x in errors if expressible(x)]
                    report(bool(problems), f'{what} (structural errors) is rejected',
                           'the schema accepts it, but roadmapc says ' + '; '.join(shown[:2]))
                else:
                    counts['not expressible'] += 1

        for template in subprocess.run([ROADMAPC, 'list-templates'], capture_output=True,
                                       env=ENV, text=True).stdout.split('\n'):
            if not template:
                continue
            name = template.split()[0]
            starter = os.path.join(tmp, f'init-{name}.yaml')
            subprocess.run([ROADMAPC, 'init', '--template', name, starter], capture_output=True, env=ENV)
            conv = subprocess.run([YAML2JSON, starter], capture_output=True, env=ENV)
            problems = list(validator.iter_errors(json.loads(conv.stdout))) if conv.returncode == 0 else ['no JSON']
            report(not problems, f'the init starter of {name} validates', str(problems[:1]))
        # A team's own content types and templates (-I) are offered too.
        team = os.path.join(tmp, 'team')
        os.makedirs(team)
        with open(os.path.join(team, 'content-types.yaml'), 'w') as f:
            f.write('catalog: 1\ntypes:\n  analyst-note:\n    summary: An analyst\'s note\n'
                    '    delivers: [proof]\n    channels: [web]\n')
        with open(os.path.join(team, 'house.yaml'), 'w') as f:
            f.write('template: 1\nsummary: Our sale\nstages:\n  - id: need\n')
        text = subprocess.run([ROADMAPC, 'schema', '-I', team], capture_output=True, env=ENV).stdout
        consts = re.findall(r'"const": "([a-z0-9-]+)", "description": "([^"]*)"', text.decode())
        report(('analyst-note', "An analyst's note") in consts and ('house', 'Our sale') in consts,
               'schema -I DIR offers the content types and templates found there')
    print(f'    {counts["valid"]} valid roadmaps validated, {counts["rejected"]} broken ones rejected, '
          f'{counts["not expressible"]} with errors no schema can express')
    report(counts['valid'] >= 100 and counts['rejected'] >= 50,
           'the schema was tested on enough roadmaps', str(counts))


if __name__ == '__main__':
    main()
