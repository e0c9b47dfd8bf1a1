/**
 * Reads a directive's attributes against its zod schema, reporting each unknown or ill-typed
 * attribute at the place it is written, and keeping every valid one.
 */
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { attributePlace, type Directive } from './directives.ts';
import { flag } from './problems.ts';
import { didYouMean } from './suggest.ts';

type ObjectSchema = z.ZodObject<Record<string, z.ZodType>>;

function list(names: string[]): string {
  return names.length === 0 ? 'no attributes' : names.map((name) => `\`${name}\``).join(', ');
}

/** How a writer wrote an attribute: `#id` for the id, `.name` for a class, else the name. */
function written(name: string): string {
  return name === 'id' ? '#id' : name === 'class' ? '.class' : name;
}

export function readAttributes<S extends ObjectSchema>(
  directive: Directive,
  schema: S,
  file: VFile,
): Partial<z.output<S>> {
  const known = Object.keys(schema.shape);
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(directive.attributes ?? {})) {
    const field = schema.shape[name];
    const place = attributePlace(directive, name);
    if (!field) {
      const advice = didYouMean(name, known, `; \`${directive.name}\` takes ${list(known.map(written))}`);
      flag(file, 'invalid-attribute', `Unknown attribute \`${written(name)}\` on \`${directive.name}\`${advice}`, place);
      continue;
    }
    const parsed = field.safeParse(value ?? undefined);
    if (parsed.success) {
      result[name] = parsed.data;
    } else {
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      flag(file, 'invalid-attribute', `Invalid \`${name}\` on \`${directive.name}\`: ${reason}`, place);
    }
  }
  return result as Partial<z.output<S>>;
}
