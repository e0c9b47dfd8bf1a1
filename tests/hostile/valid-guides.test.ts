/**
 * "Passes check ⇒ builds", as a property: random guides that are valid by construction
 * (random graphs of questions, steps and outcomes, random rich content, split over files)
 * pass `check` without an error, and every page of each renders in-process with the page
 * model. Seeded and bounded; `FUZZ_RUNS` and `FUZZ_SEED` as in fuzz.test.ts. The real Astro
 * build of generated guides is tested with the site (tests/site/).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides } from '../../plugins/signpost/src/core/index.ts';
import { pageGuide, SitePaths } from '../../plugins/signpost/src/render/site-model.ts';
import { renderMaps } from '../../plugins/signpost/src/render/map.ts';

const RUNS = Math.max(20, Math.round(Number(process.env['FUZZ_RUNS'] ?? 300) / 5));
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261126);

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-valid-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

type Kind = 'question' | 'step' | 'error' | 'instructions';

const WORDS = ['router', 'light', 'cable', 'restart', 'token', 'account', 'login', 'error', 'signal', 'update'];
const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));

/** Inline Markdown and allowed elements; `ids` are the guide's node ids, for `:link`. */
function inline(ids: string[]): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        words,
        words.map((text) => `*${text}*`),
        words.map((text) => `**${text}**`),
        words.map((text) => `\`${text}\``),
        words.map((text) => `[${text}](https://example.com/${text.replace(/ /g, '-')})`),
        fc.tuple(words, fc.nat()).map(([text, index]) => `:link[${text}]{to="${ids[index % ids.length]}"}`),
        fc.constantFrom(
          '<kbd>Ctrl</kbd>',
          '<abbr title="Wireless">Wi-Fi</abbr>',
          'H<sub>2</sub>O',
          'x<sup>2</sup>',
          '<mark>note</mark>',
          '\\{braces\\}',
          'at 10:30',
          '<br />',
        ),
        fc.constantFrom(
          '![a router](https://example.com/router.png)',
          '<img src="https://example.com/router.png" alt="A router" width="40" />',
        ),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join(' '));
}

/** Blocks of rich content for a node whose own fence has 5 colons (callouts use 3). */
function blocks(ids: string[]): fc.Arbitrary<string[]> {
  const text = inline(ids);
  const list = fc
    .tuple(fc.constantFrom('-', '*', '1.'), fc.array(text, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([marker, items, nestedList]) =>
      items.map((item, index) => `${marker} ${item}${nestedList && index === 0 ? `\n\n   - ${item}\n     - ${item}` : ''}`).join('\n'),
    );
  return fc.array(
    fc.oneof(
      text,
      list,
      text.map((line) => `> ${line}\n>\n> > ${line}`),
      fc.tuple(fc.constantFrom('sh', 'text', ''), text).map(([lang, code]) => `\`\`\`${lang}\n${code}\n:::not-a-directive\n\`\`\``),
      fc
        .tuple(fc.constantFrom('note', 'tip', 'caution', 'danger'), text, fc.boolean())
        .map(([name, body, label]) => `:::${name}${label ? '[Heads up]' : ''}\n${body}\n:::`),
      text.map((body) => `<details>\n<summary>More</summary>\n\n${body}\n\n</details>`),
      text.map((body) => `<figure>\n<img src="pic.png" alt="A picture" />\n<figcaption>${body}</figcaption>\n</figure>`),
      text.map((body) => `## ${body.replace(/[*`[\]!<>:{}\\]/g, '')}`),
      fc.constant('Note {/* a comment */}'),
      fc.constant('***'),
    ),
    { maxLength: 5 },
  );
}

interface Plan {
  kinds: Kind[];
  parents: number[];
  extra: [number, number][];
  files: number[];
  draft: boolean[];
  prompt: boolean[];
  leafOption: boolean[];
  escalate: ('none' | 'text' | 'bare')[];
  support: boolean;
  lang: string;
}

const plan: fc.Arbitrary<Plan> = fc.integer({ min: 1, max: 25 }).chain((n) =>
  fc.record({
    kinds: fc.array(fc.constantFrom<Kind>('question', 'step', 'error', 'instructions'), { minLength: n, maxLength: n }),
    parents: fc.array(fc.nat(), { minLength: n, maxLength: n }),
    extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: n }),
    files: fc.array(fc.nat({ max: 2 }), { minLength: n, maxLength: n }),
    draft: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    prompt: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    leafOption: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    escalate: fc.array(fc.constantFrom<'none' | 'text' | 'bare'>('none', 'text', 'bare'), { minLength: n, maxLength: n }),
    support: fc.boolean(),
    lang: fc.constantFrom('en', 'en-GB', 'pt-BR', 'de'),
  }),
);

/**
 * A valid graph from a plan: nodes in a line, edges only forward (so no loop), every node
 * but the first reached from an earlier question or step, every question or step with a way
 * on, the last node an outcome (so every walk ends at one).
 */
function graph(p: Plan): { kinds: Kind[]; targets: number[][] } {
  const n = p.kinds.length;
  const kinds = p.kinds.map((kind, index): Kind => {
    if (index === n - 1) return kind === 'error' ? 'error' : 'instructions';
    if (index === 0) return kind === 'error' || kind === 'instructions' ? 'question' : kind;
    return kind;
  });
  const branch = (index: number) => kinds[index] === 'question' || kinds[index] === 'step';
  const targets: number[][] = kinds.map(() => []);
  for (let node = 1; node < n; node++) {
    const before = [...Array(node).keys()].filter(branch);
    targets[before[p.parents[node]! % before.length]!]!.push(node);
  }
  for (const [from, to] of p.extra) {
    const a = from % n;
    const b = a + 1 + (to % Math.max(1, n - a - 1));
    if (kinds[a] === 'question' && b < n && !targets[a]!.includes(b)) targets[a]!.push(b);
  }
  for (let node = 0; node < n; node++) {
    if (!branch(node)) continue;
    const later = n - node - 1;
    if (targets[node]!.length === 0) targets[node]!.push(node + 1 + (p.parents[node]! % later));
    if (targets[node]!.length >= 2) kinds[node] = 'question';
    if (kinds[node] === 'question' && targets[node]!.length < 2) {
      if (later >= 2)
        targets[node]!.push(
          ...[...Array(later).keys()]
            .map((k) => node + 1 + k)
            .filter((k) => !targets[node]!.includes(k))
            .slice(0, 1),
        );
      else kinds[node] = 'step';
    }
  }
  return { kinds, targets };
}

/** The MDX of each file of a guide built from a plan and the content of its nodes. */
function write(p: Plan, content: string[][]): Map<string, string> {
  const { kinds, targets } = graph(p);
  const ids = idsOf(kinds.length);
  const support = p.support ? 'support:\n  email: help@example.com\n  label: "Help \\"desk\\""\n' : '';
  const frontmatter = `---\ntitle: ${JSON.stringify(`Guide: ${ids.length} nodes`)}\nstart: start\nupdated: 2024-03-15\n${support}lang: ${p.lang}\n---\n`;
  const files = new Map<string, string[]>([['index.mdx', [frontmatter]]]);
  kinds.forEach((kind, index) => {
    const id = ids[index]!;
    const draft = p.draft[index] ? ' draft' : '';
    const body = (content[index] ?? []).join('\n\n');
    const escalate =
      p.escalate[index] === 'text'
        ? '\n\n::escalate[Call the help desk.]'
        : p.escalate[index] === 'bare' && p.support
          ? '\n\n::escalate'
          : '';
    let mdx: string;
    if (kind === 'question') {
      const options = targets[index]!.map((target, k) =>
        p.leafOption[index] || k % 2
          ? `::option[Answer ${k}]{to="${ids[target]}"}`
          : `::::option{to="${ids[target]}"}\nAnswer **${k}**\n::::`,
      );
      const prompt = p.prompt[index] ? ` prompt="Which one, ${index}?"` : '';
      mdx = `:::::question{#${id} title="Question ${index}"${prompt}${draft}}\n${body}\n\n${options.join('\n')}\n:::::`;
    } else if (kind === 'step') {
      mdx = `:::::step{#${id} title="Step ${index}" next="${ids[targets[index]![0]!]}"${draft}}\n${body}\n:::::`;
    } else if (kind === 'error') {
      mdx = `:::::error{#${id} title="Error ${index}: it failed" context="Dialog"${draft}}\n::alias[It failed, code ${index}]\n\n::::reason\nThe ${index} thing broke.\n\n${body}\n::::\n\n::::fix\nFix thing ${index}.\n::::${escalate}\n:::::`;
    } else {
      mdx = `:::::instructions{#${id} title="Instructions ${index}"${draft}}\n${body || 'Do it.'}${escalate}\n:::::`;
    }
    const file = index === 0 ? 'index.mdx' : ['index.mdx', 'more.mdx', 'sub/last.mdx'][p.files[index]!]!;
    files.set(file, [...(files.get(file) ?? []), mdx]);
  });
  return new Map([...files].map(([file, parts]) => [file, `${parts.join('\n\n')}\n`]));
}

/** Node ids by position: `start`, then `node-1`, `node-2`, … */
function idsOf(count: number): string[] {
  return Array.from({ length: count }, (_, index) => (index === 0 ? 'start' : `node-${index}`));
}

const guide = plan.chain((p) =>
  fc.tuple(
    fc.constant(p),
    fc.array(blocks(idsOf(p.kinds.length)), {
      minLength: p.kinds.length,
      maxLength: p.kinds.length,
    }),
  ),
);

let counter = 0;

/** A 1×1 PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('guides valid by construction', () => {
  it(`pass check and render every page (${RUNS} random guides)`, async () => {
    await fc.assert(
      fc.asyncProperty(guide, async ([p, content]) => {
        const dir = join(work, `g${counter++}`);
        for (const [file, text] of write(p, content)) {
          await mkdir(join(dir, file, '..'), { recursive: true });
          await writeFile(join(dir, file), text);
          // The image a `<figure>` shows, beside the file: a real PNG, since `check` reads its bytes.
          await writeFile(join(dir, file, '..', 'pic.png'), PIXEL);
        }
        const { problems, guides } = await checkGuides([dir]);
        expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
        const pages = pageGuide(guides[0]!, new SitePaths('/help/'));
        expect(pages.nodes.map((page) => page.node.id).toSorted()).toEqual(guides[0]!.nodes.map((node) => node.id).toSorted());
        expect(
          renderMaps(pages, new SitePaths('/help/'))
            .flatMap((map) => map.nodes)
            .toSorted(),
        ).toEqual(pages.nodes.map((page) => page.node.id).toSorted());
        for (const page of pages.nodes) {
          expect(page.body).not.toMatch(/<script|javascript:|on\w+=/i);
          if (page.node.kind === 'error') expect(page.reason).toContain('thing broke');
        }
        await rm(dir, { recursive: true, force: true });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
