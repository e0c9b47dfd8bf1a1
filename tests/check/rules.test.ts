import { describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { checkGuides, guidesAt, removedIds } from '../../plugins/signpost/src/core/index.ts';
import { FIXTURES, gitRepo, problemsIn } from './helpers.ts';

// One fixture folder per rule (tests/check/fixtures/rules/<rule-id>/): every problem it holds,
// with its line, column and whole message. Some fixtures also show the one consequence a
// mistake really has (a mistyped target leaves its node unreachable).
describe('rules', () => {
  it('dangling-target', async () => {
    expect(await problemsIn('rules/dangling-target')).toEqual([
      'index.mdx:10:11 error [dangling-target] Cannot find node `light-of`; did you mean `light-on`?',
      'index.mdx:18:43 error [dangling-target] Cannot find node `restart-routr`; did you mean `restart-router`?',
      'index.mdx:19:27 error [dangling-target] Cannot find node `power`; add a node with `{#power}` or name an existing id',
      'index.mdx:22:1 error [unreachable-node] Node `restart-router` cannot be reached from the start node `start`; add an answer or `next` leading to it, or delete it',
      'index.mdx:31:27 error [dangling-target] Cannot find node `cable`; add a node with `{#cable}` or name an existing id',
    ]);
  });

  it("dangling-target, duplicate-error-message and ambiguous-match with `match`'s `within`", async () => {
    // The same message on a card of each version's branch, each card's pattern scoped to its
    // own branch: no duplicate, no ambiguity. Scoped to the start, which leads to both, they are.
    expect(await problemsIn('match-within')).toEqual([
      'index.mdx:36:33 error [dangling-target] Cannot find node `v6-lisence`; did you mean `v6-license`?',
      'index.mdx:49:1 error [ambiguous-match] This pattern of `v5-seats` also matches the message of `v6-seats` (line 60, column 21): “All seats are in use”; a reader who pastes it could land on the wrong card: make the pattern more specific',
      'index.mdx:60:21 error [duplicate-error-message] Error card `v6-seats` shows the same message as `v5-seats` (line 48, column 11): “All seats are in use”; merge the cards or tell the messages apart',
      'index.mdx:61:1 error [ambiguous-match] This pattern of `v6-seats` also matches the message of `v5-seats` (line 48, column 21): “All seats are in use”; a reader who pastes it could land on the wrong card: make the pattern more specific',
    ]);
  });

  it('dead-end', async () => {
    expect(await problemsIn('rules/dead-end')).toEqual([
      'index.mdx:15:1 error [dead-end] Step `check-cable` has no way on; add `next="…"` naming the node that follows',
      'index.mdx:19:1 error [dead-end] Question `ask` has no answers, so readers are stuck; add `:::option{to="…"}` answers',
    ]);
  });

  it('duplicate-answer', async () => {
    // Several answers to one node are content; answers that read the same are not.
    expect(await problemsIn('rules/duplicate-answer')).toEqual([
      'index.mdx:10:16 error [duplicate-answer] This answer reads “Int.”, like the answer on line 7, so readers cannot tell them apart; reword one of them to say when to choose it',
      'index.mdx:12:16 error [duplicate-answer] This answer reads “long”, like the answer on line 8, so readers cannot tell them apart; both lead to the same node: remove this one',
      // An error card that goes on has answers too.
      'index.mdx:34:16 error [duplicate-answer] This answer reads “yes.”, like the answer on line 32, so readers cannot tell them apart; reword one of them to say when to choose it',
    ]);
  });

  it('draft', async () => {
    expect(await problemsIn('rules/draft')).toEqual([
      'index.mdx:15:53 warning [draft] Instructions card `restart` is a draft; finish it and remove `draft` before publishing',
    ]);
  });

  it('duplicate-error-message', async () => {
    expect(await problemsIn('rules/duplicate-error-message')).toEqual([
      'index.mdx:21:1 error [duplicate-error-message] Error card `signal-lost` shows the same message as `no-signal` (line 11, column 11): “no   signal.”; merge the cards or tell the messages apart',
    ]);
  });

  it('invalid-pattern', async () => {
    // Each at its place: the placeholder, the character of the expression, or the pattern.
    expect(await problemsIn('rules/invalid-pattern')).toEqual([
      'index.mdx:8:22 error [invalid-pattern] Placeholders `{number}` and `{id}` stand side by side, so where one ends is unknown; write the text between them',
      'index.mdx:9:14 error [syntax-error] `{name here}` is not a placeholder: a placeholder is a name in braces, without spaces, such as `{id}`; write `\\{` for a brace itself',
      'index.mdx:10:21 error [invalid-pattern] `{text}` stands for the rest of the line, so nothing may follow it; end the pattern with it, or use a word placeholder such as `{id}`',
      'index.mdx:11:1 error [invalid-pattern] This pattern has no word of two letters or more written out (between spaces or punctuation, not against a placeholder), so it would match lines of any error; write out a word of the message',
      'index.mdx:12:1 error [invalid-pattern] `match` takes its pattern in brackets or in `regex="…"`, not both; keep one',
      'index.mdx:13:1 error [missing-title] `match` has no pattern; write the message as it looks, with placeholders for the parts that vary: `::match[Failed to create {id}]`',
      'index.mdx:14:38 error [invalid-pattern] Invalid regular expression: Unterminated group',
      'index.mdx:15:29 error [invalid-pattern] `(?! on port)` looks ahead, which RE2, the linear-time engine patterns run on, cannot do; match what follows as text, or end a word with `\\b` and the line with `$`',
      // The proposal is made of the expression itself: `\\b` where a word touches its end, or a word of it.
      "index.mdx:16:9 error [invalid-pattern] This regular expression has no word of two letters or more that every line it matches holds whole (written out between spaces, punctuation, `\\b`, `^` or `$`; its own start and end are no edge, as the line's word may go on there), so it would be tried on every line of a paste; write `\\b` where a word starts or ends it: `\\d+ lost\\b`",
      'index.mdx:17:31 error [invalid-pattern] `\\1` refers back to a group, which RE2, the linear-time engine patterns run on, cannot do; write out what it stands for again, or use a placeholder such as `{id}`',
      "index.mdx:18:1 error [invalid-pattern] This pattern's words (`error`) are ones any error message may hold, so it would match the lines of other errors too; include the words that tell this error from others",
      "index.mdx:19:9 error [invalid-pattern] This regular expression has no word of two letters or more that every line it matches holds whole (written out between spaces, punctuation, `\\b`, `^` or `$`; its own start and end are no edge, as the line's word may go on there), so it would be tried on every line of a paste; write `\\b` on both sides of a word of the message, where it stands whole, such as `\\bsignal\\b`",
      "index.mdx:20:9 error [invalid-pattern] This regular expression has no word of two letters or more that every line it matches holds whole (written out between spaces, punctuation, `\\b`, `^` or `$`; its own start and end are no edge, as the line's word may go on there), so it would be tried on every line of a paste; write out a word of the message between `\\b` and `\\b`",
      'index.mdx:22:1 error [missing-title] `example` has no text; write a line as readers paste it: `::example[12:03:44 ERROR Failed to create 8f3a-22]`',
    ]);
  });

  it('unmatched-example', async () => {
    // A card without patterns: only its examples are wrong, its message lands by its words.
    expect(await problemsIn('rules/unmatched-example')).toEqual([
      'index.mdx:12:1 error [unmatched-example] This alias of `no-signal` matches none of its patterns, and readers paste it as it is; add a pattern that matches it',
      'index.mdx:15:1 error [unmatched-example] No pattern of `no-signal` matches this example; correct the example, or add a `::match` pattern that matches it',
      'index.mdx:26:1 error [unmatched-example] `firmware` has no `::match` pattern, so this example leads nowhere; add a pattern that matches it, such as `::match[…{id}…]`',
    ]);
  });

  it('unmatched-example, for a card whose patterns were refused', async () => {
    // All refused: said so, not "has no pattern". One refused beside a valid one: its examples are
    // not held against the valid one alone (the refused one may be what matches them). Others stay.
    expect(await problemsIn('refused-patterns')).toEqual([
      'index.mdx:13:1 error [invalid-pattern] This pattern\'s words (`something`, `went`, `wrong`) are ones any error message may hold, so it would match the lines of other errors too; include the words that tell this error from others, or, where these words are the whole line, match it whole with a regular expression: `regex="^Something went wrong$"`',
      'index.mdx:14:1 error [invalid-pattern] This pattern has no word of two letters or more written out (between spaces or punctuation, not against a placeholder), so it would match lines of any error; write out a word of the message',
      "index.mdx:15:9 error [invalid-pattern] This regular expression has no word of two letters or more that every line it matches holds whole (written out between spaces, punctuation, `\\b`, `^` or `$`; its own start and end are no edge, as the line's word may go on there), so it would be tried on every line of a paste; write `\\b` where a word starts or ends it: `\\d+ failed\\b`",
      'index.mdx:16:1 error [unmatched-example] All 3 `::match` patterns of `c1` are refused (each reported at its line), so this example leads nowhere yet; correct them, and the example is proved against them',
      'index.mdx:17:1 error [unmatched-example] All 3 `::match` patterns of `c1` are refused (each reported at its line), so this example leads nowhere yet; correct them, and the example is proved against them',
      'index.mdx:29:25 error [invalid-pattern] `(?= exceeded)` looks ahead, which RE2, the linear-time engine patterns run on, cannot do; match what follows as text, or end a word with `\\b` and the line with `$`',
      'index.mdx:42:1 error [unmatched-example] No pattern of `c3` matches this example; correct the example, or add a `::match` pattern that matches it',
    ]);
  });

  it('dangling-target for a `within` node the card cannot be reached from', async () => {
    // At the attribute, with a close id that leads to the card, else the nearest node that does.
    expect(await problemsIn('within-unreached')).toEqual([
      "index.mdx:22:48 error [dangling-target] Node `v6` does not lead to `v5-license`: the card cannot be reached from it, so this pattern applies on no page of `v6`'s branch; did you mean `v5`?",
      "index.mdx:23:33 error [dangling-target] Node `v6-seats` does not lead to `v5-license`: the card cannot be reached from it, so this pattern applies on no page of `v6-seats`'s branch; name a node the card is reached from, such as `v5`",
      "index.mdx:48:44 error [dangling-target] Node `v5-seats` does not lead to `v6-seats`: the card cannot be reached from it, so this pattern applies on no page of `v5-seats`'s branch; name a node the card is reached from, such as `v6`",
    ]);
    const { problems } = await checkGuides([`${FIXTURES}within-unreached`]);
    expect(problems[0]!.expected).toEqual(['within="v5"']);
  });

  it('ambiguous-match', async () => {
    // At the pattern, naming the other card's example; the other card's message too would be
    // matched, but one problem per pattern and card says it.
    expect(await problemsIn('rules/ambiguous-match')).toEqual([
      'index.mdx:12:1 error [ambiguous-match] This pattern of `try-again` also matches the example of `login-failed` (line 24, column 1): “10:12:01 ERROR Login failed for admin. Please wait.”; a reader who pastes it could land on the wrong card: make the pattern more specific',
    ]);
    const { problems } = await checkGuides([`${FIXTURES}rules/ambiguous-match`]);
    expect(problems[0]!.related).toEqual([
      {
        file: join(FIXTURES, 'rules/ambiguous-match/index.mdx'),
        line: 24,
        column: 1,
        endLine: 24,
        endColumn: 63,
        message: 'the example of `login-failed` that the pattern matches',
      },
    ]);
  });

  it('duplicate-id', async () => {
    expect(await problemsIn('rules/duplicate-id')).toEqual([
      'index.mdx:15:17 error [duplicate-id] Duplicate id `restart`, also used at more.mdx, line 1, column 17; ids must be unique in a guide, rename one',
      'more.mdx:1:17 error [duplicate-id] Duplicate id `restart`, also used at index.mdx, line 15, column 17; ids must be unique in a guide, rename one',
    ]);
  });

  it('empty-guide', async () => {
    expect(await problemsIn('rules/empty-guide')).toEqual([
      'empty-file/index.mdx:1:1 error [empty-guide] Guide `empty-file` has no nodes; add one, such as `:::step{#start title="…" next="…"}`',
      'no-files:1:1 error [empty-guide] Guide `no-files` has no `.mdx` files; add `index.mdx` with its metadata and first node',
    ]);
  });

  it('invalid-attribute', async () => {
    expect(await problemsIn('rules/invalid-attribute')).toEqual([
      'index.mdx:4:10 error [invalid-attribute] Invalid `updated`: expected a date like `2024-03-15` or `2024-03`',
      'index.mdx:5:7 error [invalid-attribute] Invalid `lang`: expected a language tag like `en` or `pt-BR`',
      'index.mdx:7:10 error [invalid-attribute] Invalid `support.email`: expected an email address like `help@example.com`',
      'index.mdx:8:3 error [invalid-attribute] Unknown field `support.phone`; the fields are `email`, `url`, `label`',
      'index.mdx:9:1 error [invalid-attribute] Unknown field `autor`; did you mean `author`?',
      'index.mdx:12:21 error [invalid-attribute] Unknown attribute `tittle` on `question`; did you mean `title`?',
      'index.mdx:12:47 error [invalid-attribute] Invalid `draft` on `question`: expected no value (`{draft}`), `"true"` or `"false"`',
      'index.mdx:13:24 error [invalid-attribute] Unknown attribute `label` on `option`; `option` takes `to`',
      'index.mdx:16:1 error [invalid-attribute] `option` needs a `to` attribute naming the node this answer leads to',
      'index.mdx:19:17 error [invalid-attribute] Invalid `to` on `option`: must name the id of a node',
      'index.mdx:22:58 error [invalid-attribute] Unknown attribute `class` on `instructions`; `instructions` takes `#id`, `title`, `draft`, `moved-from`',
    ]);
  });

  it('invalid-id', async () => {
    expect(await problemsIn('rules/invalid-id')).toEqual([
      "Router_Help:1:1 error [invalid-id] Guide folder `Router_Help` is not a lowercase slug, and it becomes the guide's URL; rename it `router-help`",
      'Router_Help/index.mdx:6:14 error [invalid-id] Id `Start` is not a lowercase slug (letters a–z, digits, single hyphens); use `start`',
      'Router_Help/index.mdx:10:11 error [dangling-target] Cannot find node `call`; add a node with `{#call}` or name an existing id',
      'Router_Help/index.mdx:15:17 error [invalid-id] Id `restart_router` is not a lowercase slug (letters a–z, digits, single hyphens); use `restart-router`',
      'Router_Help/index.mdx:19:1 error [invalid-id] `instructions` has no id; add one after its name: `instructions{#call-us}`',
      "pagefind:1:1 error [invalid-id] Guide folder `pagefind` clashes with the site's search index (`/pagefind/`); rename it",
      "pagefind/index.mdx:6:17 error [invalid-id] Id `all` is reserved for the guide's one-page view (`/<guide>/all/`); choose another id",
    ]);
  });

  it('limit-exceeded', async () => {
    expect(await problemsIn('rules/limit-exceeded')).toEqual([
      'nesting/index.mdx:24:1 error [limit-exceeded] This line is indented 34 columns; at most 32: nest lists and quotes less deeply',
      'options/index.mdx:6:1 error [limit-exceeded] Question `start` has 101 answers; at most 100: group them under further questions',
    ]);
  });

  it('misplaced-directive', async () => {
    expect(await problemsIn('rules/misplaced-directive')).toEqual([
      'index.mdx:7:1 error [misplaced-directive] `option` belongs inside a `question` or an `error` card, not a `step` (a step goes on through its `next` attribute)',
      'index.mdx:13:3 error [misplaced-directive] `option` belongs inside a `question` or an `error` card, not a `step` (a step goes on through its `next` attribute)',
      'index.mdx:17:1 error [misplaced-directive] `reason` belongs inside an `error` card, not an `instructions` card',
      'index.mdx:21:1 error [dead-end] Question `inner` has no answers, so readers are stuck; add `:::option{to="…"}` answers',
      'index.mdx:21:1 error [misplaced-directive] `question` is inside `instructions` card `restart`; nodes cannot nest, close the outer one first',
      'index.mdx:21:1 error [unreachable-node] Node `inner` cannot be reached from the start node `start`; add an answer or `next` leading to it, or delete it',
      'index.mdx:25:1 error [misplaced-directive] `caution` is written as a leaf directive (`::`); write it as `:::caution … :::`',
      'index.mdx:28:1 error [unreachable-node] Node `broken` cannot be reached from the start node `start`; add an answer or `next` leading to it, or delete it',
      'index.mdx:33:1 error [misplaced-directive] Error card `broken` already has a `reason` (line 29); merge the two',
      'index.mdx:37:1 error [misplaced-directive] `fix` is written as a leaf directive (`::`); write it as `:::fix … :::`',
      'index.mdx:40:1 error [misplaced-directive] `fix` must be inside an `error` card',
    ]);
  });

  it('missing-fix', async () => {
    expect(await problemsIn('rules/missing-fix')).toEqual([
      'index.mdx:11:1 error [missing-fix] Error card `no-signal` has no How to fix; add a `:::fix` saying what the reader does about it',
      'index.mdx:22:1 error [missing-fix] The How to fix of error card `weak-signal` is empty; say what the reader does about it',
    ]);
  });

  it('missing-metadata', async () => {
    expect(await problemsIn('rules/missing-metadata')).toEqual([
      'no-frontmatter/index.mdx:1:1 error [missing-metadata] `index.mdx` has no frontmatter; start it with `---`, `title: …`, `start: <first node id>`, `---`',
      'no-index:1:1 error [missing-metadata] Guide `no-index` has no `index.mdx`; create it with frontmatter `title` and `start`',
    ]);
  });

  it('missing-reason', async () => {
    expect(await problemsIn('rules/missing-reason')).toEqual([
      'index.mdx:11:1 error [missing-reason] Error card `no-signal` has no Reason; add a `:::reason` saying why the error happens',
      'index.mdx:18:1 error [missing-reason] The Reason of error card `weak-signal` is empty; say why the error happens',
    ]);
  });

  it('missing-start', async () => {
    expect(await problemsIn('rules/missing-start')).toEqual([
      'no-start/index.mdx:1:1 error [missing-start] The guide names no start node; add `start: <id of the first node>` to the frontmatter',
      'unknown-start/index.mdx:3:8 error [missing-start] Start node `restrat` does not exist; did you mean `restart`?',
    ]);
  });

  it('missing-support', async () => {
    expect(await problemsIn('rules/missing-support')).toEqual([
      'index.mdx:14:1 error [missing-support] `restart` escalates to support, but the guide names no contact; add `support:` with an `email` or `url` to the frontmatter of index.mdx, or say in the escalation whom to contact',
    ]);
  });

  it('missing-title', async () => {
    expect(await problemsIn('rules/missing-title')).toEqual([
      'index.mdx:1:1 error [missing-title] The guide has no `title`; add `title: …` to the frontmatter',
      'index.mdx:6:1 error [missing-title] Question `start` has no title; add `title="…"` or `prompt="…"`',
      'index.mdx:7:1 error [missing-title] `option` has no answer text; write it as `::option[Answer]{to="…"}`',
      'index.mdx:12:1 error [missing-title] Instructions card `restart` has no title; add `title="…"`',
      'index.mdx:13:32 error [missing-title] `link` has no text; write `:link[text]{to="…"}`',
      'index.mdx:16:1 error [missing-title] Error card `no-signal` has no title; add `title="…"` with the message exactly as readers see it on screen',
      'index.mdx:17:1 error [missing-title] `alias` has no text; write the other wording as `::alias[…]`',
    ]);
  });

  it('no-outcome', async () => {
    expect(await problemsIn('rules/no-outcome')).toEqual([
      'index.mdx:19:1 error [no-outcome] No outcome can be reached from `check-cable`: every way on from it loops back; lead one to an error or instructions card',
      'index.mdx:23:1 error [no-outcome] No outcome can be reached from `check-socket`: every way on from it loops back; lead one to an error or instructions card',
    ]);
  });

  it('removed-id', async () => {
    // `check --since <rev>`: the guide at the revision is fixture `before`, now it is `after`.
    const repo = await gitRepo('router');
    await repo.commit(join(FIXTURES, 'rules/removed-id/before'), 'Published');
    await repo.commit(join(FIXTURES, 'rules/removed-id/after'), 'Renamed restart, replaced no-power');
    const dirs = [join(repo.root, 'guide')];
    const now = await checkGuides(dirs);
    expect(now.problems).toEqual([]);
    const before = await guidesAt('HEAD~1', dirs, repo.root);
    const problems = await removedIds(before.guides, now.guides);
    expect(
      problems.map((p) => `${p.file.slice(repo.root.length + 1)}:${p.line}:${p.column} ${p.severity} [${p.rule}] ${p.message}`),
    ).toEqual([
      'guide/router/index.mdx:15:1 error [removed-id] Instructions card `restart-router` looks like the renamed `restart`: add `moved-from="restart"`, so that links to the old id still lead here',
      'guide/router/index.mdx:1:1 error [removed-id] Node `no-power` (was in index.mdx, line 19) is gone, and links to `/router/no-power/` will find nothing; add `moved-from="no-power"` to the node that replaces it',
    ]);
    // The fix of a rename rewrites the node's opening.
    expect(problems[0]!.expected).toEqual([':::instructions{#restart-router title="Restart the router" moved-from="restart"}']);
    await rm(repo.root, { recursive: true, force: true });
  });

  it('self-target', async () => {
    expect(await problemsIn('rules/self-target')).toEqual([
      'index.mdx:10:11 error [self-target] This answer leads back to question `start` itself, so the reader goes round in a circle; point it at the node that follows',
      'index.mdx:15:45 error [self-target] `next` leads back to step `restart` itself; name the node that follows',
    ]);
  });

  it('skipped-file', async () => {
    expect(await problemsIn('rules/skipped-file')).toEqual([
      '.old:1:1 warning [skipped-file] Folder `.old` is hidden (its name starts with `.`), so its `.mdx` files are not read; rename it without the dot to include them',
      '.reset.mdx:1:1 warning [skipped-file] File `.reset.mdx` is hidden (its name starts with `.`), so it is not read; rename it without the dot to include it',
    ]);
  });

  it('stray-content', async () => {
    expect(await problemsIn('rules/stray-content')).toEqual([
      'index.mdx:6:1 error [stray-content] Content outside every node is never shown to readers; move it into a node or delete it',
      'index.mdx:14:1 error [stray-content] Content outside every node is never shown to readers; move it into a node or delete it',
    ]);
  });

  it('syntax-error', async () => {
    expect(await problemsIn('rules/syntax-error')).toEqual([
      'fences/index.mdx:6:1 error [missing-fix] Error card `broken` has no How to fix; add a `:::fix` saying what the reader does about it',
      'fences/index.mdx:7:1 error [syntax-error] `reason` is never closed: the fence on line 9 closes `error` first. A directive that holds others needs more colons: open and close `error` with `::::`',
      'fences/index.mdx:10:1 error [misplaced-directive] `fix` must be inside an `error` card',
      'fences/index.mdx:13:1 error [stray-content] Content outside every node is never shown to readers; move it into a node or delete it',
      'fences/index.mdx:15:1 error [syntax-error] `step` is never closed; end it with a line of `::::`',
      'fences/index.mdx:15:1 error [unreachable-node] Node `never` cannot be reached from the start node `broken`; add an answer or `next` leading to it, or delete it',
      'mdx/index.mdx:16:6 error [syntax-error] MDX reads `<1` as the start of an element (a tag); write `\\<` for the `<` itself',
      'quotes/index.mdx:3:10 error [syntax-error] Invalid YAML in frontmatter: Nested mappings are not allowed in compact mappings (put a value in quotes when it contains `: ` or starts with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `@` or `%`)',
      'quotes/index.mdx:7:17 error [syntax-error] The attributes of this directive cannot be read: quote each value, and put a value that contains `"` in single quotes, as in `title=\'Press "Resume"\'`',
      'yaml/index.mdx:3:16 error [syntax-error] Invalid YAML in frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ] (put a value in quotes when it contains `: ` or starts with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `@` or `%`)',
    ]);
  });

  it('too-few-options', async () => {
    expect(await problemsIn('rules/too-few-options')).toEqual([
      'index.mdx:6:1 error [too-few-options] Question `start` has 1 answer; a question needs at least 2 (for a single way on, make it a `step` with `next="restart"`)',
    ]);
  });

  it('unknown-directive', async () => {
    expect(await problemsIn('rules/unknown-directive')).toEqual([
      'index.mdx:7:48 error [unknown-directive] Unknown directive `fig`; use one of `link`, `kbd`',
      'index.mdx:9:1 error [unknown-directive] Unknown directive `optoin`; did you mean `option`?',
      'index.mdx:16:1 error [unknown-directive] Unknown directive `reson`; did you mean `reason`?',
      'index.mdx:23:1 error [unknown-directive] Unknown directive `tipp`; use one of `option`, `alias`, `match`, `example`, `escalate`, `image`, `screenshot`, `video`',
      'index.mdx:26:1 error [unknown-directive] Unknown directive `embed`; use one of `option`, `alias`, `match`, `example`, `escalate`, `image`, `screenshot`, `video`',
      'index.mdx:29:1 error [unknown-directive] Unknown directive `questoin`; did you mean `question`?',
    ]);
  });

  it('unreachable-node', async () => {
    expect(await problemsIn('rules/unreachable-node')).toEqual([
      'index.mdx:14:1 error [unreachable-node] Node `forgotten` cannot be reached from the start node `start`; add an answer or `next` leading to it, or delete it',
    ]);
  });

  it('unreachable-node, at an answer whose target was copied', async () => {
    // One error, at the answer where the fix goes, proposing the branch it orphaned (not one per orphaned node).
    expect(await problemsIn('advice/copied-target')).toEqual([
      'index.mdx:10:11 error [unreachable-node] Nothing leads to `private-owner-requirements`: did this answer mean it? It leads to `agency-requirements`, like the answer “Agency” (line 7)',
    ]);
  });

  it('unreadable-file', async () => {
    expect(await problemsIn('rules/unreadable-file')).toEqual([
      'index.mdx:7:15 error [unreadable-file] This file is not valid UTF-8 from here on; save it with UTF-8 encoding',
    ]);
  });

  it('unsafe-url', async () => {
    expect(await problemsIn('rules/unsafe-url')).toEqual([
      'index.mdx:7:6 error [unsafe-url] This link URL `javascript:alert(1)` uses a protocol pages may not carry; use `http:`, `https:`, `mailto:`, `tel:` or a relative URL',
      'index.mdx:10:1 error [unsafe-url] This image URL `data:image/svg+xml;base64,PHN2Zz4=` uses a protocol pages may not carry; use `http:`, `https:`, `mailto:`, `tel:` or a relative URL',
      'index.mdx:10:56 error [unsafe-url] This image URL `java\\tscript:alert(1)` uses a protocol pages may not carry; use `http:`, `https:`, `mailto:`, `tel:` or a relative URL',
      'index.mdx:14:1 error [unsafe-url] This link URL `vbscript:msgbox` uses a protocol pages may not carry; use `http:`, `https:`, `mailto:`, `tel:` or a relative URL',
    ]);
  });

  it('unsupported-mdx', async () => {
    expect(await problemsIn('rules/unsupported-mdx')).toEqual([
      'index.mdx:6:1 error [unsupported-mdx] `import` and `export` are not supported in guides; use Markdown, directives and the allowed elements',
      'index.mdx:11:27 error [unsupported-mdx] Element `<Chart>` is not supported in guides; use Markdown or one of `<abbr>`, `<br>`, `<code>`, `<details>`, `<figcaption>`, `<figure>`, `<img>`, `<kbd>`, `<mark>`, `<samp>`, `<small>`, `<sub>`, `<summary>`, `<sup>`',
      'index.mdx:11:61 error [unsupported-mdx] Expressions in braces are not supported; write `\\{` for a literal brace, or `{/* … */}` for a comment',
      'index.mdx:13:40 error [unsupported-mdx] Attribute `onerror` is not allowed on `<img>`; it takes `src`, `alt`, `width`, `height`',
      'index.mdx:15:7 error [unsupported-mdx] Attribute `title` on `<abbr>` must be plain text in quotes, not an expression',
      'index.mdx:15:30 error [unsupported-mdx] Spread attributes are not supported on `<sup>`; write each attribute as `name="value"`',
    ]);
  });
  it('missing-alt', async () => {
    expect(await problemsIn('rules/missing-alt')).toEqual([
      'index.mdx:7:1 error [missing-alt] This image has no alt text; say what it shows for readers who cannot see it: `![What the image shows](…)`',
      'index.mdx:9:1 error [missing-alt] This image has no alt text; say what it shows for readers who cannot see it: `![What the image shows](…)`',
      'index.mdx:11:1 error [missing-alt] This image has no alt text; say what it shows for readers who cannot see it: `<img src="…" alt="What the image shows">`',
      'index.mdx:13:1 error [missing-alt] This image has no alt text; say what it shows for readers who cannot see it: `::screenshot{src="…" alt="What the image shows"}`',
      'index.mdx:15:28 error [missing-alt] This image has no alt text; say what it shows for readers who cannot see it: `::image{src="…" alt="What the image shows"}`',
    ]);
  });

  it('broken-image', async () => {
    expect(await problemsIn('rules/broken-image')).toEqual([
      'index.mdx:7:1 error [broken-image] Cannot find image `./img/ruoter.png` (looked for `broken-image/img/ruoter.png`); did you mean `./img/router.png`?',
      'index.mdx:9:1 error [broken-image] Cannot find image `./images/router.png` (looked for `broken-image/images/router.png`); save the image there, or correct the path',
      'index.mdx:11:1 error [broken-image] `../shared/router.png` is outside the guide folder; copy the image into `broken-image/`, such as `./img/`',
      'index.mdx:13:1 error [broken-image] An image cannot show node `reset`; give the image file beside the guide, such as `./img/screen.png`',
      'index.mdx:15:14 error [broken-image] `src` of `screenshot` must be a `.png`, `.jpg`, `.jpeg`, `.webp`, `.gif`, `.avif` file, not `./img/router.svg`',
      'index.mdx:17:9 error [broken-image] `video` plays files beside the guide only, not `https://example.com/reset.mp4`; save the file in the guide folder and give its path, such as `./video/demo.mp4`',
      'index.mdx:19:9 error [broken-image] Cannot find video `./img/reset.mp4` (looked for `broken-image/img/reset.mp4`); save the video there, or correct the path',
      'index.mdx:19:60 error [broken-image] `captions` of `video` must be a `.vtt` file, not `./img/reset.srt`',
    ]);
  });

  it('broken-link', async () => {
    expect(await problemsIn('rules/broken-link')).toEqual([
      'index.mdx:7:9 error [broken-link] Cannot find file `./files/manaul.txt` (looked for `broken-link/files/manaul.txt`); did you mean `./files/manual.txt`?',
      'index.mdx:7:43 error [broken-link] `../manual.txt` is outside the guide folder; copy the file into `broken-link/`, or link to a page of the site from its root (`/<guide>/<node>/`)',
      'index.mdx:8:1 error [broken-link] Cannot find page `/status/` on the site: no guide page, file in `public/` or page in `src/pages/` has this path; link to a node of this guide with `[text](#node-id)`, or correct the path',
      'index.mdx:19:47 error [broken-link] `./index.mdx` is a guide file, not a page; link to a node with `[text](#node-id)`',
      'index.mdx:25:19 error [broken-link] Footnote `[^wait]` is defined outside instructions card `cable`; move `[^wait]: …` into this node, whose page shows only its own footnotes',
    ]);
  });

  it('empty-content', async () => {
    expect(await problemsIn('rules/empty-content')).toEqual([
      'index.mdx:12:1 error [missing-title] `option` has no answer text; write it as `::option[Answer]{to="…"}`',
      'index.mdx:18:1 error [empty-content] The content of step `restart` is only comments, which readers do not see; write the content, or delete the comment',
      'index.mdx:20:1 error [empty-content] `details` shows nothing; write its content between its fences, or delete it',
      'index.mdx:26:1 error [missing-reason] The Reason of error card `cable` holds only comments, which readers do not see; say why the error happens',
    ]);
  });

  it('literal-syntax', async () => {
    expect(await problemsIn('rules/literal-syntax')).toEqual([
      'index.mdx:16:31 warning [literal-syntax] Link `[the manual][manual]` has no definition and would be shown to readers as written; add `[manual]: https://…` on a line of its own, or write the link as `[the manual](https://…)`',
      'index.mdx:18:30 warning [literal-syntax] Footnote `[^green]` has no definition and would be shown to readers as written; add `[^green]: …` in the same node',
      'index.mdx:23:1 error [syntax-error] This line looks like kramdown attributes (`{:.class}`), which guides do not use and MDX reads as code; delete the line (for a callout, use `:::note` … `:::`)',
    ]);
  });

  it('error cards that go on: answers or `next`, checked like a question’s', async () => {
    expect(await problemsIn('error-goes-on')).toEqual([
      'index.mdx:30:38 error [misplaced-directive] Error card `weak` goes on with both answers and `next`; keep one: answers for a choice, `next` for a single way on',
      'index.mdx:40:1 error [unreachable-node] Node `lost` cannot be reached from the start node `start`; add an answer or `next` leading to it, or delete it',
      'index.mdx:40:37 error [dangling-target] Cannot find node `dnoe`; did you mean `done`?',
    ]);
  });
});
