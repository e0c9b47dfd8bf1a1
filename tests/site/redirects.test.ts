/**
 * Links that survive a rename: a node's former ids (`moved-from`) get pages that send readers
 * on (no script: a meta refresh, a link and `rel=canonical`, under the strict CSP), and
 * `_redirects` lines for hosts that read them; search, the sitemap and the error index know
 * the node by its new id only.
 */
import { gunzipSync } from 'node:zlib';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, build, listFiles, ROOT } from './build-site.ts';
import { cspForMeta } from '../../plugins/signpost/src/render/csp.ts';

const GUIDES = join(ROOT, 'tests/site/fixtures/moved');
let work: string;
let dist: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-moved-'));
  dist = join(work, 'dist');
  const run = await build(GUIDES, '--out', dist, '--base', '/help/');
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('a renamed node', () => {
  it('has a page at each former id that sends the reader to its new page, without script', async () => {
    for (const [former, now, title] of [
      ['agency', 'agency-requirements', 'What an agency needs'],
      ['sp-refresh-token', 'owner-requirements', 'Failed to retrieve refresh token.'],
      ['private-owner', 'owner-requirements', 'Failed to retrieve refresh token.'],
    ] as const) {
      const html = await readFile(join(dist, 'connect', former, 'index.html'), 'utf8');
      const page = parse(html);
      const href = `/help/connect/${now}/`;
      expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${href}`);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(href);
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(page.querySelector('body a')?.getAttribute('href')).toBe(href);
      expect(page.querySelector('body')?.text.trim()).toBe(`This page has moved to ${title}.`);
      expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(cspForMeta());
      expect(html).not.toMatch(/<script|<style| style=| on[a-z]+=/i);
    }
    expect(await brokenLinks(dist, '/help/')).toEqual([]);
  });

  it('is listed in _redirects as a 301 from each former id, under the base', async () => {
    expect(await readFile(join(dist, '_redirects'), 'utf8')).toBe(
      [
        '/help/connect/agency/ /help/connect/agency-requirements/ 301',
        '/help/connect/sp-refresh-token/ /help/connect/owner-requirements/ 301',
        '/help/connect/private-owner/ /help/connect/owner-requirements/ 301',
        '',
      ].join('\n'),
    );
  });

  it('is known by its new id only to search, the sitemap and the error index', async () => {
    const fragments = (await listFiles(dist)).filter((file) => file.endsWith('.pf_fragment'));
    const urls = await Promise.all(
      fragments.map(async (file) => {
        const bytes = gunzipSync(await readFile(join(dist, file)));
        return (JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as { url: string }).url;
      }),
    );
    // Pagefind's URLs are relative to the folder it indexed (the base is added when it loads).
    expect(urls.toSorted()).toEqual(['/connect/agency-requirements/', '/connect/entity/', '/connect/owner-requirements/']);
    const sitemap = await readFile(join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>/help/connect/owner-requirements/</loc>');
    expect(sitemap).not.toMatch(/agency\/|sp-refresh-token|private-owner/);
    const errors = parse(await readFile(join(dist, 'connect/errors/index.html'), 'utf8'));
    expect(errors.querySelectorAll('a.error-link').map((link) => link.getAttribute('href'))).toEqual(['/help/connect/owner-requirements/']);
  });
});
