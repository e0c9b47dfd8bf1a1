/**
 * Guides whose titles, messages, aliases, summary and text hold markup (`<img onerror>`,
 * `"><svg onload>`, `</script><script>`, `javascript:`), on a Starlight site, in Chromium:
 * Starlight's search dialog (Pagefind's own interface, which puts filters and excerpts into the
 * page as HTML, on pages without a Content-Security-Policy) and Signpost's search box show
 * them as text, and no script of theirs runs.
 *
 * Each payload sets `window.__xss` or opens a dialog: neither may happen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureSite } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve, type StaticSite } from './static-server.ts';

let work: string;
let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-hostile-e2e-'));
  const run = await buildSite(fixtureSite('starlight-hostile'), {}, '--out', join(work, 'site'));
  expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
  site = await serve(join(work, 'site'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

/** A page that records every dialog it opens and every error its scripts throw. */
interface Watched {
  page: Page;
  /** The messages of the dialogs the page opened (`alert`). */
  dialogs: string[];
  /** The errors its scripts threw. */
  errors: string[];
}

async function watched(path: string): Promise<Watched> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}${path}`);
  return { page, dialogs, errors };
}

/** The elements a payload would add, found under `selector`. */
function injected(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(`${selector} :is(img, svg, script, iframe, [onerror], [onload], a[href^="javascript:" i])`, (found) =>
    found.map((element) => element.outerHTML),
  );
}

/** Searches Signpost's box for `query` and waits for the first result, which must be titled `title`. */
async function firstResult(page: Page, query: string, title: string): Promise<Locator> {
  await page.fill('#search-input', query);
  const first = page.locator('.search-result').first();
  await expect.poll(async () => (await first.count()) > 0 && (await first.locator('.search-result-title').innerText())).toBe(title);
  return first;
}

/** Nothing a payload would add is in `selector`, none ran, and the page threw nothing; then the page is closed. */
async function expectNothingRan({ page, dialogs, errors }: Watched, selector: string): Promise<void> {
  expect(await injected(page, selector)).toEqual([]);
  expect(await page.evaluate(XSS)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}

// The name the payloads set, unlike any of the page's own.
// eslint-disable-next-line no-underscore-dangle
const XSS = () => (window as unknown as { __xss?: unknown }).__xss;

describe('Starlight’s search dialog, over the guides’ pages', () => {
  it.each([
    ['Quokka', 'Quokka failed ˂img src=x onerror=window.__xss=5˃', 'Quokka failed <img src=x onerror=window.__xss=5>'],
    ['quokka reason', 'Quokka failed ˂img src=x onerror=window.__xss=5˃', 'quokka reason <img src=x onerror=window.__xss=8>'],
    ['Walrus body', 'Walrus ʺ˃˂svg onload=alert(11)˃ ＆ javascript:alert(12)', 'holds <img src=x onerror=window.__xss=13> and'],
    ['Zebra', 'Zebra start ˂/script˃˂script˃window.__xss=4˂/script˃', 'Zebra: which light is on?'],
  ])('shows the results for “%s”, their filters and excerpts as text, and runs nothing', async (query, title, excerpt) => {
    const watching = await watched('');
    const { page } = watching;
    await page.locator('button[data-open-modal]').click();
    const input = page.locator('#starlight__search input.pagefind-ui__search-input');
    await input.waitFor();
    await input.fill(query);
    const results = page.locator('#starlight__search .pagefind-ui__result');
    await expect
      .poll(async () => (await results.count()) > 0 && (await results.first().locator('.pagefind-ui__result-excerpt').count()) > 0)
      .toBe(true);
    // Nothing a payload would add is in the dialog: no element, no handler, no script URL.
    expect(await injected(page, '#starlight__search')).toEqual([]);
    await expect.poll(() => results.first().locator('.pagefind-ui__result-link').first().innerText()).toBe(title);
    // Excerpts are Pagefind's, from the indexed text, which holds the markup as text.
    await expect
      .poll(async () => (await results.first().locator('.pagefind-ui__result-excerpt').allInnerTexts()).join(' '))
      .toContain(excerpt);
    // The guide filter, which Pagefind's interface writes into the page as HTML, is text.
    const labels = await page.locator('#starlight__search .pagefind-ui__filter-label').allTextContents();
    expect(labels.map((label) => label.replace(/ \(\d+\)$/, ''))).toEqual(
      expect.arrayContaining(['Acme help ˂img src=x onerror=window.__xss=1˃', 'Beta ʼguideʼ ＆ ˂b˃bold˂/b˃']),
    );
    expect(await page.locator('#starlight__search b').count()).toBe(0);
    await expectNothingRan(watching, '#starlight__search');
  });
});

describe('Signpost’s search box, on a guide’s page', () => {
  it('shows an error card’s message as written, and its excerpt as text', async () => {
    const watching = await watched('help/acme/start/');
    const first = await firstResult(watching.page, 'Quokka', 'Quokka failed <img src=x onerror=window.__xss=5>');
    expect(await first.locator('.search-result-meta').innerText()).toBe(
      'Error message · "><svg onload=window.__xss=6> · Acme help <img src=x onerror=window.__xss=1>',
    );
    await expectNothingRan(watching, '.search-list');
  });

  it('gives back what Pagefind holds as written: titles, kinds, guides, excerpts', async () => {
    const watching = await watched('help/acme/start/');
    const first = await firstResult(watching.page, 'Walrus body', 'Walrus "><svg onload=alert(11)> & javascript:alert(12)');
    expect(await first.locator('.search-result-meta').innerText()).toBe('Solution · Acme help <img src=x onerror=window.__xss=1>');
    expect(await first.locator('.search-result-excerpt').innerText()).toContain(
      'holds <img src=x onerror=window.__xss=13> and <svg onload=alert(14)> as text',
    );
    // The matched words are marked: the excerpt is HTML, and only Pagefind's <mark>.
    expect(await first.locator('.search-result-excerpt mark').allInnerTexts()).toEqual(['Walrus', 'Walrus', 'body']);
    await expectNothingRan(watching, '.search-list');
  });

  it('filters by a guide whose title holds markup', async () => {
    const { page, errors } = await watched('help/acme/start/');
    await page.fill('#search-input', 'Walrus');
    await expect.poll(() => page.locator('.search-result').count()).toBe(2);
    await page.selectOption('select[data-filter="guide"]', { label: "Beta 'guide' & <b>bold</b>" });
    const titles = page.locator('.search-result .search-result-title');
    await expect.poll(() => titles.allInnerTexts()).toEqual(['Walrus in beta']);
    expect(await page.locator('.search-result-meta').innerText()).toBe("Solution · Beta 'guide' & <b>bold</b>");
    expect(await injected(page, '.search-list')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
