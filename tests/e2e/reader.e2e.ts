import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides, isOutcome, waysOn, type Guide } from '../../plugins/signpost/src/core/index.ts';
import { build, buildWith, ROOT } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve, type StaticSite } from './static-server.ts';

const AXE = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let work: string;
let browser: Browser;
let site: StaticSite;
let subSite: StaticSite;
let guide: Guide;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-e2e-'));
  const shipped = await build('guide', '--out', join(work, 'shipped'));
  expect(shipped.code, shipped.stderr).toBe(0);
  const sub = await buildWith(
    { SIGNPOST_FEEDBACK_URL: '/help/feedback' },
    join(ROOT, 'tests/site/fixtures/guides'),
    '--out',
    join(work, 'sub'),
    '--base',
    '/help/',
  );
  expect(sub.code, sub.stderr).toBe(0);
  site = await serve(join(work, 'shipped'));
  subSite = await serve(join(work, 'sub'), '/help/');
  browser = await launch();
  guide = (await checkGuides([join(ROOT, 'guide')])).guides[0]!;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await subSite?.close();
  await rm(work, { recursive: true, force: true });
});

async function open(
  options: { javaScript?: boolean; width?: number; dark?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    // axe-core is injected as an inline script, which the pages' own policy forbids; the policy
    // itself is tested in csp.e2e.ts.
    bypassCSP: true,
  });
  return { context, page: await context.newPage() };
}

/** The answers (or Continue) to click from the start to each node: the fewest, breadth first. */
function answersTo(of: Guide): Map<string, string[]> {
  const start = of.meta!.start;
  const answers = new Map<string, string[]>([[start, []]]);
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const node = of.byId.get(queue[index]!)!;
    for (const edge of waysOn(node)) {
      if (answers.has(edge.to)) continue;
      answers.set(edge.to, [...answers.get(node.id)!, 'label' in edge ? (edge as { label: string }).label : 'Continue']);
      queue.push(edge.to);
    }
  }
  return answers;
}

/** Clicks the answer (or Continue) with this exact text in the node on screen. */
async function answer(page: Page, label: string): Promise<void> {
  await Promise.all([
    page.waitForURL(/.*/),
    page
      .locator('article a.answer', { hasText: label })
      .filter({ hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
      .click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
}

/** The trail of answers given, as [question, answer] pairs: only when it is shown. */
async function trail(page: Page): Promise<string[][]> {
  return page
    .locator('nav.trail:not(.reached-from):visible li')
    .evaluateAll((items) =>
      items.map((item) => [item.querySelector('a')!.textContent!.trim(), item.querySelector('.trail-answer')!.textContent!.trim()]),
    );
}

/** The ways into the page it was built with, as [question, answer] pairs: only when shown. */
async function reachedFrom(page: Page): Promise<string[][]> {
  return page
    .locator('nav.reached-from:visible li')
    .evaluateAll((items) =>
      items.map((item) => [item.querySelector('a')!.textContent!.trim(), item.querySelector('.trail-answer')?.textContent?.trim() ?? '']),
    );
}

async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').innerText()).trim();
}

describe('a reader walking the Account Connection Guide', () => {
  for (const javaScript of [true, false]) {
    it(`reaches every outcome by clicking from the start, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const answers = answersTo(guide);
      const { context, page } = await open({ javaScript });
      const outcomes = guide.nodes.filter((node) => isOutcome(node));
      expect(outcomes).toHaveLength(11);
      for (const outcome of outcomes) {
        await page.goto(`${site.url}account-connection/`);
        for (const label of answers.get(outcome.id)!) await answer(page, label);
        expect(await heading(page), outcome.id).toBe(outcome.title);
        expect(new URL(page.url()).pathname).toBe(`/account-connection/${outcome.id}/`);
      }
      await context.close();
    });
  }

  it('shows the answers actually given when a node is reachable two ways, and Back follows them', async () => {
    const { context, page } = await open();
    await page.goto(`${site.url}account-connection/`);
    await answer(page, 'Account Connection Procedure');
    await answer(page, 'Private Owner');
    await answer(page, 'Continue');
    expect(await heading(page)).toBe('Account Type');
    expect(await trail(page)).toEqual([
      ['What do you need help with?', 'Account Connection Procedure'],
      ['Under which profile are you connecting your Amazon Account?', 'Private Owner'],
      ['Private Owner Requirements', 'Continue'],
    ]);
    await page.getByRole('link', { name: '← Back' }).click();
    await page.waitForURL(/private-owner-requirements/);
    expect(await heading(page)).toBe('Private Owner Requirements');
    await page.getByRole('link', { name: '↺ Start over' }).click();
    await page.waitForURL(`${site.url}account-connection/`);
    expect(await heading(page)).toBe('Account Connection Guide');
    await answer(page, 'Account Connection Procedure');
    expect(await page.locator('.trail li').count()).toBe(1);
    await context.close();
  });

  it('without JavaScript, says how a page is reached instead of inventing a trail, and Back goes to its one parent', async () => {
    const { context, page } = await open({ javaScript: false });
    // Two steps lead to Account Type: both are named, each a link, with the answer that leads here.
    await page.goto(`${site.url}account-connection/account-type/`);
    expect(await trail(page)).toEqual([]);
    expect(await reachedFrom(page)).toEqual([
      ['Agency Requirements', 'Continue'],
      ['Private Owner Requirements', 'Continue'],
    ]);
    expect(await page.locator('nav.reached-from a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '/account-connection/agency-requirements/',
      '/account-connection/private-owner-requirements/',
    ]);
    expect(await page.locator('[data-report]').textContent()).toBe(
      'Guide: Account Connection Guide\nPage: Account Type (/account-connection/account-type/)',
    );
    // With more than one way in, Back cannot know which: it starts over.
    await page.getByRole('link', { name: '← Back' }).click();
    expect(new URL(page.url()).pathname).toBe('/account-connection/');
    // One way in: nothing to say, and Back goes to it.
    await page.goto(`${site.url}account-connection/agency-requirements/`);
    expect(await reachedFrom(page)).toEqual([]);
    await page.getByRole('link', { name: '← Back' }).click();
    expect(await heading(page)).toBe('Entity Connecting an Account');
    await page.getByRole('link', { name: '↺ Start over' }).click();
    expect(new URL(page.url()).pathname).toBe('/account-connection/');
    await context.close();
  });

  it('with JavaScript, shows no trail to a reader who arrived by a link, only the ways in', async () => {
    const { context, page } = await open();
    await page.goto(`${site.url}account-connection/account-type/`);
    expect(await trail(page)).toEqual([]);
    expect(await reachedFrom(page)).toHaveLength(2);
    expect(await page.locator('[data-report]').textContent()).toBe(
      `Guide: Account Connection Guide\nPage: Account Type (${site.url}account-connection/account-type/)`,
    );
    await answer(page, 'Seller');
    expect(await trail(page)).toEqual([['What type of Account are you Trying to Connect to Perpetua?', 'Seller']]);
    await context.close();
  });

  it('asks "Did this answer your question?"; No shows support and the other outcomes, and emits an event', async () => {
    for (const javaScript of [true, false]) {
      const { context, page } = await open({ javaScript });
      await page.goto(`${site.url}account-connection/`);
      for (const label of answersTo(guide).get('sp-session-expired')!) await answer(page, label);
      if (javaScript) {
        await page.evaluate(() => {
          document.addEventListener('signpost:feedback', (event) => {
            (window as unknown as { feedback: unknown }).feedback = (event as CustomEvent).detail;
          });
        });
      }
      await expect.poll(() => page.locator('#feedback-no').isVisible()).toBe(false);
      await page.getByRole('link', { name: 'No', exact: true }).click();
      const panel = page.locator('#feedback-no');
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await panel.locator('.siblings a').allInnerTexts()).toEqual([
        'Please Try Again.',
        'This account is already in use. Please Try Again.',
        'Failed to retrieve refresh token. Please try again.',
        'Failed to create geocompany. Please try again.',
      ]);
      const mailto = decodeURIComponent((await panel.locator('a[href^="mailto:"]').getAttribute('href'))!);
      expect(mailto).toContain('Page: Session has expired. Please try again.');
      // The answers given reach support only when the reader's browser knows them.
      const given = 'How does the message you are experiencing continue? → Session has expired. Please try again.';
      if (javaScript) expect(mailto).toContain(given);
      else expect(mailto).not.toContain('→');
      if (javaScript) {
        expect(await page.evaluate(() => (window as unknown as { feedback: unknown }).feedback)).toMatchObject({
          guide: 'account-connection',
          node: 'sp-session-expired',
          answer: 'no',
        });
      }
      // No endpoint is configured for this site: nothing is sent anywhere.
      expect(site.posts).toEqual([]);
      await context.close();
    }
  });

  it('copies the card’s link', async () => {
    const { context, page } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    await page.goto(`${site.url}account-connection/sp-geocompany/#feedback-yes`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.locator('.action-status').innerText()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}account-connection/sp-geocompany/`);
    await context.close();
  });
});

describe('every page kind', () => {
  const pages = {
    list: '',
    start: 'account-connection/',
    question: 'account-connection/entity/',
    'reached two ways': 'account-connection/account-type/',
    step: 'account-connection/agency-requirements/',
    error: 'account-connection/amazon-advertising-error/',
    instructions: 'account-connection/seller-first-account/',
    'one-page view': 'account-connection/all/',
    'error index': 'account-connection/errors/',
    map: 'account-connection/map/',
    'not found': 'no-such-page/',
  };

  for (const dark of [false, true]) {
    it(`has no WCAG 2.2 AA violations (axe-core), ${dark ? 'dark' : 'light'}`, async () => {
      const { context, page } = await open({ dark });
      const violations: string[] = [];
      for (const [kind, path] of Object.entries(pages)) {
        await page.goto(`${site.url}${path}`);
        if (kind === 'error') await page.getByRole('link', { name: 'No', exact: true }).click();
        await page.addScriptTag({ content: AXE });
        const result = await page.evaluate(
          (tags) =>
            (
              window as unknown as {
                axe: {
                  run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
                };
              }
            ).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
          WCAG,
        );
        for (const violation of result.violations) {
          violations.push(`${kind}: ${violation.id} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  it('fits a 375-pixel phone without horizontal scrolling', async () => {
    const { context, page } = await open({ width: 375 });
    const overflowing: string[] = [];
    for (const [kind, path] of Object.entries(pages)) {
      await page.goto(`${site.url}${path}`);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll! > client!) overflowing.push(`${kind}: ${scroll} > ${client}`);
    }
    expect(overflowing).toEqual([]);
    await context.close();
  });
});

describe('a site built under /help/', () => {
  it('can be walked with JavaScript off, every link staying under the base', async () => {
    const { context, page } = await open({ javaScript: false });
    await page.goto(subSite.url);
    await page.getByRole('link', { name: /Router help/ }).click();
    await answer(page, 'No');
    await answer(page, 'Continue');
    await answer(page, 'No signal');
    expect(await heading(page)).toBe('No signal');
    expect(new URL(page.url()).pathname).toBe('/help/router/no-signal/');
    expect(subSite.requests.filter((path) => !path.startsWith('/help/'))).toEqual([]);
    await context.close();
  });

  it('sends feedback to the endpoint the site names, and only there', async () => {
    const { context, page } = await open();
    await page.goto(`${subSite.url}router/`);
    await answer(page, 'No');
    await answer(page, 'Continue');
    await answer(page, 'No signal');
    await page.getByRole('link', { name: 'Yes', exact: true }).click();
    await expect.poll(() => subSite.posts.length).toBe(1);
    expect(subSite.posts[0]!.path).toBe('/help/feedback');
    expect(JSON.parse(subSite.posts[0]!.body)).toMatchObject({
      guide: 'router',
      node: 'no-signal',
      answer: 'yes',
      path: [
        { id: 'start', answer: 'No' },
        { id: 'light-off', answer: 'Continue' },
        { id: 'what-error', answer: 'No signal' },
      ],
    });
    await context.close();
  });
});
