/**
 * Reads a directive's attributes against its zod schema, keeping every valid one. An unknown
 * or ill-typed attribute is noted as a fact (facts.ts); `invalid-attribute` reports it at the
 * place it is written (rules/invalid-attribute.ts).
 */
import type { VFile } from 'vfile';
import type { z } from 'zod';
import type { Directive } from './directives.ts';
import { note } from './file-model.ts';
import { closest } from '../suggest.ts';

type ObjectSchema = z.ZodObject<Record<string, z.ZodType>>;

/**
 * A directive's attributes, read against its schema: every valid one kept, a misspelt one
 * (`tittle`) read as the one it was meant to be, so that it is not also a missing title. What
 * the schema does not take, or refuses, is noted on `file` for `invalid-attribute`.
 */
export function readAttributes<S extends ObjectSchema>(directive: Directive, schema: S, file: VFile): Partial<z.output<S>> {
  const known = Object.keys(schema.shape);
  const given = directive.attributes ?? {};
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(given)) {
    // Writers choose attribute names: `constructor` or `toString` must not find Object's.
    let field = Object.hasOwn(schema.shape, name) ? schema.shape[name] : undefined;
    let key = name;
    if (!field) {
      const proposal = name === 'class' ? undefined : closest(name, known);
      note(file, { type: 'unknown-attribute', directive, name, value, known, proposal });
      if (proposal === undefined || Object.hasOwn(given, proposal)) continue;
      field = schema.shape[proposal]!;
      key = proposal;
    }
    const parsed = field.safeParse(value ?? undefined);
    if (parsed.success) {
      result[key] = parsed.data;
    } else if (key === name) {
      note(file, { type: 'refused-attribute', directive, name, reason: parsed.error.issues[0]?.message ?? 'invalid value' });
    }
  }
  return result as Partial<z.output<S>>;
}
