/**
 * `misplaced-directive`: a directive in the wrong place or of the wrong form: a part outside
 * its node or nested in other content, a part given twice, a node inside another, a `tab`
 * outside `tabs`, an error card that goes on twice. A file rule: extraction leaves such a
 * directive out of its node and notes where it found it; this rule says where it belongs.
 * `docs/misplaced-directive.md` explains it.
 */
import type { Directive } from '../parse/directives.ts';
import { type FileModel, factsOfTypes } from '../parse/file-model.ts';
import { ARTICLE, describe } from '../parse/describe.ts';
import { FORMS, isKnownDirective, isPartDirective, PART_PARENTS } from '../parse/vocabulary.ts';
import { attributePlace, FORM_NAMES, isDirective, openingOf } from '../parse/directives.ts';
import type { Report } from './define.ts';
import { code } from './words.ts';
import { defineRule } from './define.ts';

export const misplacedDirectiveRule = defineRule(
  {
    id: 'misplaced-directive',
    severity: 'error',
    summary: 'a directive in the wrong place or of the wrong form',
    messages: {
      outsideNode: (name: string, where: string) => `${code(name)} must be ${where}`,
      wrongForm: (name: string, form: string, example: string) => `${code(name)} is written as a ${form}; write it as ${code(example)}`,
      nodeInNode: (name: string, outer: string) => `${code(name)} is inside ${outer}; nodes cannot nest, close the outer one first`,
      partMisplaced: (name: string, where: string) => `${code(name)} belongs ${where}`,
      secondEscalate: (node: string, line: number) => `${node} already has an \`escalate\` (line ${line}); merge the two`,
      /** An error card that names both answers and `next`. */
      goesOnTwice: (card: string) =>
        `${card} goes on with both answers and \`next\`; keep one: answers for a choice, \`next\` for a single way on`,
      tabOutsideTabs: () => '`tab` belongs directly inside `tabs`; put the tabs together in `::::tabs` … `::::`',
      notATab: () => '`tabs` holds only `:::tab[Label]` … `:::` directives; move this into a tab',
      tooFewTabs: (count: number) =>
        `\`tabs\` has ${count} tab${count === 1 ? '' : 's'}; give it two or more \`:::tab[Label]\`, or drop \`tabs\``,
      secondPart: (node: string, name: string, line: number) => `${node} already has a ${code(name)} (line ${line}); merge the two`,
    },
  },
  checkPlaces,
);

function checkPlaces(file: FileModel, report: Report): void {
  // Tabs met directly inside a `tabs` (whose fact comes before theirs), so that a `tab` anywhere else is reported.
  const placedTabs = new WeakSet<Directive>();
  for (const fact of factsOfTypes(file, [
    'outside-node',
    'wrong-form',
    'nested-node',
    'misplaced-part',
    'repeated-part',
    'component',
    'node-read',
  ])) {
    switch (fact.type) {
      case 'outside-node': {
        const { node } = fact;
        if (!isDirective(node) || !isKnownDirective(node.name)) break;
        const where = isPartDirective(node.name)
          ? `inside ${PART_PARENTS[node.name].map((kind) => ARTICLE[kind]).join(' or ')}`
          : 'inside a node: content outside nodes is never shown';
        report(misplacedDirectiveRule.say('outsideNode', node.name, where), openingOf(node));
        break;
      }
      case 'wrong-form': {
        const { directive, name } = fact;
        report(misplacedDirectiveRule.say('wrongForm', name, FORM_NAMES[directive.type], FORMS[name].example), openingOf(directive));
        break;
      }
      case 'nested-node': {
        const outer = describe(fact.outer.kind, fact.outer.id)
          .toLowerCase()
          .replace(/^(\w+)/, '`$1`');
        report(misplacedDirectiveRule.say('nodeInNode', fact.name, outer), openingOf(fact.directive));
        break;
      }
      case 'misplaced-part': {
        const { name, in: node } = fact;
        const parents = PART_PARENTS[name];
        const home = parents.map((kind) => ARTICLE[kind]).join(' or ');
        const where = parents.includes(node.kind)
          ? `directly inside ${home}, not nested in other content`
          : `inside ${home}, not ${ARTICLE[node.kind]}${name === 'option' && node.kind === 'step' ? ' (a step goes on through its `next` attribute)' : ''}`;
        report(misplacedDirectiveRule.say('partMisplaced', name, where), openingOf(fact.directive));
        break;
      }
      case 'repeated-part': {
        const { name, node, firstLine } = fact;
        report(
          name === 'escalate'
            ? misplacedDirectiveRule.say('secondEscalate', describe(node.kind, node.id), firstLine)
            : misplacedDirectiveRule.say('secondPart', describe(node.kind, node.id), name, firstLine),
          openingOf(fact.directive),
        );
        break;
      }
      case 'component':
        if (fact.name === 'tabs') {
          let tabs = 0;
          for (const child of fact.directive.children) {
            if (isDirective(child) && child.name === 'tab' && child.type === 'containerDirective') {
              placedTabs.add(child);
              tabs++;
            } else if (child.type !== 'mdxFlowExpression') {
              report(misplacedDirectiveRule.say('notATab'), child.position);
            }
          }
          if (tabs < 2) report(misplacedDirectiveRule.say('tooFewTabs', tabs), openingOf(fact.directive));
        } else if (fact.name === 'tab' && !placedTabs.has(fact.directive)) {
          report(misplacedDirectiveRule.say('tabOutsideTabs'), openingOf(fact.directive));
        }
        break;
      case 'node-read': {
        const { node } = fact;
        if (node.kind === 'error' && node.next !== undefined && node.options.length > 0) {
          report(misplacedDirectiveRule.say('goesOnTwice', describe('error', node.id)), attributePlace(node.tree, 'next') ?? node.position);
        }
        break;
      }
      default:
        break;
    }
  }
}
