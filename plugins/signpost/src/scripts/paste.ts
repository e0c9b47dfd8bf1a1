/**
 * A pasted error, matched to its card: the "Paste the error you see" box, and what is pasted or
 * typed into the search box (scripts/search.ts asks `matchForSearch`, and lists Pagefind's
 * results after the cards it finds). The
 * build's list of messages and patterns (render/paste-data.ts) and the engine the patterns run
 * on (re2js, about 40 KB compressed) are loaded the first time a paste is matched, not before;
 * every line of the paste is read (core/match/matcher.ts), against the cards reached from the
 * page it is made on (render/paste-scope.ts: on a question's page, its branch's cards). One
 * clear match: the reader goes straight to its card. Cards that match equally well (the same
 * message in each version's branch, pasted on the start page) side by side, each with the
 * answers that lead to it, none opened. Otherwise the best three, each with the line that
 * matched and the matched part marked. No card: it says so, and offers the guide's search for
 * the message's words and its support. A paste too long to try every pattern on says where
 * trying stopped.
 *
 * How long a paste takes to answer is measured as `signpost:paste` (Performance API), for the
 * benchmark.
 */
import { Matcher, MOST_LINES, type Engine, type MatchHit, type MatchResult } from '../core/match/matcher.ts';
import { messageWords } from '../core/match/message.ts';
import { cardHref, matchCards, readScope, type PasteData, type PasteNames } from '../render/paste-data.ts';
import type { PasteSupport } from '../render/paste-support.ts';

interface Strings {
  opening: string;
  choose: string;
  none: string;
  noneHelp: string;
  noneHelpSearch: string;
  noneHelpSupport: string;
  search: string;
  equal: string;
  pasted: string;
  browse: string;
  line: string;
  lastLines: string;
  stopped: string;
  unavailable: string;
  kind: string;
}

interface Loaded {
  data: PasteData;
  matcher: Matcher;
  /** The cards' messages and contexts, loaded when the best cards are to be shown. */
  names: () => Promise<PasteNames>;
}

const loading = new Map<string, Promise<PasteData>>();

/** A JSON file of the site; a failure is tried again the next time. */
function once<T>(cache: Map<string, Promise<T>>, url: string, then: (json: unknown) => T): Promise<T> {
  let loaded = cache.get(url);
  if (!loaded) {
    loaded = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return response.json() as Promise<unknown>;
      })
      .then(then);
    loaded.catch(() => cache.delete(url));
    cache.set(url, loaded);
  }
  return loaded;
}

const naming = new Map<string, Promise<PasteNames>>();

/** The engine the patterns run on, loaded once per page, when the first paste is matched. */
let engine: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  if (!engine) {
    engine = import('./re2.ts').then(({ RE2JS }) => RE2JS);
    engine.catch(() => (engine = undefined));
  }
  return engine;
}

/** The matcher of a site (`match.json`), loaded once per page. */
function load(url: string): Promise<Loaded> {
  const names = url.replace(/match\.json$/, 'match-names.json');
  return Promise.all([once(loading, url, (json) => json as PasteData), loadEngine()]).then(([data, re2]) => {
    let matcher = matchers.get(data);
    if (!matcher) matchers.set(data, (matcher = new Matcher(matchCards(data), re2)));
    return { data, matcher, names: () => once(naming, names, (found) => found as PasteNames) };
  });
}

/** The matcher of each site's data, built once. */
const matchers = new WeakMap<PasteData, Matcher>();

/**
 * Matches a paste in slices, the page answering between them (`matchInSlices`), and says how
 * long the matching took (for the benchmark). Nothing, when `stale` stopped it.
 */
async function timed(loaded: Loaded, text: string, stale?: () => boolean): Promise<MatchResult | undefined> {
  const start = performance.now();
  // The page's scope, which its <html> names (none: every card).
  const { pasteCards, pasteWithin } = document.documentElement.dataset;
  const scope = readScope(loaded.data, pasteCards, pasteWithin);
  const result = await loaded.matcher.matchInSlices(text, { scope, ...(stale ? { stale } : {}) });
  if (result) performance.measure('signpost:paste', { start, end: performance.now() });
  return result;
}

/** The box: a paste (or Find its card) is matched. */
export function setUpPaste(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('.paste-form')!;
  const input = root.querySelector<HTMLTextAreaElement>('textarea')!;
  const status = root.querySelector<HTMLElement>('.paste-status')!;
  const list = root.querySelector<HTMLOListElement>('.paste-results')!;
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as Strings;
  const url = root.dataset['data'] ?? '/signpost-search/match.json';
  const errorsHref = root.dataset['errorsHref'] ?? '/';
  let latest = 0;

  const run = async (): Promise<void> => {
    const text = input.value;
    const ticket = ++latest;
    if (!text.trim()) {
      status.textContent = '';
      list.hidden = true;
      list.replaceChildren();
      return;
    }
    let loaded: Loaded;
    try {
      loaded = await load(url);
    } catch {
      if (ticket === latest) status.textContent = strings.unavailable;
      return;
    }
    if (ticket !== latest) return;
    // A newer paste, or the box emptied, while this one was matched: that one answers, and
    // this one stops at its next slice.
    const result = await timed(loaded, text, () => ticket !== latest);
    if (!result || ticket !== latest) return;
    const offers = { searchHref: root.dataset['searchHref'], support: root.dataset['support'], text };
    await show(result, loaded, strings, status, list, 'paste-result', errorsHref, () => ticket === latest, offers);
  };

  // A paste is matched at once; typed text when the reader asks (the hint says a paste opens the card).
  input.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain');
    if (text === undefined) return;
    event.preventDefault();
    input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
    void run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  root.dataset['ready'] = '';
}

/** The cards the search box lists first, and their pages, which its other results leave out. */
export interface SearchMatch {
  items: HTMLLIElement[];
  urls: string[];
  /** Each card's guide, by its title: the search's guide filter leaves out another guide's. */
  guides: string[];
}

/**
 * What is pasted or typed in the search box, matched as the paste box matches it, within the
 * page's scope: the cards of a confident match (one clear card, or cards equally good, each
 * with the answers that lead to it), and for a paste of several lines the best three (the
 * errors of a log, which a word search reads poorly). None for text that matches no card
 * confidently: search's own results are then all there is. The card is listed, not opened: a
 * search box answers with results, and Enter opens the first (scripts/search.ts).
 */
export async function matchForSearch(root: HTMLElement, text: string, stale: () => boolean): Promise<SearchMatch> {
  const none: SearchMatch = { items: [], urls: [], guides: [] };
  const strings = JSON.parse(root.dataset['pasteStrings'] ?? '{}') as Strings;
  const url = root.dataset['match'] ?? '/signpost-search/match.json';
  const loaded = await load(url);
  if (stale()) return none;
  const result = await timed(loaded, text, stale);
  if (!result || stale()) return none;
  const { clear, best, equal } = result;
  const lines = result.lines > 1;
  const shown = clear ? [clear] : equal >= 2 ? best.slice(0, equal) : lines ? best : [];
  if (shown.length === 0) return none;
  const names = await loaded.names();
  if (stale()) return none;
  return {
    items: shown.map((hit) => item(hit, loaded.data, names, strings, 'search-result', !clear && equal >= 2, lines)),
    urls: shown.map((hit) => cardHref(loaded.data, hit.card)),
    guides: shown.map((hit) => loaded.data.guides[loaded.data.g?.[hit.card] ?? 0]?.title ?? ''),
  };
}

/** Shows a result: the card it opens, or the best three, or that none matches. */
async function show(
  result: MatchResult,
  loaded: Loaded,
  strings: Strings,
  status: HTMLElement,
  list: HTMLOListElement,
  prefix: string,
  errorsHref: string,
  current: () => boolean = () => true,
  offers?: Offers,
): Promise<void> {
  const { clear, best, equal } = result;
  const { data } = loaded;
  const note =
    (result.truncated
      ? ` ${strings.lastLines.replace('{count}', MOST_LINES.toLocaleString()).replace('{total}', result.lines.toLocaleString())}`
      : '') + (result.stoppedAt === undefined ? '' : ` ${strings.stopped.replace('{line}', result.stoppedAt.toLocaleString())}`);
  if (clear) {
    status.textContent = strings.opening + note;
    list.replaceChildren();
    list.hidden = true;
    location.assign(cardHref(data, clear.card));
    return;
  }
  if (best.length === 0) {
    status.textContent = strings.none + note;
    list.replaceChildren(...noCard(strings, prefix, errorsHref, offers));
    list.classList.remove(`${prefix}s-equal`);
    list.hidden = false;
    return;
  }
  let names: PasteNames;
  try {
    names = await loaded.names();
  } catch {
    status.textContent = strings.unavailable;
    return;
  }
  if (!current()) return;
  // Equally good: side by side, each with the answers that lead to it from the start.
  const sideBySide = equal >= 2;
  status.textContent = (sideBySide ? strings.equal : strings.choose) + note;
  const shown = sideBySide ? best.slice(0, equal) : best;
  list.replaceChildren(...shown.map((hit) => item(hit, data, names, strings, prefix, sideBySide, true)));
  list.classList.toggle(`${prefix}s-equal`, sideBySide);
  list.hidden = false;
}

/** What a paste no card matches is offered: the guide's search and support, from the box's attributes. */
interface Offers {
  searchHref: string | undefined;
  support: string | undefined;
  text: string;
}

/** "No card", in the list: search for the message's words, the guide's support, the list of messages. */
function noCard(strings: Strings, prefix: string, errorsHref: string, offers: Offers | undefined): HTMLLIElement[] {
  const entry = (link: HTMLAnchorElement, kind: string): HTMLLIElement => {
    const li = document.createElement('li');
    li.className = `${prefix}-empty ${prefix}-${kind}`;
    li.append(link);
    return li;
  };
  const entries: HTMLLIElement[] = [];
  const { line, words } = messageWords(offers?.text ?? '');
  const searchHref = words ? offers?.searchHref : undefined;
  const searching = Boolean(searchHref);
  if (searchHref) {
    const search = document.createElement('a');
    search.href = `${searchHref}?q=${encodeURIComponent(words)}`;
    search.textContent = strings.search.replace('{query}', words);
    entries.push(entry(search, 'search'));
  }
  const support = offers?.support ? (JSON.parse(offers.support) as PasteSupport) : undefined;
  if (support) {
    const link = document.createElement('a');
    link.className = 'button';
    const body = `${support.report}\n\n${strings.pasted}:\n${line.slice(0, MOST_MAIL_LINE)}`;
    link.href = support.email
      ? `mailto:${support.email}?subject=${encodeURIComponent(support.subject)}&body=${encodeURIComponent(body)}`
      : (support.url ?? '');
    link.textContent = support.label;
    entries.push(entry(link, 'support'));
  }
  const browse = document.createElement('a');
  browse.href = errorsHref;
  browse.textContent = strings.browse;
  entries.push(entry(browse, 'browse'));
  // The help names what is offered: no search for a message of no word to search for (`Error 500`).
  const helpText = searching ? (support ? strings.noneHelp : strings.noneHelpSearch) : support ? strings.noneHelpSupport : '';
  if (!helpText) return entries;
  const help = document.createElement('li');
  help.className = `${prefix}-empty ${prefix}-help`;
  help.textContent = helpText;
  return [help, ...entries];
}

/** Characters of the pasted line a message to support holds: a mail link must stay short. */
const MOST_MAIL_LINE = 500;

/**
 * A card as a result: its message, where it appears and the line (of a paste of several), the
 * matched part marked; above its title, the answers that lead to it for cards offered side by
 * side, and for a card whose message another card of its guide shows too.
 */
function item(
  hit: MatchHit,
  data: PasteData,
  names: PasteNames,
  strings: Strings,
  prefix: string,
  withPath: boolean,
  withLine: boolean,
): HTMLLIElement {
  const link = document.createElement('a');
  link.className = prefix;
  link.href = cardHref(data, hit.card);
  const answers = withPath || twin(data, names, hit.card) ? pathTo(names, hit.card) : [];
  const title = document.createElement('span');
  title.className = `${prefix}-title`;
  title.textContent = names.t[hit.card] ?? '';
  const meta = document.createElement('span');
  meta.className = `${prefix}-meta`;
  const guides = data.guides.length > 1 ? [data.guides[data.g?.[hit.card] ?? 0]?.title ?? ''] : [];
  const at = withLine ? [strings.line.replace('{line}', hit.line.toLocaleString())] : [];
  meta.textContent = [strings.kind, names.c[hit.card], ...guides, ...at].filter(Boolean).join(' · ');
  const line = document.createElement('span');
  line.className = `${prefix}-excerpt ${prefix}-line`;
  line.append(...marked(hit));
  if (answers.length > 0) {
    const path = document.createElement('span');
    path.className = `${prefix}-path`;
    path.textContent = answers.join(' › ');
    link.append(path);
  }
  link.append(title, meta, line);
  const entry = document.createElement('li');
  entry.append(link);
  return entry;
}

/** Whether another card of the card's guide has its message: then its answers tell them apart. */
function twin(data: PasteData, names: PasteNames, card: number): boolean {
  const guide = data.g?.[card] ?? 0;
  return names.t.some((title, other) => other !== card && title === names.t[card] && (data.g?.[other] ?? 0) === guide);
}

/** The answers on the shortest way from the start to a card (`match-names.json`). */
function pathTo(names: PasteNames, card: number): string[] {
  const answers: string[] = [];
  for (let at = names.k?.[card] ?? -1; at >= 0 && answers.length <= (names.a?.length ?? 0); at = names.a![at]![0]) {
    answers.push(names.a![at]![1]);
  }
  return answers.reverse();
}

/** The line around its marks, at most about 160 characters of it, the marks in `<mark>`. */
function marked(hit: MatchHit): Node[] {
  const { text, marks } = hit;
  const first = marks[0]?.[0] ?? 0;
  const from = first > 60 ? text.lastIndexOf(' ', first - 40) + 1 || first - 40 : 0;
  const to = Math.min(text.length, Math.max(from + 160, marks.at(-1)?.[1] ?? 0));
  const nodes: Node[] = [];
  if (from > 0) nodes.push(document.createTextNode('…'));
  let at = from;
  for (const [start, end] of marks) {
    if (end <= at || start >= to) continue;
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(Math.max(start, at), Math.min(end, to));
    nodes.push(mark);
    at = Math.min(end, to);
  }
  if (at < to) nodes.push(document.createTextNode(text.slice(at, to)));
  if (to < text.length) nodes.push(document.createTextNode('…'));
  return nodes;
}
