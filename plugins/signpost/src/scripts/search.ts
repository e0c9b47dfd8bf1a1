/**
 * The search box: Pagefind's JavaScript API, loaded from the site's own `pagefind/` folder the
 * first time the reader types. Results are links to node pages: title, kind, guide and an
 * excerpt with the match highlighted.
 */

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    query: string,
    options?: { filters?: Record<string, string> },
  ) => Promise<{ results: { data: () => Promise<PagefindResult> }[] }>;
}

interface Strings {
  results: string;
  oneResult: string;
  noResults: string;
  startInstead: string;
  unavailable: string;
}

const MAX_RESULTS = 8;
/** Results read to re-rank: a few more than shown, so an exact message can move up. */
const CANDIDATES = 10;

/** Messages compare without case, punctuation at the ends, or repeated spaces. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”.!?]+|[\s"'“”.!?]+$/g, '');
}

/**
 * Readers paste the message on their screen: a card whose message (or an alias) is the query
 * comes first, then cards whose message holds it, then Pagefind's order.
 */
function rank(query: string, results: PagefindResult[]): PagefindResult[] {
  const wanted = normalize(query);
  const score = (result: PagefindResult): number => {
    const wordings = [result.meta['title'] ?? '', ...(result.meta['aliases'] ?? '').split(' | ')].map(normalize);
    if (wordings.includes(wanted)) return 2;
    return wordings.some((wording) => wording.includes(wanted)) ? 1 : 0;
  };
  return results
    .map((result, index) => ({ result, index, score: score(result) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ result }) => result);
}

export function setUpSearch(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = root.querySelector<HTMLElement>('.search-panel')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('.search-list')!;
  const filters = [...root.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as Strings;
  const base = root.dataset['base'] ?? '/';
  let pagefind: Promise<Pagefind> | undefined;
  let latest = 0;

  const load = (): Promise<Pagefind> => {
    pagefind ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      await module.options({ baseUrl: base });
      await module.init();
      return module;
    })();
    return pagefind;
  };

  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      panel.hidden = true;
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let results: PagefindResult[];
    try {
      const engine = await load();
      const chosen = Object.fromEntries(filters.filter((s) => s.value).map((s) => [s.dataset['filter']!, s.value]));
      const found = await engine.search(query, { filters: chosen });
      const candidates = await Promise.all(found.results.slice(0, CANDIDATES).map((result) => result.data()));
      results = rank(query, candidates).slice(0, MAX_RESULTS);
    } catch {
      if (ticket !== latest) return;
      panel.hidden = false;
      status.textContent = strings.unavailable;
      list.replaceChildren();
      return;
    }
    if (ticket !== latest) return;
    panel.hidden = false;
    render(query, results);
  };

  const render = (query: string, results: PagefindResult[]): void => {
    // Which query the list shows: a later keystroke's results replace an earlier one's.
    list.dataset['query'] = query;
    if (results.length === 0) {
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
    status.textContent = results.length === 1 ? strings.oneResult : strings.results.replace('{count}', String(results.length));
    list.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.className = 'search-result';
        link.href = result.url;
        const title = document.createElement('span');
        title.className = 'search-result-title';
        title.textContent = result.meta['title'] ?? result.url;
        const meta = document.createElement('span');
        meta.className = 'search-result-meta';
        meta.textContent = [result.meta['kind'], result.filters['guide']?.[0]].filter(Boolean).join(' · ');
        const excerpt = document.createElement('span');
        excerpt.className = 'search-result-excerpt';
        // Pagefind's excerpt is the indexed text, escaped, with <mark> around the matches.
        excerpt.innerHTML = result.excerpt;
        link.append(title, meta, excerpt);
        item.append(link);
        return item;
      }),
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 120);
  });
  for (const select of filters) select.addEventListener('change', () => void run());
  root.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    list.querySelector<HTMLAnchorElement>('a')?.click();
  });

  // Arrow keys move between the box and the results; Escape closes the results.
  root.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && links.length > 0) {
      event.preventDefault();
      links[Math.min(current + 1, links.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && current >= 0) {
      event.preventDefault();
      (current === 0 ? input : links[current - 1]!).focus();
    } else if (event.key === 'Escape') {
      panel.hidden = true;
      input.focus();
    }
  });
}
