/**
 * Signpost inside sites of their own: a plain Astro site with its own pages, and a Starlight
 * documentation site, each with the guides under /help/. Each is built once, by `signpost
 * build` in its folder, as its owner would.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, buildSite, fixtureSite, listFiles } from './build-site.ts';

let work: string;
const out = (name: string) => join(work, name);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-embed-'));
  for (const name of ['plain-astro', 'starlight']) {
    const run = await buildSite(fixtureSite(name), {}, '--out', out(name));
    expect(run.code, `${name}: ${run.stdout}${run.stderr}`).toBe(0);
  }
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const read = (site: string, path: string) => readFile(join(out(site), path), 'utf8');

describe.each(['plain-astro', 'starlight'])('Signpost under /help/ in a %s site', (name) => {
  it('builds every guide page under /help/ and nowhere else', async () => {
    const files = await listFiles(out(name));
    const ours = files.filter((file) => /^help\/(router|printer)\//.test(file) && file.endsWith('index.html'));
    expect(ours).toContain('help/router/index.html');
    expect(ours).toContain('help/router/no-signal/index.html');
    expect(ours).toContain('help/printer/errors/index.html');
    expect(files).toContain('help/index.html');
    expect(files).toContain('help/sitemap.xml');
    expect(files.filter((file) => /^(router|printer)\//.test(file))).toEqual([]);
  });

  it('resolves every internal link of the whole site', async () => {
    expect(await brokenLinks(out(name), '/')).toEqual([]);
  });

  it('indexes the guides for search in /help/pagefind/, with their cards', async () => {
    const entry = JSON.parse(await read(name, 'help/pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    // Every node page of the two fixture guides, and nothing of the host site.
    expect(pages).toBe(10);
  });

  it('gives the guide pages the integration’s branding', async () => {
    const html = parse(await read(name, 'help/router/no-signal/index.html'));
    expect(html.querySelector('.brand')?.text.trim()).toBe('Acme Help');
    expect(html.querySelector('.home-link')?.getAttribute('href')).toBe('/');
    expect(html.querySelector('link[rel=canonical]')).toBeNull();
    if (name !== 'plain-astro') return;
    // This site's accent colour, as a light and a dark colour that follow the reader's theme.
    const styles = await Promise.all(
      html.querySelectorAll('link[rel=stylesheet]').map((link) => read(name, link.getAttribute('href')!.replace(/^\//, ''))),
    );
    expect(styles.join('')).toMatch(/--sp-accent:light-dark\(#7a2e8e,#[0-9a-f]{6}\)/);
  });
});

describe('the host sites’ own pages', () => {
  it('are left as the plain Astro site wrote them', async () => {
    expect(await read('plain-astro', 'index.html')).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Acme</title></head><body><h1>Acme home</h1><p><a href="/help/">Help</a> · <a href="/about/">About</a></p></body></html>',
    );
    expect(await read('plain-astro', 'about/index.html')).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>About Acme</title></head><body><h1>About Acme</h1><p><a href="/">Home</a></p></body></html>',
    );
    expect(await listFiles(out('plain-astro'))).not.toContain('404.html');
  });

  it('are Starlight’s, with none of Signpost’s styles, scripts or policy', async () => {
    for (const path of ['index.html', 'setup/index.html', '404.html']) {
      const html = await read('starlight', path);
      expect(html).toContain('Acme Docs');
      expect(html).not.toContain('Content-Security-Policy');
      expect(html).not.toMatch(/_astro\/base\.[\w-]+\.css/);
    }
  });
});
