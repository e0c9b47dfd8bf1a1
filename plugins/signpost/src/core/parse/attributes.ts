/**
 * Reads a directive's attributes against its zod schema, reporting each unknown or ill-typed
 * attribute at the place it is written, and keeping every valid one.
 */
import { invalidAttributeRule } from '../rules/invalid-attribute.ts';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { attributePlace, type Directive } from './directives.ts';
import { flag } from '../problems.ts';
import { closest } from '../suggest.ts';

type ObjectSchema = z.ZodObject<Record<string, z.ZodType>>;

/** How a writer wrote an attribute: `#id` for the id, `.name` for a class, else the name. */
function written(name: string, value?: string | null, source?: string): string {
  if (name === 'id') return '#id';
  if (name === 'class' && source !== 'class') return `.${value?.split(' ')[0] ?? 'class'}`;
  return name;
}

export function readAttributes<S extends ObjectSchema>(directive: Directive, schema: S, file: VFile): Partial<z.output<S>> {
  const known = Object.keys(schema.shape);
  const given = directive.attributes ?? {};
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(given)) {
    const place = attributePlace(directive, name);
    // Writers choose attribute names: `constructor` or `toString` must not find Object's.
    let field = Object.hasOwn(schema.shape, name) ? schema.shape[name] : undefined;
    let key = name;
    if (!field) {
      const proposal = name === 'class' ? undefined : closest(name, known);
      const offset = place?.start.offset;
      const source = offset === undefined ? undefined : String(file.value).slice(offset, offset + name.length);
      const finding = invalidAttributeRule.say(
        'unknownAttribute',
        written(name, value, source),
        directive.name,
        proposal,
        known.map((k) => written(k)),
      );
      // The fix renames the attribute, so it is offered at the attribute's name alone.
      const start = place?.start;
      if (proposal && start?.offset !== undefined && source === name) {
        flag(file, finding, { start, end: { line: start.line, column: start.column + name.length, offset: start.offset + name.length } });
      } else {
        flag(file, { rule: finding.rule, severity: finding.severity, message: finding.message }, place);
      }
      // Read a misspelt attribute as the one meant, so `tittle` is not also a missing title.
      if (proposal === undefined || Object.hasOwn(given, proposal)) continue;
      field = schema.shape[proposal]!;
      key = proposal;
    }
    const parsed = field.safeParse(value ?? undefined);
    if (parsed.success) {
      result[key] = parsed.data;
    } else if (key === name) {
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      flag(file, invalidAttributeRule.say('invalidValue', name, directive.name, reason), place);
    }
  }
  return result as Partial<z.output<S>>;
}
