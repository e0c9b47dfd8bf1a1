/**
 * `invalid-attribute`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/invalid-attribute.md` explains it.
 */
import { defineRule } from './define.ts';
import { code, codes, proposing } from './words.ts';

export const invalidAttributeRule = defineRule({
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
});
