/**
 * Runs in <head>, before the page is painted, as a classic script of its own (the
 * Content-Security-Policy allows no inline script): applies the theme the reader chose (light
 * or dark; none means the system's), so that the page never flashes the other one, and marks
 * the page as having JavaScript, so that what only works with it (search, the theme button)
 * takes its place from the first paint instead of shifting the layout later.
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
}
