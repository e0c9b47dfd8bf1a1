/**
 * Enhancements for readers with JavaScript. Every page works without them: a page then says
 * which questions lead to it, Back goes to the one node that leads here (else the start), and
 * feedback uses plain links.
 *
 * - The trail, Back, the path report and the support e-mail follow the answers this reader
 *   actually gave, kept in sessionStorage per guide; never a path the reader did not take.
 *   A reader who arrived by a link or a search has given none here: the page stays as built.
 * - Copy link and Copy for the path report.
 * - Feedback: a `signpost:feedback` DOM event, and a beacon to the endpoint the site names in
 *   `<body data-feedback-endpoint>`, if any.
 */

interface Step {
  /** The node the answer was given on, and where it leads. */
  id: string;
  to: string;
  question: string;
  answer: string;
  href: string;
}

interface Feedback {
  guide: string;
  node: string;
  answer: 'yes' | 'no';
  path: Step[];
}

const body = document.body;
const pageGuide = body.dataset['guide'];
const pageNode = body.dataset['node'];

if (pageGuide && pageNode) enhanceNodePage(pageGuide, pageNode);
enhanceSearch();

/**
 * Shows the search box; its code, and Pagefind, load when the reader first uses it. The `/`
 * key focuses it from anywhere but a text field.
 */
function enhanceSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = root?.querySelector<HTMLInputElement>('input[type="search"]');
  if (!root || !input) return;
  root.hidden = false;
  let ready: Promise<void> | undefined;
  const setUp = () => {
    ready ??= import('./search.ts').then(({ setUpSearch }) => {
      setUpSearch(root);
      // Typed before the code arrived: search for it now.
      if (input.value) input.dispatchEvent(new Event('input'));
    });
  };
  input.addEventListener('focus', setUp, { once: true });
  input.addEventListener('input', setUp, { once: true });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    event.preventDefault();
    input.focus();
  });
}

function enhanceNodePage(guide: string, node: string): void {
  const key = `signpost:path:${guide}`;
  const stored = read(key);
  const path = takenPath(stored, node) ?? [];
  write(key, path);

  // Record the answer when the reader follows one, for the next page's trail.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-to]');
    if (!link) return;
    const prompt = document.querySelector('.node .prompt') ?? document.querySelector('.node h1');
    const step: Step = {
      id: node,
      to: link.dataset['to'] ?? '',
      question: (prompt?.textContent ?? '').trim(),
      answer: (link.textContent ?? '').trim(),
      href: location.pathname,
    };
    write(key, [...path, step]);
  });
  document.querySelector('[data-action="start-over"]')?.addEventListener('click', () => sessionStorage.removeItem(key));

  renderTrail(path);
  const back = document.querySelector<HTMLAnchorElement>('[data-action="back"]');
  const previous = path.at(-1);
  if (back && previous) back.href = previous.href;

  const report = pathReport(path);
  const pre = document.querySelector<HTMLElement>('[data-report]');
  if (pre) pre.textContent = report;
  for (const mail of document.querySelectorAll<HTMLAnchorElement>('a[data-mailto]')) {
    const url = new URL(mail.href);
    url.search = `?subject=${encodeURIComponent(new URLSearchParams(url.search).get('subject') ?? '')}&body=${encodeURIComponent(report)}`;
    mail.href = url.href;
  }

  copyButton('[data-action="copy-link"]', () => location.href.split('#')[0]!);
  copyButton('[data-action="copy-report"]', () => report);

  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-feedback]')) {
    link.addEventListener('click', () => {
      const answer = link.dataset['feedback'] === 'yes' ? 'yes' : 'no';
      for (const panel of document.querySelectorAll('.feedback-panel')) {
        panel.classList.toggle('is-open', panel.id === `feedback-${answer}`);
      }
      sendFeedback({ guide, node, answer, path });
    });
  }
}

/**
 * The answers that led here: the stored path when its last answer leads to this node, or cut
 * at this node when the reader went back to it; otherwise nothing (a link from elsewhere).
 */
function takenPath(stored: Step[], node: string): Step[] | undefined {
  if (stored.at(-1)?.to === node) return stored;
  const again = stored.findIndex((step) => step.id === node);
  return again >= 0 ? stored.slice(0, again) : undefined;
}

/** Shows the answers given on the way here, in place of the ways in the page was built with. */
function renderTrail(path: Step[]): void {
  const trail = document.querySelector<HTMLElement>('nav.trail:not(.reached-from)');
  const list = trail?.querySelector('ol');
  if (!trail || !list || path.length === 0) return;
  list.replaceChildren(
    ...path.map((step) => {
      const item = document.createElement('li');
      item.dataset['id'] = step.id;
      const link = document.createElement('a');
      link.href = step.href;
      link.textContent = step.question;
      const answer = document.createElement('span');
      answer.className = 'trail-answer';
      answer.textContent = step.answer;
      item.append(link, ' ', answer);
      return item;
    }),
  );
  trail.hidden = false;
  const reachedFrom = document.querySelector<HTMLElement>('nav.reached-from');
  if (reachedFrom) reachedFrom.hidden = true;
}

/** The page's report (guide and page, with this page's address), and the answers given, if any. */
function pathReport(path: Step[]): string {
  const pre = document.querySelector<HTMLElement>('[data-report]');
  const [guideLine = '', pageLine = ''] = (pre?.textContent ?? '').split('\n');
  const lines = [guideLine, pageLine.replace(/\([^()]*\)$/, `(${location.href.split('#')[0]})`)];
  if (path.length > 0) {
    lines.push(`${pre?.dataset['answers'] ?? 'Answers'}:`, ...path.map((step, index) => `${index + 1}. ${step.question} → ${step.answer}`));
  }
  return lines.join('\n');
}

function copyButton(selector: string, text: () => string): void {
  const button = document.querySelector<HTMLButtonElement>(selector);
  if (!button || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const status = document.querySelector('.action-status');
    try {
      await navigator.clipboard.writeText(text());
      if (status) status.textContent = button.dataset['done'] ?? '';
    } catch {
      if (status) status.textContent = '';
    }
  });
}

function sendFeedback(feedback: Feedback): void {
  document.dispatchEvent(new CustomEvent('signpost:feedback', { detail: feedback }));
  const endpoint = body.dataset['feedbackEndpoint'];
  if (endpoint) navigator.sendBeacon(endpoint, new Blob([JSON.stringify(feedback)], { type: 'application/json' }));
}

function read(key: string): Step[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    // Only steps this script wrote: text fields, and links to pages of this site.
    const valid = (step: Partial<Record<keyof Step, unknown>>) =>
      ['id', 'to', 'question', 'answer', 'href'].every((field) => typeof step[field as keyof Step] === 'string') &&
      /^\/(?![/\\])/.test(step.href as string);
    return Array.isArray(value) && value.every(valid) ? (value as Step[]) : [];
  } catch {
    return [];
  }
}

function write(key: string, path: Step[]): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(path));
  } catch {
    // Storage can be full or disabled; the page then shows the ways in it was built with.
  }
}
