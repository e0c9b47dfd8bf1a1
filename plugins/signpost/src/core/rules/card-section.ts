/**
 * The check `missing-reason` and `missing-fix` share: every error card has its section (its
 * Reason, its How to fix), and the section says something readers see. Each rule words it with
 * its own messages, which have the same names and arguments.
 */
import { describe } from '../parse/describe.ts';
import { openingOf } from '../parse/directives.ts';
import type { FileModel } from '../parse/file-model.ts';
import type { Report, Rule } from './define.ts';

/** The messages of a rule about one section of an error card. */
export interface SectionMessages {
  [key: string]: (card: string) => string;
  missing: (card: string) => string;
  empty: (card: string) => string;
  onlyComments: (card: string) => string;
}

/** Reports each error card of `file` whose `section` is missing, empty or of comments only, in `rule`'s words. */
export function checkCardSection(file: FileModel, report: Report, rule: Rule<string, SectionMessages>, section: 'reason' | 'fix'): void {
  for (const node of file.nodes) {
    if (node.kind !== 'error') continue;
    const found = node[section];
    const card = describe('error', node.id);
    if (!found) report(rule.say('missing', card), openingOf(node.tree));
    else if (!found.text) {
      report(rule.say(found.onlyComments ? 'onlyComments' : 'empty', card.charAt(0).toLowerCase() + card.slice(1)), found.position);
    }
  }
}
