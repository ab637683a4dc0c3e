#!/usr/bin/env python3
"""gen_roadmap.py N [SEED] - a made-up roadmap of N stages, for layout tests
and measurements (tests/suite_render.sh, tests/bench_render.sh).

It has what real roadmaps have, at any size: stages one after another, with
every fifth running alongside the next ones (validation does), a few
without a window; seller actions that serve one or two stages, some early
or late, some with no window, one serving no stage; concerns and questions
with and without answers and content; content of every status, one item
unused. The same N and SEED give the same file.
"""
import random
import sys

WORDS = ('budget pipeline forecast churn margin audit onboarding rollout '
         'security integration pricing renewal adoption training support '
         'migration reporting compliance procurement evidence').split()


def sentence(rnd, n):
    return ' '.join(rnd.choice(WORDS) for _ in range(n)).capitalize()


def main():
    n = int(sys.argv[1])
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    out = ['roadmap: 1', f'product: Generated {n}', 'segment: Test buyers',
           'category: complex', 'critical_characteristic: It always works',
           'timeline: week', '', 'content:']
    ncontent = max(3, n // 2)
    statuses = ['published'] * 6 + ['draft', 'planned', 'retired']
    for i in range(ncontent):
        out += [f'  - id: c{i}', f'    title: {sentence(rnd, 3)} guide {i}', '    type: report',
                f'    status: {rnd.choice(statuses)}', '    owner: marketing']
    out += [f'  - id: unused', '    title: Nobody reads this', '    type: web-page']
    out.append('stages:')
    t = 0
    windows = []
    for i in range(n):
        length = rnd.randint(1, 4)
        out.append(f'  - id: s{i}')
        out.append(f'    name: {sentence(rnd, rnd.randint(2, 6))} {i}')
        if i % 17 == 16:
            windows.append(None)                # no window: after the stage before
        elif i % 5 == 4:
            windows.append((max(t - 2, 0), t + 3))   # alongside the next stages
            out.append(f'    when: {max(t - 2, 0)}-{t + 3}')
        else:
            windows.append((t, t + length))
            out.append(f'    when: {t}-{t + length}')
            t += length
        if i == n - 1:
            out.append('    phase: post-purchase')
        out.append(f'    expects: [{rnd.choice(["information", "proof", "trial", "pricing"])}]')
        if rnd.random() < 0.4:
            out.append('    concerns:')
            for k in range(rnd.randint(1, 2)):
                out.append(f'      - {sentence(rnd, rnd.randint(3, 9))}?')
        nq = rnd.choice([0, 1, 1, 2, 2, 3])
        if nq:
            out.append('    questions:')
        for k in range(nq):
            out.append(f'      - ask: {sentence(rnd, rnd.randint(4, 12))} {i}.{k}?')
            if rnd.random() < 0.8:
                out.append(f'        answer: {sentence(rnd, rnd.randint(4, 16))}')
                if rnd.random() < 0.8:
                    out.append(f'        content: [c{rnd.randrange(ncontent)}]')
            if rnd.random() < 0.2:
                out.append('        priority: high')
    out.append('seller:')
    for i in range(0, n, 2):
        served = [i] + ([i + 1] if i + 1 < n and rnd.random() < 0.5 else [])
        out.append(f'  - id: a{i}')
        out.append(f'    name: {sentence(rnd, rnd.randint(2, 5))} step {i}')
        if rnd.random() < 0.8:
            out.append('    owner: sales')
        w = windows[i]
        if w and i % 11 != 10:
            shift = rnd.choice([0, 0, 0, -1, 1, 6])
            out.append(f'    when: {max(w[0] + shift, 0)}-{max(w[1] + shift, 0)}')
        out.append(f'    supports: [{", ".join(f"s{k}" for k in served)}]')
        out.append(f'    delivers: [{rnd.choice(["information", "proof", "demonstration"])}]')
        out.append(f'    uses: [c{rnd.randrange(ncontent)}]')
        out.append(f'    channel: {rnd.choice(["web", "email", "event", "phone"])}')
    out += ['  - id: nowhere', '    name: A step that serves no stage', '    owner: sales',
            '    delivers: [information]']
    print('\n'.join(out))


if __name__ == '__main__':
    main()
