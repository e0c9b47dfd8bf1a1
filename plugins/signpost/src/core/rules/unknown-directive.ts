/**
 * `unknown-directive`: a directive outside the vocabulary (and not one of the site's
 * components). A file rule: extraction reads a misspelt directive as the one it was probably
 * meant to be (`:::reson` as `reason`) and notes it; this rule reports it at its opening, with
 * that proposal. `docs/unknown-directive.md` explains it.
 */
import { openingOf } from '../parse/directives.ts';
import { factsOfType } from '../parse/file-model.ts';
import { defineRule } from './define.ts';
import { code, codes, proposing } from './words.ts';

export const unknownDirectiveRule = defineRule(
  {
    id: 'unknown-directive',
    severity: 'error',
    summary: 'a directive outside the vocabulary',
    messages: {
      unknown: (name: string, proposal: string | undefined, names: readonly string[]) =>
        `Unknown directive ${code(name)}${proposing(proposal, `; use ${names.length === 1 ? '' : 'one of '}${codes(names)}`)}`,
    },
  },
  (file, report) => {
    for (const { directive, proposal, names } of factsOfType(file, 'unknown-directive')) {
      report(unknownDirectiveRule.say('unknown', directive.name, proposal, names), openingOf(directive));
    }
  },
);
