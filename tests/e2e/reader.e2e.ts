import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides, isOutcome, waysOn, type Guide, type GuideNode } from '../../plugins/signpost/src/core/index.ts';
import { build, buildWith, ROOT } from '../site/build-site.ts';
import { axeViolations } from './axe.ts';
import { launch } from './browser.ts';
import { watchLayoutShift } from './layout-shift.ts';
import { serve, type StaticSite } from './static-server.ts';

/** A guide with a loop (Is the signal back? No → the light question again) and a step reached two ways. */
const WIFI = join(ROOT, 'tests/e2e/fixtures/guides');
const WIFI_SITE = 'https://help.example.com';

let work: string;
let browser: Browser;
let site: StaticSite;
let subSite: StaticSite;
let wifiSite: StaticSite;
let shippedGuide: Guide;
/** The second shipped guide, the SSH Connection Guide: 51 nodes, branches by operating system. */
let sshGuide: Guide;
let wifiGuide: Guide;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-e2e-'));
  const [shipped, sub, wifi] = await Promise.all([
    build('guide', '--out', join(work, 'shipped')),
    buildWith(
      { SIGNPOST_FEEDBACK_URL: '/help/feedback' },
      join(ROOT, 'tests/site/fixtures/guides'),
      '--out',
      join(work, 'sub'),
      '--base',
      '/help/',
    ),
    buildWith({ SITE_URL: WIFI_SITE }, WIFI, '--out', join(work, 'wifi')),
  ]);
  expect(shipped.code, shipped.stderr).toBe(0);
  expect(sub.code, sub.stderr).toBe(0);
  expect(wifi.code, wifi.stderr).toBe(0);
  site = await serve(join(work, 'shipped'));
  subSite = await serve(join(work, 'sub'), '/help/');
  wifiSite = await serve(join(work, 'wifi'));
  browser = await launch();
  const shippedGuides = (await checkGuides([join(ROOT, 'guide')])).guides;
  shippedGuide = shippedGuides.find((guide) => guide.slug === 'account-connection')!;
  sshGuide = shippedGuides.find((guide) => guide.slug === 'ssh-connection')!;
  wifiGuide = (await checkGuides([WIFI])).guides[0]!;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await subSite?.close();
  await wifiSite?.close();
  await rm(work, { recursive: true, force: true });
});

async function open(
  options: { javaScript?: boolean; width?: number; height?: number; dark?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    // axe-core is injected as an inline script, which the pages' own policy forbids; the policy
    // itself is tested in csp.e2e.ts.
    bypassCSP: true,
  });
  return { context, page: await context.newPage() };
}

/** One answer of a walk: the node it is given on, its text, and where it leads. */
interface Move {
  from: string;
  label: string;
  to: string;
}

/** The answers (or Continue) out of a node, as moves. */
function movesFrom(node: GuideNode): Move[] {
  return waysOn(node).map((edge) => ({
    from: node.id,
    to: edge.to,
    label: 'label' in edge ? (edge as { label: string }).label : 'Continue',
  }));
}

/** Every way from the start to an outcome that visits no node twice. */
function simplePaths(guide: Guide): Move[][] {
  const paths: Move[][] = [];
  const visit = (id: string, path: Move[], seen: Set<string>): void => {
    const node = guide.byId.get(id)!;
    if (isOutcome(node)) paths.push(path);
    for (const move of movesFrom(node)) {
      if (!seen.has(move.to)) visit(move.to, [...path, move], new Set([...seen, move.to]));
    }
  };
  visit(guide.meta!.start, [], new Set([guide.meta!.start]));
  return paths;
}

/** A move's identity: the node it is given on, its text and its target. */
const moveKey = (move: Move) => `${move.from}\u0000${move.label}\u0000${move.to}`;

/**
 * Ways from the start to an outcome that visit no node twice and together give every answer
 * such a way can give: the ones giving most answers not given yet first. Walking all 1,285
 * ways through the SSH Connection Guide (13,464 clicks) would take most of CI's time; every
 * answer once takes a few hundred clicks.
 */
function coveringPaths(guide: Guide): Move[][] {
  const all = simplePaths(guide);
  const untaken = new Set(all.flatMap((path) => path.map(moveKey)));
  const chosen: Move[][] = [];
  while (untaken.size > 0) {
    let best: Move[] = [];
    let gain = 0;
    for (const path of all) {
      const gives = new Set(path.map(moveKey).filter((key) => untaken.has(key))).size;
      if (gives > gain || (gives === gain && gives > 0 && path.length < best.length)) [best, gain] = [path, gives];
    }
    chosen.push(best);
    for (const move of best) untaken.delete(moveKey(move));
  }
  return chosen;
}

/** What the trail records of a move: the question as asked, and the answer. */
function given(guide: Guide, move: Move): [string, string] {
  const node = guide.byId.get(move.from)!;
  return [node.kind === 'question' ? node.prompt : node.title, move.label];
}

/**
 * Clicks the answer (or Continue) with this exact text in the node on screen: a question's, or
 * an error card's that goes on (whose answers carry no `.answer-label`).
 */
async function answer(page: Page, label: string): Promise<void> {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await Promise.all([page.waitForEvent('load'), page.locator('article a.answer').filter({ hasText: exact }).click()]);
}

/** The trail of answers given, as [question, answer] pairs: only when it is shown. */
async function trail(page: Page): Promise<string[][]> {
  if (await page.locator('nav.trail:not(.reached-from)').isHidden()) return [];
  return page
    .locator('nav.trail:not(.reached-from) li')
    .evaluateAll((items) =>
      items.map((item) => [item.querySelector('a')!.textContent!.trim(), item.querySelector('.trail-answer')!.textContent!.trim()]),
    );
}

/** The ways into the page it was built with, as [question, answer] pairs: only when shown. */
async function reachedFrom(page: Page): Promise<string[][]> {
  if ((await page.locator('nav.reached-from').count()) === 0 || (await page.locator('nav.reached-from').isHidden())) return [];
  return page
    .locator('nav.reached-from li')
    .evaluateAll((items) =>
      items.map((item) => [item.querySelector('a')!.textContent!.trim(), item.querySelector('.trail-answer')?.textContent?.trim() ?? '']),
    );
}

async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').innerText()).trim();
}

const pathOf = (page: Page) => new URL(page.url()).pathname;
const backHref = (page: Page) => page.locator('[data-action="back"]').getAttribute('href');
const report = (page: Page) => page.locator('[data-report]').textContent();
/** The body of every support e-mail on the page (they must all agree). */
async function mailBodies(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href^="mailto:"][data-subject]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs.map((href) => new URL(href).searchParams.get('body') ?? ''))];
}

/** The path report a page should show: guide, page, address, and the answers given, if known. */
function expectedReport(guide: Guide, node: GuideNode, address: string, answers: string[][]): string {
  return [
    `Guide: ${guide.meta!.title}`,
    `Page: ${node.title}`,
    `Address: ${address}`,
    ...(answers.length > 0 ? ['Answers:', ...answers.map(([question, reply], index) => `${index + 1}. ${question} → ${reply}`)] : []),
  ].join('\n');
}

/** The page Back goes to without JavaScript: the one node that leads here, else the start. */
function staticBack(guide: Guide, id: string): string {
  const parents = guide.nodes.filter((node) => waysOn(node).some((edge) => edge.to === id));
  return parents.length === 1 && parents[0]!.id !== guide.meta!.start ? `/${guide.slug}/${parents[0]!.id}/` : `/${guide.slug}/`;
}

/**
 * Walks a path by clicking, checking on every page what it says of the way there: with
 * JavaScript, the answers given and Back to the last question; without, no trail at all and
 * Back to the one parent (else the start). At the end, the path report and the support e-mail.
 */
async function walk(page: Page, served: StaticSite, guide: Guide, path: Move[], javaScript: boolean, siteUrl?: string): Promise<string[]> {
  const problems: string[] = [];
  const start = guide.meta!.start;
  const pageOf = (id: string) => (id === start ? `/${guide.slug}/` : `/${guide.slug}/${id}/`);
  await page.goto(`${served.url}${guide.slug}/`);
  const answers: string[][] = [];
  const where = () => `${path.map((move) => move.label).join(' › ')} at ${pathOf(page)}`;
  for (const move of path) {
    await answer(page, move.label);
    answers.push(given(guide, move));
    if (pathOf(page) !== pageOf(move.to)) problems.push(`${where()}: expected ${pageOf(move.to)}`);
    const shown = await trail(page);
    const expected = javaScript ? answers : [];
    if (move.to !== start && JSON.stringify(shown) !== JSON.stringify(expected)) {
      problems.push(`${where()}: trail ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
    }
    if (move.to !== start) {
      const back = await backHref(page);
      const wanted = javaScript ? pageOf(move.from) : staticBack(guide, move.to);
      if (back !== wanted) problems.push(`${where()}: Back to ${back}, expected ${wanted}`);
    }
  }
  const outcome = guide.byId.get(path.at(-1)!.to)!;
  const address = javaScript
    ? `${served.url}${guide.slug}/${outcome.id}/`
    : siteUrl
      ? `${siteUrl}/${guide.slug}/${outcome.id}/`
      : pageOf(outcome.id);
  const wanted = expectedReport(guide, outcome, address, javaScript ? answers : []);
  const shownReport = await report(page);
  if (shownReport !== wanted) problems.push(`${where()}: report ${JSON.stringify(shownReport)}, expected ${JSON.stringify(wanted)}`);
  const bodies = await mailBodies(page);
  if (guide.meta!.support?.email && JSON.stringify(bodies) !== JSON.stringify([wanted])) {
    problems.push(`${where()}: e-mail ${JSON.stringify(bodies)}, expected ${JSON.stringify(wanted)}`);
  }
  return problems;
}

describe('the trail shows only the answers the reader gave', () => {
  for (const javaScript of [true, false]) {
    it(`on every path to every outcome, JavaScript ${javaScript ? 'on' : 'off'}: trail, Back, path report, e-mail`, async () => {
      const { context, page } = await open({ javaScript });
      const problems: string[] = [];
      const shippedPaths = simplePaths(shippedGuide);
      // 15 ways through the Account Connection Guide; the Wi-Fi guide's include the way back
      // from "Is the signal back?" to the light question, Restart reached two ways, and two
      // answers of one question that lead to Restart (each walked, each its own trail).
      expect(shippedPaths).toHaveLength(15);
      for (const path of shippedPaths) problems.push(...(await walk(page, site, shippedGuide, path, javaScript)));
      const wifiPaths = simplePaths(wifiGuide);
      expect(wifiPaths).toHaveLength(10);
      for (const path of wifiPaths) problems.push(...(await walk(page, wifiSite, wifiGuide, path, javaScript, WIFI_SITE)));
      expect(problems).toEqual([]);
      await context.close();
    }, 240_000);
  }

  for (const javaScript of [true, false]) {
    it(`through the SSH Connection Guide, every answer, JavaScript ${javaScript ? 'on' : 'off'}: trail, Back, path report`, async () => {
      const { context, page } = await open({ javaScript });
      const problems: string[] = [];
      const paths = coveringPaths(sshGuide);
      // Every answer of the guide is on a walked way, but those back to the start (test the
      // connection again), which no such way can take: they are clicked one by one below.
      const walked = new Set(paths.flat().map(moveKey));
      const back = sshGuide.nodes.flatMap(movesFrom).filter((move) => !walked.has(moveKey(move)));
      expect(back.map((move) => move.to)).toEqual(back.map(() => sshGuide.meta!.start));
      expect(back.length).toBe(5);
      expect(walked.size + back.length).toBe(sshGuide.nodes.flatMap(movesFrom).length);
      for (const path of paths) problems.push(...(await walk(page, site, sshGuide, path, javaScript)));
      for (const move of back) {
        await page.goto(`${site.url}ssh-connection/${move.from}/`);
        await answer(page, move.label);
        // An answer to the start node leads to the guide's start page, the start's address.
        const at = `${pathOf(page)} “${await heading(page)}”`;
        if (at !== '/ssh-connection/ “SSH Connection Guide”') problems.push(`${move.from} › ${move.label}: ${at}, not the start`);
      }
      expect(problems).toEqual([]);
      await context.close();
    }, 240_000);
  }

  it('through a loop: a question answered again cuts the trail there, like a stack, and Back follows it', async () => {
    const { context, page } = await open();
    await page.goto(`${wifiSite.url}wifi/`);
    await answer(page, 'No signal');
    await answer(page, 'Yes');
    await answer(page, 'Continue');
    expect(await trail(page)).toEqual([
      ['What is wrong?', 'No signal'],
      ["Is the router's light on?", 'Yes'],
      ['Restart the router', 'Continue'],
    ]);
    await answer(page, 'No, look again');
    // Back at the light question: the trail is the one that first led here, not a longer one.
    expect(pathOf(page)).toBe('/wifi/signal/');
    expect(await trail(page)).toEqual([['What is wrong?', 'No signal']]);
    expect(await backHref(page)).toBe('/wifi/');
    await answer(page, 'No');
    const card = [
      ['What is wrong?', 'No signal'],
      ["Is the router's light on?", 'No'],
    ];
    expect(await trail(page)).toEqual(card);
    expect(await report(page)).toBe(expectedReport(wifiGuide, wifiGuide.byId.get('no-power')!, `${wifiSite.url}wifi/no-power/`, card));
    expect(await mailBodies(page)).toEqual([await report(page)]);
    // Back goes to the question last answered, with the trail that led to it.
    await Promise.all([page.waitForEvent('load'), page.locator('[data-action="back"]').click()]);
    expect(pathOf(page)).toBe('/wifi/signal/');
    expect(await trail(page)).toEqual([['What is wrong?', 'No signal']]);
    await context.close();
  });

  it('shows the trail in its place from the first paint: nothing moves', async () => {
    const { context, page } = await open({ width: 375, height: 812 });
    const shift = await watchLayoutShift(page);
    await page.goto(`${site.url}account-connection/`);
    await answer(page, 'Account Connection Procedure');
    await answer(page, 'Agency');
    await page.waitForLoadState('networkidle');
    expect(await trail(page)).toHaveLength(2);
    expect(await shift()).toBe(0);
    await page.goBack();
    await page.waitForLoadState('networkidle');
    expect(await trail(page)).toHaveLength(1);
    expect(await shift()).toBe(0);
    await context.close();
  });

  it('keeps each page’s trail through browser Back and Forward, twice, and a reload', async () => {
    const { context, page } = await open();
    await page.goto(`${wifiSite.url}wifi/`);
    const seen: [string, string[][]][] = [];
    for (const label of ['No signal', 'Yes', 'Continue', 'No, look again', 'It blinks']) {
      await answer(page, label);
      seen.push([pathOf(page), await trail(page)]);
    }
    expect(seen.map(([path]) => path)).toEqual([
      '/wifi/signal/',
      '/wifi/restart/',
      '/wifi/signal-check/',
      '/wifi/signal/',
      '/wifi/blinking/',
    ]);
    const check = async (index: number) => {
      expect(pathOf(page)).toBe(seen[index]![0]);
      expect(await trail(page), `${index}: ${seen[index]![0]}`).toEqual(seen[index]![1]);
    };
    await page.goBack();
    await check(3);
    await page.goBack();
    await check(2);
    await page.goForward();
    await check(3);
    await page.goForward();
    await check(4);
    await page.reload();
    await check(4);
    await page.goBack();
    await page.reload();
    await check(3);
    await context.close();
  });

  it('names the answers of the way actually taken to a node reached two ways, and Back goes there', async () => {
    const { context, page } = await open();
    await page.goto(`${site.url}account-connection/`);
    await answer(page, 'Account Connection Procedure');
    await answer(page, 'Private Owner');
    await answer(page, 'Continue');
    // A question's page is headed by its title and asks its prompt at its answers.
    expect(await heading(page)).toBe('Account Type');
    expect((await page.locator('article .question .prompt').innerText()).trim()).toBe(
      'What type of Account are you Trying to Connect to Perpetua?',
    );
    expect(await trail(page)).toEqual([
      ['What do you need help with?', 'Account Connection Procedure'],
      ['Under which profile are you connecting your Amazon Account?', 'Private Owner'],
      ['Private Owner Requirements', 'Continue'],
    ]);
    expect(await reachedFrom(page)).toEqual([]);
    // The trail is one line that opens into the list, each question a way back to it.
    expect(await page.locator('nav.trail:not(.reached-from) .trail-summary').innerText()).toBe(
      'Account Connection Procedure › Private Owner › Continue',
    );
    await page.locator('nav.trail:not(.reached-from) summary').click();
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Under which profile are you connecting your Amazon Account?' }).click(),
    ]);
    expect(pathOf(page)).toBe('/account-connection/entity/');
    expect(await trail(page)).toEqual([['What do you need help with?', 'Account Connection Procedure']]);
    await page.goBack();
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Back' }).click()]);
    expect(pathOf(page)).toBe('/account-connection/private-owner-requirements/');
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Start over' }).click()]);
    expect(pathOf(page)).toBe('/account-connection/');
    await answer(page, 'Account Connection Procedure');
    expect(await trail(page)).toEqual([['What do you need help with?', 'Account Connection Procedure']]);
    await context.close();
  });

  for (const javaScript of [true, false]) {
    it(`says how a page is reached to a reader who arrived by a link, JavaScript ${javaScript ? 'on' : 'off'}, and offers Start over`, async () => {
      const { context, page } = await open({ javaScript });
      // Two steps lead to Account Type: both are named, each a link, with the answer that leads here.
      await page.goto(`${site.url}account-connection/account-type/`);
      expect(await trail(page)).toEqual([]);
      expect(await reachedFrom(page)).toEqual([
        ['Agency Requirements', 'Continue'],
        ['Private Owner Requirements', 'Continue'],
      ]);
      expect(await page.locator('nav.reached-from .trail-summary').innerText()).toBe('Agency Requirements · Private Owner Requirements');
      expect(await report(page)).toBe(
        expectedReport(
          shippedGuide,
          shippedGuide.byId.get('account-type')!,
          javaScript ? `${site.url}account-connection/account-type/` : '/account-connection/account-type/',
          [],
        ),
      );
      expect(await page.getByRole('link', { name: 'Start over' }).getAttribute('href')).toBe('/account-connection/');
      // With more than one way in, Back cannot know which: it starts over.
      expect(await backHref(page)).toBe('/account-connection/');
      await answer(page, 'Seller');
      expect(await trail(page)).toEqual(javaScript ? [['What type of Account are you Trying to Connect to Perpetua?', 'Seller']] : []);
      // One way in: nothing to say, and Back goes to it.
      await page.goto(`${site.url}account-connection/agency-requirements/`);
      expect(await reachedFrom(page)).toEqual([]);
      await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Back' }).click()]);
      expect(pathOf(page)).toBe('/account-connection/entity/');
      expect(await trail(page)).toEqual([]);
      await context.close();
    });
  }
});

describe('feedback and the way to support', () => {
  it('selects one answer per page view, changeable, one event per change and no history entry', async () => {
    const { context, page } = await open();
    await page.goto(`${site.url}account-connection/`);
    for (const label of ['Account Connection Error Messages', 'Connect Selling Partners Error', 'Session has expired. Please try again.']) {
      await answer(page, label);
    }
    await page.evaluate(() => {
      const events: unknown[] = [];
      (window as unknown as { feedback: unknown[] }).feedback = events;
      document.addEventListener('signpost:feedback', (event) => events.push((event as CustomEvent).detail));
    });
    const entries: number = await page.evaluate(() => history.length);
    const yes = page.getByRole('radio', { name: 'Yes' });
    const no = page.getByRole('radio', { name: 'No' });
    const panel = page.locator('.feedback-panel-no');
    expect(await panel.isVisible()).toBe(false);
    await page.locator('label[for="feedback-yes"]').click();
    await page.locator('label[for="feedback-yes"]').click();
    expect(await yes.isChecked()).toBe(true);
    expect(await page.locator('.feedback-panel-yes').innerText()).toBe('Thanks for letting us know.');
    await page.locator('label[for="feedback-no"]').click();
    expect(await no.isChecked()).toBe(true);
    expect(await yes.isChecked()).toBe(false);
    expect(await page.locator('.feedback-panel-yes').isVisible()).toBe(false);
    const events = (await page.evaluate(() => (window as unknown as { feedback: { answer: string; node: string }[] }).feedback)).map(
      (event) => [event.node, event.answer],
    );
    expect(events).toEqual([
      ['sp-session-expired', 'yes'],
      ['sp-session-expired', 'no'],
    ]);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(pathOf(page)).toBe('/account-connection/sp-session-expired/');
    // After No: the other answers of the question answered, then support, in that order.
    expect(await panel.locator('h3').innerText()).toBe(
      'Did you mean another answer to “How does the message you are experiencing continue?”?',
    );
    expect(await panel.locator('.alternatives:visible a').allInnerTexts()).toEqual([
      'Please Try Again.',
      'This account is already in use. Please Try Again.',
      'Failed to retrieve refresh token. Please try again.',
      'Failed to create geocompany. Please try again.',
    ]);
    const order = await page.evaluate(() =>
      ['.feedback', '.escalate'].map((selector) => [...document.querySelectorAll('main *')].indexOf(document.querySelector(selector)!)),
    );
    expect(order[0]).toBeLessThan(order[1]!);
    const mail = new URL((await page.locator('.escalate a[href^="mailto:"]').getAttribute('href'))!);
    expect(mail.pathname).toBe('hello@perpetua.io');
    expect(mail.searchParams.get('subject')).toBe('Account Connection Guide: Session has expired. Please try again.');
    // An alternative is an answer to that question, in place of the one given.
    await Promise.all([page.waitForEvent('load'), panel.getByRole('link', { name: 'Please Try Again.', exact: true }).click()]);
    expect(await trail(page)).toEqual([
      ['What do you need help with?', 'Account Connection Error Messages'],
      ['What type of error message are you experiencing?', 'Connect Selling Partners Error'],
      ['How does the message you are experiencing continue?', 'Please Try Again.'],
    ]);
    // No endpoint is configured for this site: nothing is sent anywhere.
    expect(site.posts).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: the answer shows its panel, and a card without an escalation offers support after No', async () => {
    const { context, page } = await open({ javaScript: false });
    await page.goto(`${wifiSite.url}wifi/blinking/`);
    expect(await page.locator('.escalate').count()).toBe(0);
    await page.locator('label[for="feedback-no"]').click();
    const panel = page.locator('.feedback-panel-no');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('a').allInnerTexts()).toEqual(['No', 'Contact support']);
    const mail = new URL((await panel.getByRole('link', { name: 'Contact support' }).getAttribute('href'))!);
    expect(mail.searchParams.get('subject')).toBe('Wi-Fi help: E2: Light blinking');
    // The site's address is known to this build: the e-mail names the page absolutely.
    expect(mail.searchParams.get('body')).toBe(`Guide: Wi-Fi help\nPage: E2: Light blinking\nAddress: ${WIFI_SITE}/wifi/blinking/`);
    await page.locator('label[for="feedback-yes"]').click();
    expect(await panel.isVisible()).toBe(false);
    expect(await page.locator('.feedback-panel-yes').isVisible()).toBe(true);
    await context.close();
  });

  it('offers support on the one-page view and on the not-found page, naming the missing address', async () => {
    const { context, page } = await open();
    await page.goto(`${site.url}account-connection/all/`);
    const all = new URL((await page.locator('main > .escalate a[href^="mailto:"]').getAttribute('href'))!);
    expect(all.searchParams.get('subject')).toBe('Account Connection Guide: All steps on one page');
    await page.goto(`${site.url}no-such-page/`);
    const lost = new URL((await page.getByRole('link', { name: 'Contact support' }).getAttribute('href'))!);
    expect(lost.searchParams.get('subject')).toBe('Account Connection Guide: Page not found');
    expect(lost.searchParams.get('body')).toBe(`Guide: Account Connection Guide\nPage: Page not found\nAddress: ${site.url}no-such-page/`);
    await context.close();
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

describe('on a 375 × 812 phone', () => {
  /** The bottom of an element's first line, from the top of the page. */
  const firstLineBottom = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const line = range.getClientRects()[0] ?? element.getBoundingClientRect();
        return line.bottom + scrollY;
      });

  it('shows an error card’s message and the first line of How to fix, a question’s title and its first answer or the way to it, and a step’s first line, on the first screen', async () => {
    const off: string[] = [];
    for (const javaScript of [true, false]) {
      const { context, page } = await open({ width: 375, height: 812, javaScript });
      for (const [where, guide, slug] of [
        [site, shippedGuide, 'account-connection'],
        [wifiSite, wifiGuide, 'wifi'],
      ] as const) {
        for (const path of simplePaths(guide)) {
          await page.goto(`${where.url}${slug}/`);
          const check = async () => {
            const node = guide.byId.get(pathOf(page).split('/')[2] || guide.meta!.start)!;
            const firstAnswer = () =>
              page
                .locator('article a.answer')
                .first()
                .evaluate((a) => a.getBoundingClientRect().bottom + scrollY);
            let bottoms: Record<string, number>;
            if (node.kind === 'error') {
              bottoms = {
                message: await firstLineBottom(page, 'h1.error-message'),
                fix: await firstLineBottom(page, '.fix .content li, .fix .content p'),
              };
            } else if (node.kind === 'question') {
              // The answers stand after the content written before them: when that pushes
              // them down, the top of the page links to them, and the link leads there.
              const answersBottom = await firstAnswer();
              const jump = page.locator('.jump-answers a');
              bottoms = { title: await firstLineBottom(page, 'article h1, h1') };
              if (answersBottom <= 812) bottoms['first answer'] = answersBottom;
              else if ((await jump.count()) === 0) bottoms['first answer, with no way to it'] = answersBottom;
              else {
                bottoms['the way to the answers'] = await jump.evaluate((a) => a.getBoundingClientRect().bottom + scrollY);
                await jump.click();
                const shown = await page
                  .locator('article a.answer')
                  .first()
                  .evaluate((a) => a.getBoundingClientRect().bottom);
                if (shown > 812 || shown < 0)
                  off.push(`${pathOf(page)}: the way to the answers leaves the first answer at ${Math.round(shown)} px`);
                // And the question they answer with them, where the page asks it there.
                const asked = page.locator('article .prompt-heading, article .question .prompt').first();
                if ((await asked.count()) > 0) {
                  // Its top at the screen's edge, but for a fraction of a pixel of layout.
                  const top = await asked.evaluate((element) => element.getBoundingClientRect().top);
                  if (top < -2 || top > 812)
                    off.push(`${pathOf(page)}: the way to the answers leaves their question at ${Math.round(top)} px`);
                }
                await page.evaluate(() => scrollTo(0, 0));
              }
            } else {
              // A step or instructions: the start of what to do.
              bottoms = { 'first line': await firstLineBottom(page, 'article .content > *') };
            }
            for (const [what, bottom] of Object.entries(bottoms)) {
              if (bottom > 812)
                off.push(`${pathOf(page)} (JavaScript ${javaScript ? 'on' : 'off'}): ${what} ends at ${Math.round(bottom)} px`);
            }
          };
          await check();
          for (const move of path) {
            await answer(page, move.label);
            await check();
          }
        }
      }
      await context.close();
    }
    expect([...new Set(off)]).toEqual([]);
  }, 240_000);

  it('keeps the header to one row, with search behind a button that opens it', async () => {
    const { context, page } = await open({ width: 375, height: 812 });
    await page.goto(`${site.url}account-connection/sp-refresh-token/`);
    expect(await page.locator('.site-header').evaluate((header) => header.getBoundingClientRect().height)).toBeLessThanOrEqual(57);
    expect(await page.locator('#search-input').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Search the guides' }).click();
    expect(await page.locator('#search-input').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-input').isVisible()).toBe(false);
    await context.close();
  });

  it('opens the map on its start node', async () => {
    const { context, page } = await open({ width: 375, height: 812 });
    await page.goto(`${site.url}account-connection/map/`);
    const [start, frame] = await Promise.all([
      page.locator('.map-start').evaluate((node) => node.getBoundingClientRect().toJSON() as DOMRect),
      page.locator('.map-frame').evaluate((node) => node.getBoundingClientRect().toJSON() as DOMRect),
    ]);
    expect(start.left).toBeGreaterThanOrEqual(frame.left);
    expect(start.right).toBeLessThanOrEqual(frame.right);
    // The same graph as text, in reading order, for screen readers.
    const outline = page.locator('.map-outline > ol > li');
    expect(await outline.count()).toBe(shippedGuide.nodes.length);
    expect((await outline.first().innerText()).split('\n')).toEqual([
      'Account Connection Guide (Start here · Question)',
      'Account Connection Procedure → Entity Connecting an Account',
      'Account Connection Error Messages → Account Connection Error Messages',
    ]);
    await context.close();
  });
});

describe('the theme', () => {
  it('switches light, dark and system from its button, before the first paint of the next page too', async () => {
    const { context, page } = await open({ dark: false });
    await page.goto(`${site.url}account-connection/entity/`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    const button = page.locator('[data-theme-toggle]');
    expect(await button.getAttribute('aria-label')).toBe('Theme: System. Switch to Light');
    await button.click();
    await button.click();
    expect(await button.getAttribute('aria-label')).toBe('Theme: Dark. Switch to System');
    expect(await background()).toBe('rgb(15, 20, 27)');
    // The next page is dark from its first paint: the theme is applied by a script in <head>,
    // before the body exists.
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.body) return;
        (window as unknown as { early: string | undefined }).early = document.documentElement.dataset['theme'];
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    await answer(page, 'Agency');
    expect(await page.evaluate(() => (window as unknown as { early: string | undefined }).early)).toBe('dark');
    expect(await background()).toBe('rgb(15, 20, 27)');
    await page.locator('[data-theme-toggle]').click();
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => localStorage.getItem('signpost:theme'))).toBeNull();
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
    'SSH start: ten answers and a code block': 'ssh-connection/',
    'SSH question with a table': 'ssh-connection/pd-verbose/',
    'SSH error card with a table, going on': 'ssh-connection/host-authenticity/',
    'SSH step': 'ssh-connection/new-key-windows/',
    'SSH instructions with a callout': 'ssh-connection/unknown-key-macos/',
    'SSH error index': 'ssh-connection/errors/',
  };

  for (const dark of [false, true]) {
    it(`has no WCAG 2.2 AA violations (axe-core), ${dark ? 'dark' : 'light'}`, async () => {
      const { context, page } = await open({ dark });
      const violations: string[] = [];
      for (const [kind, path] of Object.entries(pages)) {
        await page.goto(`${site.url}${path}`);
        if (kind === 'error') await page.locator('label[for="feedback-no"]').click();
        if (kind === 'reached two ways') await page.locator('nav.reached-from summary').click();
        for (const violation of await axeViolations(page)) violations.push(`${kind}: ${violation}`);
      }
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  it('shows a focus ring of 3:1 or more against the page, light and dark', async () => {
    for (const dark of [false, true]) {
      const { context, page } = await open({ dark });
      await page.goto(`${site.url}account-connection/entity/`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const ratio = await page.evaluate(() => {
        const element = document.activeElement!;
        const parse = (colour: string) =>
          colour
            .match(/[\d.]+/g)!
            .slice(0, 3)
            .map(Number);
        const luminance = (rgb: number[]) => {
          const [r, g, b] = rgb.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const ring = luminance(parse(getComputedStyle(element).outlineColor));
        const ground = luminance(parse(getComputedStyle(document.body).backgroundColor));
        return (Math.max(ring, ground) + 0.05) / (Math.min(ring, ground) + 0.05);
      });
      expect(ratio, dark ? 'dark' : 'light').toBeGreaterThanOrEqual(3);
      await context.close();
    }
  });

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
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: /Router help/ }).click()]);
    await answer(page, 'No');
    await answer(page, 'Continue');
    await answer(page, 'No signal');
    expect(await heading(page)).toBe('No signal');
    expect(pathOf(page)).toBe('/help/router/no-signal/');
    expect(subSite.requests.filter((path) => !path.startsWith('/help/'))).toEqual([]);
    await context.close();
  });

  it('sends feedback to the endpoint the site names, and only there', async () => {
    const { context, page } = await open();
    await page.goto(`${subSite.url}router/`);
    await answer(page, 'No');
    await answer(page, 'Continue');
    await answer(page, 'No signal');
    await page.locator('label[for="feedback-yes"]').click();
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
