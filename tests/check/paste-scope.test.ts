/**
 * Where a paste is made (render/paste-scope.ts): the cards each page of a guide reaches, as its
 * <html> names them, the `within` targets that apply there, and the answers on the shortest way
 * to each card. On guides written here, checked, and turned into pages, as the build does.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGuides } from '../../plugins/signpost/src/core/index.ts';
import { pageGuide, SitePaths, type PageGuide } from '../../plugins/signpost/src/render/site-model.ts';
import {
  answerList,
  guideScope,
  pageScope,
  pastePaths,
  twinBranch,
  waysByQuestion,
} from '../../plugins/signpost/src/render/paste-scope.ts';
import { UI_STRINGS } from '../../plugins/signpost/src/render/strings.ts';
import { pasteData, pasteSources, readScope } from '../../plugins/signpost/src/render/paste-data.ts';

const work = await mkdtemp(join(tmpdir(), 'signpost-scope-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** A card of a branch: its message names the branch and the number, so each is its own. */
const errorCard = (id: string, message: string, extra = '') =>
  `::::error{#${id} title="${message}"}\n${extra}\n:::reason\nA cause.\n:::\n\n:::fix\nA fix.\n:::\n::::\n`;

/**
 * Two versions' branches of 20 cards each (40 cards: more than one 32-bit word of bits), a card
 * of version 6 that goes on back to the start ("No, start over"), a step of version 5 whose text
 * links to a card of a third branch, and the same license message in each version, scoped.
 */
async function guide(): Promise<PageGuide> {
  const dir = join(work, 'guide', 'product');
  await mkdir(dir, { recursive: true });
  const branch = (version: number) =>
    Array.from({ length: 20 }, (_, index) => `::option[Code ${index}]{to="v${version}-c${index}"}`).join('\n');
  const cards = (version: number) =>
    Array.from({ length: 20 }, (_, index) =>
      errorCard(
        `v${version}-c${index}`,
        `Version ${version} failed with code ${index}`,
        `::match[Version ${version} failed with code ${index}]`,
      ),
    ).join('\n');
  await writeFile(
    join(dir, 'index.mdx'),
    `---
title: Product
start: version
---

::::question{#version title="Which version?"}
::option[Version 5]{to="v5"}
::option[Version 6]{to="v6"}
::option[Version 7]{to="v6"}
::option[Other]{to="other"}
::::

::::question{#v5 title="Version 5: which code?"}
${branch(5)}
::option[Something else]{to="v5-step"}
::option[The license]{to="v5-license"}
::::

:::step{#v5-step title="Look at the log" next="v5-c0"}
If it says it is offline, see [Offline](#offline).
:::

::::question{#v6 title="Version 6: which code?"}
${branch(6)}
::option[The license]{to="v6-license"}
::::

::::question{#other title="Other: what does it say?"}
::option[Offline]{to="offline"}
::option[Nothing]{to="nothing"}
::::

${cards(5)}
${cards(6)}
::::error{#v5-license title="License refused"}
::match[License refused]{within="v5"}
:::reason
A cause.
:::

:::fix
A fix.
:::
::::

::::error{#v6-license title="License refused"}
::match[License refused]{within="v6"}
:::reason
A cause.
:::

:::fix
A fix.
:::

:::option{to="nothing"}
Yes
:::

:::option{to="version"}
No, start over
:::
::::

${errorCard('offline', 'The product is offline')}
${errorCard('nothing', 'Nothing happens')}
`,
  );
  const { guides, problems } = await checkGuides([join(work, 'guide')]);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return pageGuide(guides[0]!, new SitePaths('/'));
}

/** A second guide, of two cards, on a site of its own before the product's guide. */
async function otherGuide(): Promise<PageGuide> {
  const dir = join(work, 'other', 'network');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'index.mdx'),
    `---
title: Network
start: which
---

::::question{#which title="What does it say?"}
::option[Offline]{to="net-offline"}
::option[Slow]{to="net-slow"}
::::

${errorCard('net-offline', 'The product is offline', '::match[The product is offline]')}
${errorCard('net-slow', 'The network is slow')}
`,
  );
  const { guides, problems } = await checkGuides([join(work, 'other')]);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return pageGuide(guides[0]!, new SitePaths('/'));
}

const product = await guide();
const site = [product];
const cards = product.nodes.flatMap(({ node }) => (node.kind === 'error' ? [node.id] : []));
/** The ids of the cards a page's scope allows. */
const allowed = (id: string): string[] | undefined => {
  const scope = pageScope(site, 'product', id);
  if (!scope) return undefined;
  const read = readScope(pasteData(pasteSources(site, new SitePaths('/'))).data, scope['paste-cards'], scope['paste-within'])!;
  return cards.filter((_, index) => read.card(index));
};

describe("a page's scope", () => {
  it("is the cards of its branch, in ranges of the cards' numbers", () => {
    expect(allowed('v6')).toEqual([...Array.from({ length: 20 }, (_, index) => `v6-c${index}`), 'v6-license', 'nothing']);
    // The branch's cards stand together in reading order: one range.
    expect(pageScope(site, 'product', 'v6')!['paste-cards']).toMatch(/^\d+-\d+$/);
  });

  it('follows the links of the content too, but not an answer back to the start', () => {
    // v5's step links to `offline`, a card of the third branch; v6's license card goes back to the start.
    expect(allowed('v5')).toEqual([...Array.from({ length: 20 }, (_, index) => `v5-c${index}`), 'v5-license', 'offline']);
    expect(allowed('v5-step')).toEqual(['v5-c0', 'offline']);
    expect(allowed('v6-license')).toEqual(['v6-license', 'nothing']);
  });

  it("is every card of the guide on the start page and on an outcome, and every `within` target's patterns apply", () => {
    for (const page of ['version', 'v5-c3']) {
      expect(allowed(page), page).toEqual(cards);
      expect(pageScope(site, 'product', page)).toEqual({ 'paste-cards': `0-${cards.length - 1}`, 'paste-within': '0 1' });
    }
  });

  it("is never another guide's cards: on a site of two guides, each guide's pages match its own", async () => {
    const network = await otherGuide();
    const two = [network, product];
    const data = pasteData(pasteSources(two, new SitePaths('/'))).data;
    const allowedOn = (scope: ReturnType<typeof pageScope>) => {
      const read = readScope(data, scope!['paste-cards'], scope!['paste-within'])!;
      return data.id.filter((_, index) => read.card(index));
    };
    // The start page, an outcome, and the guide's pages of no one node (its error index, its map).
    for (const scope of [pageScope(two, 'product', 'version'), pageScope(two, 'product', 'v5-c3'), guideScope(two, 'product')]) {
      expect(allowedOn(scope)).toEqual(cards);
    }
    expect(allowedOn(pageScope(two, 'network', 'which'))).toEqual(['net-offline', 'net-slow']);
    expect(allowedOn(guideScope(two, 'network'))).toEqual(['net-offline', 'net-slow']);
    // Numbered after the first guide's two cards; its `within` targets are the product's own.
    expect(guideScope(two, 'product')).toEqual({ 'paste-cards': `2-${cards.length + 1}`, 'paste-within': '0 1' });
    expect(guideScope(two, 'nowhere')).toBeUndefined();
  });

  it('names the `within` targets whose patterns apply: above the node and on its branch', () => {
    const data = pasteData(pasteSources(site, new SitePaths('/'))).data;
    const license = (page: string, card: string) => {
      const scope = pageScope(site, 'product', page)!;
      return readScope(data, scope['paste-cards'], scope['paste-within'])!.pattern(cards.indexOf(card), 0);
    };
    expect(data.s).toEqual([
      [cards.indexOf('v5-license'), 0, 0],
      [cards.indexOf('v6-license'), 0, 1],
    ]);
    expect([license('v5', 'v5-license'), license('v5', 'v6-license')]).toEqual([true, false]);
    expect([license('v6', 'v5-license'), license('v6', 'v6-license'), license('v6-license', 'v6-license')]).toEqual([false, true, true]);
  });
});

describe('the answers that lead to each card', () => {
  it('are those of the shortest way from the start', () => {
    const { a = [], k = [] } = pastePaths(site);
    const path = (id: string) => {
      const answers: string[] = [];
      for (let at = k[cards.indexOf(id)]!; at >= 0; at = a[at]![0]) answers.unshift(a[at]![1]);
      return answers.join(' › ');
    };
    // Two answers lead to v6's branch: both are named.
    expect(path('v6-license')).toBe('Version 6 or Version 7 › The license');
    expect(path('v5-c7')).toBe('Version 5 › Code 7');
    expect(path('offline')).toBe('Other › Offline');
    // Each node on the ways once, however many cards it leads to.
    expect(a.filter(([, label]) => label === 'Version 5')).toHaveLength(1);
  });

  it('are listed short when many lead the same way', () => {
    const strings = UI_STRINGS.en;
    expect(answerList(['12'], strings)).toBe('12');
    expect(answerList(['12', '13'], strings)).toBe('12 or 13');
    expect(answerList(['12', '13', '14'], strings)).toBe('12, 13 or 14');
    expect(answerList(['12', '13', '14', '15', '16'], strings)).toBe('12, 13, 14 and 2 more');
  });

  it("name a question once among a page's ways in, with all its answers that lead there", () => {
    const ways = waysByQuestion(
      [
        { id: 'os', question: 'Which system?', answer: 'Windows 10' },
        { id: 'db', question: 'Which server?', answer: 'PostgreSQL 14' },
        { id: 'os', question: 'Which system?', answer: 'Windows 11' },
      ],
      UI_STRINGS.en,
    );
    expect(ways).toEqual([
      { id: 'os', question: 'Which system?', answer: 'Windows 10 or Windows 11' },
      { id: 'db', question: 'Which server?', answer: 'PostgreSQL 14' },
    ]);
  });

  it('tell apart the search results of cards that share their message, and only those', () => {
    expect(twinBranch(site, 'product', 'v5-license')).toBe('Version 5 › The license');
    expect(twinBranch(site, 'product', 'v6-license')).toBe('Version 6 or Version 7 › The license');
    expect(twinBranch(site, 'product', 'v5-c7')).toBeUndefined();
    expect(twinBranch(site, 'product', 'v5')).toBeUndefined();
  });
});
