/**
 * `invalid-attribute`: an attribute or a frontmatter field that its schema does not take or
 * refuses, frontmatter outside `index.mdx`, a node's own id in its `moved-from`, and an answer
 * or link without its target. A file rule: it reads what extraction noted of the attributes
 * and fields as written (parse/attributes.ts, parse/metadata.ts) and the parts it read.
 * `docs/invalid-attribute.md` explains it.
 */
import type { Position } from 'unist';
import type { ParseFact } from '../parse/facts.ts';
import { type FileModel, factsOfTypes } from '../parse/file-model.ts';
import { attributePlace, hasAttribute, openingOf, type Directive } from '../parse/directives.ts';
import { INDEX_FILE } from '../graph/guide-files.ts';
import { defineRule, withoutExpected, type Report } from './define.ts';
import { code, codes, proposing } from './words.ts';

export const invalidAttributeRule = defineRule(
  {
    id: 'invalid-attribute',
    severity: 'error',
    summary: 'an unknown or ill-typed attribute or metadata field',
    messages: {
      unknownAttribute: (written: string, directive: string, proposal: string | undefined, takes: readonly string[]) => ({
        message: `Unknown attribute ${code(written)} on ${code(directive)}${proposing(
          proposal,
          `; ${code(directive)} takes ${takes.length === 0 ? 'no attributes' : codes(takes)}`,
        )}`,
        ...(proposal ? { expected: [proposal] } : {}),
      }),
      invalidValue: (name: string, directive: string, reason: string) => `Invalid ${code(name)} on ${code(directive)}: ${reason}`,
      optionNoTarget: () => '`option` needs a `to` attribute naming the node this answer leads to',
      linkNoTarget: () => '`link` needs a `to` attribute naming the node it leads to',
      frontmatterNotInIndex: (index: string) => `Frontmatter is read only from ${code(index)}; move these fields there`,
      frontmatterNotFields: () => 'Frontmatter must be `field: value` lines, such as `title: My guide`',
      unknownField: (name: string, proposal: string | undefined, known: readonly string[]) => ({
        message: `Unknown field ${code(name)}${proposing(proposal, `; the fields are ${codes(known)}`)}`,
        ...(proposal ? { expected: [proposal] } : {}),
      }),
      invalidField: (field: string, reason: string) => `Invalid ${code(field)}: ${reason}`,
      /** `support: hello@x.io`: the contact needs its kind. */
      supportNotMap: (value: string, kind: 'email' | 'url' | undefined, indent: string) => ({
        message: `\`support\` takes the contact on the lines below it, as \`email:\` or \`url:\`${
          kind ? `; write \`support:\`, then \`${indent}${kind}: ${value}\` on the next line` : ', such as `  email: help@example.com`'
        }`,
        ...(kind ? { expected: [`\n${indent}${kind}: ${value}`] } : {}),
      }),
      movedFromSelf: (id: string) => `\`moved-from\` lists the node's own id ${code(id)}; list only ids the node had before`,
    },
  },
  checkAttributes,
);

/** How a writer wrote an attribute: `#id` for the id, `.name` for a class, else the name. */
function asWritten(name: string, value?: string | null, source?: string): string {
  if (name === 'id') return '#id';
  if (name === 'class' && source !== 'class') return `.${value?.split(' ')[0] ?? 'class'}`;
  return name;
}

/** An unknown attribute, at its place; the fix renames it, so it is offered at the name alone, as written. */
function unknownAttribute(
  fact: { directive: Directive; name: string; value: string | null | undefined; known: readonly string[]; proposal: string | undefined },
  text: string,
  report: Report,
): void {
  const { directive, name, value, known, proposal } = fact;
  const place = attributePlace(directive, name);
  const offset = place?.start.offset;
  const source = offset === undefined ? undefined : text.slice(offset, offset + name.length);
  const finding = invalidAttributeRule.say(
    'unknownAttribute',
    asWritten(name, value, source),
    directive.name,
    proposal,
    known.map((k) => asWritten(k)),
  );
  const start = place?.start;
  if (proposal && start?.offset !== undefined && source === name) {
    const end = { line: start.line, column: start.column + name.length, offset: start.offset + name.length };
    report(finding, { start, end } satisfies Position);
  } else {
    report(withoutExpected(finding), place);
  }
}

/** A frontmatter field the schema refuses; `title` and `start` are `missing-title`'s and `missing-start`'s. */
function fieldRefused(fact: Extract<ParseFact, { type: 'field-refused' }>, report: Report): void {
  const { field, missing, reason, place, scalar } = fact;
  if (field === 'title' || field === 'start') return;
  if (field === 'support' && scalar) {
    // `support: hello@x.io`: a contact, without saying which kind.
    const { value } = scalar;
    const kind = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) ? 'email' : /^https?:\/\//.test(value) ? 'url' : undefined;
    const finding = invalidAttributeRule.say('supportNotMap', value, kind, '  ');
    // The fix moves the value to the next line; the key's column says nothing about the indent.
    report(fact.keyWritten ? finding : withoutExpected(finding), scalar.place);
    return;
  }
  report(invalidAttributeRule.say('invalidField', field, missing ? 'missing' : reason), place);
}

function checkAttributes(file: FileModel, report: Report): void {
  for (const fact of factsOfTypes(file, [
    'unknown-attribute',
    'refused-attribute',
    'link',
    'option',
    'former-id-refused',
    'stray-frontmatter',
    'frontmatter-not-map',
    'unknown-field',
    'field-refused',
  ])) {
    switch (fact.type) {
      case 'unknown-attribute':
        unknownAttribute(fact, file.text, report);
        break;
      case 'refused-attribute':
        report(
          invalidAttributeRule.say('invalidValue', fact.name, fact.directive.name, fact.reason),
          attributePlace(fact.directive, fact.name),
        );
        break;
      case 'link':
        // An invalid `to` was reported as such; a link without one needs it.
        if (fact.to === undefined && !hasAttribute(fact.directive, 'to'))
          report(invalidAttributeRule.say('linkNoTarget'), openingOf(fact.directive));
        break;
      case 'option':
        if (fact.to === undefined && !hasAttribute(fact.directive, 'to'))
          report(invalidAttributeRule.say('optionNoTarget'), openingOf(fact.directive));
        break;
      case 'former-id-refused':
        if (fact.fault === 'own-id') report(invalidAttributeRule.say('movedFromSelf', fact.former), fact.place);
        break;
      case 'stray-frontmatter':
        report(invalidAttributeRule.say('frontmatterNotInIndex', INDEX_FILE), fact.place);
        break;
      case 'frontmatter-not-map':
        report(invalidAttributeRule.say('frontmatterNotFields'), fact.place);
        break;
      case 'unknown-field': {
        const finding = invalidAttributeRule.say('unknownField', fact.name, fact.proposal, fact.fields);
        // The fix renames a field of the frontmatter's top level, at its key.
        report(!fact.nested && fact.place ? finding : withoutExpected(finding), fact.place);
        break;
      }
      case 'field-refused':
        fieldRefused(fact, report);
        break;
      default:
        break;
    }
  }
}
