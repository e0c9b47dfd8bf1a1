/**
 * The fixture guide that uses every kind of rich content (tests/site/fixtures/sites/rich),
 * built once under a base, as its owner would: tables, two screenshots beside the guide,
 * highlighted shell and JSON, node links, every component and an error card that goes on.
 */
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, buildSite, fixtureSite, listFiles } from './build-site.ts';

const BASE = '/kb/';
let work: string;
let dist: string;
let files: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-rich-'));
  dist = join(work, 'dist');
  const run = await buildSite(fixtureSite('rich'), {}, '--out', dist, '--base', BASE);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  files = await listFiles(dist);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function page(path: string): Promise<HTMLElement> {
  return parse(await readFile(join(dist, path, 'index.html'), 'utf8'));
}

describe('a guide with rich content, built', () => {
  it('shows a question as written: its title, the content before its answers, its prompt and answers, then the content after them', async () => {
    const article = (await page('sync-app/error-code')).querySelector('article')!;
    const parts = article.childNodes
      .filter((child): child is HTMLElement => child instanceof Object && 'tagName' in child && Boolean((child as HTMLElement).tagName))
      .map((child) => {
        if (child.tagName === 'H1') return `h1 ${child.text.trim()}`;
        if (child.classList.contains('jump-answers')) return `jump ${child.querySelector('a')!.getAttribute('href')}`;
        if (child.classList.contains('content'))
          return `content ${child.querySelector('pre') ? 'with code' : ''} ${child.text.trim().length}`;
        if (child.classList.contains('question')) {
          return [
            `answers ${child.id}`,
            child.querySelector('.prompt')!.text.trim(),
            ...child.querySelectorAll('.answer-label').map((label) => label.text.trim()),
            child.querySelector('.question-details')!.text.trim(),
          ].join(' | ');
        }
        return child.tagName.toLowerCase();
      });
    expect(parts).toEqual([
      'h1 Which error does the app show?',
      'jump #error-code-answers',
      expect.stringMatching(/^content with code (\d+)$/),
      "answers error-code-answers | Which code is at the end of the message? | Error 401 | Error 503 | Other codes are not errors of the sign-in: they are listed in the app's help.",
    ]);
    expect(Number(/\d+$/.exec(parts[2]!)![0])).toBeGreaterThan(600);
  });

  it('has every page, and no link, image, video or srcset that leads nowhere under the base', async () => {
    for (const id of [
      'start',
      'requirements',
      'install',
      'connect',
      'error-code',
      'token-expired',
      'server-busy',
      'connected',
      'still-401',
    ]) {
      expect(files).toContain(`sync-app/${id}/index.html`);
    }
    expect(await brokenLinks(dist, BASE)).toEqual([]);
  });

  it('carries no style attribute or inline style anywhere: the Content-Security-Policy stays strict', async () => {
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const html = await readFile(join(dist, file), 'utf8');
      expect(html, file).not.toMatch(/<[^>]+\sstyle=/);
      expect(html, file).not.toMatch(/<style/);
    }
  });

  it('optimises each screenshot: WebP widths, sizes, width and height, lazy, linked to the full-size file', async () => {
    const images = (await page('sync-app/install/')).querySelectorAll('figure.figure-screenshot a.image-link img');
    expect(images).toHaveLength(1);
    const image = images[0]!;
    expect(image.getAttribute('alt')).toBe("The Sync app's sign-in window: an email field, a password field and a Connect button");
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['600', '360']);
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(image.getAttribute('src')).toMatch(/^\/kb\/_astro\/sign-in\.[\w-]+\.webp$/);
    expect(
      image
        .getAttribute('srcset')!
        .split(', ')
        .map((candidate) => candidate.split(' ')[1]),
    ).toEqual(['360w', '600w', '1200w']);
    expect(image.getAttribute('sizes')).toBe('(max-width: 648px) calc(100vw - 2.5rem), 600px');
    expect(image.parentNode!.getAttribute('href')).toMatch(/^\/kb\/_astro\/sign-in\.[\w-]+\.png$/);
    // The second screenshot, in an error card's How to fix, is shown at the column's width.
    const fix = (await page('sync-app/token-expired/')).querySelector('.fix img')!;
    expect([fix.getAttribute('width'), fix.getAttribute('height')]).toEqual(['736', '442']);
  });

  it('shows the images on the one-page view too', async () => {
    const all = await page('sync-app/all/');
    expect(all.querySelectorAll('img[srcset]')).toHaveLength(2);
    expect(all.querySelectorAll('[data-signpost-image]')).toHaveLength(0);
  });

  it('serves the files beside the guide at URLs named by their content, under the base', async () => {
    const link = (await page('sync-app/connect/')).querySelector('a[href$="checklist.pdf"]')!;
    // A PDF is a download, not media a page shows: `_headers` serves its folder as attachments.
    expect(link.getAttribute('href')).toMatch(/^\/kb\/_signpost\/download\/[0-9a-f]{12}\/checklist\.pdf$/);
    // And the link says so, for a host without `_headers`: the browser saves the file, never opens it on the site.
    expect(link.getAttribute('download')).toBe('');
    expect(await readFile(join(dist, link.getAttribute('href')!.slice(BASE.length)), 'utf8')).toBe('%PDF-1.4\n% Sync app checklist\n');
    const video = (await page('sync-app/connected/')).querySelector('video')!;
    expect(video.getAttribute('src')).toMatch(/^\/kb\/_signpost\/[0-9a-f]{12}\/connect\.mp4$/);
    expect(video.querySelector('track')!.getAttribute('src')).toMatch(/^\/kb\/_signpost\/[0-9a-f]{12}\/connect\.vtt$/);
    expect(await readFile(join(dist, video.getAttribute('src')!.slice(BASE.length)))).toEqual(
      await readFile(join(fixtureSite('rich'), 'guide/sync-app/media/connect.mp4')),
    );
    // Nothing else is published from the guide folder: only what its pages link to or show.
    expect(
      files
        .filter((file) => file.startsWith('_signpost/'))
        .map((file) => file.replace(/[0-9a-f]{12}/, '<hash>'))
        .sort(),
    ).toEqual([
      '_signpost/<hash>/connect.mp4',
      '_signpost/<hash>/connect.vtt',
      '_signpost/<hash>/poster.png',
      '_signpost/download/<hash>/checklist.pdf',
    ]);
  });

  it('serves the linked files never sniffed, and the downloads as attachments, where hosts read `_headers`', async () => {
    const headers = await readFile(join(dist, '_headers'), 'utf8');
    expect(headers).toContain('/kb/*\n  Content-Security-Policy: ');
    expect(headers).toContain('  X-Content-Type-Options: nosniff\n');
    expect(headers).toContain(
      '/kb/_signpost/*\n  Content-Security-Policy: sandbox\n/kb/_signpost/download/*\n  Content-Disposition: attachment\n',
    );
  });

  it('renders the site’s own component with the props the guide gave, and its styles', async () => {
    const html = await readFile(join(dist, 'sync-app/connected/index.html'), 'utf8');
    expect(html).toMatch(/need the <span class="plan-badge plan-pro" data-astro-cid-\w+>Pro plan<\/span>\.<\/p>/);
    const css = (await Promise.all(files.filter((file) => file.endsWith('.css')).map((file) => readFile(join(dist, file), 'utf8')))).join(
      '\n',
    );
    expect(css).toMatch(/\.plan-badge\[data-astro-cid-\w+\]\{/);
  });

  it('links nodes by their pages and site paths under the base', async () => {
    const start = await page('sync-app/start/');
    expect(start.querySelector('.content a[href="/kb/sync-app/requirements/"]')?.text).toBe('the requirements');
    expect(start.querySelector('.content a[href="/kb/terms.txt"]')?.text).toBe('terms of use');
  });

  it('highlights shell and JSON with classes, and gives their colours in a stylesheet', async () => {
    // node-html-parser keeps a <pre> as text: the markup is read as written.
    const connect = await readFile(join(dist, 'sync-app/connect/index.html'), 'utf8');
    expect(connect).toContain(
      '<pre class="code" tabindex="0" data-lang="json"><code><span class="line"><span class="sl-24292e sd-e1e4e8">{</span></span>\n<span class="line"><span class="sl-24292e sd-e1e4e8">  </span><span class="sl-005cc5 sd-79b8ff">"account"</span>',
    );
    const install = await readFile(join(dist, 'sync-app/install/index.html'), 'utf8');
    expect(install).toContain(
      '<pre class="code" tabindex="0" data-lang="sh"><code><span class="line"><span class="sl-6f42c1 sd-b392f0">brew</span>',
    );
    const css = (await Promise.all(files.filter((file) => file.endsWith('.css')).map((file) => readFile(join(dist, file), 'utf8')))).join(
      '\n',
    );
    expect(css).toContain('.sl-6f42c1{--sl:#6f42c1}');
    expect(css).toContain('.sd-b392f0{--sd:#b392f0}');
  });

  it('keeps an error card that goes on in the index of error messages and in search, with its answers', async () => {
    const card = await page('sync-app/token-expired/');
    expect(card.querySelector('h1.error-message')?.getAttribute('data-pagefind-weight')).toBe('10');
    expect(card.querySelector('.card-question h2')?.text).toBe('Did the fix work?');
    expect(card.querySelectorAll('.card-question a.answer').map((a) => a.getAttribute('href'))).toEqual([
      '/kb/sync-app/connected/',
      '/kb/sync-app/still-401/',
    ]);
    expect(card.querySelector('.feedback')).toBeNull();
    const index = await page('sync-app/errors/');
    expect(index.querySelectorAll('a.error-link').map((a) => a.getAttribute('href'))).toEqual([
      '/kb/sync-app/token-expired/',
      '/kb/sync-app/server-busy/',
    ]);
    const busy = await page('sync-app/server-busy/');
    expect(busy.querySelector('.next a')?.getAttribute('href')).toBe('/kb/sync-app/connect/');
  });
});

describe('a guide that links files a site must not publish', () => {
  it('is refused before anything is written, each file a located problem', async () => {
    const guides = join(work, 'hostile-guides');
    await cp(join(fixtureSite('rich'), 'guide'), guides, { recursive: true });
    const guide = join(guides, 'sync-app');
    await writeFile(join(guide, 'files/form.html'), '<!doctype html><script src="x.js"></script>');
    await symlink('/etc/passwd', join(guide, 'files/users.txt'));
    await writeFile(join(guide, 'img/page.png'), '<html><body><script>alert(1)</script></body></html>');
    const text = await readFile(join(guide, 'index.mdx'), 'utf8');
    await writeFile(
      join(guide, 'index.mdx'),
      text.replace(
        'Print the [setup checklist](./files/checklist.pdf) to keep at hand.',
        'Print the [setup checklist](./files/checklist.pdf), the [form](./files/form.html), the [users](./files/users.txt) and ![a page](./img/page.png).',
      ),
    );
    const out = join(work, 'hostile-dist');
    const run = await buildSite(fixtureSite('rich'), { FIXTURE_GUIDES: guides }, '--out', out, '--base', BASE);
    expect(run.code).toBe(1);
    const reported = run.stdout
      .split('\n')
      .filter((line) => /^\S+:\d+:\d+: error: /.test(line))
      .map((line) => line.slice(line.indexOf('hostile-guides/') + 'hostile-guides/'.length));
    expect(reported).toEqual([
      "sync-app/index.mdx:76:57: error: `./files/form.html` is an HTML page, which would run on the help site's own address; export it as PDF, or publish it elsewhere and link to its address (`https://…`) [broken-link]",
      'sync-app/index.mdx:76:88: error: `./files/users.txt` is a symbolic link that leads outside the guide folder, so it is not read; copy the file itself into `sync-app/` [broken-link]',
      "sync-app/index.mdx:76:119: error: `./img/page.png` is named `.png` but is an HTML page, which would run on the help site's own address; export it as PDF, or publish it elsewhere and link to its address (`https://…`) [broken-image]",
    ]);
    expect(run.stdout).toContain('Build stopped: fix the problems above. hostile-dist/ was left as it was.');
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
