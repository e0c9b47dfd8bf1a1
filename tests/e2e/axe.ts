/**
 * axe-core in Chromium, against WCAG 2.2 AA. It is injected as an inline script, which the
 * pages' own Content-Security-Policy forbids: open the page with `bypassCSP` (the policy has
 * tests of its own).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../site/build-site.ts';

const AXE = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** WCAG 2.2 AA, as axe-core's tags. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Axe {
  run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
}

/** The page's WCAG 2.2 AA violations as it stands, one `rule at element, element` each: `[]` when it passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(
    (tags) => (window as unknown as { axe: Axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG,
  );
  return result.violations.map((violation) => `${violation.id} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
