/**
 * How messages name what a writer wrote: a node (`Error card \`no-power\``), a kind with its
 * article; and the directive an unknown name was probably meant to be, which extraction reads
 * it as (`unknown-directive` reports it, rules/unknown-directive.ts).
 */
import type { VFile } from 'vfile';
import type { NodeKind } from '../graph/model.ts';
import { closest, shorten } from '../suggest.ts';
import type { Directive } from './directives.ts';
import { note } from './file-model.ts';
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

/** The directive an unknown one was probably meant to be, of the same form; noted on `file` as unknown. */
export function unknownDirective(directive: Directive, file: VFile): DirectiveName | undefined {
  const sameForm = DIRECTIVE_NAMES.filter((name) => FORMS[name].forms.includes(directive.type));
  const proposal = closest(directive.name, sameForm) as DirectiveName | undefined;
  note(file, { type: 'unknown-directive', directive, proposal, names: sameForm });
  return proposal;
}
