/**
 * `missing-title`: a node, an answer, a link, an alias, a pattern, an example, a component that
 * needs a label, or a guide, without its title or text. A file rule over what extraction read
 * (the nodes, their parts, the components, the frontmatter's fields).
 * `docs/missing-title.md` explains it.
 */
import { type FileModel, factsOfTypes } from '../parse/file-model.ts';
import { describe } from '../parse/describe.ts';
import { labelText, openingOf, ownAttributePlace } from '../parse/directives.ts';
import type { Report } from './define.ts';
import { defineRule } from './define.ts';

export const missingTitleRule = defineRule(
  {
    id: 'missing-title',
    severity: 'error',
    summary: 'a node, an option or a guide without a title',
    messages: {
      node: (node: string, kind: 'question' | 'step' | 'error' | 'instructions') =>
        `${node} has no title; ${
          kind === 'error'
            ? 'add `title="…"` with the message exactly as readers see it on screen'
            : kind === 'question'
              ? 'add `title="…"` or `prompt="…"`'
              : 'add `title="…"`'
        }`,
      option: () => '`option` has no answer text; write it as `::option[Answer]{to="…"}`',
      link: () => '`link` has no text; write `:link[text]{to="…"}`',
      alias: () => '`alias` has no text; write the other wording as `::alias[…]`',
      match: () =>
        '`match` has no pattern; write the message as it looks, with placeholders for the parts that vary: `::match[Failed to create {id}]`',
      example: () => '`example` has no text; write a line as readers paste it: `::example[12:03:44 ERROR Failed to create 8f3a-22]`',
      kbd: () => '`kbd` has no keys; write them as `:kbd[Ctrl+C]`',
      details: () => '`details` has no summary; write it as `:::details[What the reader opens]`',
      tab: () => '`tab` has no label; write it as `:::tab[Windows]`',
      guide: () => 'The guide has no `title`; add `title: …` to the frontmatter',
      invalidGuideTitle: (reason: string) => `Invalid \`title\`: ${reason}`,
    },
  },
  checkTitles,
);

function checkTitles(file: FileModel, report: Report): void {
  for (const fact of factsOfTypes(file, [
    'node-read',
    'option',
    'link',
    'alias',
    'component',
    'pattern-missing',
    'pattern-refused',
    'regex-refused',
    'example',
    'field-refused',
  ])) {
    switch (fact.type) {
      case 'node-read':
        if (!fact.node.title)
          report(missingTitleRule.say('node', describe(fact.node.kind, fact.node.id), fact.node.kind), openingOf(fact.node.tree));
        break;
      case 'option':
        if (!fact.label) report(missingTitleRule.say('option'), openingOf(fact.directive));
        break;
      case 'link':
        if (!labelText(fact.directive)) report(missingTitleRule.say('link'), openingOf(fact.directive));
        break;
      case 'alias':
        if (!fact.text) report(missingTitleRule.say('alias'), openingOf(fact.directive));
        break;
      case 'component': {
        const { directive, name } = fact;
        if ((name === 'kbd' || name === 'details' || name === 'tab') && !labelText(directive))
          report(missingTitleRule.say(name), openingOf(directive));
        break;
      }
      case 'pattern-missing':
        report(missingTitleRule.say('match'), openingOf(fact.directive));
        break;
      case 'pattern-refused':
        if (fact.fault.fault === 'empty') report(missingTitleRule.say('match'), openingOf(fact.directive));
        break;
      case 'regex-refused':
        if (fact.fault.fault === 'empty')
          report(missingTitleRule.say('match'), ownAttributePlace(fact.directive, 'regex') ?? openingOf(fact.directive)!);
        break;
      case 'example':
        if (!fact.text) report(missingTitleRule.say('example'), openingOf(fact.directive));
        break;
      case 'field-refused':
        if (fact.field === 'title')
          report(fact.missing ? missingTitleRule.say('guide') : missingTitleRule.say('invalidGuideTitle', fact.reason), fact.place);
        break;
      default:
        break;
    }
  }
}
