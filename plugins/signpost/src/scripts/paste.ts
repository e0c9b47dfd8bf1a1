/**
 * A pasted error, matched to its card: the "Paste the error you see" box, and a paste of
 * several lines into the search box (enhance.ts hands it here before search sees it). The
 * build's list of messages and patterns (render/paste-data.ts) and the engine the patterns run
 * on (re2js, about 40 KB compressed) are loaded the first time a paste is matched, not before;
 * every line of the paste is read (core/match/matcher.ts). One clear match: the reader goes
 * straight to its card. Otherwise the best three, each with the line that matched and the
 * matched part marked. A paste too long to try every pattern on says where trying stopped.
 *
 * How long a paste takes to answer is measured as `signpost:paste` (Performance API), for the
 * benchmark.
 */
import { Matcher, MOST_LINES, type Engine, type MatchHit, type MatchResult } from '../core/match/matcher.ts';
import { cardHref, matchCards, type PasteData, type PasteNames } from '../render/paste-data.ts';

interface Strings {
  opening: string;
  choose: string;
  none: string;
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
  const result = await loaded.matcher.matchInSlices(text, stale ? { stale } : {});
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
    await show(result, loaded, strings, status, list, 'paste-result', errorsHref, () => ticket === latest);
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
): Promise<void> {
  const { clear, best } = result;
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
    const link = document.createElement('a');
    link.href = errorsHref;
    link.textContent = strings.browse;
    const entry = document.createElement('li');
    entry.className = `${prefix}-empty`;
    entry.append(link);
    list.replaceChildren(entry);
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
  status.textContent = strings.choose + note;
  list.replaceChildren(...best.map((hit) => item(hit, data, names, strings, prefix)));
  list.hidden = false;
}

/** A card as a result: its message, where it appears and the line, the matched part marked. */
function item(hit: MatchHit, data: PasteData, names: PasteNames, strings: Strings, prefix: string): HTMLLIElement {
  const link = document.createElement('a');
  link.className = prefix;
  link.href = cardHref(data, hit.card);
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
  link.append(title, meta, line);
  const entry = document.createElement('li');
  entry.append(link);
  return entry;
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
