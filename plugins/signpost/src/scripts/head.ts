/**
 * What must happen before the page is painted, as a classic script in <head> (the
 * Content-Security-Policy allows no inline script), so that nothing moves or flashes after:
 *
 * - the theme the reader chose (light or dark; none means the system's);
 * - the `js` class: what only works with JavaScript (search, the theme button, Copy) takes its
 *   place from the first paint;
 * - this page view's trail, the answers that led here: kept in its history entry (Back,
 *   Forward, reload), or handed over by the answer clicked on the page before. When there is
 *   one, the `has-trail` class gives its line its place; enhance.ts fills it in, from
 *   `window.signpostTrail`.
 *
 * The trail's formats are enhance.ts's, which writes them.
 */
{
  const root = document.documentElement;
  root.classList.add('js');
  try {
    const chosen = localStorage.getItem('signpost:theme');
    if (chosen === 'light' || chosen === 'dark') root.dataset['theme'] = chosen;
  } catch {
    // Storage may be disabled: the system's theme it is.
  }

  const { guide, node, start } = root.dataset;
  if (guide && node) {
    const valid = (trail: unknown): trail is unknown[] =>
      Array.isArray(trail) &&
      trail.every(
        (step: Record<string, unknown> | null) =>
          step !== null &&
          typeof step === 'object' &&
          ['id', 'to', 'question', 'answer', 'href'].every((field) => typeof step[field] === 'string') &&
          /^\/(?![/\\])/.test(step['href'] as string),
      );
    let trail: unknown[] | null = null;
    try {
      // A handoff is for the very next page only: taken now, whichever page this is.
      const handoff = JSON.parse(sessionStorage.getItem('signpost:handoff') ?? 'null') as Record<string, unknown> | null;
      sessionStorage.removeItem('signpost:handoff');
      const state = (history.state as Record<string, Record<string, unknown>> | null)?.['signpost'];
      if (state && state['guide'] === guide && state['node'] === node && (state['trail'] === null || valid(state['trail']))) {
        trail = state['trail'] as unknown[] | null;
      } else if (handoff && handoff['guide'] === guide && handoff['to'] === node && valid(handoff['trail'])) {
        // Opened from the page that was clicked (or, with no referrer sent, just now).
        const referrer = document.referrer.split('#')[0];
        if (referrer ? referrer === handoff['from'] : Date.now() - Number(handoff['at']) < 30_000) trail = handoff['trail'];
      } else if (node === start) {
        trail = [];
      }
    } catch {
      // Storage disabled or a handoff that is not ours: the page says how it can be reached.
    }
    (window as unknown as { signpostTrail: unknown[] | null }).signpostTrail = trail;
    if (trail && trail.length > 0) root.classList.add('has-trail');
  }
}
