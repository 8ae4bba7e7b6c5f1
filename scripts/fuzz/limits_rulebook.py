#!/usr/bin/env python3
"""Writes a rulebook at every documented limit at once (crates/rules/src/lib.rs, "Limits"):
64 questions, as many complete paths as fit under MAX_PATHS, MAX_CONDITIONS_SIZE parts of
conditions evaluated in full on every path, and every recommendation (MAX_RECOMMENDATIONS),
rule, paragraph and step, fact, citation, `excludes`, FAQ entry, source and named condition
the limits allow, the most recommendations a path may give (MAX_ADVICE) given on every path,
so that `check` finds the most problems there can be. `scripts/fuzz.sh` times `check`, `diff`, `paths` and `evaluate --rules` on it.

usage: limits_rulebook.py DIR [--variant]   (the variant swaps the verdicts, for `diff`)
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')


def limits():
    src = open(os.path.join(ROOT, 'crates', 'rules', 'src', 'lib.rs'), encoding='utf-8').read()
    return {m.group(1): int(m.group(2).replace('_', ''))
            for m in re.finditer(r'pub const (MAX_[A-Z_]+): usize = ([0-9_]+);', src)}


def main():
    out = sys.argv[1]
    variant = '--variant' in sys.argv
    L = limits()
    recs, rules, parts = L['MAX_RECOMMENDATIONS'], L['MAX_RULES'], L['MAX_PARTS']
    facts, cites, links, entries = L['MAX_FACTS'], L['MAX_CITATIONS'], L['MAX_LINKS'], L['MAX_ENTRIES']
    # Questions asked on every path whose option counts multiply to MAX_PATHS (or just under).
    sizes, rest = [], L['MAX_PATHS']
    while rest > 1:
        f = next((f for f in range(2, L['MAX_OPTIONS'] + 1) if rest % f == 0), None)
        if f is None:
            rest -= 1
            continue
        sizes.append(f)
        rest //= f
    sizes.sort()
    asked = len(sizes)
    paths = 1
    for n in sizes:
        paths *= n
    never = L['MAX_QUESTIONS'] - asked
    # Every rule's `when` has at most two parts; the rest of the budget goes to the never-asked
    # questions' `ask_if`s: `and` chains that hold up to their last part.
    per = min(L['MAX_CONDITION_SIZE'], (L['MAX_CONDITIONS_SIZE'] - 2 * rules) // never)
    terms = per - 3  # `terms` answers, `not` and its answer, and the `and`

    def every(q):
        return 'q%d = %s' % (q, ' | '.join('o%d' % o for o in range(sizes[q]))) if q < asked else 'q%d = o0 | o1' % q

    def chain(n):
        return ' and '.join([every(i % asked) for i in range(n)] + ['not ' + every(0)])

    w = ['# A rulebook at every documented limit (scripts/fuzz/limits_rulebook.py).',
         'version = 1', 'gathered = "2026-11"', '', '[facts]', 'filing = ["required", "not-required"]', '']
    for i in range(entries):
        w += ['[[source]]', 'id = "source-%d"' % i, 'kind = "%s"' % ('faq' if i == 0 else 'external'),
              'ref = "S%d"' % i, 'publisher = "P"', 'title = "T"', 'url = "https://example.com/%d"' % i,
              'page_date = "no date shown"', 'read = "2026-11"', 'lang = "en"', 'quality = "A"', '']
    w += ['[[flow]]', 'id = "big"', 'title = "Big flow"', 'summary = "At the limits."', '', '[define]']
    w += ['d%d = { when = "q%d = o0", means = "M" }' % (i, i % asked) for i in range(entries)]
    w.append('')
    for i in range(L['MAX_QUESTIONS']):
        w += ['[[question]]', 'id = "q%d"' % i, 'flow = "big"']
        if i >= asked:
            w.append('ask_if = "%s"' % chain(terms))
        options = ', '.join('{ id = "o%d", label = "O%d" }' % (o, o) for o in range(sizes[i] if i < asked else 2))
        w += ['prompt = "Question %d?"' % i, 'help = "Help."', 'options = [%s]' % options, '']
    for i in range(entries):
        w += ['[[faq]]', 'id = "faq-%d"' % i, 'section = "1.%d"' % i, 'question = "Question %d?"' % i,
              'answer = "A."', 'flow = "big"', '']
    # The parts and citations spread over every recommendation; the facts and `excludes` on
    # those given on every path (the first MAX_ADVICE), where `check` compares them.
    advice = L['MAX_ADVICE']
    per_rec_parts, per_rec_cites = parts // recs, cites // recs
    facts_per_rec, links_per_rec = -(-facts // advice), -(-links // advice)
    for r in range(recs):
        w += ['[[recommendation]]', 'id = "rec-%d"' % r, 'kind = "%s"' % ['required', 'next-step', 'warning', 'info'][r % 4]]
        if r < 2:
            w += ['group = "verdict"', 'answer = "Verdict %d." ' % r]
        w += ['title = "Title %d"' % r, 'body = "Body %d."' % r]
        # (The two verdicts' lines count among the parts: one step fewer each.)
        steps = ['"Step %d."' % k for k in range(per_rec_parts - 1 - (r < 2))]
        stated = min(facts_per_rec, max(0, facts - r * facts_per_rec)) if r < advice else 0
        if stated:
            w.append('asserts = { filing = "required" }')
        if stated > 1:  # the rest on steps (one fact per part and dimension)
            for k in range(stated - 1):
                steps[k] = '{ text = "Step %d.", asserts = { filing = "required" } }' % k
        w.append('steps = [%s]' % ', '.join(steps))
        excluded = min(links_per_rec, max(0, links - r * links_per_rec)) if r < advice else 0
        if excluded:
            w.append('excludes = [%s]' % ', '.join('"rec-%d"' % ((r + 1 + k) % advice) for k in range(excluded)))
        w.append('cite = [%s]' % ', '.join('{ faq = "faq-%d", quote = "Quote %d." }' % ((r * per_rec_cites + k) % entries, k)
                                            for k in range(per_rec_cites)))
        w.append('')
    # The most recommendations a path may give (MAX_ADVICE) on every path, from `rules` rules;
    # the others' rules are evaluated on every path and hold on none. The two verdicts split
    # the paths by the first answer.
    for r in range(rules):
        rec = r % recs
        if rec < 2:
            first = ['o0', ' | '.join('o%d' % o for o in range(1, sizes[0]))]
            when = 'q0 = ' + first[(rec + variant) % 2]
        elif rec < advice - 1:
            when = every(r % asked)
        else:
            when = 'not ' + every(r % asked)
        w += ['[[rule]]', 'id = "rule-%d"' % r, 'flow = "big"', 'when = "%s"' % when,
              'then = ["rec-%d"]' % rec, '']
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'rulebook.toml'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(w))
    print('%s: %d questions, %d paths, %d conditions of %d parts, %d recommendations on every path'
          % (out, L['MAX_QUESTIONS'], paths, never + rules, per, L['MAX_ADVICE']))


if __name__ == '__main__':
    main()
