/**
 * The search index as a build makes it: pages handed to Pagefind while Astro renders them
 * (integration/pagefind.ts, through the middleware), the rest read from the output folder.
 * Whatever way a page comes, the index must be the one Pagefind builds from the folder, and
 * the same in every build of the same pages.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger, APIContext, MiddlewareNext } from 'astro';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../plugins/signpost/src/integration/pagefind.ts';
import { searchMiddleware } from '../../plugins/signpost/src/integration/search-middleware.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-search-index-'));
});

afterAll(async () => {
  await pagefind.close();
  await rm(work, { recursive: true, force: true });
});

const logged: string[] = [];
const logger = { info: (line: string) => logged.push(line), debug: () => {}, warn: () => {} } as unknown as AstroIntegrationLogger;

/** A node's page as Signpost renders one: chrome around a card marked for Pagefind. */
function nodePage(title: string, words: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header>Help center</header><main data-pagefind-body><h1>${title}</h1><p>${words}</p></main></body></html>`;
}

/** A page of the site that is not a card (a map, a host's page): no `data-pagefind-body`. */
const otherPage = '<!doctype html><html lang="en"><body><main><h1>Map of the guide</h1><p>reconnect region token</p></main></body></html>';

/** The pages of a small site, by URL path under `/docs/help/`. */
const PAGES: [string, string][] = [
  ['/docs/help/', nodePage('Guides', 'every guide of the help center')],
  ['/docs/help/connect/', nodePage('Connect your account', 'agency or private owner')],
  ['/docs/help/connect/seller/', nodePage('Seller account', 'seller central region token')],
  ['/docs/help/connect/vendor/', nodePage('Vendor account', 'vendor central permission')],
  ['/docs/help/connect/sp-geocompany/', nodePage('Failed to create geocompany', 'reason how to fix geocompany')],
];

const fileOf = (path: string) => `${path.slice('/docs/help/'.length)}index.html`;

/** Writes a page where Astro writes it in the `directory` format. */
async function writePage(root: string, file: string, html: string): Promise<void> {
  await mkdir(dirname(join(root, file)), { recursive: true });
  await writeFile(join(root, file), html);
}

/** Every file of an index, by name (fragments and chunks are named by their content). */
async function indexFiles(root: string): Promise<string[]> {
  return (await readdir(join(root, 'pagefind'), { recursive: true })).toSorted();
}

/** The fragments only: one per page indexed, named by its content whatever the page's number. */
const fragments = (files: string[]) => files.filter((file) => file.startsWith('fragment/'));

/** The index Pagefind builds from the folder on its own, written beside it. */
async function folderIndex(root: string): Promise<{ files: string[]; pages: number }> {
  const { index } = await pagefind.createIndex({});
  const { page_count: pages } = await index!.addDirectory({ path: root });
  const out = join(work, `reference-${Math.random().toString(36).slice(2)}`);
  await index!.writeFiles({ outputPath: join(out, 'pagefind') });
  await index!.deleteIndex();
  const entry = JSON.parse(await readFile(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: { en: { page_count: number } };
  };
  expect(pages).toBeGreaterThan(0);
  return { files: await indexFiles(out), pages: entry.languages.en.page_count };
}

async function pageCount(root: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(root, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: { en: { page_count: number } };
  };
  return entry.languages.en.page_count;
}

/** Asserts that the index written in `root` holds the pages Pagefind reads from the folder: all five cards. */
async function expectFolderIndex(root: string): Promise<void> {
  const reference = await folderIndex(root);
  expect(fragments(await indexFiles(root))).toEqual(fragments(reference.files));
  expect(await pageCount(root)).toBe(reference.pages);
  expect(reference.pages).toBe(5);
}

/** Hands every page of the site to the index, in order, as the middleware does. */
async function putAll(index: SearchIndex): Promise<void> {
  for (const [path, html] of PAGES) await index.put(index.take(path)!, path, html);
}

/** A site folder with the pages written, and a search index for it. */
async function site(name: string): Promise<{ root: string; index: SearchIndex }> {
  const root = join(work, name);
  for (const [path, html] of PAGES) await writePage(root, fileOf(path), html);
  await writePage(root, 'connect/map/index.html', otherPage);
  const index = new SearchIndex(`test-${name}`, '/docs/', '/help/');
  index.open();
  return { root, index };
}

describe('the search index of a build', () => {
  it('numbers pages in the order they started rendering, whatever order they finished in', async () => {
    const runs: string[][] = [];
    for (const order of [
      [0, 1, 2, 3, 4],
      [4, 2, 0, 3, 1],
    ]) {
      const { root, index } = await site(`order-${order.join('')}`);
      const tickets = PAGES.map(([path]) => index.take(path)!);
      for (const at of order) await index.put(tickets[at]!, PAGES[at]![0], PAGES[at]![1]);
      await index.finish(root, logger);
      runs.push(await indexFiles(root));
    }
    expect(runs[1]).toEqual(runs[0]);
    const reference = await folderIndex(join(work, 'order-01234'));
    expect(fragments(runs[0]!)).toEqual(fragments(reference.files));
    expect(await pageCount(join(work, 'order-01234'))).toBe(5);
  });

  it('reads from the folder the pages that did not come through the middleware', async () => {
    const { root, index } = await site('partial');
    // Two pages rendered through the middleware; the others (a host's page, a file from
    // public/) are only in the folder.
    for (const [path, html] of [PAGES[1]!, PAGES[3]!]) await index.put(index.take(path)!, path, html);
    await index.finish(root, logger);
    await expectFolderIndex(root);
  });

  it('indexes the folder instead when a page handed over was not written there', async () => {
    const { root, index } = await site('missing');
    await putAll(index);
    await index.put(index.take('/docs/help/connect/ghost/')!, '/docs/help/connect/ghost/', nodePage('Ghost', 'never written'));
    await index.finish(root, logger);
    await expectFolderIndex(root);
  });

  it('indexes the folder when Pagefind was stopped under the index (by a host integration)', async () => {
    const { root, index } = await site('stopped');
    await putAll(index);
    // Starlight indexes its own pages with the same Pagefind process, and stops it when done.
    const other = await pagefind.createIndex({});
    await other.index!.addHTMLFile({ sourcePath: 'docs/index.html', content: nodePage('Docs', 'a host page') });
    await pagefind.close();
    await index.finish(root, logger);
    await expectFolderIndex(root);
  });

  it('takes no place for a page outside the guides, and lets a skipped page release its place', async () => {
    const { root, index } = await site('skipped');
    expect(index.take('/docs/about/')).toBeUndefined();
    const first = index.take(PAGES[1]![0])!;
    const skipped = index.take('/docs/help/connect/feed.xml')!;
    const last = index.take(PAGES[2]![0])!;
    await index.put(last, PAGES[2]![0], PAGES[2]![1]);
    await index.put(skipped, '/docs/help/connect/feed.xml', undefined);
    await index.put(first, PAGES[1]![0], PAGES[1]![1]);
    await index.finish(root, logger);
    expect(index.handedOver).toBe(2);
    expect(await pageCount(root)).toBe(5);
    expect(logged.at(-1)).toBe('Indexed 5 pages for search.');
  });
});

describe('the search middleware', () => {
  /** Runs the middleware on one request, with `response` as what the page rendered. */
  async function request(key: string, path: string, response: Response, isPrerendered = true): Promise<Response> {
    const context = { isPrerendered, url: new URL(`https://help.example.com${path}`) } as APIContext;
    return (await searchMiddleware(key)(context, (() => Promise.resolve(response)) as MiddlewareNext)) as Response;
  }

  const html = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'text/html', 'x-page': 'kept' } });

  it('hands a guide page to the index and returns the same page', async () => {
    const { root, index } = await site('middleware');
    const [path, body] = PAGES[2]!;
    const returned = await request('test-middleware', path, html(body));
    expect(await returned.text()).toBe(body);
    expect(returned.status).toBe(200);
    expect(returned.headers.get('x-page')).toBe('kept');
    await index.finish(root, logger);
    expect(index.handedOver).toBe(1);
    expect(await pageCount(root)).toBe(5);
  });

  it('leaves alone what is not a guide page rendered in a build', async () => {
    const { index } = await site('untouched');
    const cases: [string, Response, boolean][] = [
      ['/docs/about/', html(PAGES[1]![1]), true],
      [PAGES[1]![0], html(PAGES[1]![1]), false],
      [PAGES[1]![0], html('Not found', 404), true],
      [PAGES[1]![0], new Response('{}', { headers: { 'content-type': 'application/json' } }), true],
    ];
    for (const [path, response, isPrerendered] of cases) {
      expect(await request('test-untouched', path, response, isPrerendered)).toBe(response);
    }
    expect(index.handedOver).toBe(0);
    // And without a build's index (`astro dev`, a server), every page is left alone.
    const response = html(PAGES[1]![1]);
    expect(await request('no-such-build', PAGES[1]![0], response)).toBe(response);
    await index.close();
  });
});
