/**
 * The directives writers may use, what form each takes and where it may stand.
 * These tuples drive the parser's type guards and the "did you mean" proposals.
 */
import type { NodeKind } from '../graph/model.ts';

export const NODE_DIRECTIVES = ['question', 'step', 'error', 'instructions'] as const satisfies readonly NodeKind[];
export const CALLOUT_DIRECTIVES = ['note', 'tip', 'caution', 'danger'] as const;
/** Parts of a node: they stand directly inside the node they belong to. */
export const PART_DIRECTIVES = ['option', 'reason', 'fix', 'alias', 'match', 'example', 'escalate'] as const;
export const TEXT_DIRECTIVES = ['link'] as const;
/** Components for help content, each with an attribute schema (schemas/components.ts). */
export const COMPONENT_DIRECTIVES = ['kbd', 'details', 'tabs', 'tab', 'image', 'screenshot', 'video'] as const;

export type CalloutName = (typeof CALLOUT_DIRECTIVES)[number];
export type PartName = (typeof PART_DIRECTIVES)[number];
export type ComponentName = (typeof COMPONENT_DIRECTIVES)[number];
export type DirectiveName = NodeKind | CalloutName | PartName | ComponentName | (typeof TEXT_DIRECTIVES)[number];

export const DIRECTIVE_NAMES: readonly DirectiveName[] = [
  ...NODE_DIRECTIVES,
  ...PART_DIRECTIVES,
  ...CALLOUT_DIRECTIVES,
  ...TEXT_DIRECTIVES,
  ...COMPONENT_DIRECTIVES,
];

type Form = 'containerDirective' | 'leafDirective' | 'textDirective';

/** The forms each directive may take, and how to write it, for the message when it does not. */
export const FORMS: Record<DirectiveName, { forms: readonly Form[]; example: string }> = {
  question: { forms: ['containerDirective'], example: '::::question{#id title="…"} … ::::' },
  step: { forms: ['containerDirective'], example: ':::step{#id title="…" next="…"} … :::' },
  error: { forms: ['containerDirective'], example: '::::error{#id title="…"} … ::::' },
  instructions: { forms: ['containerDirective'], example: ':::instructions{#id title="…"} … :::' },
  option: { forms: ['containerDirective', 'leafDirective'], example: '::option[Answer]{to="…"}' },
  reason: { forms: ['containerDirective'], example: ':::reason … :::' },
  fix: { forms: ['containerDirective'], example: ':::fix … :::' },
  alias: { forms: ['leafDirective'], example: '::alias[Other wording]' },
  match: { forms: ['leafDirective'], example: '::match[Failed to create {id}]' },
  example: { forms: ['leafDirective'], example: '::example[12:03:44 ERROR Failed to create 8f3a-22]' },
  escalate: { forms: ['containerDirective', 'leafDirective'], example: ':::escalate … :::' },
  note: { forms: ['containerDirective'], example: ':::note … :::' },
  tip: { forms: ['containerDirective'], example: ':::tip … :::' },
  caution: { forms: ['containerDirective'], example: ':::caution … :::' },
  danger: { forms: ['containerDirective'], example: ':::danger … :::' },
  link: { forms: ['textDirective'], example: ':link[text]{to="…"}' },
  kbd: { forms: ['textDirective'], example: ':kbd[Ctrl+C]' },
  details: { forms: ['containerDirective'], example: ':::details[Summary] … :::' },
  tabs: { forms: ['containerDirective'], example: '::::tabs :::tab[Windows] … ::: ::::' },
  tab: { forms: ['containerDirective'], example: ':::tab[Windows] … :::' },
  image: { forms: ['leafDirective'], example: '::image[Caption]{src="./img/x.png" alt="…"}' },
  screenshot: { forms: ['leafDirective'], example: '::screenshot[Caption]{src="./img/x.png" alt="…"}' },
  video: { forms: ['leafDirective'], example: '::video[Caption]{src="./video/x.mp4" title="…"}' },
};

/** Which node kinds each part belongs in. */
export const PART_PARENTS: Record<PartName, readonly NodeKind[]> = {
  option: ['question', 'error'],
  reason: ['error'],
  fix: ['error'],
  alias: ['error'],
  match: ['error'],
  example: ['error'],
  escalate: ['error', 'instructions'],
};

export function isNodeDirective(name: string): name is NodeKind {
  return (NODE_DIRECTIVES as readonly string[]).includes(name);
}
export function isPartDirective(name: string): name is PartName {
  return (PART_DIRECTIVES as readonly string[]).includes(name);
}
export function isCalloutDirective(name: string): name is CalloutName {
  return (CALLOUT_DIRECTIVES as readonly string[]).includes(name);
}
export function isComponentDirective(name: string): name is ComponentName {
  return (COMPONENT_DIRECTIVES as readonly string[]).includes(name);
}
export function isKnownDirective(name: string): name is DirectiveName {
  return (DIRECTIVE_NAMES as readonly string[]).includes(name);
}
