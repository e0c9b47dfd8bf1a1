/**
 * Layout shift from the first paint, on a slow network: the page is painted before its module
 * script arrives, so whatever the script adds must already have its place.
 */
import type { Page } from 'playwright-core';

/**
 * Delays the page's module script and adds up every layout shift of each document `page`
 * loads from now on; call it before `goto`. Returns the total so far of the document shown.
 */
export async function watchLayoutShift(page: Page): Promise<() => Promise<number>> {
  await page.route('**/_astro/base*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.addInitScript(() => {
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { shift: number }).shift += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { shift: number }).shift);
}
