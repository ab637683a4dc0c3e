#!/usr/bin/env python3
"""check_layout.py LABEL DIAGRAM.json ROADMAP.yaml - is the laid-out picture
sound? Prints PASS:/FAIL: lines (tests/suite_render.sh runs it).

DIAGRAM.json is a view as `roadmapc render -T json` writes it: the graph
after layout, every node with its position and size, every text with its
place and its width as Graphviz measured it. It asserts what a reader sees:
  - no two boxes overlap (stages, seller actions, placeholders, panels,
    the title), nor two badges, and a badge is inside a box or clear of all;
  - every stage lies in the buyer lane, every seller action in the seller
    lane, and the seller lane is above the buyer lane;
  - time runs left to right: a stage (or seller action) that starts later
    is never left of one that starts earlier;
  - every text lies inside its node;
  - every link leaves its seller box at the bottom and ends with its
    arrowhead on its stage's top edge (or, when boxes nearer the other lane
    cover that edge, by a side), and passes under no box but its own two.
"""
import json
import re
import sys

import yaml

EPS = 1.0       # Graphviz's JSON rounds positions to points and sizes to hundredths of an inch


def fail(label, what):
    print(f'FAIL: {label}: {what}')
    return 1


def box_of(o):
    x, y = map(float, o['pos'].split(','))
    w, h = float(o['width']) * 72, float(o['height']) * 72
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def overlap(a, b):
    return a[0] < b[2] - EPS and b[0] < a[2] - EPS and a[1] < b[3] - EPS and b[1] < a[3] - EPS


def inside(a, b):
    return a[0] >= b[0] - EPS and a[2] <= b[2] + EPS and a[1] >= b[1] - EPS and a[3] <= b[3] + EPS


def overlapping_pairs(boxes):
    """Pairs (name, name) of boxes that overlap: a sweep along x."""
    items = sorted(boxes.items(), key=lambda kv: kv[1][0])
    active, pairs = [], []
    for name, b in items:
        active = [(n, a) for n, a in active if a[2] > b[0] + EPS]
        pairs += [(n, name) for n, a in active if overlap(a, b)]
        active.append((name, b))
    return pairs


def start_of(when):
    if when is None:
        return None
    if isinstance(when, list):
        return float(when[0])
    if isinstance(when, (int, float)):
        return float(when)
    m = re.match(r'\s*([0-9.]+)', str(when))
    return float(m.group(1)) if m else None


def main():
    label, diagram, roadmap = sys.argv[1:4]
    g = json.load(open(diagram, encoding='utf-8'))
    rm = yaml.safe_load(open(roadmap, encoding='utf-8'))
    nodes = [o for o in g.get('objects', []) if 'pos' in o]
    lanes = {o['name']: box_of(o) for o in nodes if o['name'].startswith('lane:')}
    by_gvid = {o['_gvid']: o for o in nodes}
    kinds = ('stage:', 'seller:', 'missing:', 'panel:', 'legend', 'title')
    boxes = {o['name']: box_of(o) for o in nodes if o['name'].startswith(kinds)}
    badges = {o['name']: box_of(o) for o in nodes if o['name'].startswith('badge~')}
    bad = 0

    pairs = overlapping_pairs(boxes)
    bad += fail(label, f'{len(pairs)} pairs of boxes overlap, first {pairs[0]}') if pairs else 0
    pairs = overlapping_pairs(badges)
    bad += fail(label, f'{len(pairs)} pairs of badges overlap, first {pairs[0]}') if pairs else 0
    for name, b in badges.items():
        hits = [n for n, x in boxes.items() if overlap(b, x)]
        if hits and not any(inside(b, boxes[n]) for n in hits):
            bad += fail(label, f'{name} straddles the edge of {hits[0]}')
            break
    if not bad:
        print(f'PASS: {label}: no two boxes overlap, nor two badges ({len(boxes)} boxes, '
              f'{len(badges)} badges)')

    seller, buyer = lanes.get('lane:seller'), lanes.get('lane:buyer')
    lane_bad = 0
    if not seller or not buyer:
        lane_bad += fail(label, 'the lanes are missing')
    else:
        if seller[1] < buyer[3] - EPS:
            lane_bad += fail(label, 'the seller lane is not above the buyer lane')
        for name, b in boxes.items():
            buyer_side = name.startswith('stage:') or name == 'missing:after-sale'
            seller_side = name.startswith('seller:') or (name.startswith('missing:') and not buyer_side)
            lane = buyer if buyer_side else seller if seller_side else None
            if lane and not inside(b, (lane[0], lane[1], lane[2], lane[3])):
                lane_bad += fail(label, f'{name} is outside its lane')
                break
    if not lane_bad:
        print(f'PASS: {label}: every stage in the buyer lane, every seller action in the seller '
              'lane above it')
    bad += lane_bad

    order_bad = 0
    for kind, items in (('stage', rm.get('stages') or []), ('seller', rm.get('seller') or [])):
        timed = []
        for it in items:
            s, name = start_of(it.get('when')), f'{kind}:{it["id"]}'
            if s is not None and name in boxes:
                timed.append((s, boxes[name][0], name))
        timed.sort()
        best, best_name, group_best, group_start = None, None, None, None
        for s, left, name in timed:
            if group_start is None or s > group_start:
                if group_best is not None and (best is None or group_best[0] > best):
                    best, best_name = group_best
                group_start, group_best = s, None
            if best is not None and left < best - EPS:
                order_bad += fail(label, f'{name} starts later than {best_name} but is left of it')
                break
            if group_best is None or left > group_best[0]:
                group_best = (left, name)
    if not order_bad:
        print(f'PASS: {label}: stages and seller actions are in time order left to right')
    bad += order_bad

    text_bad = 0
    for o in nodes:
        b = box_of(o)
        size = 10.0
        for op in o.get('_ldraw_', []):
            if op['op'] == 'F':
                size = op['size']
            if op['op'] != 'T':
                continue
            x, y = op['pt']
            w = op['width']
            left = x if op['align'] == 'l' else x - w / 2 if op['align'] == 'c' else x - w
            t = (left, y - 0.25 * size, left + w, y + 0.75 * size)
            if not inside(t, b):
                text_bad += fail(label, f'text {op["text"]!r} of {o["name"]} is outside it')
                break
        if text_bad:
            break
    if not text_bad:
        print(f'PASS: {label}: every text fits its node')
    bad += text_bad

    link_bad = 0
    on_axis = {n: b for n, b in boxes.items() if n.startswith(('stage:', 'seller:', 'missing:'))}
    for e in g.get('edges', []):
        tail, head = by_gvid.get(e['tail']), by_gvid.get(e['head'])
        if not tail or not head:
            continue
        m = re.match(r'e,([-\d.]+),([-\d.]+) (.*)', e['pos'])
        ex, ey = float(m.group(1)), float(m.group(2))
        pts = [tuple(map(float, p.split(','))) for p in m.group(3).split()]
        hb, tb = box_of(head), box_of(tail)
        sx, sy = pts[0]
        on_top = abs(ey - hb[3]) <= EPS and hb[0] - EPS <= ex <= hb[2] + EPS
        on_side = (abs(ex - hb[0]) <= EPS or abs(ex - hb[2]) <= EPS) and hb[1] - EPS <= ey <= hb[3] + EPS
        if head['name'].startswith('stage:') and not (on_top or on_side):
            link_bad += fail(label, f'the link {tail["name"]} -> {head["name"]} does not end on '
                             'the stage\'s top or side')
            break
        at_bottom = abs(sy - tb[1]) <= EPS and tb[0] - EPS <= sx <= tb[2] + EPS
        at_side = (abs(sx - tb[0]) <= EPS or abs(sx - tb[2]) <= EPS) and tb[1] - EPS <= sy <= tb[3] + EPS
        if head['name'].startswith('stage:') and not (at_bottom or at_side):
            link_bad += fail(label, f'the link {tail["name"]} -> {head["name"]} does not leave '
                             'the seller box\'s bottom or side')
            break
        # The curve, sampled: no point of it under a box that is not its end.
        samples = []
        for i in range(0, len(pts) - 3, 3):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[i:i + 4]
            for k in range(9):
                t = k / 8
                u = 1 - t
                samples.append((u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                                u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3))
        lo, hi = min(x for x, _ in samples), max(x for x, _ in samples)
        for name, b in on_axis.items():
            if name in (tail['name'], head['name']) or b[2] < lo or b[0] > hi:
                continue
            if any(b[0] + EPS < x < b[2] - EPS and b[1] + EPS < y < b[3] - EPS for x, y in samples):
                link_bad += fail(label, f'the link {tail["name"]} -> {head["name"]} passes under {name}')
                break
        if link_bad:
            break
    if not link_bad:
        print(f'PASS: {label}: every link leaves its seller box and ends on its stage, under no other box')
    return 0


if __name__ == '__main__':
    sys.exit(main())
