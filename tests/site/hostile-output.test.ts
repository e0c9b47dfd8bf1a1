/**
 * What other programs read of guides whose titles, messages, aliases and summary hold markup
 * (`tests/site/fixtures/sites/starlight-hostile/`, a Starlight site, built once): Pagefind's
 * records, Starlight's index and Signpost's alike, hold no character that means something to
 * HTML in a filter or a piece of metadata; `<title>` and the `<meta>` tags of search engines and
 * link previews hold them escaped, and give back the writer's text to an HTML parser. The
 * browser side (Starlight's dialog, Signpost's box) is tests/e2e/hostile-search.e2e.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../plugins/signpost/src/render/head-meta.ts';
import { forPagefind, fromPagefind } from '../../plugins/signpost/src/render/pagefind-text.ts';
import { buildSite, fixtureSite, listFiles } from './build-site.ts';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

const GUIDE = 'Acme help <img src=x onerror=window.__xss=1>';
const CARD = 'Quokka failed <img src=x onerror=window.__xss=5>';
const ALIAS = 'Quokka lost "><svg onload=alert(7)>';
const START = 'Zebra start </script><script>window.__xss=4</script>';
const WALRUS = 'Walrus "><svg onload=alert(11)> & javascript:alert(12)';
const BETA = "Beta 'guide' & <b>bold</b>";

let work: string;
let out: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-hostile-output-'));
  out = join(work, 'site');
  const run = await buildSite(fixtureSite('starlight-hostile'), {}, '--out', out);
  expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every record of the Pagefind index in `bundle` (gzip, a "pagefind_dcd" signature, then JSON). */
async function records(bundle: string): Promise<Fragment[]> {
  const files = (await listFiles(join(out, bundle))).filter((file) => file.endsWith('.pf_fragment'));
  const found = await Promise.all(
    files.map(async (file) => {
      const bytes = gunzipSync(await readFile(join(out, bundle, file)));
      return JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as Fragment;
    }),
  );
  return found.filter((record) => record.url.includes('/acme/') || record.url.includes('/beta/'));
}

const read = (path: string) => readFile(join(out, path), 'utf8');

describe('forPagefind', () => {
  it('replaces the five characters HTML gives a meaning to, and fromPagefind gives them back', () => {
    expect(forPagefind(`<a href="x" title='y'>&amp;</a>`)).toBe('˂a href=ʺxʺ title=ʼyʼ˃＆amp;˂/a˃');
    for (const text of [GUIDE, CARD, ALIAS, START, WALRUS, BETA, 'plain']) {
      expect(forPagefind(text)).not.toMatch(/[<>&"']/);
      expect(fromPagefind(forPagefind(text))).toBe(text);
    }
  });
});

describe.each(['pagefind', 'help/pagefind'])('the search index in %s/', (bundle) => {
  it('holds each filter and piece of metadata as forPagefind gives it, with nothing HTML reads as markup', async () => {
    const found = await records(bundle);
    const prefix = bundle === 'pagefind' ? '/help' : '';
    expect(
      Object.fromEntries(found.map((record) => [record.url.slice(prefix.length), { filters: record.filters, meta: record.meta }])),
    ).toEqual({
      '/acme/start/': {
        filters: { guide: [forPagefind(GUIDE)], kind: ['question'] },
        meta: { image: '', kind: 'Question', title: forPagefind(START) },
      },
      '/acme/quokka-card/': {
        filters: { guide: [forPagefind(GUIDE)], kind: ['error'] },
        meta: { aliases: forPagefind(ALIAS), image: '', kind: 'Error message', title: forPagefind(CARD) },
      },
      '/acme/walrus-steps/': {
        filters: { guide: [forPagefind(GUIDE)], kind: ['instructions'] },
        meta: { image: '', kind: 'Solution', title: forPagefind(WALRUS) },
      },
      '/beta/beta-start/': {
        filters: { guide: [forPagefind(BETA)], kind: ['instructions'] },
        meta: { image: '', kind: 'Solution', title: 'Walrus in beta' },
      },
    });
    for (const record of found) {
      for (const value of [...Object.values(record.meta), ...Object.values(record.filters).flat()]) {
        expect(value, record.url).not.toMatch(/[<>&"']/);
      }
    }
  });

  it('holds a node’s text as written: Pagefind escapes it when it makes an excerpt', async () => {
    const walrus = (await records(bundle)).find((record) => record.url.endsWith('/walrus-steps/'))!;
    expect(walrus.content).toContain('Walrus body holds <img src=x onerror=window.__xss=13> and <svg onload=alert(14)> as text.');
  });
});

describe('the guides’ pages', () => {
  it('write the title into <title> escaped', async () => {
    expect(await read('help/acme/quokka-card/index.html')).toContain(
      `<title>${CARD.replace(/</g, '&lt;').replace(/>/g, '&gt;')} · ${GUIDE.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</title>`,
    );
  });

  it('escape every markup character in what search engines and link previews read, and give back the text', async () => {
    for (const [path, title, description] of [
      ['help/acme/', GUIDE, '"><svg onload=window.__xss=2> and </script><script>window.__xss=3</script>'],
      [
        'help/acme/quokka-card/',
        `${CARD} · ${GUIDE}`,
        'The quokka reason <img src=x onerror=window.__xss=8> is javascript:window.__xss=9.',
      ],
    ] as const) {
      const html = await read(`${path}index.html`);
      const tags = [
        `<meta name="description" content="${escapeHtml(description)}">`,
        `<meta property="og:title" content="${escapeHtml(title)}">`,
        `<meta property="og:description" content="${escapeHtml(description)}">`,
        `<meta name="twitter:title" content="${escapeHtml(title)}">`,
        `<meta name="twitter:description" content="${escapeHtml(description)}">`,
      ];
      for (const tag of tags) expect(html, path).toContain(tag);
      const head = parse(html).querySelector('head')!;
      expect(head.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(title);
      expect(head.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(description);
      // No such tag holds a raw `<`, `>` or `'`: nothing a program matching patterns could read as markup.
      expect(html.match(/<meta (name|property)="[^"]*" content="[^"]*[<>'][^"]*"/g)).toBeNull();
    }
  });

  it('list only their own addresses in the sitemap', async () => {
    expect(await read('help/sitemap.xml')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ...[
          '/help/',
          '/help/acme/',
          '/help/acme/quokka-card/',
          '/help/acme/walrus-steps/',
          '/help/acme/all/',
          '/help/acme/errors/',
          '/help/acme/map/',
          '/help/beta/',
          '/help/beta/all/',
          '/help/beta/errors/',
          '/help/beta/map/',
        ].map((path) => `  <url><loc>${path}</loc></url>`),
        '</urlset>',
        '',
      ].join('\n'),
    );
  });
});
