#!/usr/bin/env python3
"""bench_gen.py STAGES clean|heavy OUT - a generated roadmap for `make bench`.

Each stage has the shape of a real one (tests/../examples): a name, a
window, expected values and preferred channels, two concerns, an action
and three questions; each has a seller action and two content items.

  clean  every check passes: no finding at all, so the cost measured is
         reading and checking, not reporting;
  heavy  about eleven findings per stage, of most checks (unanswered and
         unbacked questions, stages nobody serves, late and early seller
         actions, unpublished, stale, unused and ownerless content,
         concerns nobody settles), so the cost of reporting dominates.

Prints the number of questions, which `make bench` divides memory by."""
import sys


def main():
    n, kind, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    heavy = kind == "heavy"
    w = []
    w += ["roadmap: 1", "product: Bench Close", "segment: Finance teams at mid-size firms",
          "category: complex", "critical_characteristic: Closes the books three days faster",
          "timeline: week", "", "stages:"]
    questions = 0
    for i in range(n):
        t = i * 2 % 9000        # `when` stays within the timeline's 10,000 units
        last = i == n - 1
        w += [f"  - id: s{i}", f"    name: Stage {i} of the buying process", f"    when: {t}-{t + 2}"]
        if last:
            w += ["    phase: post-purchase"]
        w += ["    expects: [information, proof]", "    prefers: [web, peer]", "    concerns:"]
        if heavy:
            w += [f"      - Is stage {i} worth the effort?"]
        else:
            w += [f"      - id: worth-{i}", f"        text: Is stage {i} worth the effort?",
                  f"        content: [c{i}a]"]
        w += [f"      - id: risk-{i}", f"        text: Will stage {i} disrupt quarter end?",
              f"        content: [c{i}b]",
              "    actions:", f"      - Searches for answers about stage {i}", "    questions:"]
        for q in range(3):
            questions += 1
            w += [f"      - ask: What does question {q} of stage {i} cost us?"]
            if heavy and q == 2:
                continue        # question-without-answer
            w += [f"        answer: A benchmark answering question {q} of stage {i}"]
            if heavy and q == 1:
                continue        # answer-without-content
            w += [f"        content: [c{i}{'ab'[q % 2]}]"]
            if q == 0:
                w += ["        priority: high", "        critical: true", f"        concern: risk-{i}"]
    w += ["", "seller:"]
    for i in range(n):
        t = i * 2 % 9000
        if heavy and i % 2:
            continue            # stage-without-seller-action for odd stages
        start = t + 7 if heavy else t       # timing-mismatch: late
        w += [f"  - id: a{i}", f"    name: Seller step {i}", f"    when: {start}-{start + 2}",
              f"    supports: [s{i}]", "    delivers: [information]", f"    uses: [c{i}a]",
              "    channel: web"]
        if not heavy:
            w += ["    owner: sales"]
    w += ["", "content:"]
    for i in range(n):
        for part, ctype in (("a", "case-study"), ("b", "report")):
            w += [f"  - id: c{i}{part}", f"    title: Content {part} for stage {i}",
                  f"    type: {ctype}", "    channels: [web, peer]",
                  "    delivers: [information, proof]"]
            if heavy:
                if part == "a":
                    w += ["    status: draft", "    reviewed: 2020-01-01"]
            else:
                w += ["    owner: product-marketing", "    reviewed: 2026-06-01"]
        if heavy:
            w += [f"  - id: unused{i}", "    type: faq"]        # content-unused, missing-owner
    with open(out, "w") as f:
        f.write("\n".join(w) + "\n")
    print(questions)


if __name__ == "__main__":
    main()
