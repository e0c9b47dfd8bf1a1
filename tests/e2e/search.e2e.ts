import { mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides, type ErrorNode } from '../../plugins/signpost/src/core/index.ts';
import { build, ROOT } from '../site/build-site.ts';
import { axeViolations } from './axe.ts';
import { launch } from './browser.ts';
import { watchLayoutShift } from './layout-shift.ts';
import { serve, type StaticSite } from './static-server.ts';

let work: string;
let browser: Browser;
let site: StaticSite;
let subSite: StaticSite;
let cards: ErrorNode[];
/** The error cards of the second shipped guide, the SSH Connection Guide. */
let sshCards: ErrorNode[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-search-'));
  const shipped = await build('guide', '--out', join(work, 'shipped'));
  expect(shipped.code, shipped.stderr).toBe(0);
  const sub = await build(join(ROOT, 'tests/site/fixtures/guides'), '--out', join(work, 'sub'), '--base', '/help/');
  expect(sub.code, sub.stderr).toBe(0);
  site = await serve(join(work, 'shipped'));
  subSite = await serve(join(work, 'sub'), '/help/');
  browser = await launch();
  const { guides } = await checkGuides([join(ROOT, 'guide')]);
  cards = guides[0]!.nodes.filter((node): node is ErrorNode => node.kind === 'error');
  sshCards = guides.find((guide) => guide.slug === 'ssh-connection')!.nodes.filter((node): node is ErrorNode => node.kind === 'error');
});

afterAll(async () => {
  await pagefind.close();
  await browser?.close();
  await site?.close();
  await subSite?.close();
  await rm(work, { recursive: true, force: true });
});

/** Types a query into the search box and returns the result titles once they settle. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.fill('#search-input', query);
  // The list names the query it shows: wait for this one's results, not an earlier keystroke's.
  await page.waitForFunction((wanted) => document.querySelector<HTMLElement>('.search-list')?.dataset['query'] === wanted, query);
  return page.locator('.search-result-title').allInnerTexts();
}

/** Each card's message and aliases as queries, with the title that should come first for each. */
function messageQueries(list: ErrorNode[]): [string, string][] {
  return list.flatMap((card): [string, string][] => [
    [card.title, card.title],
    ...card.aliases.map((alias): [string, string] => [alias.text, card.title]),
  ]);
}

/** The queries whose first result is not the title expected, as "query → first, not expected". */
async function wrongFirsts(page: Page, queries: [string, string][]): Promise<string[]> {
  const wrong: string[] = [];
  for (const [query, expected] of queries) {
    const titles = await search(page, query);
    if (titles[0] !== expected) wrong.push(`"${query}" → ${titles[0] ?? 'nothing'}, not ${expected}`);
  }
  return wrong;
}

describe('searching the SSH Connection Guide', () => {
  it('puts each error card first for its message, its aliases and the lines a terminal prints', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}ssh-connection/`);
    const queries = messageQueries(sshCards);
    queries.push(
      // As ssh and git print them: the user and host in front, a number that varies.
      ['git@github.com: Permission denied (publickey).', 'Permission denied (publickey).'],
      ['ssh: connect to host github.com port 22: Bad file number', 'ssh: connect to host github.com port 22: Connection timed out'],
      ['remote host identification has changed', 'WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!'],
      ['error :1058', 'unable to start ssh-agent service, error :1058'],
    );
    expect(await wrongFirsts(page, queries)).toEqual([]);
    expect(queries.length).toBeGreaterThan(sshCards.length);
    await page.close();
  });

  it('lists the page’s own guide first, then the other guide, and filters to one guide when asked', async () => {
    const page = await browser.newPage();
    // Both guides have a card "… already in use": each guide's page puts its own first.
    await page.goto(`${site.url}ssh-connection/pd-publickey/`);
    const titles = await search(page, 'already in use');
    expect(titles[0]).toBe('Key is already in use');
    expect(titles).toContain('This account is already in use. Please Try Again.');
    const metas = await page.locator('.search-result-meta').allInnerTexts();
    // The other guide's results follow all of this guide's.
    const firstOther = metas.findIndex((meta) => meta.endsWith('Account Connection Guide'));
    expect(firstOther).toBeGreaterThan(0);
    expect(metas.slice(firstOther).every((meta) => meta.endsWith('Account Connection Guide'))).toBe(true);
    await page.selectOption('select[data-filter="guide"]', 'Account Connection Guide');
    await expect
      .poll(() => page.locator('.search-result-title').first().innerText())
      .toBe('This account is already in use. Please Try Again.');
    expect((await page.locator('.search-result-meta').allInnerTexts()).every((meta) => meta.endsWith('Account Connection Guide'))).toBe(
      true,
    );
    await page.close();
  });
});

describe('searching the Account Connection Guide', () => {
  it('puts each error card first for its whole message, its aliases and its distinctive fragments', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}account-connection/`);
    const queries = messageQueries(cards);
    queries.push(
      // An exact message first, whatever else holds its words; then the messages it begins.
      ['Please Try Again.', 'Please Try Again.'],
      ['please try again', 'Please Try Again.'],
      ['Failed to retr', 'Failed to retrieve refresh token. Please try again.'],
      ['this account is', 'This account is already in use. Please Try Again.'],
      ['refresh token', 'Failed to retrieve refresh token. Please try again.'],
      ['geocompany', 'Failed to create geocompany. Please try again.'],
      ['already in use', 'This account is already in use. Please Try Again.'],
      ['Session has expired', 'Session has expired. Please try again.'],
    );
    expect(await wrongFirsts(page, queries)).toEqual([]);
    // The chosen result opens the card in one click.
    await search(page, 'geocompany');
    await page.locator('.search-result').first().click();
    await page.waitForURL(`${site.url}account-connection/sp-geocompany/`);
    expect(await page.locator('h1').innerText()).toBe('Failed to create geocompany. Please try again.');
    await page.close();
  });

  it('shows each result’s title, kind, guide and an excerpt with the match highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}account-connection/entity/`);
    await search(page, 'geocompany');
    const first = page.locator('.search-result').first();
    expect(await first.locator('.search-result-title').innerText()).toBe('Failed to create geocompany. Please try again.');
    expect(await first.locator('.search-result-meta').innerText()).toBe('Error message · Account Connection Guide');
    expect(await first.locator('.search-result-excerpt mark').first().innerText()).toMatch(/geocompany/i);
    await page.selectOption('select[data-filter="kind"]', 'question');
    await expect.poll(() => page.locator('.search-result-title').allInnerTexts()).toEqual(['Connect Selling Partners Error']);
    await page.close();
  });

  it('proposes a word of the guide for a typo, and searches it when chosen', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}account-connection/`);
    expect(await search(page, 'geocompnay')).toEqual([]);
    expect(await page.locator('.search-suggestion').innerText()).toBe('Did you mean geocompany?');
    await page.locator('[data-suggestion]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.search-list')?.dataset['query'] === 'geocompany');
    expect((await page.locator('.search-result-title').allInnerTexts())[0]).toBe('Failed to create geocompany. Please try again.');
    expect(await page.locator('.search-suggestion').isHidden()).toBe(true);
    // A query of several words is corrected word by word.
    expect(await search(page, 'sesion expried')).toEqual([]);
    expect(await page.locator('[data-suggestion]').innerText()).toBe('session expired');
    await page.close();
  });

  it('answers a how-to question with instructions', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}account-connection/`);
    const instructions = [
      'Connecting Your First Seller Account',
      'Connecting an Additional Seller Account',
      'Connecting Your First Vendor Account',
      'Connecting an Additional Vendor Account',
    ];
    // The question's small words (how, do, I, my) would find nothing: its meaning finds the
    // four ways to connect an account, before the questions and cards that mention one.
    const titles = await search(page, 'how do I connect my account');
    expect(titles.slice(0, 4).toSorted()).toEqual(instructions.toSorted());
    expect(await page.locator('.search-result-meta').first().innerText()).toBe('Solution · Account Connection Guide');
    expect((await search(page, 'How can I connect a vendor account?')).slice(0, 2).toSorted()).toEqual(
      instructions.filter((title) => title.includes('Vendor')).toSorted(),
    );
    await page.close();
  });

  it('closes the results on a click outside, when focus leaves them, and on Escape, which keeps the query', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}account-connection/entity/`);
    const panel = page.locator('#search-panel');
    await search(page, 'refresh token');
    expect(await panel.isVisible()).toBe(true);
    await page.mouse.click(5, 600);
    expect(await panel.isHidden()).toBe(true);
    // Back in the box: the same results again.
    await page.locator('#search-input').click();
    expect(await panel.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await panel.isHidden()).toBe(true);
    expect(await page.inputValue('#search-input')).toBe('refresh token');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    // Tab through the results and past the last: they close, and what has focus is in view.
    await page.keyboard.press('ArrowDown');
    expect(await panel.isVisible()).toBe(true);
    const count = await page.locator('#search-panel a, #search-panel select, #search-panel button:visible').count();
    for (let index = 0; index <= count; index++) await page.keyboard.press('Tab');
    expect(await panel.isHidden()).toBe(true);
    const covered = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return top === element || element.contains(top) ? '' : `${element.outerHTML.slice(0, 80)} is under ${top?.outerHTML.slice(0, 80)}`;
    });
    expect(covered).toBe('');
    await page.close();
  });

  it('takes its place in the header from the first paint: no layout shift', async () => {
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const shift = await watchLayoutShift(page);
      await page.goto(`${site.url}account-connection/sp-geocompany/`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator(width > 600 ? '#search-input' : '.search-toggle').isVisible(), String(width)).toBe(true);
      expect(await shift(), String(width)).toBe(0);
      await page.close();
    }
  });

  it('opens from its button on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(`${site.url}account-connection/`);
    await page.getByRole('button', { name: 'Search the guides' }).click();
    expect(await search(page, 'geocompany')).toContain('Failed to create geocompany. Please try again.');
    const [panel, viewport] = await page.evaluate(() => [
      document.querySelector('#search-panel')!.getBoundingClientRect().right,
      innerWidth,
    ]);
    expect(panel).toBeLessThanOrEqual(viewport!);
    await page.close();
  });

  it('says so when nothing matches, with a way back to the start', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}account-connection/sp-geocompany/`);
    expect(await search(page, 'qwxzv plonk')).toEqual([]);
    expect(await page.locator('.search-status').innerText()).toBe('No results for “qwxzv plonk”.');
    const link = page.locator('.search-empty a');
    expect(await link.getAttribute('href')).toBe('/account-connection/');
    await page.close();
  });

  it('works from the keyboard alone: / to focus, arrows to choose, Enter to open', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}account-connection/entity/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('Session has expired');
    await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Session has expired. Please try again.');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}account-connection/sp-session-expired/`);
    // Enter in the box opens the first result too; Escape closes the results.
    await page.keyboard.press('/');
    await page.keyboard.type('geocompany');
    await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-panel').isHidden()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}account-connection/sp-geocompany/`);
    await page.close();
  });

  it('has no WCAG 2.2 AA violations with results open, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe-core is injected inline, which the pages' policy forbids (tested in csp.e2e.ts).
      const page = await browser.newPage({ colorScheme, bypassCSP: true });
      await page.goto(`${site.url}account-connection/entity/`);
      await search(page, 'refresh token');
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await page.close();
    }
  });

  it('loads search only when used, and prints the bytes of a first and a second query', async () => {
    const page = await browser.newPage();
    const bytes: { url: string; size: number }[] = [];
    page.on('response', async (response) => {
      if (!response.url().includes('/pagefind/') && !response.url().includes('search')) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      bytes.push({ url: response.url(), size: body.length });
    });
    await page.goto(`${site.url}account-connection/`);
    await page.waitForLoadState('networkidle');
    expect(bytes).toEqual([]);
    await search(page, 'refresh token');
    await page.waitForLoadState('networkidle');
    const first = bytes.splice(0);
    await search(page, 'geocompany');
    await page.waitForLoadState('networkidle');
    const second = bytes.splice(0);
    const total = (list: typeof first) => list.reduce((sum, item) => sum + item.size, 0);
    console.log(
      `search bytes: first query ${total(first)} B in ${first.length} requests; second query adds ${total(second)} B in ${second.length} requests`,
    );
    for (const item of [...first, ...second]) console.log(`  ${item.size} B  ${new URL(item.url).pathname}`);
    // Pagefind arrives with the first query and not before; a second query reuses it.
    expect(first.some((item) => item.url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(second.every((item) => !item.url.endsWith('.js') && !item.url.endsWith('.pagefind'))).toBe(true);
    await page.close();
  });
});

describe('searching a site built under /help/', () => {
  it('loads the index from under the base and links results there', async () => {
    const page = await browser.newPage();
    await page.goto(`${subSite.url}router/`);
    expect(await search(page, 'E42')).toEqual(['E42: Power fault']);
    expect(await page.locator('.search-result').first().getAttribute('href')).toBe('/help/router/no-power/');
    await page.locator('.search-result').first().click();
    await page.waitForURL(`${subSite.url}router/no-power/`);
    expect(subSite.requests.filter((path) => !path.startsWith('/help/'))).toEqual([]);
    await page.close();
  });
});

describe('the index a build writes', () => {
  /** The fragments (one per page, named by its content) and the page count of an index. */
  async function contents(bundle: string): Promise<{ fragments: string[]; pages: number }> {
    const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    return {
      fragments: (await readdir(join(bundle, 'fragment'))).toSorted(),
      pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0),
    };
  }

  it('holds the pages Pagefind reads from the built folder, as it reads them', async () => {
    // The build hands pages to Pagefind as Astro renders them: the index must be the one
    // Pagefind makes of the pages written.
    for (const out of ['shipped', 'sub']) {
      const root = await realpath(join(work, out));
      const { index } = await pagefind.createIndex({});
      await index!.addDirectory({ path: root });
      const reference = join(work, `${out}-reference`);
      await index!.writeFiles({ outputPath: reference });
      const built = await contents(join(root, 'pagefind'));
      expect(built.pages).toBeGreaterThanOrEqual(10);
      expect(built).toEqual(await contents(reference));
    }
  });
});
