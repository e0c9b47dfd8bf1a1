/**
 * "Paste the error you see", in Chromium, on the shipped guide built once: a real paste from
 * the clipboard (Ctrl+V) lands on the card it is about, for every card; a paste naming several
 * errors lists the best three with their lines; what is pasted or typed in the search box goes
 * through the matcher first, its card listed above search's results. Under the site's own Content-Security-Policy, accessible in
 * light and dark, no wider than a phone, and a link to the error index without JavaScript.
 * On a guide with a branch per product version, built once too: a paste on a version's page
 * opens that version's card, on the start page the cards of both are offered side by side with
 * their answers, and output no card is about offers search and support instead. On a site of
 * two guides (tests/e2e/fixtures/two-guides), each guide's boxes match its own cards only.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RE2JS } from 're2js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides, type ErrorNode } from '../../plugins/signpost/src/core/index.ts';
import { compilePatterns, literalNeedles, Matcher } from '../../plugins/signpost/src/core/match/matcher.ts';
import { matchCards, readScope, type PasteData } from '../../plugins/signpost/src/render/paste-data.ts';
import { build, ROOT } from '../site/build-site.ts';
import { axeViolations } from './axe.ts';
import { launch } from './browser.ts';
import { serveAsHost, type StaticSite } from './static-server.ts';

let work: string;
let browser: Browser;
let site: StaticSite;
let cards: ErrorNode[];
/** The error cards of the second shipped guide, the SSH Connection Guide. */
let sshCards: ErrorNode[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-paste-'));
  const dist = join(work, 'dist');
  const run = await build('guide', '--out', dist);
  expect(run.code, run.stderr).toBe(0);
  site = await serveAsHost(dist);
  browser = await launch();
  const { guides } = await checkGuides([join(ROOT, 'guide')]);
  cards = guides[0]!.nodes.filter((node): node is ErrorNode => node.kind === 'error');
  sshCards = guides.find((guide) => guide.slug === 'ssh-connection')!.nodes.filter((node): node is ErrorNode => node.kind === 'error');
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

/** A page whose clipboard the test writes, recording policy violations and errors. */
async function reader(
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`)),
  );
  return { context, page, problems };
}

/** Pastes `text` with Ctrl+V into the field `selector`, as a reader does. */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+V');
}

/**
 * Each paste into the box on a guide's list of error messages, and where it should land: the
 * ones that landed elsewhere (or stayed), as "text → where, not id".
 */
async function wrongLandings(page: Page, slug: string, pastes: [string, string][]): Promise<string[]> {
  const wrong: string[] = [];
  for (const [text, id] of pastes) {
    await page.goto(`${site.url}${slug}/errors/`);
    await paste(page, '#paste-input', text);
    await page.waitForURL((url) => url.pathname !== `/${slug}/errors/`, { waitUntil: 'commit', timeout: 5000 }).catch(() => undefined);
    const landed = new URL(page.url()).pathname;
    if (landed !== `/${slug}/${id}/`) wrong.push(`${JSON.stringify(text)} → ${landed}, not ${id}`);
  }
  return wrong;
}

/** What git prints after ssh's own line when the connection fails, word for word. */
const GIT_TRAILER =
  'fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.';

describe('pasting into the SSH Connection Guide', () => {
  it('lands on its card for every line of every card, alone and as a terminal prints it around git', async () => {
    const { context, page, problems } = await reader();
    const pastes: [string, string][] = [];
    for (const card of sshCards) {
      expect(card.examples.length, card.id).toBeGreaterThan(0);
      for (const text of [...card.examples.map((example) => example.text), card.title, ...card.aliases.map((alias) => alias.text)]) {
        pastes.push([text, card.id]);
        // The command typed, the line, and git's own lines after it.
        pastes.push([`$ git push origin main\n${text}\n${GIT_TRAILER}`, card.id]);
      }
    }
    pastes.push(
      // Whole screens as ssh prints them: the first error line names the card.
      [
        [
          '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
          '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
          '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
          'IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!',
          'Someone could be eavesdropping on you right now (man-in-the-middle attack)!',
          'It is also possible that a host key has just been changed.',
          'The fingerprint for the RSA key sent by the remote host is',
          'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s.',
          'Please contact your system administrator.',
          'Add correct host key in /Users/you/.ssh/known_hosts to get rid of this message.',
          'Offending RSA key in /Users/you/.ssh/known_hosts:1',
        ].join('\n'),
        'host-key-changed',
      ],
      [
        [
          '$ ssh -vT git@github.com',
          'OpenSSH_8.1p1, LibreSSL 2.7.3',
          'debug1: Connecting to github.com [207.97.227.239] port 22.',
          'debug1: connect to address 207.97.227.239 port 22: Connection timed out',
          'ssh: connect to host github.com port 22: Connection timed out',
          'ssh: connect to host github.com port 22: Bad file number',
        ].join('\n'),
        'connection-timed-out',
      ],
      [
        [
          '$ ssh -T git@github.com',
          "The authenticity of host 'github.com (140.82.112.4)' can't be established.",
          'ED25519 key fingerprint is SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU.',
          'Are you sure you want to continue connecting (yes/no/[fingerprint])?',
        ].join('\n'),
        'host-authenticity',
      ],
    );
    expect(await wrongLandings(page, 'ssh-connection', pastes)).toEqual([]);
    expect(pastes.length).toBeGreaterThan(60);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('the box "Paste the error you see"', () => {
  it('lands on the card of a pasted log line with a time and an id', async () => {
    const { context, page, problems } = await reader();
    await page.goto(`${site.url}account-connection/`);
    await paste(page, '#paste-input', '12:03:44 ERROR Failed to create geocompany 8f3a-22. Please try again.');
    await page.waitForURL(`${site.url}account-connection/sp-geocompany/`);
    expect(await page.locator('h1').innerText()).toBe('Failed to create geocompany. Please try again.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lands on the right card for every card of the guide: its examples, message and aliases, and a toast of it', async () => {
    const { context, page, problems } = await reader();
    const pastes: [string, string][] = [];
    for (const card of cards) {
      expect(card.examples.length, card.id).toBeGreaterThan(0);
      for (const text of [...card.examples.map((example) => example.text), card.title, ...card.aliases.map((alias) => alias.text)]) {
        pastes.push([text, card.id]);
      }
      // What the toast shows, copied with its context and a line of log around it.
      pastes.push([`${card.context ?? 'Perpetua'}\n${card.title}\nDismiss`, card.id]);
    }
    expect(await wrongLandings(page, 'account-connection', pastes)).toEqual([]);
    expect(pastes.length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists the best three for a paste that names several errors, each with its line marked, and opens the one chosen', async () => {
    const { context, page, problems } = await reader();
    await page.goto(`${site.url}account-connection/`);
    await paste(
      page,
      '#paste-input',
      [
        '12:03:41 INFO  [connect] opening Seller Central for DE',
        '12:03:44 ERROR [connect] Session has expired (session 5f2c9a). Please try again.',
        '12:03:45 ERROR [connect] This account is already in use. Please Try Again.',
        '12:03:46 WARN  [sync] retrying with a refresh token: failed',
      ].join('\n'),
    );
    await page.locator('.paste-result').first().waitFor();
    expect(await page.locator('.paste-status').innerText()).toBe('These cards match what you pasted. Pick the one on your screen.');
    // The first error line first (the cause, before its effects), then the next, then the line
    // most like a message.
    expect(await page.locator('.paste-result-title').allInnerTexts()).toEqual([
      'Session has expired. Please try again.',
      'This account is already in use. Please Try Again.',
      'Failed to retrieve refresh token. Please try again.',
    ]);
    expect(await page.locator('.paste-result-meta').allInnerTexts()).toEqual([
      // A site of several guides names each card's guide.
      'Error message · Connect Selling Partners · Account Connection Guide · line 2',
      'Error message · Connect Selling Partners · Account Connection Guide · line 3',
      'Error message · Connect Selling Partners · Account Connection Guide · line 4',
    ]);
    expect(await page.locator('.paste-result').nth(1).locator('mark').allInnerTexts()).toEqual(['This account is already in use']);
    expect(await page.locator('.paste-result').nth(2).locator('mark').allInnerTexts()).toEqual(['refresh', 'token', 'failed']);
    expect(page.url()).toBe(`${site.url}account-connection/`);
    await Promise.all([
      page.waitForURL(`${site.url}account-connection/sp-session-expired/`),
      page.locator('.paste-result').first().click(),
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says when no card matches, with a way to the list, and matches typed text on Find its card', async () => {
    const { context, page, problems } = await reader();
    await page.goto(`${site.url}account-connection/`);
    await paste(page, '#paste-input', 'INFO all good\nINFO nothing to report');
    await page.locator('.paste-result-empty').first().waitFor();
    expect(await page.locator('.paste-status').innerText()).toBe('No card of this guide matches this output.');
    expect(await page.locator('.paste-result-browse a').getAttribute('href')).toBe('/account-connection/errors/');
    await page.fill('#paste-input', 'session has expired');
    await Promise.all([page.waitForURL(`${site.url}account-connection/sp-session-expired/`), page.locator('.paste-form button').click()]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is a link to the error index without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}account-connection/`);
    expect(await page.locator('#paste-input').isVisible()).toBe(false);
    const link = page.locator('.paste-fallback a');
    expect(await link.innerText()).toBe('Find it in the list of error messages');
    await Promise.all([page.waitForURL(`${site.url}account-connection/errors/`), link.click()]);
    // On the index itself, the link leads to the list below it.
    expect(await page.locator('.paste-fallback a').getAttribute('href')).toBe('#messages');
    expect(await page.locator('#messages').count()).toBe(1);
    await context.close();
  });

  it('has no WCAG 2.2 AA violations with results shown, and no sideways scroll on a phone, light and dark', async () => {
    const long = `12:03:45 ERROR [connect] This account is already in use. Please Try Again. merchant=${'A2EUQ1WTGCTBG2'.repeat(12)}`;
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe-core is injected inline, which the policy forbids (tested with the other tests here).
      const { context, page } = await reader({ colorScheme, bypassCSP: true, viewport: { width: 375, height: 812 } });
      await page.goto(`${site.url}account-connection/`);
      await paste(page, '#paste-input', `${long}\nSession has expired\n${'x'.repeat(300)}`);
      await page.locator('.paste-result').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), colorScheme).toBeLessThanOrEqual(375);
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await context.close();
    }
  });

  it('says where it stopped trying patterns on a paste too long to try them all', async () => {
    // 1,500 different lines of 2,000 characters that each hold every pattern's words, and its
    // literal text (a line without it is told at once, matcher.ts) inside longer words, so
    // that every pattern is tried on every line and most match none: more work than the
    // matcher's budget (check's, for a whole guide). Where it stops is what the same matcher
    // says in Node.
    const data = JSON.parse(await readFile(join(work, 'dist/signpost-search/match.json'), 'utf8')) as PasteData;
    const pasteCards = matchCards(data);
    const compiled = compilePatterns(pasteCards, RE2JS);
    const keys = new Set(compiled.flatMap((pattern) => pattern.keys));
    const literal = new Set(compiled.flatMap((pattern) => literalNeedles(pattern.source)?.[0] ?? []));
    const all = [...keys, ...[...literal].map((text) => `q${text}q`)].join(' ');
    expect(all.length).toBeLessThan(1990);
    const text = Array.from({ length: 1500 }, (_, index) => `${index} ${all} ${'x'.repeat(1990 - all.length)}`.slice(0, 2000)).join('\n');
    // Within the page's scope, as the box matches: the start page's is its own guide's cards.
    const html = await readFile(join(work, 'dist/account-connection/index.html'), 'utf8');
    const attribute = (name: string) => new RegExp(`<html[^>]* data-${name}="([^"]*)"`).exec(html)?.[1];
    const scope = readScope(data, attribute('paste-cards'), attribute('paste-within'));
    expect(scope).toBeDefined();
    const expected = new Matcher(pasteCards, RE2JS).match(text, scope);
    // The patterns of this guide run on every line: the budget runs out early.
    expect(expected.stoppedAt).toBeGreaterThan(1);
    expect(expected.stoppedAt).toBeLessThan(1500);
    // The cards whose patterns matched before it stopped are listed, none of them clearly.
    expect(expected.clear).toBeUndefined();
    expect(expected.best.length).toBeGreaterThan(1);
    const { context, page, problems } = await reader();
    await page.goto(`${site.url}account-connection/`);
    await paste(page, '#paste-input', text);
    await page.locator('.paste-result').first().waitFor();
    expect(await page.locator('.paste-status').innerText()).toBe(
      `These cards match what you pasted. Pick the one on your screen. Only the lines before line ${expected.stoppedAt!.toLocaleString('en-US')} were matched against the patterns: the paste is too long. Paste the lines around the error.`,
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('loads its code and the list of messages only when used', async () => {
    const { context, page } = await reader();
    const before = site.requests.length;
    const fetched = () => site.requests.slice(before).filter((path) => path.includes('signpost-search/') || path.includes('paste'));
    await page.goto(`${site.url}account-connection/errors/`);
    await page.waitForLoadState('networkidle');
    expect(fetched()).toEqual([]);
    const engine = () => site.requests.slice(before).filter((path) => /\/_astro\/re2\..*\.js$/.test(path));
    // Focus loads the box's code; the engine the patterns run on comes with the first paste.
    await page.locator('#paste-input').click();
    await page.locator('[data-paste][data-ready]').waitFor({ state: 'attached' });
    expect(engine()).toEqual([]);
    await paste(page, '#paste-input', 'Session has expired');
    await page.waitForURL(`${site.url}account-connection/sp-session-expired/`);
    expect(fetched().filter((path) => path.endsWith('.json'))).toEqual(['/signpost-search/match.json']);
    expect(fetched().some((path) => /\/_astro\/paste\..*\.js$/.test(path))).toBe(true);
    expect(engine()).toHaveLength(1);
    await context.close();
  });
});

describe('the search box, matching what is pasted or typed', () => {
  it('lists the card of the one error a paste of several lines names first, and opens it on Enter', async () => {
    const { context, page, problems } = await reader();
    await page.goto(`${site.url}account-connection/entity/`);
    await paste(
      page,
      '#search-input',
      '2024-03-11T09:41:20Z INFO [oauth] redirect\n2024-03-11T09:41:27Z ERROR Failed to retrieve refresh token. Please try again.',
    );
    await page.locator('.search-result-line mark').first().waitFor();
    expect(await page.locator('.search-result-title').first().innerText()).toBe('Failed to retrieve refresh token. Please try again.');
    // Listed, not opened: a search box answers with results.
    expect(page.url()).toBe(`${site.url}account-connection/entity/`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}account-connection/sp-refresh-token/`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("puts the card of a one-line paste first, a log's time in front, and search's results after it without it", async () => {
    const { context, page, problems } = await reader();
    await page.goto(`${site.url}ssh-connection/`);
    await paste(page, '#search-input', '12:03:44 ssh: connect to host github.com port 22: Connection timed out');
    await page.locator('.search-result-line mark').first().waitFor();
    const titles = await page.locator('.search-result-title').allInnerTexts();
    expect(titles[0]).toBe('ssh: connect to host github.com port 22: Connection timed out');
    const hrefs = await page.locator('.search-result').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.filter((href) => href === '/ssh-connection/connection-timed-out/')).toHaveLength(1);
    expect(hrefs.length).toBeGreaterThan(1);
    expect(page.url()).toBe(`${site.url}ssh-connection/`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists the cards of several errors first, each with its line', async () => {
    const { context, page, problems } = await reader();
    await page.goto(`${site.url}account-connection/entity/`);
    await paste(page, '#search-input', 'ERROR Session has expired (session 77).\nERROR This account is already in use.');
    await page.locator('.search-result-line mark').first().waitFor();
    // In the order of their lines: the first error first.
    expect((await page.locator('.search-result-title').allInnerTexts()).slice(0, 2)).toEqual([
      'Session has expired. Please try again.',
      'This account is already in use. Please Try Again.',
    ]);
    expect(await page.locator('.search-result-line mark').allInnerTexts()).toEqual([
      'Session has expired',
      'This account is already in use',
    ]);
    // The box shows the paste on one line.
    expect(await page.inputValue('#search-input')).toBe('ERROR Session has expired (session 77). ERROR This account is already in use.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('goes on to search when no card matches', async () => {
    const { context, page } = await reader();
    await page.goto(`${site.url}account-connection/entity/`);
    await paste(page, '#search-input', 'how do I connect\nmy seller account');
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.search-list')?.dataset['query'] === 'how do I connect my seller account',
    );
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(await page.locator('.search-result-line').count()).toBe(0);
    await context.close();
  });
});

describe('a paste where the reader is, on a guide with a branch per product version', () => {
  let versions: StaticSite;
  let versionsWork: string;
  /** What the product prints around its error, the same in both versions. */
  const output = '$ product --start\n12:00:01 INFO starting\n12:00:02 ERROR License server refused the connection (code 17)';

  beforeAll(async () => {
    versionsWork = await mkdtemp(join(tmpdir(), 'signpost-paste-versions-'));
    const run = await build(join(ROOT, 'tests/e2e/fixtures/versions'), '--out', join(versionsWork, 'dist'));
    expect(run.code, run.stderr).toBe(0);
    versions = await serveAsHost(join(versionsWork, 'dist'));
  });

  afterAll(async () => {
    await versions?.close();
    await rm(versionsWork, { recursive: true, force: true });
  });

  it("lists the card of the version whose page the paste is made on first, not the other version's", async () => {
    const { context, page, problems } = await reader();
    for (const version of ['v5', 'v6']) {
      // This version's card first; the other version's after it, told apart by its answers.
      await page.goto(`${versions.url}product-help/${version}-system/`);
      await paste(page, '#search-input', output);
      await page.locator('.search-result-line mark').first().waitFor();
      expect(await page.locator('.search-result').first().getAttribute('href')).toBe(`/product-help/${version}-license/`);
      const other = version === 'v5' ? 'v6' : 'v5';
      const twin = page.locator(`.search-result[href="/product-help/${other}-license/"] .search-result-meta`);
      expect(await twin.innerText()).toBe(`Error message · Version ${other.slice(1)} › Linux · Product help`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("offers both versions' cards side by side on the start page, each with the answers that lead to it, and opens none", async () => {
    const { context, page, problems } = await reader();
    await page.goto(`${versions.url}product-help/`);
    await paste(page, '#paste-input', output);
    await page.locator('.paste-results-equal .paste-result').first().waitFor();
    expect(await page.locator('.paste-status').innerText()).toBe(
      'The same message is on a card of each of these branches. Pick the one whose answers fit you.',
    );
    expect(await page.locator('.paste-result-path').allInnerTexts()).toEqual(['Version 5 › Linux', 'Version 6 › Linux']);
    expect(await page.locator('.paste-result-title').allInnerTexts()).toEqual([
      'License server refused the connection',
      'License server refused the connection',
    ]);
    // Side by side: one row on a desktop.
    const [left, right] = await Promise.all([0, 1].map((index) => page.locator('.paste-result').nth(index).boundingBox()));
    expect(left!.y).toBe(right!.y);
    expect(right!.x).toBeGreaterThan(left!.x + left!.width);
    expect(page.url()).toBe(`${versions.url}product-help/`);
    await Promise.all([page.waitForURL(`${versions.url}product-help/v6-license/`), page.locator('.paste-result').nth(1).click()]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("says no card matches output none is about, and offers the guide's search for its words and its support", async () => {
    const { context, page, problems } = await reader();
    await page.goto(`${versions.url}product-help/`);
    await paste(page, '#paste-input', '$ product --sync\n12:00:05 ERROR Disk quota exceeded on /var/lib/product\n12:00:06 INFO exiting');
    await page.locator('.paste-result-search').waitFor();
    expect(await page.locator('.paste-status').innerText()).toBe('No card of this guide matches this output.');
    expect(await page.locator('.paste-result').count()).toBe(0);
    const search = page.locator('.paste-result-search a');
    expect(await search.innerText()).toBe('Search for “Disk quota exceeded var lib product”');
    expect(await search.getAttribute('href')).toBe('/product-help/?q=Disk%20quota%20exceeded%20var%20lib%20product');
    expect(await page.locator('.paste-result-help').innerText()).toBe(
      'Search the guide for its words, or ask support: say what you were doing when it appeared.',
    );
    const support = new URL((await page.locator('.paste-result-support a').getAttribute('href'))!);
    expect(support.protocol + support.pathname).toBe('mailto:help@example.com');
    expect(support.searchParams.get('subject')).toBe('Product help: Product help');
    expect(support.searchParams.get('body')).toContain('What I pasted:\n12:00:05 ERROR Disk quota exceeded on /var/lib/product');
    // The search opens with the words, and searches for them.
    await Promise.all([page.waitForURL(/\?q=/), search.click()]);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.search-list')?.dataset['query'] !== undefined);
    expect(await page.inputValue('#search-input')).toBe('Disk quota exceeded var lib product');
    expect(problems).toEqual([]);
    await context.close();
  });
  it('has no WCAG 2.2 AA violations side by side or with no card, and no sideways scroll on a phone, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await reader({ colorScheme, bypassCSP: true, viewport: { width: 375, height: 812 } });
      for (const [text, shown] of [
        [output, '.paste-results-equal .paste-result'],
        ['ERROR Disk quota exceeded on /var/lib/product\nINFO exiting', '.paste-result-search'],
      ] as const) {
        await page.goto(`${versions.url}product-help/`);
        await paste(page, '#paste-input', text);
        await page.locator(shown).first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth), colorScheme).toBeLessThanOrEqual(375);
        expect(await axeViolations(page), `${colorScheme}: ${shown}`).toEqual([]);
      }
      await context.close();
    }
  });
});

describe('a site of two guides', () => {
  let two: StaticSite;
  let twoWork: string;

  beforeAll(async () => {
    twoWork = await mkdtemp(join(tmpdir(), 'signpost-paste-two-'));
    const run = await build(join(ROOT, 'tests/e2e/fixtures/two-guides'), '--out', join(twoWork, 'dist'));
    expect(run.code, run.stderr).toBe(0);
    two = await serveAsHost(join(twoWork, 'dist'));
  });

  afterAll(async () => {
    await two?.close();
    await rm(twoWork, { recursive: true, force: true });
  });

  it("offers no card of the other guide in a guide's box: on its start page and on its list of errors", async () => {
    const { context, page, problems } = await reader();
    for (const where of ['database/', 'database/errors/']) {
      for (const text of ['git@github.com: Permission denied (publickey).', 'Upload failed, please try again.']) {
        await page.goto(`${two.url}${where}`);
        await paste(page, '#paste-input', text);
        await page.locator('.paste-result-empty').first().waitFor();
        expect(await page.locator('.paste-status').innerText(), `${where}: ${text}`).toBe('No card of this guide matches this output.');
        expect(await page.locator('.paste-results a[href^="/deploy/"]').count(), `${where}: ${text}`).toBe(0);
        expect(page.url()).toBe(`${two.url}${where}`);
      }
    }
    // The same message in its own guide's box opens its card.
    await page.goto(`${two.url}deploy/errors/`);
    await paste(page, '#paste-input', 'git@github.com: Permission denied (publickey).');
    await page.waitForURL(`${two.url}deploy/deploy-publickey/`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("names every answer that leads to each of the cards offered side by side, and offers a log line's message to search", async () => {
    const { context, page, problems } = await reader();
    await page.goto(`${two.url}database/`);
    await paste(page, '#paste-input', '2025-03-10 09:14:02 UTC [48213] app@app LOG:  FATAL:  sorry, too many clients already');
    await page.locator('.paste-results-equal .paste-result').first().waitFor();
    expect(await page.locator('.paste-result-path').allInnerTexts()).toEqual([
      'PostgreSQL 12 or PostgreSQL 13 › psql',
      'PostgreSQL 14 › psql',
    ]);
    await page.goto(`${two.url}database/`);
    await paste(
      page,
      '#paste-input',
      '2025-03-10 09:14:02 UTC [48213] app@app ssl=on certificate=/etc/ssl/cert.pem LOG:  could not receive data from client: Connection reset by peer',
    );
    await page.locator('.paste-result-search').waitFor();
    expect(await page.locator('.paste-result-search a').innerText()).toBe('Search for “receive data from client Connection reset by peer”');
    // A message of no word to search for: no search offered, and none named.
    await page.goto(`${two.url}database/`);
    await paste(page, '#paste-input', 'Error 500');
    await page.locator('.paste-result-support').waitFor();
    expect(await page.locator('.paste-result-search').count()).toBe(0);
    expect(await page.locator('.paste-result-help').innerText()).toBe('Ask support: say what you were doing when it appeared.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lists the card of the reader's branch first for a typed message, loading the matcher only then", async () => {
    const { context, page, problems } = await reader();
    const before = two.requests.length;
    await page.goto(`${two.url}database/pg-new/`);
    await page.waitForLoadState('networkidle');
    const fetched = () => two.requests.slice(before);
    expect(fetched().filter((path) => path.endsWith('match.json') || /\/_astro\/re2\..*\.js$/.test(path))).toEqual([]);
    await page.locator('#search-input').click();
    // Typed, with the level psql prints in front, which no page holds.
    await page.keyboard.type('FATAL:  sorry, too many clients already');
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.search-list')?.dataset['query'] === 'FATAL:  sorry, too many clients already',
    );
    const hrefs = await page.locator('.search-result').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs[0]).toBe('/database/new-clients/');
    expect(hrefs.filter((href) => href === '/database/new-clients/')).toHaveLength(1);
    // The card of this guide's other branch, if search lists it, says which answers lead to it.
    const twin = page.locator('.search-result[href="/database/old-clients/"] .search-result-meta');
    if ((await twin.count()) > 0) expect(await twin.innerText()).toContain('PostgreSQL 12 or PostgreSQL 13 › psql');
    expect(fetched().some((path) => path.endsWith('/signpost-search/match.json'))).toBe(true);
    expect(fetched().filter((path) => /\/_astro\/re2\..*\.js$/.test(path))).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
