import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides, waysOn, type Guide, type GuideNode } from '../../plugins/signpost/src/core/index.ts';
import { checkRegex, type CheckedRegex } from '../../plugins/signpost/src/core/match/regex.ts';
import { wrap } from '../../plugins/signpost/src/render/map.ts';
import { forPagefind } from '../../plugins/signpost/src/render/pagefind-text.ts';
import { brokenLinks, build, buildWith, listFiles, ROOT } from './build-site.ts';

const FIXTURE_GUIDES = join(ROOT, 'tests/site/fixtures/guides');
let work: string;
let shipped: string;
let fixture: string;
let guides: Guide[];
let fixtureGuides: Guide[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-site-'));
  shipped = join(work, 'shipped');
  fixture = join(work, 'fixture');
  const first = await build('guide', '--out', shipped);
  expect(first.code, first.stderr).toBe(0);
  const second = await build(FIXTURE_GUIDES, '--out', fixture, '--base', '/help/');
  expect(second.code, second.stderr).toBe(0);
  guides = (await checkGuides([join(ROOT, 'guide')])).guides;
  fixtureGuides = (await checkGuides([FIXTURE_GUIDES])).guides;
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function page(dist: string, path: string): Promise<HTMLElement> {
  return parse(await readFile(join(dist, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8'));
}

const text = (element: HTMLElement | null | undefined) => element?.text.replace(/\s+/g, ' ').trim() ?? '';

/** The words of a node's ways on: its answers (a question's, or an error card's that goes on), or Continue. */
const wayLabels = (node: GuideNode) => waysOn(node).map((edge) => ('label' in edge ? (edge as { label: string }).label : 'Continue'));

describe('the built site', () => {
  it('has one page per node, and the guide pages, list, 404 and sitemap', async () => {
    const files = await listFiles(shipped);
    const guide = guides[0]!;
    const nodePages = files.filter((file) => /^account-connection\/[^/]+\/index\.html$/.test(file));
    expect(nodePages.toSorted()).toEqual(
      [...guide.nodes.map((node) => node.id), 'all', 'errors', 'map'].map((id) => `account-connection/${id}/index.html`).toSorted(),
    );
    for (const file of ['index.html', 'account-connection/index.html', '404.html', 'sitemap.xml']) {
      expect(files).toContain(file);
    }
  });

  it('links each answer to its target’s page, in order, with its text', async () => {
    for (const [dist, base, list] of [
      [shipped, '/', guides],
      [fixture, '/help/', fixtureGuides],
    ] as const) {
      for (const guide of list) {
        for (const node of guide.nodes) {
          const html = await page(dist, `${guide.slug}/${node.id}/`);
          const answers = html.querySelectorAll('article .answer').map((a) => [text(a), a.getAttribute('href')]);
          const labels = wayLabels(node);
          // An answer back to the start leads to the guide's start page, the start's canonical address.
          const target = (to: string) => (to === guide.meta?.start ? `${base}${guide.slug}/` : `${base}${guide.slug}/${to}/`);
          const expected = waysOn(node).map((edge, index) => [labels[index], target(edge.to)]);
          expect(answers, `${guide.slug}/${node.id}`).toEqual(expected);
        }
      }
    }
  });

  it('shows every error card’s message as its heading, its Reason and How to fix', async () => {
    for (const node of guides[0]!.nodes) {
      if (node.kind !== 'error') continue;
      const html = await page(shipped, `account-connection/${node.id}/`);
      expect(text(html.querySelector('h1'))).toBe(node.title);
      expect(text(html.querySelector('.reason h2'))).toBe('Reason');
      // The card's words, whatever the spacing between list items.
      const squash = (value: string) => value.replace(/\s+/g, '');
      expect(squash(text(html.querySelector('.reason .content')))).toBe(squash(node.reason!.text));
      expect(text(html.querySelector('.fix h2'))).toBe('How to fix');
      expect(squash(text(html.querySelector('.fix .content')))).toBe(squash(node.fix!.text));
      expect(html.querySelector('title')?.textContent).toBe(`${node.title} · Account Connection Guide`);
    }
  });

  it('resolves every internal link, with and without a base', async () => {
    for (const [dist, base] of [
      [shipped, '/'],
      [fixture, '/help/'],
    ] as const) {
      const broken = await brokenLinks(dist, base);
      expect(broken).toEqual([]);
    }
  });

  it('puts every node on the one-page view, in reading order from the start', async () => {
    const html = await page(shipped, 'account-connection/all/');
    const ids = html.querySelectorAll('article.node').map((article) => article.id);
    expect(ids.toSorted()).toEqual(guides[0]!.nodes.map((node) => node.id).toSorted());
    expect(ids.slice(0, 4)).toEqual(['start', 'entity', 'agency-requirements', 'account-type']);
    expect(html.querySelectorAll('article .answer').every((a) => a.getAttribute('href')!.startsWith('#'))).toBe(true);
  });

  it('links every error card once from the error index, with its message as readers see it', async () => {
    const html = await page(shipped, 'account-connection/errors/');
    const links = html.querySelectorAll('.error-link').map((a) => [text(a.querySelector('.error-message')), a.getAttribute('href')]);
    const cards = guides[0]!.nodes.filter((node) => node.kind === 'error');
    expect(links.toSorted()).toEqual(cards.map((card) => [card.title, `/account-connection/${card.id}/`]).toSorted());
  });

  it('takes <html lang> from the guide and lists every guide', async () => {
    expect((await page(fixture, 'router/')).querySelector('html')?.getAttribute('lang')).toBe('en-GB');
    const list = await page(fixture, '');
    expect(list.querySelectorAll('.guide-card').map((a) => a.getAttribute('href'))).toEqual(['/help/printer/', '/help/router/']);
  });

  it('marks drafts, and fails a --strict build on them without touching the site', async () => {
    expect(text((await page(fixture, 'printer/slow/')).querySelector('.badge-draft'))).toBe('Draft');
    const before = await snapshot(fixture);
    const strict = await build(FIXTURE_GUIDES, '--out', fixture, '--base', '/help/', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('printer/index.mdx:20:51: error: Instructions card `slow` is a draft');
    expect(strict.stdout).toContain('Build stopped: fix the problems above. fixture/ was left as it was.');
    expect(await snapshot(fixture)).toEqual(before);
  }, 60_000);

  it('leaves the previous site as it was when a guide has errors', async () => {
    const broken = join(work, 'broken');
    await cp(FIXTURE_GUIDES, broken, { recursive: true });
    await writeFile(join(broken, 'router/more.mdx'), ':::step{#dangling title="Dangling" next="nowhere"}\nText.\n:::\n');
    const before = await snapshot(fixture);
    const run = await build(broken, '--out', fixture, '--base', '/help/');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/router\/more\.mdx:1:\d+: error: Cannot find node `nowhere`/);
    expect(await snapshot(fixture)).toEqual(before);
  }, 60_000);

  it('leaves the previous site as it was when rendering fails after the check', async () => {
    const before = await snapshot(fixture);
    // The check passes; the build then fails once the site is rendered, before the swap.
    const run = await buildWith({ SIGNPOST_TEST_HOOK: 'fail@rendered' }, FIXTURE_GUIDES, '--out', fixture, '--base', '/help/');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('\nBuild failed while rendering: injected failure at rendered\nfixture/ was left as it was.\n');
    expect(await snapshot(fixture)).toEqual(before);
  }, 60_000);

  it('never writes into the guides folder', async () => {
    const before = await snapshot(FIXTURE_GUIDES);
    const run = await build(FIXTURE_GUIDES, '--out', join(work, 'elsewhere'));
    expect(run.code, run.stderr).toBe(0);
    expect(await snapshot(FIXTURE_GUIDES)).toEqual(before);
  }, 60_000);

  it('ships its Content-Security-Policy in every page and in a _headers file', async () => {
    const files = (await listFiles(fixture)).filter((file) => file.endsWith('.html'));
    for (const file of files) {
      const html = parse(await readFile(join(fixture, file), 'utf8'));
      const meta = html.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
      expect(meta, file).toBe(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
      );
      // Nothing inline that the policy would have to allow.
      expect(html.querySelectorAll('script:not([src]), style').length, file).toBe(0);
      expect(html.querySelectorAll('[style]').length, file).toBe(0);
      expect(html.toString(), file).not.toMatch(/\son[a-z]+=/i);
    }
    const headers = await readFile(join(fixture, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/help\/\*\n  Content-Security-Policy: default-src 'self';.*frame-ancestors 'none'\n/);
  });

  it('writes byte-identical output for the same input', async () => {
    const again = join(work, 'again');
    await mkdir(again);
    const run = await build(FIXTURE_GUIDES, '--out', again, '--base', '/help/');
    expect(run.code, run.stderr).toBe(0);
    expect(await snapshot(again)).toEqual(await snapshot(fixture));
  }, 60_000);

  it('ships no framework runtime: one small enhancement script a page, search and paste code only on use', async () => {
    const scripts = (await listFiles(shipped)).filter((file) => file.startsWith('_astro/') && file.endsWith('.js'));
    const head = scripts.filter((file) => file.includes('/head.'));
    const re2 = scripts.filter((file) => file.includes('/re2.'));
    // What the search box and the paste code share (core/match/message.ts), loaded with either.
    const message = scripts.filter((file) => file.includes('/message.'));
    const enhance = scripts.filter(
      (file) =>
        !file.includes('search') &&
        !file.includes('/paste.') &&
        !file.includes('/head.') &&
        !file.includes('/re2.') &&
        !message.includes(file),
    );
    expect(enhance).toHaveLength(1);
    expect(message).toHaveLength(1);
    expect(head).toHaveLength(1);
    expect(scripts.filter((file) => file.includes('search'))).toHaveLength(1);
    expect(scripts.filter((file) => file.includes('/paste.'))).toHaveLength(1);
    // The paste code (the matcher, which matches a paste in slices, reads each line past the
    // times and places in front of its message, knows the words any error holds, and tells a
    // line that lacks a pattern's literal text without running it; the box, which reads the
    // page's scope, lays equal matches side by side and answers a paste no card matches) may be
    // larger: it loads only when a reader pastes.
    for (const script of scripts.filter((file) => !re2.includes(file)))
      expect((await readFile(join(shipped, script))).length, script).toBeLessThan((script.includes('/paste.') ? 19 : 12) * 1024);
    // The engine patterns run on (re2js) is a chunk of its own, that only the paste code loads.
    expect(re2).toHaveLength(1);
    expect(gzipSync(await readFile(join(shipped, re2[0]!))).length).toBeLessThan(48 * 1024);
    for (const script of scripts.filter((file) => !file.includes('/paste.') && !re2.includes(file))) {
      expect(await readFile(join(shipped, script), 'utf8'), script).not.toContain(re2[0]!.replace('_astro/', ''));
    }
    // What must happen before the first paint (the theme, the trail's place) is a classic
    // script of its own in <head>, under 3 KB; the rest is a module, run once the page is parsed.
    expect((await readFile(join(shipped, head[0]!))).length).toBeLessThan(3 * 1024);
    const html = await page(shipped, 'account-connection/entity/');
    expect(html.querySelectorAll('script').map((s) => [s.getAttribute('type') ?? null, s.getAttribute('src')])).toEqual([
      [null, `/${head[0]}`],
      ['module', `/${enhance[0]}`],
    ]);
    expect(html.querySelector('head script')?.getAttribute('src')).toBe(`/${head[0]}`);
    // Navigation is plain links: no handlers in the markup, and the only form is the search box.
    expect(html.querySelectorAll('[onclick]').length).toBe(0);
    expect(html.querySelectorAll('form').map((form) => form.getAttribute('role'))).toEqual(['search']);
  });
});

describe('the box "Paste the error you see"', () => {
  it('stands on the guide’s start and its error index, a link to the index without JavaScript', async () => {
    const start = await page(shipped, 'account-connection/');
    const box = start.querySelector('section.paste');
    expect(text(box?.querySelector('h2'))).toBe('Paste the error you see');
    expect(box?.getAttribute('data-data')).toBe('/signpost-search/match.json');
    expect(box?.querySelector('.paste-fallback a')?.getAttribute('href')).toBe('/account-connection/errors/');
    expect(box?.querySelector('textarea')?.getAttribute('aria-labelledby')).toBe('paste-title');
    const index = await page(shipped, 'account-connection/errors/');
    expect(index.querySelector('section.paste .paste-fallback a')?.getAttribute('href')).toBe('#messages');
    expect(index.querySelector('#messages')?.tagName).toBe('SECTION');
    // Only there: not on the other pages.
    expect((await page(shipped, 'account-connection/sp-geocompany/')).querySelector('section.paste')).toBeNull();
    // Under a base, its data is too.
    expect((await page(fixture, 'printer/')).querySelector('section.paste')?.getAttribute('data-data')).toBe(
      '/help/signpost-search/match.json',
    );
  });

  it('matches against match.json, what matching needs, and shows names from match-names.json', async () => {
    const data = JSON.parse(await readFile(join(shipped, 'signpost-search/match.json'), 'utf8'));
    const names = JSON.parse(await readFile(join(shipped, 'signpost-search/match-names.json'), 'utf8'));
    expect(data.guides).toEqual([
      { title: 'Account Connection Guide', href: '/account-connection/' },
      { title: 'SSH Connection Guide', href: '/ssh-connection/' },
    ]);
    // Both shipped guides' cards, guide by guide, each guide's in the order of its files.
    expect(data.id).toEqual([
      'amazon-advertising-error',
      'sp-please-try-again',
      'sp-account-in-use',
      'sp-refresh-token',
      'sp-session-expired',
      'sp-geocompany',
      'sp-api-access-lost',
      'denied-other-user',
      'denied-deploy-key',
      'pd-publickey',
      'key-in-use',
      'illegal-option',
      'usekeychain',
      'agent-service-disabled',
      'agent-not-running',
      'unprotected-key',
      'agent-admitted',
      'host-authenticity',
      'host-key-changed',
      'host-key-failed',
      'connection-timed-out',
      'unknown-key-type',
    ]);
    expect(data.p[5]).toEqual(['Failed to create geocompany']);
    // Regular expressions in RE2's syntax, as the matcher runs them, with the words of their
    // alternatives and their literal text's length (core/match/regex.ts).
    expect(data.r[1]).toEqual([[(checkRegex('(?<![.!?]\\s*)\\bPlease try again') as CheckedRegex).expression, ['please'], 16]]);
    // The message and aliases as the words they are compared by.
    expect(data.w[5]).toEqual(['failed to create geocompany please try again', 'failed to create geocompany']);
    expect(names.t[5]).toBe('Failed to create geocompany. Please try again.');
    expect(names.c[5]).toBe('Connect Selling Partners');
    // The examples' ids and hosts are no words to propose for a typo.
    const words = JSON.parse(await readFile(join(shipped, 'signpost-search/words.json'), 'utf8'));
    expect(words).toContain('geocompany');
    expect(words.filter((word: string) => ['a2euq1wtgctbg2', '5f2c9a', '7c9e6679'].includes(word))).toEqual([]);
  });
});

describe('the map', () => {
  it('draws one link per node and one labelled edge per answer', async () => {
    for (const [dist, base, list] of [
      [shipped, '/', guides],
      [fixture, '/help/', fixtureGuides],
    ] as const) {
      const files = await listFiles(dist);
      for (const guide of list) {
        // A guide too large for one map is drawn in parts, /map/<branch>/: together they draw each node and answer once.
        const parts = files.filter((file) => file.startsWith(`${guide.slug}/map/`) && file.endsWith('index.html'));
        const maps = await Promise.all(parts.map((file) => page(dist, file)));
        const links = maps.flatMap((html) => html.querySelectorAll('svg.map a.map-node').map((a) => a.getAttribute('href')));
        expect(links.toSorted()).toEqual(guide.nodes.map((node) => `${base}${guide.slug}/${node.id}/`).toSorted());
        // As the map draws a label: at most three lines of 22 characters, the last cut with … (render/map.ts).
        const drawn = (label: string) => {
          const lines = wrap(label, 22);
          return (lines.length <= 3 ? lines : [...lines.slice(0, 2), `${lines[2]!.slice(0, 21).trimEnd()}…`]).join(' ');
        };
        // Several answers to one page are one arrow, labelled with their labels in order: "a / b".
        const arrows = (node: GuideNode) => {
          const labels = wayLabels(node);
          const byTarget = new Map<string, string[]>();
          waysOn(node).forEach((edge, index) => byTarget.set(edge.to, [...(byTarget.get(edge.to) ?? []), labels[index]!]));
          return [...byTarget.values()].map((same) => same.join(' / '));
        };
        const answers = guide.nodes.flatMap(arrows).map(drawn);
        expect(maps.flatMap((html) => html.querySelectorAll('svg.map path.map-edge'))).toHaveLength(answers.length);
        const labels = maps.flatMap((html) =>
          html.querySelectorAll('svg.map .map-label').map((label) =>
            label
              .querySelectorAll('text')
              .map((t) => t.text)
              .join(' '),
          ),
        );
        expect(labels.toSorted()).toEqual(answers.toSorted());
      }
    }
    const map = await page(shipped, 'account-connection/map/');
    // The SSH Connection Guide is drawn in parts: its map and 8 branches.
    expect((await listFiles(shipped)).filter((file) => /^ssh-connection\/map\/.+\/index\.html$/.test(file))).toHaveLength(8);
    expect(map.querySelectorAll('a.map-draft').map((a) => a.getAttribute('href'))).toEqual(
      guides[0]!.nodes.filter((node) => node.draft).map((node) => `/account-connection/${node.id}/`),
    );
    // Every page of a guide links to its map.
    expect((await page(shipped, 'account-connection/')).querySelector('a[href="/account-connection/map/"]')).not.toBeNull();
  });
});

describe('the search index', () => {
  interface Fragment {
    url: string;
    content: string;
    filters: Record<string, string[]>;
    meta: Record<string, string>;
  }

  async function records(dist: string): Promise<Fragment[]> {
    const files = (await listFiles(dist)).filter((file) => file.endsWith('.pf_fragment'));
    return Promise.all(
      files.map(async (file) => {
        // Pagefind fragments: gzip, a "pagefind_dcd" signature, then JSON.
        const bytes = gunzipSync(await readFile(join(dist, file)));
        return JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as Fragment;
      }),
    );
  }

  it('holds one record per node page, and none for the guide start, the one-page view or lists', async () => {
    const found = await records(shipped);
    expect(guides.map((guide) => guide.slug)).toEqual(['account-connection', 'ssh-connection']);
    expect(found.map((record) => record.url).toSorted()).toEqual(
      guides.flatMap((guide) => guide.nodes.map((node) => `/${guide.slug}/${node.id}/`)).toSorted(),
    );
    const sub = await records(fixture);
    expect(sub.map((record) => record.url).toSorted()).toEqual(
      fixtureGuides.flatMap((guide) => guide.nodes.map((node) => `/${guide.slug}/${node.id}/`)).toSorted(),
    );
  });

  it('indexes a node’s content only, with its kind, guide and title', async () => {
    const chrome = [
      'Last updated',
      'Written by',
      'Copy link',
      'Start over',
      'Did this answer',
      'Share your path',
      'If you find this information',
      'Search the guides',
    ];
    for (const record of await records(shipped)) {
      for (const words of chrome) expect(record.content, `${record.url} indexes "${words}"`).not.toContain(words);
      const guide = guides.find((each) => each.slug === record.url.split('/')[1])!;
      const node = guide.byId.get(record.url.split('/')[2]!)!;
      // As Pagefind is given it: markup characters as lookalikes (tests/site/hostile-output.test.ts).
      expect(record.meta['title']).toBe(forPagefind(node.title));
      expect(record.filters).toEqual({ kind: [node.kind], guide: [guide.meta!.title] });
    }
    const card = (await records(shipped)).find((record) => record.url === '/account-connection/sp-refresh-token/')!;
    expect(card.meta['aliases']).toBe('Failed to retrieve refresh token');
    expect(card.content).toContain('You are not participating in the marketplace.');
  });
});

/** Every file of a site with a hash of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await listFiles(dir)) {
    result[file] = createHash('sha256')
      .update(await readFile(join(dir, file)))
      .digest('hex');
  }
  return result;
}
