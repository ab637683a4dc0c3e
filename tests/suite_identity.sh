#!/usr/bin/env bash
# tests/suite_identity.sh - findings keep their identity when other items move.
#
# Questions and concerns written without `id:` are named after their text
# (docs/language.md, "Ids"). This suite writes a baseline and the SARIF and
# GitLab fingerprints of a roadmap whose unnamed questions and concerns have
# findings, then inserts, deletes and reorders other questions and concerns:
# after each edit no finding may be new against the baseline, and the
# fingerprints must be the same. Rewording a question with a finding is the
# control: it must make that finding new. Prints PASS:/FAIL: lines; needs
# $ROADMAPC.
set -u
: "${ROADMAPC:?set ROADMAPC to the roadmapc binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export NO_COLOR= ROADMAPC_PATH=

# roadmap QUESTIONS CONCERNS: writes roadmap.yaml with the given question
# and concern blocks (already indented) in stage 'need'.
roadmap() {
	cat >roadmap.yaml <<YAML
roadmap: 1
product: Acme Close
segment: Finance teams
stages:
  - id: need
    expects: left-alone
    concerns:
$2
    questions:
$1
  - id: use
    phase: post-purchase
    expects: left-alone
    questions:
      - { ask: Where is help?, answer: The help centre, content: help }
content:
  - { id: help, type: support-portal, owner: support }
  - { id: deck, type: presentation, owner: sales, status: draft }
YAML
}

# The items with findings: a question without an answer, one relying on
# draft content, a short-form concern and a long-form one without id.
Q_NOANSWER='      - ask: Who signs off on a new close tool?'
Q_DRAFT='      - { ask: What does a slow close cost us?, answer: Two days a month, content: deck }'
Q_OK='      - { ask: Does it work with our ERP?, answer: Yes, content: help }'
Q_NEW='      - { ask: How long does implementation take for a firm of our size?, answer: Six weeks, content: help }'
C_SHORT='      - Is a faster close worth a new system?'
C_LONG='      - { text: Will the migration disrupt quarter end? }'
C_NEW='      - { text: Will auditors accept it?, content: help }'
nl=$'\n'

fingerprints() { # the SARIF and GitLab fingerprints, sorted
	{
		"$ROADMAPC" check --today 2026-11-23 --format sarif roadmap.yaml |
			sed -n 's/.*"primaryLocationLineHash": "\([0-9a-f]*\)".*/sarif \1/p'
		"$ROADMAPC" check --today 2026-11-23 --format gitlab roadmap.yaml |
			sed -n 's/.*"fingerprint": "\([0-9a-f]*\)".*/gitlab \1/p'
	} | LC_ALL=C sort
}

roadmap "$Q_NOANSWER$nl$Q_DRAFT$nl$Q_OK" "$C_SHORT$nl$C_LONG"
"$ROADMAPC" check --today 2026-11-23 --write-baseline baseline.txt roadmap.yaml >/dev/null 2>&1
fingerprints >before.txt
if [ "$(grep -c -v '^#' baseline.txt)" = 4 ] && [ "$(grep -c . before.txt)" = 8 ]; then
	echo "PASS: the starting roadmap has four findings about unnamed items"
else
	echo "FAIL: the starting roadmap has four findings about unnamed items"
	sed 's/^/    /' baseline.txt
fi

# same NAME [fewer]: the edited roadmap has no new finding and the same
# fingerprints (with 'fewer': a subset of them, a finding having gone).
same() {
	if "$ROADMAPC" check --today 2026-11-23 --fail-on info --baseline baseline.txt roadmap.yaml \
		>out.txt 2>&1; then
		echo "PASS: $1: no finding turns new"
	else
		echo "FAIL: $1: no finding turns new"
		sed 's/^/    /' out.txt | head -n 20
	fi
	fingerprints >after.txt
	if { [ $# = 1 ] && cmp -s before.txt after.txt; } ||
		{ [ $# = 2 ] && [ -z "$(LC_ALL=C comm -13 before.txt after.txt)" ] && ! cmp -s before.txt after.txt; }; then
		echo "PASS: $1: the fingerprints stay the same"
	else
		echo "FAIL: $1: the fingerprints stay the same"
		diff before.txt after.txt | sed 's/^/    /'
	fi
}

roadmap "$Q_NEW$nl$Q_NOANSWER$nl$Q_DRAFT$nl$Q_OK" "$C_SHORT$nl$C_LONG"
same "a question inserted first"
roadmap "$Q_NOANSWER$nl$Q_DRAFT" "$C_SHORT$nl$C_LONG"
same "a question deleted"
roadmap "$Q_OK$nl$Q_DRAFT$nl$Q_NOANSWER" "$C_SHORT$nl$C_LONG"
same "the questions reordered"
roadmap "$Q_NOANSWER$nl$Q_DRAFT$nl$Q_OK" "$C_NEW$nl$C_SHORT$nl$C_LONG"
same "a concern inserted first"
roadmap "$Q_NOANSWER$nl$Q_DRAFT$nl$Q_OK" "$C_LONG$nl$C_SHORT"
same "the concerns reordered"
roadmap "$Q_NOANSWER$nl$Q_DRAFT$nl$Q_OK" "$C_LONG"
same "a concern deleted" fewer

# The control: rewording the question without an answer makes its finding new.
roadmap "      - ask: Who approves a new close tool?$nl$Q_DRAFT$nl$Q_OK" "$C_SHORT$nl$C_LONG"
"$ROADMAPC" check --today 2026-11-23 --fail-on info --baseline baseline.txt roadmap.yaml >out.txt 2>&1
if grep -q "question 'Who approves a new close tool?' has no answer" out.txt; then
	echo "PASS: rewording a question makes its finding new"
else
	echo "FAIL: rewording a question makes its finding new"
	sed 's/^/    /' out.txt | head -n 20
fi
