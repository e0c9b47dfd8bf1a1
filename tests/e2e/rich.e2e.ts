/**
 * The rich-content fixture guide in Chromium: every page passes axe (light and dark), holds
 * the Content-Security-Policy with no violation, fits a 375-pixel phone, and its enhancements
 * (copy buttons, tabs) work, while everything is still there with JavaScript off.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureSite, listFiles } from '../site/build-site.ts';
import { axeViolations } from './axe.ts';
import { launch } from './browser.ts';
import { serveAsHost, type StaticSite } from './static-server.ts';

const BASE = '/kb/';

let work: string;
let browser: Browser;
let site: StaticSite;
let pages: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-rich-e2e-'));
  const dist = join(work, 'dist');
  const run = await buildSite(fixtureSite('rich'), {}, '--out', dist, '--base', BASE);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  site = await serveAsHost(dist, BASE);
  pages = (await listFiles(dist))
    .filter((file) => file.startsWith('sync-app/') && file.endsWith('index.html'))
    .map((file) => file.replace(/index\.html$/, ''));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

async function open(
  options: { javaScript?: boolean; width?: number; dark?: boolean; csp?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    // axe-core is injected as an inline script, which the policy forbids; the policy has a test of its own below.
    bypassCSP: !options.csp,
  });
  return { context, page: await context.newPage() };
}

/** Every image on the page, loaded (lazy ones included). */
async function loadImages(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all([...document.images].map((image) => ((image.loading = 'eager'), image.decode().catch(() => undefined)))),
  );
}

describe('a guide with rich content, in the browser', () => {
  it('builds every page of the guide', () => {
    expect(pages.toSorted()).toEqual(
      [
        '',
        'all/',
        'connect/',
        'connected/',
        'error-code/',
        'errors/',
        'install/',
        'map/',
        'requirements/',
        'server-busy/',
        'start/',
        'still-401/',
        'token-expired/',
      ].map((path) => `sync-app/${path}`),
    );
  });

  for (const dark of [false, true]) {
    it(`has no WCAG 2.2 AA violations (axe-core) on any page, ${dark ? 'dark' : 'light'}`, async () => {
      const { context, page } = await open({ dark });
      const violations: string[] = [];
      for (const path of pages) {
        await page.goto(`${site.url}${path}`);
        await loadImages(page);
        for (const violation of await axeViolations(page)) violations.push(`${path}: ${violation}`);
      }
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  it('holds the Content-Security-Policy on every page: no violation, no console error', async () => {
    const { context, page } = await open({ csp: true });
    const errors: string[] = [];
    page.on('console', (message) => {
      // The fixture's video is a stand-in file a browser cannot play: that is not the page's fault.
      if (message.type() === 'error' && !/connect\.mp4/.test(message.location().url)) errors.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP ${event.violatedDirective} ${event.blockedURI}`));
    });
    for (const path of pages) {
      await page.goto(`${site.url}${path}`);
      await loadImages(page);
      await page.waitForLoadState('networkidle');
    }
    // And while using the tabs and the copy buttons.
    await page.goto(`${site.url}sync-app/install/`);
    await page.getByRole('tab', { name: 'macOS' }).click();
    await page.getByRole('button', { name: 'Copy code' }).first().click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a 375-pixel phone without horizontal scrolling: wide tables and long lines scroll in their own box', async () => {
    const { context, page } = await open({ width: 375 });
    const overflowing: string[] = [];
    for (const path of pages) {
      await page.goto(`${site.url}${path}`);
      await loadImages(page);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll! > client!) overflowing.push(`${path}: ${scroll} > ${client}`);
    }
    expect(overflowing).toEqual([]);
    // The table of error codes is wider than a phone: it scrolls inside its own box.
    await page.goto(`${site.url}sync-app/error-code/`);
    const table = await page.locator('.table-scroll').evaluate((box) => [box.scrollWidth, box.clientWidth]);
    expect(table[0]).toBeGreaterThan(table[1]!);
    // The JSON's long line is there, scrolled inside its block.
    await page.goto(`${site.url}sync-app/connect/`);
    const block = await page.locator('pre.code[data-lang="json"]').evaluate((pre) => [pre.scrollWidth, pre.clientWidth]);
    expect(block[0]).toBeGreaterThan(block[1]!);
    await context.close();
  });

  it('turns the tabs into a tab list, operated by click and arrow keys', async () => {
    const { context, page } = await open();
    await page.goto(`${site.url}sync-app/install/`);
    const windows = page.getByRole('tab', { name: 'Windows' });
    const mac = page.getByRole('tab', { name: 'macOS' });
    await expect.poll(() => windows.getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tabpanel').textContent()).toContain('winget install');
    await mac.click();
    expect(await page.getByRole('tabpanel').textContent()).toContain('brew install --cask sync-app');
    await mac.press('ArrowLeft');
    await expect.poll(() => windows.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Windows');
    await context.close();
  });

  it('copies a code block with its button', async () => {
    const { context, page } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    await page.goto(`${site.url}sync-app/token-expired/`);
    const button = page.locator('.code-copy');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('sync token reset --account you@example.com');
    await context.close();
  });

  it('shows everything without JavaScript: every tab under its label, no copy button, images that enlarge by a link', async () => {
    const { context, page } = await open({ javaScript: false });
    await page.goto(`${site.url}sync-app/install/`);
    expect(await page.locator('.tab-label').allTextContents()).toEqual(['Windows', 'macOS']);
    expect(await page.locator('.tab-panel:visible').count()).toBe(2);
    expect(await page.locator('.code-copy').count()).toBe(0);
    const link = page.locator('a.image-link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/kb\/_astro\/sign-in\.[\w-]+\.png$/);
    await link.click();
    await page.waitForURL(`**${href}`);
    await context.close();
  });

  it('shows the screenshots with their size set, so nothing moves while they load', async () => {
    const { context, page } = await open({ width: 375 });
    await page.goto(`${site.url}sync-app/install/`);
    const before = await page.locator('.figure-screenshot img').boundingBox();
    await loadImages(page);
    const after = await page.locator('.figure-screenshot img').boundingBox();
    expect(before!.height).toBeGreaterThan(150);
    expect(after).toEqual(before);
    // On a phone, a smaller copy is chosen from the srcset.
    expect(await page.locator('.figure-screenshot img').evaluate((image: HTMLImageElement) => image.currentSrc)).toMatch(/\.webp$/);
    await context.close();
  });
});
