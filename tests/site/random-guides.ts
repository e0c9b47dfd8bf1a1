/**
 * Random guides that are valid by construction, for "a guide that passes check builds":
 * random graphs of questions, steps, error and instructions cards (shared outcomes, answers
 * that loop back, links between nodes) spread over several files, holding random but allowed
 * content — lists, callouts, code, tables, links, allowed HTML elements, Unicode text.
 */
import fc from 'fast-check';

/** Words of several scripts, with the punctuation Markdown and MDX care about. */
const WORDS = [
  'router',
  'restart',
  'cable',
  'signal',
  'café',
  'naïve',
  'Straße',
  'smörgåsbord',
  '日本語',
  '设置',
  'Ελληνικά',
  'русский',
  'עברית',
  'العربية',
  'हिन्दी',
  '🚨',
  '👍🏽',
  '👩‍💻',
  'e\u0301',
  'x²',
  '½',
  '«quoted»',
  '“smart”',
  "it's",
  'a_b',
  'a*b',
  '#1',
  '50%',
  '10:30',
  'Status:ready',
  'C:\\Temp',
  '<tag>',
  '{braces}',
  '[brackets]',
  '|pipe|',
  '`tick`',
  '~tilde~',
  '&amp;',
  '---',
];

/** ASCII punctuation, which Markdown lets a backslash escape. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Text as it reads, escaped for Markdown and MDX, with no control characters or line breaks. */
function inline(text: string): string {
  return (
    text
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(PUNCTUATION, '\\$&')
      .trim() || 'text'
  );
}

/** A title for an attribute: letters, digits and spaces of any script. */
function titleText(text: string): string {
  return text
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((list) => list.join(' '));
/** Random text: the word list, or arbitrary Unicode (escaped). */
const text = fc.oneof(
  words(1, 8),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
);
const title = fc.tuple(words(1, 4), fc.string({ unit: 'grapheme', maxLength: 12 })).map(([a, b]) => titleText(`${a} ${b}`) || 'Untitled');

/** One block of a node's content; `ids` are the nodes a `:link` may name. */
function block(ids: string[]): fc.Arbitrary<string> {
  const target = fc.constantFrom(...ids);
  const paragraph = fc
    .array(
      fc.oneof(
        text.map(inline),
        text.map((t) => `**${inline(t)}**`),
        text.map((t) => `*${inline(t)}*`),
        text.map((t) => `~~${inline(t)}~~`),
        fc.constantFrom('`const x = a < b && {c}`', '`<script>`', '`{1+1}`'),
        fc
          .tuple(
            text,
            fc.constantFrom('https://example.com/a?b=c&d=e', 'http://example.org/', 'mailto:help@example.com', 'tel:+15550100', '/'),
          )
          .map(([t, url]) => `[${inline(t)}](${url})`),
        fc.tuple(text, target).map(([t, id]) => `:link[${inline(t)}]{to="${id}"}`),
        fc.constantFrom(
          '<kbd>Ctrl</kbd>+<kbd>C</kbd>',
          '<mark>marked</mark>',
          'H<sub>2</sub>O',
          'x<sup>2</sup>',
          '<abbr title="Wireless network">Wi-Fi</abbr>',
          'one<br />two',
          '<small>small</small>',
          '<samp>OK</samp>',
          '<code>raw</code>',
        ),
        fc.constantFrom('https://example.com/autolink', '{/* a comment */}', '\\<5 seconds', '\\{name\\}'),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join(' '));
  const list = fc
    .tuple(fc.boolean(), fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.option(paragraph, { nil: undefined }))
    .map(
      ([ordered, items, nested]) =>
        items.map((item, index) => `${ordered ? `${index + 1}.` : '-'} ${item}`).join('\n') + (nested ? `\n   - ${nested}` : ''),
    );
  const tasks = fc
    .array(fc.tuple(fc.boolean(), paragraph), { minLength: 1, maxLength: 3 })
    .map((items) => items.map(([done, item]) => `- [${done ? 'x' : ' '}] ${item}`).join('\n'));
  const code = fc
    .tuple(
      fc.constantFrom('', 'js', 'sh', 'json', 'text'),
      fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 4 }),
    )
    .map(([lang, lines]) => {
      const body = lines.map((line) => line.replace(/`/g, "'").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')).join('\n');
      // A block of spaces is no content: a Reason of one would be empty.
      return `\`\`\`${lang}\n${body.trim() ? body : 'ok'}\n\`\`\``;
    });
  const table = fc
    .array(fc.tuple(text, text), { minLength: 1, maxLength: 3 })
    .map(
      (rows) =>
        `| ${'Key'} | ${'Value'} |\n| --- | --- |\n${rows.map(([a, b]) => `| ${inline(a).replace(/\|/g, '\\|')} | ${inline(b).replace(/\|/g, '\\|')} |`).join('\n')}`,
    );
  const callout = fc
    .tuple(fc.constantFrom('note', 'tip', 'caution', 'danger'), fc.option(text, { nil: undefined }), paragraph)
    .map(([kind, label, body]) => `:::${kind}${label === undefined ? '' : `[${inline(label)}]`}\n${body}\n:::`);
  const image = text.map((alt) => `![${inline(alt)}](https://example.com/picture.png)`);
  const details = paragraph.map((body) => `<details>\n<summary>More</summary>\n\n${body}\n\n</details>`);
  const quote = paragraph.map((body) => `> ${body}`);
  const heading = fc.tuple(fc.integer({ min: 2, max: 4 }), text).map(([level, t]) => `${'#'.repeat(level)} ${inline(t)}`);
  // A footnote is called and defined in the same node: a node's page shows only its own.
  const footnote = fc.constant('See the note[^1].\n\n[^1]: A footnote.');
  return fc.oneof(paragraph, list, tasks, code, table, callout, image, details, quote, heading, footnote);
}

const content = (ids: string[], max = 4) => fc.array(block(ids), { maxLength: max }).map((blocks) => blocks.join('\n\n'));

type Kind = 'question' | 'step' | 'error' | 'instructions';

interface Shape {
  kind: Kind;
  /** Targets: for a question its answers (the first leads on in the tree), for a step its next. */
  to: string[];
}

/**
 * A graph that passes the graph rules: a random tree from the start whose leaves are outcomes
 * (so every node reaches one), plus answers that lead to any other node, including back; the
 * answers of one question lead to different nodes (else `duplicate-answer`).
 */
const shapes = fc
  .record({
    size: fc.integer({ min: 3, max: 18 }),
    rolls: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 80, maxLength: 80 }),
  })
  .map(({ size, rolls }) => {
    let r = 0;
    const roll = () => rolls[r++ % rolls.length]!;
    const nodes: Shape[] = [];
    const open: number[] = [0];
    nodes.push({ kind: 'question', to: [] });
    // Each open node gets children until the size is reached; what stays open becomes an outcome.
    while (open.length > 0 && nodes.length < size) {
      const at = open.shift()!;
      const room = size - nodes.length;
      const kind: Kind = at === 0 || (room >= 2 && roll() < 0.6) ? 'question' : 'step';
      const count = kind === 'question' ? Math.min(2 + Math.floor(roll() * 3), Math.max(room, 1)) : 1;
      nodes[at]!.kind = kind;
      for (let index = 0; index < count; index++) {
        nodes.push({ kind: 'question', to: [] });
        nodes[at]!.to.push(`n${nodes.length - 1}`);
        open.push(nodes.length - 1);
      }
    }
    for (const index of open) nodes[index]!.kind = roll() < 0.5 ? 'error' : 'instructions';
    const ids = nodes.map((_, index) => `n${index}`);
    const outcomes = ids.filter((_, index) => nodes[index]!.kind === 'error' || nodes[index]!.kind === 'instructions');
    nodes.forEach((node, index) => {
      // Answers of one question lead to different nodes, none back to the question itself.
      const free = (from: string[]) => from.filter((id) => id !== ids[index] && !node.to.includes(id));
      const pick = (from: string[]) => from[Math.floor(roll() * from.length)]!;
      // A question needs two answers: the tree may have given it one.
      if (node.kind === 'question') {
        while (node.to.length < 2) node.to.push(pick(free(outcomes).length > 0 ? free(outcomes) : free(ids)));
      }
      // Now and then an answer more, to any other node: shared outcomes, and loops back.
      if (node.kind === 'question' && roll() < 0.4 && free(ids).length > 0) node.to.push(pick(free(ids)));
    });
    return nodes;
  });

interface GuideFiles {
  slug: string;
  /** File name → text. */
  files: Record<string, string>;
  ids: string[];
}

/** One guide: frontmatter, and its nodes spread over one to three files. */
export const randomGuide = (slug: string): fc.Arbitrary<GuideFiles> =>
  shapes.chain((nodes) => {
    const ids = nodes.map((_, index) => `n${index}`);
    const node = (shape: Shape, index: number) =>
      fc
        .record({
          title,
          prompt: fc.option(title, { nil: undefined }),
          labels: fc.array(text, { minLength: shape.to.length, maxLength: shape.to.length }),
          body: content(ids),
          reason: content(ids, 2),
          fix: content(ids, 2),
          escalate: fc.constantFrom('none', 'leaf', 'container', 'bare'),
          aliases: fc.array(title, { maxLength: 2 }),
          draft: fc.boolean().map((draft) => draft && index > 0),
          leafOptions: fc.boolean(),
          file: fc.integer({ min: 0, max: 2 }),
        })
        .map((n) => {
          const id = ids[index]!;
          // Titles and aliases of error cards must differ: each carries the card's id.
          const nodeTitle = shape.kind === 'error' ? `${n.title} ${id}` : n.title;
          const attributes = [`#${id}`, `title="${nodeTitle}"`];
          if (shape.kind === 'question' && n.prompt) attributes.push(`prompt="${n.prompt}?"`);
          if (shape.kind === 'step') attributes.push(`next="${shape.to[0]}"`);
          const parts: string[] = [];
          if (n.body) parts.push(n.body);
          if (shape.kind === 'question') {
            // Answers differ from each other: each carries its number.
            const options = shape.to.map((to, position) => {
              const label = `${inline(n.labels[position]!)} (${position + 1})`;
              return n.leafOptions ? `::option[${label}]{to="${to}"}` : `:::option{to="${to}"}\n${label}\n:::`;
            });
            parts.push(options.join('\n'));
          }
          if (shape.kind === 'error') {
            parts.unshift(...n.aliases.map((alias, position) => `::alias[${alias} ${id} alias ${position + 1}]`));
            parts.push(`::::reason\n${n.reason || 'It broke.'}\n::::`, `::::fix\n${n.fix || 'Mend it.'}\n::::`);
          }
          if (shape.kind === 'error' || shape.kind === 'instructions') {
            if (n.escalate === 'leaf') parts.push('::escalate[Call the help desk.]');
            if (n.escalate === 'container') parts.push(`::::escalate\n${n.fix || 'Write to us.'}\n::::`);
            if (n.escalate === 'bare') parts.push('::escalate');
          }
          return {
            file: index === 0 ? 0 : n.file,
            text: `:::::${shape.kind}{${attributes.join(' ')}${n.draft ? ' draft' : ''}}\n${parts.join('\n\n')}\n:::::\n`,
          };
        });
    return fc
      .tuple(title, fc.constantFrom('en', 'en-GB', 'fr', 'de', 'pt-BR', 'ja'), ...nodes.map(node))
      .map(([guideTitle, lang, ...made]) => {
        const frontmatter = `---\ntitle: ${JSON.stringify(guideTitle)}\nstart: n0\nlang: ${lang}\nsupport:\n  email: help@example.com\n---\n\n`;
        const files: Record<string, string> = {};
        for (const { file, text: nodeText } of made) {
          const name = file === 0 ? 'index.mdx' : `part-${file}.mdx`;
          files[name] = `${files[name] ?? (file === 0 ? frontmatter : '')}${nodeText}\n`;
        }
        return { slug, files, ids };
      });
  });
