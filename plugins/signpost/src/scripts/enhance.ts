/**
 * Enhancements for readers with JavaScript. Every page works without them: a page then says
 * which questions lead to it, Back goes to the one node that leads here (else the start),
 * feedback is a pair of radio buttons, and the support e-mail names the guide and the page.
 *
 * - The trail, Back, the path report and the support e-mail follow the answers this reader
 *   actually gave, and nothing else (design §5). The trail of a page view is kept in its
 *   history entry (`history.state`), so that Back, Forward and reload show each page with the
 *   trail it had. A click on an answer hands the next page its trail through sessionStorage;
 *   the next page (head.ts, before its first paint) takes it only if it is the page the answer
 *   leads to and was opened from the page that was clicked. A reader who arrived by a link or a search has given no answer
 *   here: the page stays as built. Answering a question already on the trail (a loop back)
 *   cuts the trail there, as a stack does.
 * - Feedback: one answer per page view, changeable; each change emits a `signpost:feedback`
 *   DOM event, and a beacon to the endpoint the site names in `<html data-feedback-endpoint>`.
 *   After "No", only the other answers of the question this reader answered are offered.
 * - Search (behind a button on phones), the theme button, Copy link and Copy, and the map
 *   opening on its start node.
 */

import type { SearchBox } from './search.ts';

interface Step {
  /** The node the answer was given on, and where it leads. */
  id: string;
  to: string;
  question: string;
  answer: string;
  /** The page of the node the answer was given on. */
  href: string;
}

interface Feedback {
  guide: string;
  node: string;
  answer: 'yes' | 'no';
  path: Step[];
}

/** What a click hands to the page it opens (read by head.ts). */
interface Handoff {
  guide: string;
  /** The page clicked on, and the node the click leads to. */
  from: string;
  to: string;
  trail: Step[];
  /** When, for browsers that send no referrer. */
  at: number;
}

/** This page view's trail, in its history entry (read by head.ts). */
interface PageState {
  guide: string;
  node: string;
  /** `null`: the answers that led here are not known. */
  trail: Step[] | null;
}

const HANDOFF = 'signpost:handoff';
const STATE = 'signpost';
const THEME = 'signpost:theme';

const html = document.documentElement;
const pageGuide = html.dataset['guide'];
const pageNode = html.dataset['node'];
// A page shown again from the back/forward cache runs no script, head.ts included: drop a
// handoff it left, which is for the very next page only.
addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  try {
    sessionStorage.removeItem(HANDOFF);
  } catch {
    // Nothing to drop.
  }
});

if (pageGuide && pageNode) enhanceNodePage(pageGuide, pageNode);
enhanceSearch();
enhancePaste();
enhanceThemeToggle();
enhanceMap();
enhanceContactLinks();

function enhanceNodePage(guide: string, node: string): void {
  const start = html.dataset['start'] ?? '';
  // Decided by head.ts before the first paint, which gave the trail its place.
  const trail = (window as unknown as { signpostTrail?: Step[] | null }).signpostTrail ?? null;
  try {
    history.replaceState({ ...(history.state as object | null), [STATE]: { guide, node, trail } satisfies PageState }, '');
  } catch {
    // A history state can be refused (size, sandbox): the page then keeps what it was built with.
  }

  const hand = (to: string, next: Step[]): void => {
    try {
      sessionStorage.setItem(HANDOFF, JSON.stringify({ guide, from: here(), to, trail: next, at: Date.now() } satisfies Handoff));
    } catch {
      // Storage full or disabled: the next page says how it can be reached.
    }
  };
  const article = document.querySelector<HTMLElement>('article.node');
  const question = article?.dataset['question'] ?? '';

  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-to], a[data-trail-index], a[data-action]');
    if (!link) return;
    const to = link.dataset['to'];
    if (link.dataset['action'] === 'back' && trail && trail.length > 0) hand(trail.at(-1)!.id, trail.slice(0, -1));
    else if (link.dataset['action'] === 'start-over') hand(start, []);
    else if (link.dataset['trailIndex'] !== undefined && trail) {
      const index = Number(link.dataset['trailIndex']);
      hand(trail[index]!.id, trail.slice(0, index));
    } else if (to && link.dataset['from']) {
      // Another answer of the question this reader answered, chosen after "No".
      const from = link.dataset['from'];
      const step = { id: from, to, question: link.dataset['question'] ?? '', answer: text(link), href: link.dataset['fromHref'] ?? '' };
      hand(to, answered(cut(trail ?? [], from), step, start));
    } else if (to) {
      const step = { id: node, to, question, answer: text(link.querySelector('.answer-label') ?? link), href: location.pathname };
      hand(to, answered(trail ?? [], step, start));
    }
  });

  const given = trail ?? [];
  renderTrail(given);
  const back = document.querySelector<HTMLAnchorElement>('[data-action="back"]');
  if (back && given.length > 0) back.href = given.at(-1)!.href;

  const report = pathReport(given);
  const pre = document.querySelector<HTMLElement>('[data-report]');
  if (pre) pre.textContent = report;
  for (const mail of document.querySelectorAll<HTMLAnchorElement>('a[data-mailto]')) {
    mail.href = mailto(mail, report);
  }

  copyButton('[data-action="copy-link"]', () => here());
  copyButton('[data-action="copy-report"]', () => report);
  enhanceFeedback(guide, node, given);
}

/**
 * The trail after an answer: the answer added, unless it leads back to a node already on the
 * trail (a loop), which cuts the trail where that node was answered; nothing at the start.
 */
function answered(trail: Step[], step: Step, start: string): Step[] {
  if (step.to === start) return [];
  return cut([...trail, step], step.to);
}

/** The trail before the answer given on `id`, if it is on the trail. */
function cut(trail: Step[], id: string): Step[] {
  const index = trail.findIndex((step) => step.id === id);
  return index >= 0 ? trail.slice(0, index) : trail;
}

/** Shows the answers given on the way here, in place of the ways in the page was built with. */
function renderTrail(trail: Step[]): void {
  const nav = document.querySelector<HTMLElement>('nav.trail:not(.reached-from)');
  const list = nav?.querySelector('.trail-list');
  const summary = nav?.querySelector('.trail-summary');
  if (!nav || !list || !summary || trail.length === 0) return;
  summary.textContent = trail.map((step) => step.answer).join(' › ');
  list.replaceChildren(
    ...trail.map((step, index) => {
      const item = document.createElement('li');
      item.dataset['id'] = step.id;
      const link = document.createElement('a');
      link.href = step.href;
      link.dataset['trailIndex'] = String(index);
      link.textContent = step.question;
      const answer = document.createElement('span');
      answer.className = 'trail-answer';
      answer.textContent = step.answer;
      item.append(link, ' ', answer);
      return item;
    }),
  );
  nav.hidden = false;
  const reachedFrom = document.querySelector<HTMLElement>('nav.reached-from');
  if (reachedFrom) reachedFrom.hidden = true;
}

/** The page's report (guide, page, this page's address), and the answers given, if any. */
function pathReport(trail: Step[]): string {
  const pre = document.querySelector<HTMLElement>('[data-report]');
  const lines = (pre?.textContent ?? '').split('\n');
  const label = pre?.dataset['address'] ?? 'Address';
  const report = lines.map((line) => (line.startsWith(`${label}: `) ? `${label}: ${here()}` : line));
  if (trail.length > 0) {
    report.push(
      `${pre?.dataset['answers'] ?? 'Answers'}:`,
      ...trail.map((step, index) => `${index + 1}. ${step.question} → ${step.answer}`),
    );
  }
  return report.join('\n');
}

function mailto(link: HTMLAnchorElement, message: string): string {
  return `mailto:${link.dataset['mailto']}?subject=${encodeURIComponent(link.dataset['subject'] ?? '')}&body=${encodeURIComponent(message)}`;
}

/** The not-found page's e-mail names the address that was not found. */
function enhanceContactLinks(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-mailto][data-about]')) {
    const message = new URL(link.href).searchParams.get('body') ?? '';
    link.href = mailto(link, `${message}\n${link.dataset['about']}: ${here()}`);
  }
}

/**
 * "Did this answer your question?": radio buttons, so one answer is selected per page view and
 * can be changed, with no history entry; each change is one event. After "No", the other
 * answers of the question this reader answered (all questions' when that is not known).
 */
function enhanceFeedback(guide: string, node: string, trail: Step[]): void {
  const groups = [...document.querySelectorAll<HTMLElement>('.alternatives')];
  const last = trail.at(-1);
  if (last) for (const group of groups) group.hidden = group.dataset['question'] !== last.id;
  for (const input of document.querySelectorAll<HTMLInputElement>('.feedback input[name="feedback"]')) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      sendFeedback({ guide, node, answer: input.value === 'yes' ? 'yes' : 'no', path: trail });
    });
  }
}

function copyButton(selector: string, copied: () => string): void {
  const button = document.querySelector<HTMLButtonElement>(selector);
  if (!button) return;
  // Shown from the first paint with JavaScript (node-page.astro); hidden where there is no clipboard.
  if (!navigator.clipboard) {
    button.hidden = true;
    return;
  }
  button.addEventListener('click', async () => {
    const status = document.querySelector('.action-status');
    try {
      await navigator.clipboard.writeText(copied());
      if (status) status.textContent = button.dataset['done'] ?? '';
    } catch {
      if (status) status.textContent = '';
    }
  });
}

function sendFeedback(feedback: Feedback): void {
  document.dispatchEvent(new CustomEvent('signpost:feedback', { detail: feedback }));
  const endpoint = html.dataset['feedbackEndpoint'];
  if (endpoint) navigator.sendBeacon(endpoint, new Blob([JSON.stringify(feedback)], { type: 'application/json' }));
}

/**
 * Shows the search box (behind its button on phones); its code, and Pagefind, load when the
 * reader first uses it, or at once on a page opened with a query (`?q=`). The `/` key focuses it from anywhere but a text field. The results
 * close on a click outside, when focus leaves the search, and on Escape, which keeps the query.
 */
function enhanceSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = root?.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = root?.querySelector<HTMLElement>('.search-panel');
  const list = root?.querySelector<HTMLElement>('.search-list');
  if (!root || !input || !panel || !list) return;
  const header = root.closest<HTMLElement>('.site-header');
  const toggle = document.querySelector<HTMLButtonElement>('.search-toggle');
  let ready: Promise<SearchBox> | undefined;
  const setUp = (): Promise<SearchBox> =>
    (ready ??= import('./search.ts').then(({ setUpSearch }) => {
      const box = setUpSearch(root);
      // Typed before the code arrived: search for it now.
      if (input.value) input.dispatchEvent(new Event('input'));
      return box;
    }));
  const open = (): void => {
    header?.classList.add('is-searching');
    toggle?.setAttribute('aria-expanded', 'true');
    input.focus();
  };
  const close = (): void => {
    panel.hidden = true;
    if (!header?.classList.contains('is-searching')) return;
    header.classList.remove('is-searching');
    toggle?.setAttribute('aria-expanded', 'false');
  };
  const inside = (target: EventTarget | null): boolean =>
    target instanceof Node && (root.contains(target) || (toggle?.contains(target) ?? false));

  input.addEventListener('focus', () => void setUp(), { once: true });
  input.addEventListener('input', () => void setUp(), { once: true });
  // A paste is matched as pasted (search.ts): at once, not after a pause for typing, and every
  // line of it; the box shows a paste of several lines (a log, a screen of output) on one.
  input.addEventListener('paste', (event) => {
    const pasted = event.clipboardData?.getData('text/plain');
    if (pasted === undefined) return;
    event.preventDefault();
    const several = pasted.split(/\r\n|\r|\n/).filter((line) => line.trim()).length > 1;
    const shown = pasted.replace(/\s+/g, ' ');
    if (several) input.value = shown.trim();
    else input.setRangeText(shown, input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, 'end');
    void setUp()
      .then((box) => box.pasted(several ? pasted : input.value))
      .catch(() => undefined);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.dataset['query'] !== undefined) panel.hidden = false;
  });
  toggle?.addEventListener('click', () => (header?.classList.contains('is-searching') ? close() : open()));
  document.addEventListener('pointerdown', (event) => {
    if (!inside(event.target)) close();
  });
  root.addEventListener('focusout', (event) => {
    // Focus moving to the page (Tab past the last result) closes the results, so that nothing
    // focused is ever hidden under them. A click elsewhere is the pointerdown's.
    if (event.relatedTarget && !inside(event.relatedTarget)) close();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    // Escape in a search field clears it: here it closes the results and keeps the query.
    event.preventDefault();
    if (!panel.hidden) {
      panel.hidden = true;
      input.focus();
    } else if (header?.classList.contains('is-searching')) {
      close();
      toggle?.focus();
    }
  });
  // A link to a page with `?q=` (what a paste no card matched offers) opens search with its words.
  const query = new URLSearchParams(location.search).get('q')?.trim();
  if (query) {
    input.value = query;
    open();
    void setUp();
  }
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    event.preventDefault();
    open();
  });
}

/**
 * "Paste the error you see": its code, and the list of messages it matches against, load when
 * the reader first uses the box. A paste or a click on Find before the code arrives is matched
 * once it has.
 */
function enhancePaste(): void {
  const root = document.querySelector<HTMLElement>('[data-paste]');
  const form = root?.querySelector<HTMLFormElement>('.paste-form');
  const input = root?.querySelector<HTMLTextAreaElement>('textarea');
  if (!root || !form || !input) return;
  let loaded = false;
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> =>
    (loading ??= import('./paste.ts').then(({ setUpPaste }) => {
      setUpPaste(root);
      loaded = true;
    }));
  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('paste', () => {
    if (!loaded) void load().then(() => form.requestSubmit());
  });
  form.addEventListener('submit', (event) => {
    if (loaded) return;
    event.preventDefault();
    void load().then(() => form.requestSubmit());
  });
}

/** The theme button: System, Light, Dark in turn, kept for the next pages (see head.ts). */
function enhanceThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const names = JSON.parse(button.dataset['strings'] ?? '{}') as Record<string, string>;
  const order = ['system', 'light', 'dark'] as const;
  const current = (): (typeof order)[number] =>
    html.dataset['theme'] === 'light' || html.dataset['theme'] === 'dark' ? html.dataset['theme'] : 'system';
  const label = (): void => {
    const now = current();
    const next = order[(order.indexOf(now) + 1) % order.length]!;
    button.setAttribute(
      'aria-label',
      (names['label'] ?? '{current}').replace('{current}', names[now] ?? now).replace('{next}', names[next] ?? next),
    );
  };
  label();
  button.addEventListener('click', () => {
    const next = order[(order.indexOf(current()) + 1) % order.length]!;
    if (next === 'system') delete html.dataset['theme'];
    else html.dataset['theme'] = next;
    try {
      if (next === 'system') localStorage.removeItem(THEME);
      else localStorage.setItem(THEME, next);
    } catch {
      // Not kept: this page still switches.
    }
    label();
  });
}

/** A map wider than the screen opens on its start node (or a branch's first), not on empty space. */
function enhanceMap(): void {
  const frame = document.querySelector<HTMLElement>('.map-frame');
  const start = frame?.querySelector<SVGGraphicsElement>('.map-start, .map-root');
  if (!frame || !start || frame.scrollWidth <= frame.clientWidth) return;
  const box = start.getBoundingClientRect();
  const view = frame.getBoundingClientRect();
  frame.scrollLeft += box.left + box.width / 2 - (view.left + frame.clientWidth / 2);
}

/** This page's address, without a fragment. */
function here(): string {
  return location.href.split('#')[0]!;
}

function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
