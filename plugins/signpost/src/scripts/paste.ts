/**
 * A pasted error, matched to its card: the "Paste the error you see" box, and a paste of
 * several lines into the search box (enhance.ts hands it here before search sees it). The
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
import { Matcher, messageStart, MOST_LINES, type Engine, type MatchHit, type MatchResult } from '../core/match/matcher.ts';
import { cardHref, matchCards, readScope, type PasteData, type PasteNames } from '../render/paste-data.ts';
import type { PasteSupport } from '../render/paste-support.ts';

interface Strings {
  opening: string;
  choose: string;
  none: string;
  noneHelp: string;
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

/**
 * A paste of several lines in the search box: its card at once when it is clear, else the
 * best three in the search's list. Returns false when no card matches, for search to go on.
 */
export async function pasteIntoSearch(root: HTMLElement, text: string): Promise<boolean> {
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('.search-list')!;
  const strings = JSON.parse(root.dataset['pasteStrings'] ?? '{}') as Strings;
  const url = root.dataset['match'] ?? '/signpost-search/match.json';
  let loaded: Loaded;
  try {
    loaded = await load(url);
  } catch {
    return false;
  }
  const result = await timed(loaded, text);
  if (!result || result.best.length === 0) return false;
  await show(result, loaded, strings, status, list, 'search-result', root.dataset['errorsHref'] ?? '/');
  list.dataset['query'] = root.querySelector<HTMLInputElement>('input[type="search"]')?.value ?? '';
  return true;
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
  list.replaceChildren(...shown.map((hit) => item(hit, data, names, strings, prefix, sideBySide)));
  list.classList.toggle(`${prefix}s-equal`, sideBySide);
  list.hidden = false;
}

/** What a paste no card matches is offered: the guide's search and support, from the box's attributes. */
interface Offers {
  searchHref: string | undefined;
  support: string | undefined;
  text: string;
}

/**
 * The line a paste's message most likely is: the first that reads as an error, else the last
 * (a log ends with its error); its words, without those with digits (ids, times, counts) and
 * those of one letter.
 */
export function messageWords(text: string): { line: string; words: string } {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((found) => ERRORISH.test(found)) ?? lines.at(-1) ?? '';
  // A log's level in front of the message (`ERROR`, `[warn]`, `fatal:`) says nothing a search needs.
  const message = line.slice(messageStart(line)).replace(LEVEL, '');
  const words = (message.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 1 && !/\p{N}/u.test(word));
  return { line, words: words.slice(0, MOST_QUERY_WORDS).join(' ') };
}

const ERRORISH = /\b(?:error|fail(?:ed|ure)?|fatal|denied|refused|cannot|can't|unable|invalid|exception|timed out|not found)\b/i;
const LEVEL = /^(?:\[?(?:trace|debug|info|notice|warn|warning|error|err|fatal|critical|crit|severe)\]?:?\s+)+/i;
/** Words of the message a search is offered for: enough to find it, few enough for a short query. */
const MOST_QUERY_WORDS = 10;

/** "No card", in the list: search for the message's words, the guide's support, the list of messages. */
function noCard(strings: Strings, prefix: string, errorsHref: string, offers: Offers | undefined): HTMLLIElement[] {
  const entry = (link: HTMLAnchorElement, kind: string): HTMLLIElement => {
    const li = document.createElement('li');
    li.className = `${prefix}-empty ${prefix}-${kind}`;
    li.append(link);
    return li;
  };
  const entries: HTMLLIElement[] = [];
  const help = document.createElement('li');
  help.className = `${prefix}-empty ${prefix}-help`;
  help.textContent = strings.noneHelp;
  const { line, words } = messageWords(offers?.text ?? '');
  if (offers?.searchHref && words) {
    const search = document.createElement('a');
    search.href = `${offers.searchHref}?q=${encodeURIComponent(words)}`;
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
  return entries.length > 1 ? [help, ...entries] : entries;
}

/** Characters of the pasted line a message to support holds: a mail link must stay short. */
const MOST_MAIL_LINE = 500;

/** A card as a result: its message, where it appears and the line, the matched part marked. */
function item(hit: MatchHit, data: PasteData, names: PasteNames, strings: Strings, prefix: string, withPath: boolean): HTMLLIElement {
  const link = document.createElement('a');
  link.className = prefix;
  link.href = cardHref(data, hit.card);
  const answers = withPath ? pathTo(names, hit.card) : [];
  const title = document.createElement('span');
  title.className = `${prefix}-title`;
  title.textContent = names.t[hit.card] ?? '';
  const meta = document.createElement('span');
  meta.className = `${prefix}-meta`;
  const guides = data.guides.length > 1 ? [data.guides[data.g?.[hit.card] ?? 0]?.title ?? ''] : [];
  meta.textContent = [strings.kind, names.c[hit.card], ...guides, strings.line.replace('{line}', hit.line.toLocaleString())]
    .filter(Boolean)
    .join(' · ');
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
