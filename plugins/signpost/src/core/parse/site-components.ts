/**
 * Components a site owner registers in `signpost({ components })`: each a directive name and
 * the zod schema of its attributes. `check` reads them like Signpost's own components, so a
 * guide gets the same located problems for them; the site renders them with its own Astro
 * component. Guides still only name a component and give it literal attributes: no code.
 *
 * ```js
 * signpost({ components: { 'plan-badge': { entrypoint: './src/components/PlanBadge.astro', schema: z.object({ plan: z.enum(['basic', 'pro']) }) } } })
 * ```
 *
 * ```mdx
 * This feature needs :plan-badge{plan="pro"}.
 * ```
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';

/** The schema of a site component's attributes: any zod object (zod or astro/zod). */
export type ComponentSchema = z.ZodObject<Record<string, z.ZodType>>;

/** The site's components by directive name. */
export type SiteComponents = ReadonlyMap<string, ComponentSchema>;

export const NO_COMPONENTS: SiteComponents = new Map();

/**
 * What a parse depends on of the site's components (names and attribute names), for the parse
 * caches: a file is parsed again when a component it could use comes, goes or changes.
 */
export function componentsKey(components: SiteComponents): string {
  if (components.size === 0) return '';
  const described = [...components].map(([name, schema]) => `${name}(${Object.keys(schema.shape).sort().join(',')})`).sort();
  return createHash('sha256').update(described.join(';')).digest('hex').slice(0, 16);
}
