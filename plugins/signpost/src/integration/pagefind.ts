/**
 * The search index: Pagefind's Node API, into `<prefix>pagefind/`. Only the guides' own pages
 * are read (a host site's pages are its own business), and only their `data-pagefind-body`
 * part: a node's card, not the chrome around it. Pagefind reports problems instead of
 * throwing; any of them fails the build.
 *
 * Pagefind runs in a process of its own, so it reads the pages while Astro renders them
 * rather than after: `search-middleware.ts` hands each page under the prefix to the build's
 * `SearchIndex` as Astro renders it, and Pagefind indexes it on the machine's other core.
 * Once the site is written, `finish()` reads the pages that did not come that way (a host's
 * own page under the prefix, a file from `public/`, every page when a custom prerenderer
 * renders elsewhere), so the index is the one Pagefind would build from the folder: pages are
 * named by their path in it, as `addDirectory` names them. Should a page handed over not be
 * in the folder after all (an output format that does not map paths to folders as expected),
 * the index is thrown away and built from the folder.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type * as Pagefind from 'pagefind';

/** The attribute that marks what Pagefind indexes; a page without it is left out. */
const BODY = 'data-pagefind-body';
/**
 * Pages handed to Pagefind and not yet acknowledged, past which rendering waits for it. Each
 * holds its HTML until Pagefind answers: with few of them, that HTML dies young, where at 64
 * it outlived the young generation and piled up uncollected (0.5 GB at 10,000 nodes).
 */
const IN_FLIGHT = 16;
/** Where each build's index waits for pages, by the build's key (see `virtual:signpost/middleware`). */
const INDEXES = Symbol.for('signpost.search-indexes');

type Registry = Map<string, SearchIndex>;

function registry(): Registry {
  const holder = globalThis as { [INDEXES]?: Registry };
  return (holder[INDEXES] ??= new Map());
}

/** The index of the build with this key, while Astro renders its pages in this process. */
export function searchIndexFor(key: string): SearchIndex | undefined {
  return registry().get(key);
}

/** Throws Pagefind's reported problems. */
function assert<T extends { errors: string[] }>(response: T): T {
  if (response.errors.length > 0) throw new Error(`Search indexing failed: ${response.errors.join('; ')}`);
  return response;
}

export class SearchIndex {
  readonly #key: string;
  /** The guides' folder in the output (`<outDir><prefix>`), known once the pages are written. */
  #root = '';
  /** Their URL path: `<base><prefix>`, as `/help/`. */
  readonly #sitePath: string;
  /** Whether the guides are the site (prefix `/`), where `404` and `500` are written as files. */
  readonly #atRoot: boolean;
  #pagefind: Promise<typeof Pagefind> | undefined;
  #index: Promise<Pagefind.PagefindIndex> | undefined;
  /** Pages handed over, by path in `#root` (`guide/node/index.html`). */
  readonly #added = new Set<string>();
  readonly #pending = new Set<Promise<unknown>>();
  #tickets = 0;
  /** The next ticket to hand over, and the pages rendered before their turn came. */
  #turn = 0;
  readonly #waiting = new Map<number, { pathname: string; html: string } | undefined>();
  /** Pages Pagefind has read. */
  #pages = 0;
  #failure: unknown;

  /**
   * @param key the build's key, which `virtual:signpost/middleware` gives the middleware
   * @param base the site's base, with a slash at each end
   * @param prefix Signpost's prefix, with a slash at each end
   */
  constructor(key: string, base: string, prefix: string) {
    this.#key = key;
    this.#sitePath = `${base}${prefix.slice(1)}`;
    this.#atRoot = prefix === '/';
  }

  /** Takes pages from the middleware from now on. */
  open(): void {
    registry().set(this.#key, this);
  }

  /**
   * A place in the order pages are handed to Pagefind, taken as a page starts rendering, for
   * a page of the guides (`undefined` for another). Astro may render several pages at once
   * (`build.concurrency`); handing them over in the order they started, not the order they
   * finished, numbers them the same in every build, so the same guides give the same index.
   */
  take(pathname: string): number | undefined {
    return pathname.startsWith(this.#sitePath) ? this.#tickets++ : undefined;
  }

  /**
   * The page that took `ticket`, rendered (`undefined` if it is not an HTML page), handed to
   * Pagefind in its turn. Resolves at once unless Pagefind is far behind, so that pages wait
   * for it rather than pile up in memory.
   */
  async put(ticket: number, pathname: string, html: string | undefined): Promise<void> {
    this.#waiting.set(ticket, html === undefined ? undefined : { pathname, html });
    while (this.#waiting.has(this.#turn)) {
      const page = this.#waiting.get(this.#turn);
      this.#waiting.delete(this.#turn++);
      if (page) this.#hand(page.pathname, page.html);
    }
    if (this.#pending.size >= IN_FLIGHT) await Promise.race(this.#pending);
  }

  #hand(pathname: string, html: string): void {
    if (!html.includes(BODY)) return;
    let path: string;
    try {
      path = decodeURI(pathname.slice(this.#sitePath.length));
    } catch {
      // Not a path Astro writes a file for: if it is in the folder, finish() reads it there.
      return;
    }
    const source = this.#sourcePath(path);
    if (this.#added.has(source)) return;
    this.#added.add(source);
    this.#track(this.#send(source, html));
  }

  /**
   * Adds the pages that did not come through the middleware from `root`, the folder the
   * guides' pages were written to, writes the index into `<root>pagefind/`, and stops Pagefind. Every page the middleware handed over must be in
   * the folder; if one is not, the index is built again from the folder.
   *
   * Pagefind's process is shared by everything in the build that imports Pagefind: a host's
   * integration that indexes its own pages (Starlight) starts and stops it too, and stopping
   * it loses this index. The index is then built again from the folder.
   */
  async finish(root: string, logger: AstroIntegrationLogger): Promise<void> {
    registry().delete(this.#key);
    this.#root = root;
    try {
      try {
        await this.#complete(logger);
        await this.#write();
      } catch (error) {
        if (this.#added.size === 0) throw error;
        logger.debug(`Pagefind lost the pages handed to it (${(error as Error).message}): indexing the folder instead.`);
        await this.#fromFolder();
        await this.#write();
      }
      logger.info(`Indexed ${this.#pages} pages for search.`);
    } finally {
      await this.close();
    }
  }

  /** The pages handed over, checked against the folder, with the others read from it. */
  async #complete(logger: AstroIntegrationLogger): Promise<void> {
    // Pages after one whose render failed wait for it; the build went on, so they are in.
    for (const ticket of [...this.#waiting.keys()].sort((a, b) => a - b)) {
      const page = this.#waiting.get(ticket);
      if (page) this.#hand(page.pathname, page.html);
    }
    this.#waiting.clear();
    const files = await htmlFiles(this.#root);
    const onDisk = new Set(files);
    if (this.#added.size === 0 || [...this.#added].some((source) => !onDisk.has(source))) {
      if (this.#added.size > 0) logger.debug('Pages rendered do not match the files written: indexing the folder instead.');
      await this.#fromFolder();
      return;
    }
    for (const source of files) {
      if (this.#added.has(source)) continue;
      const html = await readFile(join(this.#root, source), 'utf8');
      if (html.includes(BODY)) this.#track(this.#send(source, html));
    }
    await Promise.all(this.#pending);
    if (this.#failure) throw this.#failure;
  }

  async #write(): Promise<void> {
    const index = await this.#open();
    const bundle = join(this.#root, 'pagefind');
    assert(await index.writeFiles({ outputPath: bundle }));
    // The site has its own search box: Pagefind's ready-made interfaces would be dead weight.
    for (const file of await readdir(bundle)) {
      if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file)) await rm(join(bundle, file));
    }
  }

  /** Pages handed over as they were rendered, not read from the folder. */
  get handedOver(): number {
    return this.#added.size;
  }

  /** Stops Pagefind's process, if it was started. */
  async close(): Promise<void> {
    registry().delete(this.#key);
    if (this.#pagefind) await (await this.#pagefind).close();
    this.#pagefind = undefined;
    this.#index = undefined;
  }

  /** Pagefind's index, started with the first page. */
  #open(): Promise<Pagefind.PagefindIndex> {
    this.#pagefind ??= import('pagefind');
    this.#index ??= this.#pagefind.then(async (pagefind) => {
      const { index } = assert(await pagefind.createIndex({}));
      if (!index) throw new Error('Search indexing failed: Pagefind created no index');
      return index;
    });
    return this.#index;
  }

  async #send(source: string, content: string): Promise<void> {
    const index = await this.#open();
    assert(await index.addHTMLFile({ sourcePath: source, content }));
    this.#pages++;
  }

  /**
   * The file a page's path under the prefix is written to, as Astro writes pages in the
   * `directory` format: `guide/node/` and `guide/node` to `guide/node/index.html`, the site's
   * own `/404` and `/500` to `404.html` and `500.html`.
   */
  #sourcePath(path: string): string {
    if (path.endsWith('.html')) return path;
    if (this.#atRoot && (path === '404' || path === '500')) return `${path}.html`;
    return `${path.replace(/\/?$/, '/').replace(/^\/$/, '')}index.html`;
  }

  /** Keeps a page's promise until it settles; the first failure is kept for `finish()`. */
  #track(work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((error: unknown) => {
        this.#failure ??= error;
      })
      .finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
  }

  /** A fresh index of every page in the folder, as Pagefind reads a folder. */
  async #fromFolder(): Promise<void> {
    await Promise.all(this.#pending);
    const stale = this.#index;
    this.#index = undefined;
    this.#failure = undefined;
    // Gone already if Pagefind was stopped under it.
    await stale?.then((index) => index.deleteIndex()).catch(() => {});
    const index = await this.#open();
    this.#pages = assert(await index.addDirectory({ path: this.#root })).page_count;
  }
}

/** The HTML files under a folder, as paths in it with `/` between folders. */
async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name).slice(root.replace(/\/?$/, '/').length).split(sep).join('/'));
}
