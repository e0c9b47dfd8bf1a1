/**
 * The search index as a build makes it (integration/pagefind.ts): Pagefind's Node API over the
 * folder the guides' pages were written to, once they are written. The index must be the one
 * Pagefind builds from that folder: the cards only, none of the host's pages beside the
 * guides, the same in every build of the same pages, and without Pagefind's ready-made
 * interfaces (the site has its own search box).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../plugins/signpost/src/integration/pagefind.ts';

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

/** The guides' pages of a small site, by file in the guides' folder (`dist/help/`). */
const PAGES: [string, string][] = [
  ['index.html', nodePage('Guides', 'every guide of the help center')],
  ['connect/index.html', nodePage('Connect your account', 'agency or private owner')],
  ['connect/seller/index.html', nodePage('Seller account', 'seller central region token')],
  ['connect/vendor/index.html', nodePage('Vendor account', 'vendor central permission')],
  ['connect/sp-geocompany/index.html', nodePage('Failed to create geocompany', 'reason how to fix geocompany')],
];

async function writePage(root: string, file: string, html: string): Promise<void> {
  await mkdir(dirname(join(root, file)), { recursive: true });
  await writeFile(join(root, file), html);
}

/**
 * A built site in `work/<name>/`: the guides' pages and a map in `help/`, and a host's own
 * card-like page outside it, which the guides' index must not hold. Returns the guides' folder.
 */
async function site(name: string): Promise<string> {
  const dist = join(work, name);
  const guides = join(dist, 'help');
  for (const [file, html] of PAGES) await writePage(guides, file, html);
  await writePage(guides, 'connect/map/index.html', otherPage);
  await writePage(dist, 'about/index.html', nodePage('About the company', 'a host page outside the guides'));
  return guides;
}

/** Every file of an index, by name (fragments and chunks are named by their content). */
async function indexFiles(root: string): Promise<string[]> {
  return (await readdir(join(root, 'pagefind'), { recursive: true })).toSorted();
}

async function pageCount(root: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(root, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: { en: { page_count: number } };
  };
  return entry.languages.en.page_count;
}

/** The fragments only: one per page indexed, named by its content. */
const fragments = (files: string[]) => files.filter((file) => file.startsWith('fragment/'));

/** The fragments of the five cards, as Pagefind writes each card's page alone. */
async function cardFragments(): Promise<string[]> {
  const { index } = await pagefind.createIndex({});
  for (const [file, html] of PAGES) await index!.addHTMLFile({ sourcePath: file, content: html });
  const out = join(work, `cards-${Math.random().toString(36).slice(2)}`);
  await index!.writeFiles({ outputPath: join(out, 'pagefind') });
  await index!.deleteIndex();
  return fragments(await indexFiles(out));
}

describe('the search index of a build', () => {
  it('holds the cards of the guides’ folder and nothing else, and says how many', async () => {
    const guides = await site('cards');
    await writeSearchIndex(guides, logger);
    expect(await pageCount(guides)).toBe(5);
    expect(fragments(await indexFiles(guides))).toEqual(await cardFragments());
    expect(logged.at(-1)).toBe('Indexed 5 pages for search.');
  });

  it('is the same in every build of the same pages', async () => {
    const first = await site('again-1');
    const second = await site('again-2');
    await writeSearchIndex(first, logger);
    await writeSearchIndex(second, logger);
    expect(await indexFiles(second)).toEqual(await indexFiles(first));
  });

  it('leaves out Pagefind’s ready-made interfaces, keeping what the search box loads', async () => {
    const guides = await site('bundle');
    await writeSearchIndex(guides, logger);
    const top = await readdir(join(guides, 'pagefind'));
    expect(top.filter((file) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file))).toEqual([]);
    expect(top).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind', 'fragment', 'index']));
  });

  it('is written when a host’s integration indexed its own pages and stopped Pagefind first (Starlight)', async () => {
    const guides = await site('after-host');
    const other = await pagefind.createIndex({});
    await other.index!.addHTMLFile({ sourcePath: 'docs/index.html', content: nodePage('Docs', 'a host page') });
    await pagefind.close();
    await writeSearchIndex(guides, logger);
    expect(await pageCount(guides)).toBe(5);
    expect(fragments(await indexFiles(guides))).toEqual(await cardFragments());
  });
});
