/**
 * How messages name what a writer wrote: a node (`Error card \`no-power\``), a kind with its
 * article, and the directive an unknown name was probably meant to be.
 */
import { unknownDirectiveRule } from '../rules/unknown-directive.ts';
import type { VFile } from 'vfile';
import type { NodeKind } from '../graph/model.ts';
import { flag } from '../problems.ts';
import { closest, shorten } from '../suggest.ts';
import { openingOf, type Directive } from './directives.ts';
import { DIRECTIVE_NAMES, FORMS, type DirectiveName } from './vocabulary.ts';

/** Each kind of node with its article, as a sentence names it. */
export const ARTICLE: Record<NodeKind, string> = {
  question: 'a `question`',
  step: 'a `step`',
  error: 'an `error` card',
  instructions: 'an `instructions` card',
};

/** A node as a message names it: its kind, and its id when it has one. */
export function describe(kind: NodeKind, id: string): string {
  const noun = kind === 'error' ? 'Error card' : kind === 'instructions' ? 'Instructions card' : kind === 'question' ? 'Question' : 'Step';
  return id ? `${noun} \`${shorten(id)}\`` : noun;
}

/** Reports an unknown directive; returns the directive it was probably meant to be. */
export function unknownDirective(directive: Directive, file: VFile): DirectiveName | undefined {
  const sameForm = DIRECTIVE_NAMES.filter((name) => FORMS[name].forms.includes(directive.type));
  const proposal = closest(directive.name, sameForm) as DirectiveName | undefined;
  flag(file, unknownDirectiveRule.say('unknown', directive.name, proposal, sameForm), openingOf(directive));
  return proposal;
}
