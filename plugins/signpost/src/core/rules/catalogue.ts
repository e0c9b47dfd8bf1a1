/**
 * The message catalogue: every rule with its id, severity, summary, documentation page and
 * message builders. Every problem Signpost reports is built here, so that a message reads the
 * same wherever it fires and the writer's docs can be checked against it.
 *
 * ```ts
 * flag(file, say('dangling-target', 'unknownNode', 'restart-routr', 'restart-router'), place);
 * // Cannot find node `restart-routr`; did you mean `restart-router`?
 * ```
 *
 * The ids are part of Signpost's interface (CI scripts and editors match on them): never rename
 * one. Each rule's documentation is `docs/<rule>.md` beside this module (shipped in the
 * package, printed by `signpost explain <rule>`, and docs/authoring.md's rule reference).
 * Messages say what is wrong and how to fix it, quote code in backticks, and never hold the
 * position: reports show it.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Severity = 'error' | 'warning';

/** What a builder gives: the message, and the text that would replace the place at fault. */
type Built = string | { message: string; expected?: string[] };
type Builder = (...args: never[]) => Built;

interface RuleEntry {
  severity: Severity;
  /** What the rule catches, in one line (`signpost explain`, SARIF, the rule list). */
  summary: string;
  messages: Record<string, Builder>;
}

const code = (text: string): string => `\`${text}\``;
const codes = (names: readonly string[]): string => names.map(code).join(', ');
const proposing = (proposal: string | undefined, otherwise: string): string =>
  proposal === undefined ? otherwise : `; did you mean ${code(proposal)}?`;

/** What is wrong with a file a node points at: the same words for an image and a linked file. */
const FILE_MESSAGES = {
  outsideGuide: (path: string, guide: string, what: string) =>
    what === 'file'
      ? `${code(path)} is outside the guide folder; copy the file into ${code(`${guide}/`)}, or link to a page of the site from its root (\`/<guide>/<node>/\`)`
      : `${code(path)} is outside the guide folder; copy the ${what} into ${code(`${guide}/`)}, such as \`./img/\``,
  notFound: (what: string, path: string, shown: string, proposal: string | undefined) =>
    `Cannot find ${what} ${code(path)} (looked for ${code(shown)})${proposal ? `; did you mean ${code(proposal)}?` : `; save the ${what} there, or correct the path`}`,
  // What core/parse/linked-file.ts refuses: the file's real place, its kind, and its real type.
  linkOutside: (path: string, guide: string) =>
    `${code(path)} is a symbolic link that leads outside the guide folder, so it is not read; copy the file itself into ${code(`${guide}/`)}`,
  notRegular: (path: string, what: string) => `${code(path)} is ${what}, not a regular file, so it is not read; save a regular file there`,
  unreadable: (path: string, reason: string) => `Cannot read ${code(path)} (${reason}); check its permissions`,
  runnable: (path: string, what: string, fix: string) => `${code(path)} is ${what}, which would run on the help site's own address; ${fix}`,
  unknownType: (path: string, ext: string, allowed: readonly string[]) =>
    `${code(path)} is ${ext ? `a ${code(`.${ext}`)} file` : 'a file without extension'}, not a type Signpost publishes; use ${allowed.map((e) => code(`.${e}`)).join(', ')}, or publish it elsewhere and link to its address`,
  disguised: (path: string, ext: string, what: string, fix: string | undefined) =>
    fix
      ? `${code(path)} is named ${code(`.${ext}`)} but is ${what}, which would run on the help site's own address; ${fix}`
      : `${code(path)} is named ${code(`.${ext}`)} but holds ${what}; save it as a real ${code(`.${ext}`)} file, or give it the extension of what it is`,
  markup: (path: string, what: string, markup: string, fix: string) =>
    `${code(path)} (${what}) also holds HTML markup (${markup}), which a browser would run on the help site's own address if it took the file for a page; ${fix}`,
  hardLink: (path: string, names: number) =>
    `${code(path)} is a hard link (one file with ${names} names, which may be outside the guide folder), so it is not read; replace it with a copy of the file`,
  nulInPath: (path: string) => `${code(path)} holds a NUL character (\`%00\`), which no file name holds; correct the path`,
  brokenImage: (path: string, what: string, why: string) =>
    `${code(path)} is ${what} that cannot be shown: ${why}; export it again from an image editor`,
};

export const CATALOGUE = {
  'dangling-target': {
    severity: 'error',
    summary: 'an option, `next`, `:link` or `[text](#id)` names a node that does not exist',
    messages: {
      /** `rewrite` turns a proposed id into the text of the attribute that names it. */
      unknownNode: (target: string, proposal: string | undefined, rewrite?: (id: string) => string) => ({
        message: `Cannot find node ${code(target)}${proposing(proposal, `; add a node with ${code(`{#${target}}`)} or name an existing id`)}`,
        ...(proposal !== undefined && rewrite ? { expected: [rewrite(proposal)] } : {}),
      }),
    },
  },
  'duplicate-id': {
    severity: 'error',
    summary: 'two nodes of one guide share an id, or a former id (`moved-from`)',
    messages: {
      duplicate: (id: string, places: string, more: number) =>
        `Duplicate id ${code(id)}, also used at ${places}${more > 0 ? ` and ${more} more places` : ''}; ids must be unique in a guide, rename one`,
      formerIsNode: (formerId: string, node: string, where: string) =>
        `${code(formerId)} is listed in \`moved-from\` but is still the id of ${node} (${where}); a URL can lead to one page only: remove it from \`moved-from\`, or rename that node`,
      formerTwice: (formerId: string, other: string, where: string) =>
        `${code(formerId)} is also listed in \`moved-from\` of ${other} (${where}); an old URL can lead to one page only: keep it on one node`,
    },
  },
  'invalid-id': {
    severity: 'error',
    summary: 'an id (or a guide folder name) is not a lowercase slug',
    messages: {
      noId: (name: string, example: string) => `${code(name)} has no id; add one after its name: ${code(`${name}{#${example}}`)}`,
      tooLong: (id: string, length: number, most: number) =>
        `Id ${code(id)} is ${length} characters long, and it becomes the page's URL and a folder name; at most ${most}: choose a shorter id`,
      notSlug: (id: string, proposal: string | undefined) => ({
        message: `Id ${code(id)} is not a lowercase slug (letters a–z, digits, single hyphens)${proposal ? `; use ${code(proposal)}` : '; use lowercase letters, digits and single hyphens'}`,
        ...(proposal ? { expected: [`#${proposal}`] } : {}),
      }),
      /** `{#Private Owner}`: the words after the id were read as attributes. */
      withSpace: (written: string, proposal: string) => ({
        message: `Id ${code(written)} has a space, and an id ends at the first space; write it as a lowercase slug: ${code(`#${proposal}`)}`,
        expected: [`#${proposal}`],
      }),
      reserved: (id: string, what: string) => `Id ${code(id)} is reserved for the guide's ${what} (\`/<guide>/${id}/\`); choose another id`,
      formerNotSlug: (id: string, proposal: string | undefined) =>
        `Former id ${code(id)} in \`moved-from\` is not a lowercase slug, so no page ever had it${proposal ? `; did you mean ${code(proposal)}?` : ''}`,
      folderTooLong: (slug: string, length: number, most: number) =>
        `Guide folder ${code(slug)} is ${length} characters long, and it becomes the guide's URL and a folder name; at most ${most}: rename it shorter`,
      folderNotSlug: (slug: string, proposal: string | undefined) =>
        `Guide folder ${code(slug)} is not a lowercase slug, and it becomes the guide's URL${proposal ? `; rename it ${code(proposal)}` : ''}`,
      folderReserved: (slug: string, what: string) =>
        `Guide folder ${code(slug)} clashes with the site's ${what} (\`/${slug}/\`); rename it`,
    },
  },
  'missing-start': {
    severity: 'error',
    summary: 'the guide names no start node, or an unknown one',
    messages: {
      unknown: (start: string, proposal: string | undefined) => ({
        message: `Start node ${code(start)} does not exist${proposing(proposal, '; set `start` to the id of the first node')}`,
        ...(proposal ? { expected: [proposal] } : {}),
      }),
      none: () => 'The guide names no start node; add `start: <id of the first node>` to the frontmatter',
      invalid: (reason: string) => `Invalid \`start\`: ${reason}`,
    },
  },
  'unreachable-node': {
    severity: 'error',
    summary: 'a node cannot be reached from the start node',
    messages: {
      unreachable: (id: string, start: string) =>
        `Node ${code(id)} cannot be reached from the start node ${code(start)}; add an answer or \`next\` leading to it, or delete it`,
    },
  },
  'dead-end': {
    severity: 'error',
    summary: 'a question or step with no way on',
    messages: {
      noAnswers: (id: string) => `Question ${code(id)} has no answers, so readers are stuck; add \`:::option{to="…"}\` answers`,
      noWayOn: (id: string) => `Step ${code(id)} has no way on; add \`next="…"\` naming the node that follows`,
    },
  },
  'no-outcome': {
    severity: 'error',
    summary: 'from this node no outcome can be reached',
    messages: {
      loops: (id: string) =>
        `No outcome can be reached from ${code(id)}: every way on from it loops back; lead one to an error or instructions card`,
    },
  },
  'too-few-options': {
    severity: 'error',
    summary: 'a question with fewer than two options',
    messages: {
      oneAnswer: (id: string, to: string) =>
        `Question ${code(id)} has 1 answer; a question needs at least 2 (for a single way on, make it a \`step\` with \`next="${to}"\`)`,
      /** An error card that goes on with one answer. */
      cardOneAnswer: (card: string, to: string) => `${card} has 1 answer; give it at least 2, or go on with \`next="${to}"\` instead`,
    },
  },
  'self-target': {
    severity: 'error',
    summary: 'an answer or `next` that leads back to its own node',
    messages: {
      answer: (id: string, proposal: string | undefined, rewrite: ((id: string) => string) | undefined) => ({
        message: `This answer leads back to question ${code(id)} itself, so the reader goes round in a circle${
          proposal === undefined ? '; point it at the node that follows' : `; did you mean ${code(proposal)}, which nothing leads to?`
        }`,
        ...(proposal !== undefined && rewrite ? { expected: [rewrite(proposal)] } : {}),
      }),
      next: (id: string, proposal: string | undefined, rewrite: ((id: string) => string) | undefined) => ({
        message: `\`next\` leads back to step ${code(id)} itself${
          proposal === undefined ? '; name the node that follows' : `; did you mean ${code(proposal)}, which nothing leads to?`
        }`,
        ...(proposal !== undefined && rewrite ? { expected: [rewrite(proposal)] } : {}),
      }),
    },
  },
  'duplicate-answer': {
    severity: 'error',
    summary: 'two answers of one question lead to the same node',
    messages: {
      sameTarget: (
        target: string,
        other: string,
        line: number,
        proposal: string | undefined,
        rewrite: ((id: string) => string) | undefined,
      ) => ({
        message: `This answer leads to ${code(target)}, like the answer “${other}” (line ${line})${
          proposal === undefined
            ? '; point it at the node it should lead to, or merge the two answers'
            : `; did you mean ${code(proposal)}, which nothing leads to?`
        }`,
        ...(proposal !== undefined && rewrite ? { expected: [rewrite(proposal)] } : {}),
      }),
    },
  },
  'missing-reason': {
    severity: 'error',
    summary: 'an error card without a non-empty Reason',
    messages: {
      missing: (card: string) => `${card} has no Reason; add a \`:::reason\` saying why the error happens`,
      empty: (card: string) => `The Reason of ${card} is empty; say why the error happens`,
      onlyComments: (card: string) => `The Reason of ${card} holds only comments, which readers do not see; say why the error happens`,
    },
  },
  'missing-fix': {
    severity: 'error',
    summary: 'an error card without a non-empty How to fix',
    messages: {
      missing: (card: string) => `${card} has no How to fix; add a \`:::fix\` saying what the reader does about it`,
      empty: (card: string) => `The How to fix of ${card} is empty; say what the reader does about it`,
      onlyComments: (card: string) =>
        `The How to fix of ${card} holds only comments, which readers do not see; say what the reader does about it`,
    },
  },
  'missing-title': {
    severity: 'error',
    summary: 'a node, an option or a guide without a title',
    messages: {
      node: (node: string, kind: 'question' | 'step' | 'error' | 'instructions') =>
        `${node} has no title; ${
          kind === 'error'
            ? 'add `title="…"` with the message exactly as readers see it on screen'
            : kind === 'question'
              ? 'add `title="…"` or `prompt="…"`'
              : 'add `title="…"`'
        }`,
      option: () => '`option` has no answer text; write it as `::option[Answer]{to="…"}`',
      link: () => '`link` has no text; write `:link[text]{to="…"}`',
      alias: () => '`alias` has no text; write the other wording as `::alias[…]`',
      match: () =>
        '`match` has no pattern; write the message as it looks, with placeholders for the parts that vary: `::match[Failed to create {id}]`',
      example: () => '`example` has no text; write a line as readers paste it: `::example[12:03:44 ERROR Failed to create 8f3a-22]`',
      kbd: () => '`kbd` has no keys; write them as `:kbd[Ctrl+C]`',
      details: () => '`details` has no summary; write it as `:::details[What the reader opens]`',
      tab: () => '`tab` has no label; write it as `:::tab[Windows]`',
      guide: () => 'The guide has no `title`; add `title: …` to the frontmatter',
      invalidGuideTitle: (reason: string) => `Invalid \`title\`: ${reason}`,
    },
  },
  'unknown-directive': {
    severity: 'error',
    summary: 'a directive outside the vocabulary',
    messages: {
      unknown: (name: string, proposal: string | undefined, names: readonly string[]) =>
        `Unknown directive ${code(name)}${proposing(proposal, `; use ${names.length === 1 ? '' : 'one of '}${codes(names)}`)}`,
    },
  },
  'invalid-attribute': {
    severity: 'error',
    summary: 'an unknown or ill-typed attribute or metadata field',
    messages: {
      unknownAttribute: (written: string, directive: string, proposal: string | undefined, takes: readonly string[]) => ({
        message: `Unknown attribute ${code(written)} on ${code(directive)}${proposing(
          proposal,
          `; ${code(directive)} takes ${takes.length === 0 ? 'no attributes' : codes(takes)}`,
        )}`,
        ...(proposal ? { expected: [proposal] } : {}),
      }),
      invalidValue: (name: string, directive: string, reason: string) => `Invalid ${code(name)} on ${code(directive)}: ${reason}`,
      optionNoTarget: () => '`option` needs a `to` attribute naming the node this answer leads to',
      linkNoTarget: () => '`link` needs a `to` attribute naming the node it leads to',
      frontmatterNotInIndex: (index: string) => `Frontmatter is read only from ${code(index)}; move these fields there`,
      frontmatterNotFields: () => 'Frontmatter must be `field: value` lines, such as `title: My guide`',
      unknownField: (name: string, proposal: string | undefined, known: readonly string[]) => ({
        message: `Unknown field ${code(name)}${proposing(proposal, `; the fields are ${codes(known)}`)}`,
        ...(proposal ? { expected: [proposal] } : {}),
      }),
      invalidField: (field: string, reason: string) => `Invalid ${code(field)}: ${reason}`,
      /** `support: hello@x.io`: the contact needs its kind. */
      supportNotMap: (value: string, kind: 'email' | 'url' | undefined, indent: string) => ({
        message: `\`support\` takes the contact on the lines below it, as \`email:\` or \`url:\`${
          kind ? `; write \`support:\`, then \`${indent}${kind}: ${value}\` on the next line` : ', such as `  email: help@example.com`'
        }`,
        ...(kind ? { expected: [`\n${indent}${kind}: ${value}`] } : {}),
      }),
      movedFromSelf: (id: string) => `\`moved-from\` lists the node's own id ${code(id)}; list only ids the node had before`,
    },
  },
  'duplicate-error-message': {
    severity: 'error',
    summary: 'two error cards of one guide show the same message',
    messages: {
      same: (id: string, other: string, where: string, text: string) =>
        `Error card ${code(id)} shows the same message as ${code(other)} (${where}): “${text}”; merge the cards or tell the messages apart`,
    },
  },
  'invalid-pattern': {
    severity: 'error',
    summary:
      'a `match` pattern that cannot be read, would match any line, or that RE2, the linear-time engine patterns run on, cannot run as written',
    messages: {
      both: () => '`match` takes its pattern in brackets or in `regex="…"`, not both; keep one',
      tooLong: (most: number) =>
        `This pattern is longer than ${most} characters; match the line that names the error, not the whole output`,
      badPlaceholder: (written: string) =>
        `${code(written)} is not a placeholder; write a name in braces, such as \`{id}\`, \`{number}\` or \`{text}\`, and \`\\{\` for a brace itself`,
      textNotLast: () =>
        '`{text}` stands for the rest of the line, so nothing may follow it; end the pattern with it, or use a word placeholder such as `{id}`',
      adjacent: (first: string, second: string) =>
        `Placeholders ${code(`{${first}}`)} and ${code(`{${second}}`)} stand side by side, so where one ends is unknown; write the text between them`,
      noWord: () =>
        'This pattern has no word of two letters or more written out (between spaces or punctuation, not against a placeholder), so it would match lines of any error; write out a word of the message',
      regexSyntax: (reason: string) => `Invalid regular expression: ${reason}`,
      lookahead: (written: string) =>
        `${code(written)} looks ahead, which RE2, the linear-time engine patterns run on, cannot do; match what follows as text, or end a word with \`\\b\` and the line with \`$\``,
      backreference: (written: string) =>
        `${code(written)} refers back to a group, which RE2, the linear-time engine patterns run on, cannot do; write out what it stands for again, or use a placeholder such as \`{id}\``,
      modifiers: (written: string) =>
        `${code(written)} sets flags for a part of the expression, which RE2, the engine patterns run on, reads otherwise; case never counts in a pattern: write \`(?:\` instead`,
      surrogate: (written: string) =>
        `${code(written)} stands here for half of a character beyond U+FFFF (an emoji, say), which RE2, the engine patterns run on, reads only whole; write the whole character, outside \`[…]\`, and group it to repeat it: \`(?:😀)+\``,
      repeatTooLarge: (written: string) =>
        `${code(written)} repeats more than 1000 times, counting the repetitions inside it, which RE2, the engine patterns run on, refuses; write smaller counts, such as \`{1,50}\``,
      tooLarge: (size: number, most: number) =>
        `This regular expression compiles to ${size} steps, more than ${most}, each taken at every character of a paste; write smaller repetition counts, or a pattern with placeholders`,
      engine: (reason: string) =>
        `RE2, the linear-time engine patterns run on, cannot run this regular expression (${reason}); simplify it, or write a pattern with placeholders: \`::match[Failed to create {id}]\``,
      regexNoWord: () =>
        'This regular expression has no word of two letters or more written out between spaces, punctuation, `\\b`, `^` or `$`, so it would be tried on every line of a paste; write out a word of the message, such as `\\bgeocompany\\b`',
    },
  },
  'unmatched-example': {
    severity: 'error',
    summary: "an example, or the message or an alias of a card with patterns, that none of its card's `match` patterns matches",
    messages: {
      example: (id: string) =>
        `No pattern of ${code(id)} matches this example; correct the example, or add a \`::match\` pattern that matches it`,
      noPattern: (id: string) =>
        `${code(id)} has no \`::match\` pattern, so this example leads nowhere; add a pattern that matches it, such as \`::match[…{id}…]\``,
      wording: (what: 'message' | 'alias', id: string) =>
        `This ${what} of ${code(id)} matches none of its patterns, and readers paste it as it is; add a pattern that matches it`,
    },
  },
  'ambiguous-match': {
    severity: 'error',
    summary: 'a `match` pattern of one card that matches an example, the message or an alias of another card',
    messages: {
      other: (id: string, what: 'example' | 'message' | 'alias', other: string, where: string, text: string) =>
        `This pattern of ${code(id)} also matches the ${what} of ${code(other)} (${where}): “${text}”; a reader who pastes it could land on the wrong card: make the pattern more specific`,
    },
  },
  draft: {
    severity: 'warning',
    summary: 'a node marked as draft (an error with --strict)',
    messages: {
      draft: (node: string) => `${node} is a draft; finish it and remove \`draft\` before publishing`,
    },
  },
  'misplaced-directive': {
    severity: 'error',
    summary: 'a directive in the wrong place or of the wrong form',
    messages: {
      outsideNode: (name: string, where: string) => `${code(name)} must be ${where}`,
      wrongForm: (name: string, form: string, example: string) => `${code(name)} is written as a ${form}; write it as ${code(example)}`,
      nodeInNode: (name: string, outer: string) => `${code(name)} is inside ${outer}; nodes cannot nest, close the outer one first`,
      partMisplaced: (name: string, where: string) => `${code(name)} belongs ${where}`,
      secondEscalate: (node: string, line: number) => `${node} already has an \`escalate\` (line ${line}); merge the two`,
      /** An error card that names both answers and `next`. */
      goesOnTwice: (card: string) =>
        `${card} goes on with both answers and \`next\`; keep one: answers for a choice, \`next\` for a single way on`,
      tabOutsideTabs: () => '`tab` belongs directly inside `tabs`; put the tabs together in `::::tabs` … `::::`',
      notATab: () => '`tabs` holds only `:::tab[Label]` … `:::` directives; move this into a tab',
      tooFewTabs: (count: number) =>
        `\`tabs\` has ${count} tab${count === 1 ? '' : 's'}; give it two or more \`:::tab[Label]\`, or drop \`tabs\``,
      secondPart: (node: string, name: string, line: number) => `${node} already has a ${code(name)} (line ${line}); merge the two`,
    },
  },
  'stray-content': {
    severity: 'error',
    summary: 'content outside every node, which no reader would see',
    messages: {
      stray: () => 'Content outside every node is never shown to readers; move it into a node or delete it',
    },
  },
  'missing-metadata': {
    severity: 'error',
    summary: 'a guide without `index.mdx` and its frontmatter',
    messages: {
      noFrontmatter: () => '`index.mdx` has no frontmatter; start it with `---`, `title: …`, `start: <first node id>`, `---`',
      unclosedFrontmatter: () => 'The frontmatter opened here is never closed; end it with a line `---`',
      noIndex: (slug: string, index: string) =>
        `Guide ${code(slug)} has no ${code(index)}; create it with frontmatter \`title\` and \`start\``,
    },
  },
  'syntax-error': {
    severity: 'error',
    summary: 'MDX or YAML that cannot be parsed, or a directive never closed',
    messages: {
      neverClosed: (name: string, fence: string) => `${code(name)} is never closed; end it with a line of ${code(fence)}`,
      closedByOuter: (name: string, line: number, outer: string, fence: string) =>
        `${code(name)} is never closed: the fence on line ${line} closes ${code(outer)} first. A directive that holds others needs more colons: open and close ${code(outer)} with ${code(fence)}`,
      /** A node left open: the next node was read as inside it. */
      nodeNotClosed: (node: string, fence: string, next: string, line: number) =>
        `${node} is never closed, so ${next} on line ${line} is read as inside it; end it with a line of ${code(fence)} before line ${line}`,
      braceNeverClosed: () => 'This `{` is never closed: MDX reads `{` as the start of code; write `\\{` for the brace itself',
      braceNotCode: (excerpt: string) =>
        `MDX reads ${code(excerpt)} as code, and it is not; write \`\\{\` for a brace, or \`{/* … */}\` for a comment`,
      lessThan: (written: string) => ({
        message: `MDX reads ${code(written)} as the start of an element (a tag); write \`\\<\` for the \`<\` itself`,
        expected: ['\\<'],
      }),
      autolink: (url: string) => ({
        message: `MDX has no \`<…>\` links; write the address as it is (${code(url)}) or as \`[text](${url})\``,
        expected: [url],
      }),
      closingTagMismatch: (closing: string, opening: string, line: number, column: number) => ({
        message: `Closing tag ${code(`</${closing}>`)} does not match ${code(`<${opening}>`)} (line ${line}, column ${column}); write ${code(`</${opening}>`)}`,
        expected: [`</${opening}>`],
      }),
      elementNeverClosed: (name: string) => `Element ${code(`<${name}>`)} is never closed; add ${code(`</${name}>`)} where it ends`,
      /** `{:.class}` and the like: kramdown's attributes, which MDX reads as code. */
      kramdownAttributes: () =>
        'This line looks like kramdown attributes (`{:.class}`), which guides do not use and MDX reads as code; delete the line (for a callout, use `:::note` … `:::`)',
      /** `::match[Lost {account id}]`: MDX reads the braces of a pattern as code first. */
      placeholderUnreadable: (written: string) =>
        `${code(written)} is not a placeholder: a placeholder is a name in braces, without spaces, such as \`{id}\`; write \`\\{\` for a brace itself`,
      braceInExample: (written: string) =>
        `MDX reads ${code(written)} in this example as code; write \`\\{\` and \`\\}\` for the braces of a pasted line`,
      attributesUnreadable: () =>
        'The attributes of this directive cannot be read: quote each value, and put a value that contains `"` in single quotes, as in `title=\'Press "Resume"\'`',
      /** Any other MDX error, with the parser's words and the usual cause. */
      mdx: (reason: string) =>
        `Cannot parse MDX: ${reason} (MDX reads \`<\` as a tag and \`{\` as code: write \`\\<\` or \`\\{\` for the characters themselves)`,
      yaml: (reason: string, duplicateKey: boolean) =>
        `Invalid YAML in frontmatter: ${reason}${duplicateKey ? '; delete one of the two' : ' (put a value in quotes when it contains `: ` or starts with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `@` or `%`)'}`,
    },
  },
  'unreadable-file': {
    severity: 'error',
    summary: 'a file that cannot be read or is not UTF-8',
    messages: {
      cannotRead: (reason: string) => `Cannot read this file (${reason}); check its permissions`,
      notUtf8: () => 'This file is not valid UTF-8 from here on; save it with UTF-8 encoding',
      wrongEncoding: (encoding: string) =>
        `This file is saved as ${encoding}; save it as UTF-8 (in most editors: Save with Encoding, UTF-8)`,
      notRegular: (what: string) => `This is ${what}, not a regular file, so it is not read; a guide file must be a regular \`.mdx\` file`,
      linkedFolder: () =>
        'This folder is a symbolic link, and Signpost does not follow links to folders; move the folder here, or delete the link',
      otherFileSystem: () =>
        'This folder is on another file system (a mount point), which Signpost does not walk into; copy the guide here',
      hardLink: (names: number) =>
        `This file is a hard link (one file with ${names} names, which may be outside the guide folder), so it is not read; replace it with a copy of the file`,
      linkMissing: () => 'This symbolic link points to a file that does not exist; fix or delete the link',
      linkOutside: () => 'This symbolic link points outside the guide folder; copy the file into the guide instead',
    },
  },
  'empty-guide': {
    severity: 'error',
    summary: 'a guide folder with no nodes',
    messages: {
      noGuideHere: () => 'No guide here; create `<guide-slug>/index.mdx` in this folder',
      noFiles: (slug: string, index: string) =>
        `Guide ${code(slug)} has no \`.mdx\` files; add ${code(index)} with its metadata and first node`,
      noNodes: (slug: string) => `Guide ${code(slug)} has no nodes; add one, such as \`:::step{#start title="…" next="…"}\``,
    },
  },
  'missing-support': {
    severity: 'error',
    summary: 'an escalation with no words of its own in a guide without a support contact',
    messages: {
      noContact: (id: string) =>
        `${code(id)} escalates to support, but the guide names no contact; add \`support:\` with an \`email\` or \`url\` to the frontmatter of index.mdx, or say in the escalation whom to contact`,
    },
  },
  'limit-exceeded': {
    severity: 'error',
    summary: 'a file, paragraph, nesting, question or guide past the limits that keep checks and builds fast',
    messages: {
      tableCells: (most: number) =>
        `This file has over ${most} table cells (\`|\`) by this line; split its tables into several files or shorter tables`,
      fileSize: (size: string, most: number) =>
        `This file is ${size}; a guide file may hold at most ${most} KB: split it into several files`,
      blockChars: (line: number, most: number) =>
        `The block of lines starting at line ${line} is over ${most} characters; separate its paragraphs with blank lines or shorten it`,
      inlineMarkers: (line: number, most: number) =>
        `The block of lines starting at line ${line} has over ${most} \`*\`, \`_\`, \`[\` and \`<\`; split it into shorter paragraphs`,
      indent: (columns: number, most: number) =>
        `This line is indented ${columns} columns; at most ${most}: nest lists and quotes less deeply`,
      quotes: (depth: number, most: number) => `Blockquotes nest ${depth} deep here; at most ${most}`,
      lineContainers: (count: number, most: number) =>
        `This line opens or continues ${count} lists and blockquotes; at most ${most}: nest them less deeply`,
      fence: (colons: number, most: number) => `This fence has ${colons} colons; at most ${most}: nest directives less deeply`,
      directiveDepth: (depth: number, most: number) =>
        `Directives nest ${depth} deep here; at most ${most}: close the ones above with a line of colons (\`:::\`) before opening more`,
      elementDepth: (most: number) =>
        `Over ${most} HTML elements are open here, one inside another (\`<details>\` in \`<details>\`); close elements before opening more`,
      treeDepth: (most: number, deepest: number) =>
        `Content here is nested more than ${most} levels deep (${deepest} at the deepest): lists, quotes, directives, elements or emphasis inside one another; nest them less deeply`,
      tooDeepToParse: () => 'This file nests too deeply to parse; nest lists, quotes and directives less deeply',
      yamlBrackets: (most: number) =>
        `The frontmatter holds over ${most} \`[\` and \`{\`; write each field as \`name: value\`, and put text that holds brackets in quotes`,
      yamlLineIndicators: (count: number, most: number) =>
        `This frontmatter line nests ${count} lists or keys (\`- \`, \`? \`); at most ${most}: write one field a line`,
      yamlAliases: (most: number) =>
        `The aliases (\`*name\`) of this frontmatter expand to more than ${most} values; write the values out instead`,
      yamlTooLarge: () => 'The frontmatter is too large or nests too deeply to read; write each field as `name: value`',
      options: (id: string, count: number, most: number) =>
        `Question ${code(id)} has ${count} answers; at most ${most}: group them under further questions`,
      guideNodes: (slug: string, most: number) =>
        `Guide ${code(slug)} has more than ${most.toLocaleString('en')} nodes from this one on; split it into several guides`,
      guideAnswers: (slug: string, most: number) =>
        `Guide ${code(slug)} has more than ${most.toLocaleString('en')} answers by this node; split it into several guides, or group answers under further questions`,
      guideFiles: (slug: string, most: number) =>
        `Guide ${code(slug)} has over ${most.toLocaleString('en')} \`.mdx\` files; split it into several guides`,
      guideBytes: (slug: string, megabytes: number) =>
        `Guide ${code(slug)} holds over ${megabytes} MB of \`.mdx\` files; split it into several guides`,
      guideEntries: (slug: string, most: number) =>
        `Guide folder ${code(slug)} holds over ${most.toLocaleString('en')} files and folders; a guide folder holds its \`.mdx\` files and images: check that this is the folder you meant`,
      folderDepth: (depth: number, most: number) =>
        `This folder is ${depth} folders deep in the guide; at most ${most}: keep a guide's files in fewer levels of folders`,
      // Files a guide links to or shows (core/parse/linked-file.ts).
      linkedFileSize: (path: string, megabytes: string, most: number) =>
        `${code(path)} is ${megabytes} MB; a file a guide links to or shows may hold at most ${most} MB: make it smaller, or publish it elsewhere and link to its address`,
      imageSide: (path: string, width: number, height: number, most: number) =>
        `Image ${code(path)} is ${width} × ${height} pixels; at most ${most.toLocaleString('en')} pixels a side: scale it down (a page shows it at most 736 pixels wide)`,
      imagePixels: (path: string, width: number, height: number, most: number) =>
        `Image ${code(path)} is ${width} × ${height} pixels (${Math.round((width * height) / 1_000_000)} megapixels); at most ${most / 1_000_000} megapixels: scale it down (a page shows it at most 736 pixels wide)`,
    },
  },
  'unsafe-url': {
    severity: 'error',
    summary: 'a link, image or component URL with a protocol other than http, https, mailto or tel',
    messages: {
      protocol: (what: 'link' | 'image', shown: string, protocols: readonly string[]) =>
        `This ${what} URL ${code(shown)} uses a protocol pages may not carry; use ${protocols.map((p) => code(`${p}:`)).join(', ')} or a relative URL`,
      attribute: (attribute: string, component: string, shown: string, protocols: readonly string[]) =>
        `${code(attribute)} of ${code(component)} is the URL ${code(shown)}, whose protocol pages may not carry; use ${protocols.map((p) => code(`${p}:`)).join(', ')} or a relative URL`,
    },
  },
  'unsupported-mdx': {
    severity: 'error',
    summary: 'an import, export, expression or component outside the allowed set',
    messages: {
      esm: () => '`import` and `export` are not supported in guides; use Markdown, directives and the allowed elements',
      expression: () => 'Expressions in braces are not supported; write `\\{` for a literal brace, or `{/* … */}` for a comment',
      element: (name: string | undefined, allowed: readonly string[]) =>
        `${name ? `Element ${code(`<${name}>`)} is` : 'A fragment `<>` is'} not supported in guides; use Markdown or one of ${allowed.map((a) => code(`<${a}>`)).join(', ')}`,
      spread: (element: string) =>
        `Spread attributes are not supported on ${code(`<${element}>`)}; write each attribute as \`name="value"\``,
      attribute: (name: string, element: string, allowed: readonly string[]) =>
        `Attribute ${code(name)} is not allowed on ${code(`<${element}>`)}; ${allowed.length ? `it takes ${codes(allowed)}` : 'it takes no attributes'}`,
      attributeExpression: (name: string, element: string) =>
        `Attribute ${code(name)} on ${code(`<${element}>`)} must be plain text in quotes, not an expression`,
    },
  },
  'missing-alt': {
    severity: 'error',
    summary: 'an image without alt text saying what it shows',
    messages: {
      /** `how` shows the writer how to add it, in the syntax they used. */
      missing: (how: string) => `This image has no alt text; say what it shows for readers who cannot see it: ${how}`,
    },
  },
  'broken-image': {
    severity: 'error',
    summary: 'an image or video whose file is missing, outside the guide or of the wrong type',
    messages: {
      ...FILE_MESSAGES,
      notANode: (id: string) => `An image cannot show node ${code(id)}; give the image file beside the guide, such as \`./img/screen.png\``,
      notBeside: (component: string, url: string) =>
        `${code(component)} plays files beside the guide only, not ${code(url)}; save the file in the guide folder and give its path, such as \`./video/demo.mp4\``,
      wrongType: (attribute: string, component: string, extensions: readonly string[], path: string) =>
        `${code(attribute)} of ${code(component)} must be a ${extensions.map((ext) => code(`.${ext}`)).join(', ')} file, not ${code(path)}`,
      notAnImage: (path: string, extensions: readonly string[]) =>
        `${code(path)} is not an image Signpost shows; use a ${extensions.map((ext) => code(`.${ext}`)).join(', ')} file`,
    },
  },
  'broken-link': {
    severity: 'error',
    summary: 'a link to a file or page that does not exist, or a footnote defined outside its node',
    messages: {
      ...FILE_MESSAGES,
      footnoteOutside: (id: string, node: string) =>
        `Footnote \`[^${id}]\` is defined outside ${node}; move \`[^${id}]: …\` into this node, whose page shows only its own footnotes`,
      guideFile: (path: string) => `${code(path)} is a guide file, not a page; link to a node with \`[text](#node-id)\``,
      noSuchNode: (id: string, guide: string, proposal: string | undefined) =>
        `Cannot find node ${code(id)} in guide ${code(guide)}${proposal ? `; did you mean ${code(proposal)}?` : ''}`,
      noSuchPage: (path: string) =>
        `Cannot find page ${code(path)} on the site: no guide page, file in \`public/\` or page in \`src/pages/\` has this path; link to a node of this guide with \`[text](#node-id)\`, or correct the path`,
    },
  },
  'empty-content': {
    severity: 'error',
    summary: 'a node, details or tab whose content is only comments or whitespace',
    messages: {
      component: (name: string) => `${code(name)} shows nothing; write its content between its fences, or delete it`,
      node: (node: string) => `The content of ${node} is only comments, which readers do not see; write the content, or delete the comment`,
    },
  },
  'literal-syntax': {
    severity: 'warning',
    summary: 'Markdown from another tool that readers would see as written (kramdown `{:.class}`, a footnote without definition)',
    messages: {
      referenceLink: (label: string, reference: string) =>
        `Link \`[${label}][${reference}]\` has no definition and would be shown to readers as written; add \`[${reference}]: https://…\` on a line of its own, or write the link as \`[${label}](https://…)\``,
      footnote: (id: string) =>
        `Footnote \`[^${id}]\` has no definition and would be shown to readers as written; add \`[^${id}]: …\` in the same node`,
    },
  },
  'missing-folder': {
    severity: 'error',
    summary: 'a folder given to `check` that does not exist',
    messages: {
      notFound: () => 'Cannot find this folder; give the folder that holds your guides (default `guide`)',
      isFile: () => 'This is a file; give the folder of a guide, or the folder that holds guides',
      cannotRead: (reason: string) => `Cannot read this folder (${reason}); check its permissions`,
    },
  },
  'skipped-file': {
    severity: 'warning',
    summary: 'a hidden `.mdx` file or folder of them (`.name`), which check and the build do not read',
    messages: {
      hiddenFolder: (name: string) =>
        `Folder ${code(name)} is hidden (its name starts with \`.\`), so its \`.mdx\` files are not read; rename it without the dot to include them`,
      hiddenFile: (name: string) =>
        `File ${code(name)} is hidden (its name starts with \`.\`), so it is not read; rename it without the dot to include it`,
    },
  },
  'removed-id': {
    severity: 'error',
    summary: 'a node id published before (`check --since`) that no node has or claims in `moved-from`',
    messages: {
      removed: (id: string, guide: string, was: string) =>
        `Node ${code(id)} (${was}) is gone, and links to \`/${guide}/${id}/\` will find nothing; add \`moved-from="${id}"\` to the node that replaces it`,
      renamed: (id: string, node: string) => ({
        message: `${node} looks like the renamed ${code(id)}: add \`moved-from="${id}"\`, so that links to the old id still lead here`,
      }),
    },
  },
} as const satisfies Record<string, RuleEntry>;

type Catalogue = typeof CATALOGUE;
export type RuleId = keyof Catalogue;

/** The rules by id: severity and summary (and message builders). */
export const RULES: { readonly [R in RuleId]: Catalogue[R] } = CATALOGUE;

/** The rule ids, in the catalogue's order. */
export const RULE_IDS = Object.keys(CATALOGUE) as RuleId[];

/** A problem as a rule states it, before it has a place. */
export interface Finding {
  rule: RuleId;
  message: string;
  /** Replacements for the text at the problem's place, best first (unified's `expected`). */
  expected?: string[];
}

type MessagesOf<R extends RuleId> = Catalogue[R]['messages'];
type ArgsOf<F> = F extends (...args: infer A) => Built ? A : never;

/** Builds a rule's message from the catalogue: `say('dead-end', 'noWayOn', 'check-cable')`. */
export function say<R extends RuleId, K extends keyof MessagesOf<R> & string>(rule: R, key: K, ...args: ArgsOf<MessagesOf<R>[K]>): Finding {
  const builder = CATALOGUE[rule].messages[key as never] as (...args: unknown[]) => Built;
  const built = builder(...args);
  return typeof built === 'string' ? { rule, message: built } : { rule, ...built };
}

/** Where a rule's documentation ships: `docs/<rule>.md` beside this module. */
export function ruleDocsFile(rule: RuleId): string {
  return fileURLToPath(new URL(`./docs/${rule}.md`, import.meta.url));
}

/**
 * Where a rule is explained, for editors (a vfile's `url`), JSON and SARIF (`helpUri`). With
 * `SIGNPOST_DOCS_URL` set, a web page: `{rule}` in it is replaced by the rule id, else `#rule`
 * is added (`https://example.com/docs/authoring.md` → `…/authoring.md#dangling-target`).
 * Without it, the rule's page in the installed package, as a `file:` URL an editor opens.
 */
export function ruleUrl(rule: RuleId, docsUrl: string | undefined = process.env['SIGNPOST_DOCS_URL']): string {
  if (docsUrl) return docsUrl.includes('{rule}') ? docsUrl.replaceAll('{rule}', rule) : `${docsUrl.replace(/#.*$/, '')}#${rule}`;
  return pathToFileURL(ruleDocsFile(rule)).href;
}

/** The command that prints a rule's documentation, as the human report names it. */
export function explainCommand(rule: RuleId): string {
  return `npx signpost explain ${rule}`;
}
