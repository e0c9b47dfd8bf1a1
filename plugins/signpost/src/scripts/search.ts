/**
 * The search box: Pagefind's JavaScript API, loaded from the site's own `pagefind/` folder the
 * first time the reader types, and the build's list of error messages (render/search-cards.ts).
 * Results are links to node pages: title, kind, guide and an excerpt with the match
 * highlighted.
 *
 * What a reader means comes first: the card the paste matcher finds for what is pasted or typed
 * (scripts/paste.ts, `matchForSearch`: within the page's scope, as the paste box; its code, the
 * build's match data and the engine load with the first query), then a card whose message or
 * alias is the query, or starts with it, whatever Pagefind ranks; for a question ("how do I connect my account") the question's
 * words without its small words, instructions first; after a typo that finds nothing, "Did you
 * mean" with the guides' own words, loaded only then. On a guide's page, that guide's results
 * come before other guides'.
 */
import { editDistance } from '../core/suggest.ts';
import { bucketsFor, normalizeMessage, type SearchCard, type SearchIndex } from '../render/search-cards.ts';
import { forPagefind, fromPagefind } from '../render/pagefind-text.ts';
import { messageLine } from '../core/match/message.ts';
import type { SearchMatch } from './paste.ts';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** The page's indexed text, whose words (split at white space) `locations` count. */
  content: string;
  /** Where the query's words were found: indices of words of `content`. */
  locations: number[];
}

type Found = { id: string; data: () => Promise<PagefindResult> };

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string, options?: { filters?: Record<string, string> }) => Promise<{ results: Found[] }>;
}

interface Strings {
  results: string;
  oneResult: string;
  noResults: string;
  startInstead: string;
  unavailable: string;
}

/** A result as shown: from Pagefind, or from the list of messages. */
interface Shown {
  url: string;
  title: string;
  meta: string;
  /** Pagefind's excerpt (escaped text with <mark>), or plain text. */
  excerpt: { html: string } | { text: string };
  kind: string | undefined;
}

const MAX_RESULTS = 8;
/** Pagefind results read for a question: a few more than shown, so that instructions can move up. */
const CANDIDATES = 12;

/**
 * Words that carry no meaning in a question ("how do I …"). Pagefind finds pages holding every
 * word of a query, so they would hide the pages a question is about. English only.
 */
const SMALL_WORDS = new Set(
  (
    'a an the i im me my mine we us our you your it its is are was were be been being am do does did doing done how what whats ' +
    'where when why which who whom can could should would will shall may might must to of in on at for with from by about as ' +
    'into onto and or but so if then than this that these those there here get got getting have has had having want need'
  ).split(' '),
);

/** A question, as readers type them: they want instructions. */
const QUESTION = /^(how|what|where|why|when|which|can|could|should|do|does|is|are|i\s+(want|need|cannot|can't|cant))\b/i;

/** What enhance.ts hands the search box once it is set up. */
export interface SearchBox {
  /**
   * A paste the box now shows on one line (`shown`, the box's value): matched as pasted, every
   * line of it (`text`), and searched for by its message (`messageLine`), at once.
   */
  pasted: (text: string) => void;
}

/** Waits after a keystroke before searching: a word being typed is not searched letter by letter. */
const TYPING_DELAY = 120;

export function setUpSearch(root: HTMLElement): SearchBox {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = root.querySelector<HTMLElement>('.search-panel')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('.search-list')!;
  const suggestion = root.querySelector<HTMLElement>('.search-suggestion')!;
  const suggested = suggestion.querySelector<HTMLButtonElement>('[data-suggestion]')!;
  const filters = [...root.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as Strings;
  const base = root.dataset['base'] ?? '/';
  const data = root.dataset['data'] ?? `${base}signpost-search/`;
  const english = /^en\b/i.test(document.documentElement.lang);
  // The page's guide, as Pagefind's guide filter holds it: its results first (0), unless the
  // reader chose a guide.
  const here = root.dataset['guide'];
  const rankOfGuide = (guide: string | undefined, chosen: Record<string, string>) =>
    !chosen['guide'] && here !== undefined && guide === here ? 0 : 1;
  let pagefind: Promise<Pagefind> | undefined;
  let about: Promise<{ buckets: string[]; common: Map<string, number> }> | undefined;
  const cardFiles = new Map<number, Promise<SearchCard[]>>();
  let words: Promise<Set<string>> | undefined;
  let latest = 0;
  /** The last paste, while the box still shows it as pasted. */
  let paste: { shown: string; text: string } | undefined;

  const load = (): Promise<Pagefind> => {
    pagefind ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      // On the page's own thread: a search of one site's guides is quick, and Pagefind's worker
      // script would be 12 KB more to download before the first results.
      await module.options({ baseUrl: base, noWorker: true });
      await module.init();
      return module;
    })();
    return pagefind;
  };
  const json = async <T>(url: string, fallback: T): Promise<T> => {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as T) : fallback;
  };
  const searchIndex = () => {
    about ??= json<SearchIndex>(`${data}index.json`, { buckets: [], common: [] })
      .catch(() => ({ buckets: [], common: [] }))
      .then(({ buckets, common }) => ({ buckets, common: new Map(common) }));
    return about;
  };
  const cardsFor = async (normalized: string): Promise<SearchCard[]> => {
    if ([...normalized].length < 2) return [];
    const buckets = bucketsFor(normalized, (await searchIndex()).buckets);
    const files = buckets.map((bucket) => {
      let file = cardFiles.get(bucket);
      if (!file) {
        file = json<SearchCard[]>(`${data}cards-${bucket}.json`, []).catch(() => []);
        cardFiles.set(bucket, file);
      }
      return file;
    });
    // A card is in the bucket of each of its wordings: once each.
    return [...new Map((await Promise.all(files)).flat().map((card) => [card.url, card])).values()];
  };
  const vocabulary = (): Promise<Set<string>> => {
    words ??= json<string[]>(`${data}words.json`, [])
      .then((known) => new Set(known))
      .catch(() => new Set());
    return words;
  };

  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      panel.hidden = true;
      list.replaceChildren();
      delete list.dataset['query'];
      status.textContent = '';
      suggestion.hidden = true;
      return;
    }
    // A paste is matched as pasted (all its lines) and searched for by its message, without the
    // times and fields a log writes in front of it; typed text as typed.
    const pasted = paste?.shown === input.value ? paste.text : undefined;
    const searched = pasted === undefined ? query : messageLine(pasted).message.trim() || query;
    const stale = () => ticket !== latest;
    const matching = import('./paste.ts')
      .then(({ matchForSearch }) => matchForSearch(root, pasted ?? query, stale))
      .catch((): SearchMatch => ({ items: [], urls: [], guides: [] }));
    let results: Shown[];
    let proposal: string | undefined;
    let matched: SearchMatch;
    try {
      const chosen = Object.fromEntries(filters.filter((s) => s.value).map((s) => [s.dataset['filter']!, s.value]));
      const [engine, cards, { common }] = await Promise.all([load(), cardsFor(normalizeMessage(searched)), searchIndex()]);
      [results, matched] = await Promise.all([
        find(engine, searched, cards, chosen, common),
        matching.then((found) => filtered(found, chosen)),
      ]);
      // The matcher's cards first, once.
      const first = new Set(matched.urls.map(path));
      results = results.filter((result) => !first.has(path(result.url))).slice(0, Math.max(0, MAX_RESULTS - matched.items.length));
      if (results.length === 0 && matched.items.length === 0) proposal = spell(query, await vocabulary());
    } catch {
      if (ticket !== latest) return;
      panel.hidden = false;
      status.textContent = strings.unavailable;
      suggestion.hidden = true;
      list.replaceChildren();
      list.dataset['query'] = query;
      return;
    }
    if (ticket !== latest) return;
    // Only while the reader is in the search: a late answer must not reopen closed results.
    if (root.contains(document.activeElement)) panel.hidden = false;
    render(query, results, proposal, matched.items);
  };

  /** The matcher's cards the reader's filters leave: an error card, of the guide chosen, if one is. */
  const filtered = (found: SearchMatch, chosen: Record<string, string>): SearchMatch => {
    const kept = found.urls.flatMap((_, index) =>
      (!chosen['kind'] || chosen['kind'] === 'error') && (!chosen['guide'] || chosen['guide'] === forPagefind(found.guides[index]!))
        ? [index]
        : [],
    );
    return {
      items: kept.map((index) => found.items[index]!),
      urls: kept.map((index) => found.urls[index]!),
      guides: kept.map((index) => found.guides[index]!),
    };
  };

  /** Exact and leading matches of a message first, then Pagefind's results, instructions first for a question. */
  const find = async (
    engine: Pagefind,
    query: string,
    cards: SearchCard[],
    chosen: Record<string, string>,
    common: Map<string, number>,
  ): Promise<Shown[]> => {
    const wanted = normalizeMessage(query);
    const eligible = cards.filter(
      // The filter's values are Pagefind's (forPagefind), the cards' guide is as written.
      (card) => (!chosen['kind'] || chosen['kind'] === 'error') && (!chosen['guide'] || chosen['guide'] === forPagefind(card.guide)),
    );
    const closeness = (card: SearchCard): number => {
      const wordings = [card.title, ...card.aliases].map(normalizeMessage);
      if (wordings.includes(wanted)) return 2;
      return wordings.some((wording) => wording.startsWith(wanted)) ? 1 : 0;
    };
    const matched = eligible
      .map((card, index) => ({ card, index, score: closeness(card), guide: rankOfGuide(forPagefind(card.guide), chosen) }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || a.guide - b.guide || a.card.title.length - b.card.title.length || a.index - b.index)
      .map(({ card }) => card);

    const terms = query
      .toLowerCase()
      .split(/[^\p{L}\p{N}'’-]+/u)
      .filter(Boolean);
    const kept = english ? terms.filter((term) => !SMALL_WORDS.has(term.replace(/[’']/g, ''))) : terms;
    // On a large site, the words most pages hold are left out while others remain: each would
    // download a large part of the index to narrow the results little.
    const rare = kept.filter((term) => !common.has(term));
    const meaningful = rare.length > 0 ? rare : kept;
    const search = meaningful.length > 0 && meaningful.length < terms.length ? meaningful.join(' ') : query;
    const howTo = QUESTION.test(query);
    // Each result read is a fragment to download: only as many as are shown, but for a question.
    const reading = howTo ? CANDIDATES : MAX_RESULTS;
    const searched = search === query ? terms : meaningful;
    let pages = await holding(await engine.search(search, { filters: chosen }), searched, reading);
    if (pages.length === 0 && meaningful.length > 1) {
      // No page has every word: the pages with the most of them.
      const each = await Promise.all(
        meaningful.map(async (term) => holding(await engine.search(term, { filters: chosen }), [term], reading)),
      );
      const hits = new Map<string, { page: PagefindResult; count: number; first: number }>();
      each.forEach((found) =>
        found.forEach((page, index) => {
          const hit = hits.get(page.url);
          if (hit) hit.count++;
          else hits.set(page.url, { page, count: 1, first: index });
        }),
      );
      pages = [...hits.values()].sort((a, b) => b.count - a.count || a.first - b.first).map(({ page }) => page);
    }
    const ranked = pages
      .map((page, index) => ({
        page,
        index,
        guide: rankOfGuide(page.filters['guide']?.[0], chosen),
        boost: howTo && page.filters['kind']?.[0] === 'instructions' ? 0 : 1,
      }))
      .sort((a, b) => a.guide - b.guide || a.boost - b.boost || a.index - b.index)
      .map(({ page }) => page);

    const byUrl = new Map(ranked.map((page) => [path(page.url), page]));
    const shown: Shown[] = matched.map((card) => {
      const page = byUrl.get(path(card.url));
      return {
        url: card.url,
        title: card.title,
        meta: [card.kind, card.guide].join(' · '),
        excerpt: page ? { html: page.excerpt } : { text: card.excerpt },
        kind: 'error',
      };
    });
    const listed = new Set(shown.map((result) => path(result.url)));
    for (const page of ranked) {
      if (listed.has(path(page.url))) continue;
      listed.add(path(page.url));
      // Pagefind holds these as forPagefind made them; shown as text, they are given back as written.
      shown.push({
        url: page.url,
        title: page.meta['title'] === undefined ? page.url : fromPagefind(page.meta['title']),
        // A card whose message another card shows too names the answers that lead to it (`branch`).
        meta: fromPagefind([page.meta['kind'], page.meta['branch'], page.filters['guide']?.[0]].filter(Boolean).join(' · ')),
        excerpt: { html: page.excerpt },
        kind: page.filters['kind']?.[0],
      });
    }
    return shown.slice(0, MAX_RESULTS);
  };

  const render = (query: string, results: Shown[], proposal: string | undefined, first: HTMLLIElement[]): void => {
    // Which query the list shows: a later keystroke's results replace an earlier one's.
    list.dataset['query'] = query;
    suggestion.hidden = proposal === undefined;
    suggested.textContent = proposal ?? '';
    const count = first.length + results.length;
    if (count === 0) {
      status.textContent = strings.noResults.replace('{query}', query);
      const item = document.createElement('li');
      item.className = 'search-empty';
      const link = document.createElement('a');
      link.href = root.dataset['startHref'] ?? base;
      link.textContent = strings.startInstead;
      item.append(link);
      list.replaceChildren(item);
      return;
    }
    status.textContent = count === 1 ? strings.oneResult : strings.results.replace('{count}', String(count));
    list.replaceChildren(
      ...first,
      ...results.map((result) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.className = 'search-result';
        link.href = result.url;
        const title = document.createElement('span');
        title.className = 'search-result-title';
        title.textContent = result.title;
        const meta = document.createElement('span');
        meta.className = 'search-result-meta';
        meta.textContent = result.meta;
        const excerpt = document.createElement('span');
        excerpt.className = 'search-result-excerpt';
        // Pagefind's excerpt is the indexed text, escaped, with <mark> around the matches.
        if ('html' in result.excerpt) excerpt.innerHTML = result.excerpt.html;
        else excerpt.textContent = result.excerpt.text;
        link.append(title, meta, excerpt);
        item.append(link);
        return item;
      }),
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), TYPING_DELAY);
  });
  for (const select of filters) select.addEventListener('change', () => void run());
  suggested.addEventListener('click', () => {
    input.value = suggested.textContent ?? '';
    input.focus();
    void run();
  });
  root.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    list.querySelector<HTMLAnchorElement>('a')?.click();
  });

  // Arrow keys move between the box and the results (Escape is enhance.ts's).
  root.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && links.length > 0) {
      event.preventDefault();
      // Closed with Escape: the results open again where they were.
      panel.hidden = false;
      links[Math.min(current + 1, links.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && current >= 0) {
      event.preventDefault();
      (current === 0 ? input : links[current - 1]!).focus();
    }
  });

  return {
    pasted: (text) => {
      paste = { shown: input.value, text };
      clearTimeout(timer);
      void run();
    },
  };
}

/**
 * The first `count` results read, less those that do not hold each of `terms`. Pagefind
 * answers a word it has not indexed with the longest start of it that it has ("plonk" finds
 * the `p` of `-p`, a typo finds a piece of a key's base64): such results are no answer, and
 * leaving them out lets "Did you mean" propose the word meant.
 */
async function holding(found: { results: Found[] }, terms: string[], count: number): Promise<PagefindResult[]> {
  const pages = await Promise.all(found.results.slice(0, count).map((result) => result.data()));
  return pages.filter((page) => {
    // A match only in what the page's words do not hold (its title in the metadata) stays.
    if (page.locations.length === 0) return true;
    const words = page.content.split(/\s+/);
    const parts = page.locations.flatMap((location) => wordParts(words[location] ?? ''));
    return terms.map(bare).every((term) => term === '' || parts.some((part) => sameWord(term, part)));
  });
}

/** A word of the text, as Pagefind indexes it: whole, each run of letters and digits, and each part of its camel case. */
function wordParts(word: string): string[] {
  const runs = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const humps = runs.flatMap((run) => run.match(/\p{Lu}?[\p{Ll}\p{N}]+|\p{Lu}+(?!\p{Ll})/gu) ?? []);
  return [word, ...runs, ...humps].map(bare);
}

/** A word in lower case, without apostrophes and without what is not a letter or digit at its ends. */
const bare = (word: string) =>
  word
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Whether a query's word and a word of the text are one: the text's word starts with it (a
 * word being typed), or both start alike for three letters and at least six tenths of the
 * query's word (another form of it: "connecting" and "connected", "keys" and "key").
 */
function sameWord(term: string, word: string): boolean {
  let common = 0;
  while (common < term.length && common < word.length && term[common] === word[common]) common++;
  return common === term.length || common >= Math.max(3, Math.ceil(term.length * 0.6));
}

/** A URL's path, to tell Pagefind's results and the message list's apart. */
function path(url: string): string {
  return new URL(url, location.href).pathname;
}

/**
 * The query with each word the guides do not use replaced by the closest one they do (at most
 * one edit in a short word, two in a longer one; a swap of two letters is one edit), or
 * nothing when no word changes.
 */
export function spell(query: string, words: Set<string>): string | undefined {
  if (words.size === 0) return undefined;
  let changed = false;
  const corrected = query.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const lower = word.toLowerCase();
    if (lower.length < 3 || words.has(lower) || /^\d+$/.test(lower)) return word;
    const limit = lower.length <= 4 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of words) {
      if (Math.abs(candidate.length - lower.length) > limit) continue;
      const distance = editDistance(lower, candidate, bestDistance);
      if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best === undefined || bestDistance > limit) return word;
    changed = true;
    return best;
  });
  return changed ? corrected : undefined;
}
