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
import { toJSONSchema, type z } from 'zod';

/** The schema of a site component's attributes: any zod object (zod or astro/zod). */
export type ComponentSchema = z.ZodObject<Record<string, z.ZodType>>;

/** The site's components by directive name. */
export type SiteComponents = ReadonlyMap<string, ComponentSchema>;

export const NO_COMPONENTS: SiteComponents = new Map();

/**
 * What a parse depends on of the site's components, for the parse caches: each name and its
 * schema, as JSON Schema (the values each attribute accepts). A file is parsed again when a
 * component it could use comes, goes or accepts other values. A schema JSON Schema cannot say
 * gets a key of this process alone: its parses are kept in memory, not across runs. Worked
 * out once per guide (load-guide.ts), not per file.
 */
export function componentsKey(components: SiteComponents): string {
  if (components.size === 0) return '';
  const described = [...components].map(([name, schema]) => `${name}=${describeSchema(schema)}`).sort();
  return createHash('sha256').update(described.join(';')).digest('hex').slice(0, 16);
}

/** Differs in every process: for a schema that cannot be described. */
const THIS_PROCESS = `${process.pid}-${Date.now()}-${Math.random()}`;

function describeSchema(schema: ComponentSchema): string {
  try {
    return JSON.stringify(toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
  } catch {
    return THIS_PROCESS;
  }
}
