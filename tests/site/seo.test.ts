import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, buildWith, ROOT, type BuildRun } from './build-site.ts';

/** A guide without drafts, so that a --strict build passes. */
const ROUTER = join(ROOT, 'tests/site/fixtures/guides/router');
const SITE = 'https://help.example.com';

let work: string;
let withSite: BuildRun;
let withoutSite: BuildRun;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-seo-'));
  [withSite, withoutSite] = await Promise.all([
    buildWith({ SITE_URL: SITE }, ROUTER, '--out', join(work, 'with-site'), '--strict'),
    build(ROUTER, '--out', join(work, 'without-site'), '--strict'),
  ]);
  expect(withSite.code, withSite.stdout + withSite.stderr).toBe(0);
  expect(withoutSite.code, withoutSite.stdout + withoutSite.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function page(site: string, path: string): Promise<HTMLElement> {
  return parse(await readFile(join(work, site, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8'));
}

/** What search engines and link previews read in a page's head. */
async function head(site: string, path: string): Promise<Record<string, string | undefined>> {
  const html = await page(site, path);
  const meta = (selector: string) => html.querySelector(selector)?.getAttribute('content');
  return {
    title: html.querySelector('title')?.text,
    description: meta('meta[name="description"]'),
    canonical: html.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    'og:type': meta('meta[property="og:type"]'),
    'og:title': meta('meta[property="og:title"]'),
    'og:description': meta('meta[property="og:description"]'),
    'og:url': meta('meta[property="og:url"]'),
    'og:site_name': meta('meta[property="og:site_name"]'),
    'twitter:card': meta('meta[name="twitter:card"]'),
  };
}

describe('search engines and link previews', () => {
  it('describe each page by its first paragraph, or an error card by its Reason, with absolute URLs when the site is known', async () => {
    expect(await head('with-site', 'router/no-signal/')).toEqual({
      title: 'No signal · Router help',
      description: 'The cable is loose.',
      canonical: `${SITE}/router/no-signal/`,
      'og:type': 'article',
      'og:title': 'No signal · Router help',
      'og:description': 'The cable is loose.',
      'og:url': `${SITE}/router/no-signal/`,
      'og:site_name': 'Guides',
      'twitter:card': 'summary',
    });
    expect(await head('with-site', 'router/light-off/')).toMatchObject({
      description: 'Make sure the cable is plugged in, then look at the screen.',
      canonical: `${SITE}/router/light-off/`,
    });
    // A question without words of its own: its prompt and answers.
    expect(await head('with-site', 'router/what-error/')).toMatchObject({
      description: 'What does the screen say? No signal or Something else.',
    });
    // The start is the guide's page: its summary, and one address for both of its pages.
    expect(await head('with-site', 'router/')).toMatchObject({
      title: 'Router help',
      description: 'Get your router back online.',
      canonical: `${SITE}/router/`,
      'og:type': 'website',
    });
    expect((await head('with-site', 'router/start/')).canonical).toBe(`${SITE}/router/`);
    expect(await head('with-site', 'router/errors/')).toMatchObject({
      description: 'Router help: Every error message this guide explains. Pick the one on your screen.',
      canonical: `${SITE}/router/errors/`,
    });
  });

  it('keeps the not-found page out of the index', async () => {
    const html = await page('with-site', '404.html');
    expect(html.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(html.querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('list absolute URLs in the sitemap when the site is known', async () => {
    const sitemap = await readFile(join(work, 'with-site', 'sitemap.xml'), 'utf8');
    const urls = [...sitemap.matchAll(/<loc>(.*?)<\/loc>/g)].map((match) => match[1]);
    expect(urls).toContain(`${SITE}/router/no-signal/`);
    expect(urls.every((url) => url!.startsWith(`${SITE}/`))).toBe(true);
  });

  it('has no canonical URL without the site address, and a --strict build says so', async () => {
    expect((await head('without-site', 'router/no-signal/')).canonical).toBeUndefined();
    expect((await head('without-site', 'router/no-signal/'))['og:url']).toBeUndefined();
    expect(withoutSite.stdout + withoutSite.stderr).toContain(
      '[signpost] The site address is not set: pages have no canonical URL and sitemap.xml lists paths. Set it with SITE_URL=https://help.example.com, or `site` in astro.config.mjs.',
    );
    expect(withSite.stdout + withSite.stderr).not.toContain('site address is not set');
  });
});

describe('the way to support', () => {
  it('names the guide and the page in the subject, and the page’s absolute address in the body', async () => {
    const html = await page('with-site', 'router/no-signal/');
    const links = html.querySelectorAll('a[href^="mailto:"][data-subject]').map((a) => new URL(a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.searchParams.get('subject')).toBe('Router help: No signal');
      expect(link.searchParams.get('body')).toBe(`Guide: Router help\nPage: No signal\nAddress: ${SITE}/router/no-signal/`);
    }
  });

  it('is on the one-page view and the not-found page', async () => {
    const all = await page('with-site', 'router/all/');
    expect(all.querySelector('main > .escalate h2')?.text).toBe('Need help?');
    expect(new URL(all.querySelector('main > .escalate a')!.getAttribute('href')!).searchParams.get('subject')).toBe(
      'Router help: All steps on one page',
    );
    const missing = await page('with-site', '404.html');
    expect(new URL(missing.querySelector('.escalate a')!.getAttribute('href')!).searchParams.get('subject')).toBe(
      'Router help: Page not found',
    );
  });
});
