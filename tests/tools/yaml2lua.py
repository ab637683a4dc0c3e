#!/usr/bin/env python3
"""yaml2lua.py - writes the Lua form of a YAML roadmap.

Usage: yaml2lua.py FILE.yaml > FILE.lua
       yaml2lua.py --case CASE.test > LUA-CASE.test   (the Lua twin of a test case)

The output uses the DSL of docs/lua.md: roadmap { ... } for the top-level
keys, stage "id" { ... } with its questions, concerns and actions made
inside it, seller "id" { ... } and content "id" { ... }. Scalars keep the
type roadmapc gives them in YAML (YAML 1.2 core schema: `yes` is text, a
quoted "1" is text, 1 is a number), so both forms make the same model and
get the same findings. Shapes the DSL cannot express (a stage that is not
a mapping, a list that is not a list) are written as plain values inside
roadmap { ... }, where the schema reports them just as it does in YAML.

A twin case converts every `=== file NAME.yaml` section but a catalog
(content-types.yaml) and renames the file, and leaves the expected output for `UPDATE=1 tests/run.sh` to fill in:
review it, the lines differ from YAML's by design. Exits 3 for a YAML file
the Lua form cannot say (merge keys, aliases, more than one document).
YAML's null has no Lua twin: `answer: ~` becomes no `answer` at all, so a
required key with no value is reported as missing.
"""
import re
import sys

import yaml

KEYWORDS = {
    'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if',
    'in', 'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
}
NUMBER = re.compile(r'^-?[0-9]+(\.[0-9]+)?$')


class Unsayable(Exception):
    pass


def typed(node):
    """The Lua literal of a scalar node, typed as roadmapc types YAML."""
    v = node.value
    if node.style in (None, '') and node.tag in ('tag:yaml.org,2002:str', 'tag:yaml.org,2002:null',
                                           'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:int',
                                           'tag:yaml.org,2002:float',
                                           'tag:yaml.org,2002:timestamp'):
        if v in ('', '~', 'null', 'Null', 'NULL'):
            return 'nil'
        if v in ('true', 'True', 'TRUE'):
            return 'true'
        if v in ('false', 'False', 'FALSE'):
            return 'false'
        digits = sum(c.isdigit() for c in v)
        if NUMBER.match(v) and digits <= 15:
            return v
    return lua_string(v)


def lua_string(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == '\\':
            out.append('\\\\')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif o < 0x20 or o == 0x7f:
            out.append('\\%d' % o)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def key(k):
    if not isinstance(k, yaml.ScalarNode):
        raise Unsayable('a key that is not a scalar')
    s = k.value
    if re.match(r'^[A-Za-z_][A-Za-z0-9_]*$', s) and s not in KEYWORDS:
        return s
    return '[%s]' % lua_string(s)


def value(node, indent):
    """A Lua expression for a node; tables on one line when short."""
    if isinstance(node, yaml.ScalarNode):
        return typed(node)
    pad = '  ' * (indent + 1)
    if isinstance(node, yaml.SequenceNode):
        items = [value(n, indent + 1) for n in node.value]
        one = '{ ' + ', '.join(items) + ' }' if items else '{}'
        if len(one) <= 60 and '\n' not in one:
            return one
        return '{\n' + ''.join(f'{pad}{i},\n' for i in items) + '  ' * indent + '}'
    if isinstance(node, yaml.MappingNode):
        pairs = [f'{key(k)} = {value(v, indent + 1)}' for k, v in node.value
                 if not (isinstance(v, yaml.ScalarNode) and typed(v) == 'nil')]
        if not pairs:
            return '{}'
        one = '{ ' + ', '.join(pairs) + ' }'
        if len(one) <= 60 and '\n' not in one:
            return one
        return '{\n' + ''.join(f'{pad}{p},\n' for p in pairs) + '  ' * indent + '}'
    raise Unsayable('an alias')


def fields(pairs, indent, skip=()):
    """Lines 'key = value,' for the pairs of a mapping, but those in skip."""
    pad = '  ' * indent
    out = []
    for k, v in pairs:
        if isinstance(k, yaml.ScalarNode) and k.value in skip:
            continue
        if isinstance(v, yaml.ScalarNode) and typed(v) == 'nil':
            continue
        out.append(f'{pad}{key(k)} = {value(v, indent)},')
    return out


def get(node, name):
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == name:
            return v
    return None


def is_text(node):
    return isinstance(node, yaml.ScalarNode) and typed(node).startswith('"')


def head_call(fn, node, head_key, indent, children=()):
    """fn "head" { fields, children } for a mapping whose head is text."""
    pad = '  ' * indent
    h = get(node, head_key) if head_key else None
    skip = [head_key] if h is not None and is_text(h) else []
    skip += [c for c in children]
    body = fields(node.value, indent + 1, skip)
    for c in children:
        body += child_items(get(node, c), c, indent + 1)
    head = f' {lua_string(h.value)}' if skip and skip[0] == head_key else ''
    if not body:
        return [f'{pad}{fn}{head} {{}}' if not head else f'{pad}{fn}{head} {{}}']
    return [f'{pad}{fn}{head} {{'] + body + [f'{pad}}}']


def child_items(node, kind, indent):
    """A stage's questions, concerns or actions, made inside it; other shapes
    stay plain values for the schema to judge."""
    pad = '  ' * indent
    if node is None or (isinstance(node, yaml.ScalarNode) and typed(node) == 'nil'):
        return []
    if not isinstance(node, yaml.SequenceNode):
        return [f'{pad}{kind} = {value(node, indent)},']
    out = []
    for n in node.value:
        if kind == 'actions' and is_text(n):
            out.append(f'{pad}action {lua_string(n.value)},')
        elif kind == 'concerns' and is_text(n):
            out.append(f'{pad}concern {lua_string(n.value)},')
        elif kind == 'concerns' and isinstance(n, yaml.MappingNode):
            lines = head_call('concern', n, 'text', indent)
            lines[-1] += ','
            out += lines
        elif kind == 'questions' and isinstance(n, yaml.MappingNode):
            lines = head_call('question', n, 'ask', indent)
            lines[-1] += ','
            out += lines
        else:
            # Not an item the DSL makes: keep the whole list as a value.
            return [f'{pad}{kind} = {value(node, indent)},']
    return out


def items_ok(node, fn):
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        return False            # `stages: []` stays a value: the schema says it is empty
    return all(isinstance(n, yaml.MappingNode) for n in node.value)


def convert(text):
    loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)   # libyaml, as roadmapc
    try:
        docs = list(yaml.compose_all(text, Loader=loader))
    except yaml.YAMLError as e:
        raise Unsayable(str(e))
    if not docs or docs == [None]:
        return ''                       # an empty file is an empty file
    if len(docs) != 1:
        raise Unsayable('more than one document')
    root = docs[0]
    if re.search(r'(^|[\s\[{,])[&*][A-Za-z]', text) or '<<:' in text:
        raise Unsayable('anchors, aliases or merge keys')
    if not isinstance(root, yaml.MappingNode) or get(root, 'roadmap') is None:
        # Without `roadmap:` there is no roadmap { ... } call to write: the
        # Lua form is then the returned table, which may lack the key too.
        return 'return ' + value(root, 0) + '\n'
    out = []
    top = []
    lists = {}
    for k, v in root.value:
        name = k.value if isinstance(k, yaml.ScalarNode) else None
        if name in ('stages', 'seller', 'content') and items_ok(v, name):
            lists[name] = v
        elif name == 'roadmap' and isinstance(v, yaml.ScalarNode) and typed(v) == '1':
            continue
        else:
            top.append((k, v))
    body = fields(top, 1)
    out += ['roadmap {'] + body + ['}'] if body else ['roadmap {}']
    for name, fn, hk, children in (('stages', 'stage', 'id', ('concerns', 'actions', 'questions')),
                                   ('seller', 'seller', 'id', ()),
                                   ('content', 'content', 'id', ())):
        if name not in lists:
            continue
        out.append('')
        for n in lists[name].value:
            ch = [c for c in children
                  if get(n, c) is not None]
            out += head_call(fn, n, hk, 0, ch)
    return '\n'.join(out).lstrip('\n') + '\n'


def convert_case(path):
    """The Lua twin of a case file: its .yaml files in Lua."""
    text = open(path, encoding='utf-8').read()
    parts = re.split(r'^(=== .*)$', text, flags=re.M)
    name = '/'.join(path.rstrip('/').split('/')[-2:])[:-len('.test')]
    out = [re.sub(r'^# ', f'# Lua twin of {name}: ', parts[0], count=1)]
    renames = {}
    i = 1
    while i < len(parts):
        header, body = parts[i], parts[i + 1]
        i += 2
        m = re.match(r'^=== file (\S+)\.yaml$', header)
        if m and m.group(1).endswith('content-types'):
            m = None                    # a catalog, not a roadmap: it stays YAML
        if m:
            renames[m.group(1) + '.yaml'] = m.group(1) + '.lua'
            out.append(f'=== file {m.group(1)}.lua')
            out.append('\n' + convert(body.lstrip('\n')))
        elif header.startswith('=== stdout') or header.startswith('=== stderr') or \
                header.startswith('=== exit'):
            continue
        else:
            for a, b in renames.items():
                body = body.replace(a, b)
            out.append(header)
            out.append(body)
    result = ''.join(out)
    if '=== stdout' not in result:
        result = result.rstrip('\n') + '\n=== stdout\n=== exit 0\n'
    return result


def main():
    args = sys.argv[1:]
    try:
        if args[:1] == ['--case'] and len(args) == 2:
            sys.stdout.write(convert_case(args[1]))
        elif len(args) == 1:
            sys.stdout.write(convert(open(args[0], encoding='utf-8').read()))
        else:
            sys.stderr.write(__doc__)
            return 2
    except Unsayable as e:
        sys.stderr.write(f'yaml2lua: {args[-1]}: cannot say it in Lua: {e}\n')
        return 3
    return 0


if __name__ == '__main__':
    sys.exit(main())
