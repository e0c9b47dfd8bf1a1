import { z } from 'zod';

/** A flag attribute: `{draft}` alone, or `draft="true"` / `draft="false"`. */
const flag = z
  .enum(['', 'true', 'false'], { error: 'expected no value (`{draft}`), `"true"` or `"false"`' })
  .transform((value) => value !== 'false');

const text = z.string().trim();

/** Attributes every node directive takes. */
const nodeAttributes = {
  /** The node's id (`{#my-node}`): a lowercase slug, unique in the guide, the page's URL. */
  id: z.string().optional(),
  /** The node's heading; for an error card, the message exactly as the reader sees it. */
  title: text.optional(),
  /** Marks unfinished content: a warning in `check`, an error with `--strict`. */
  draft: flag.optional(),
  /**
   * Ids the node had before, separated by spaces or commas (`moved-from="old-id other-id"`):
   * the build sends each old URL to the node's page.
   */
  'moved-from': z.string().trim().min(1, 'must list the ids the node had before').optional(),
};

export const QuestionAttributes = z.strictObject({
  ...nodeAttributes,
  /** The question asked, when it differs from the title. */
  prompt: text.optional(),
});

export const StepAttributes = z.strictObject({
  ...nodeAttributes,
  /** The id of the node the reader continues to. */
  next: z.string().trim().min(1, 'must name the id of a node').optional(),
});

export const ErrorAttributes = z.strictObject({
  ...nodeAttributes,
  /** Where the message appears on the reader's screen, e.g. a dialog's name. */
  context: text.optional(),
  /** The question asked above the card's answers, when it has any (default: "Did the fix work?"). */
  prompt: text.optional(),
  /** The id of the node the reader continues to after the fix, e.g. a check that it worked. */
  next: z.string().trim().min(1, 'must name the id of a node').optional(),
});

export const InstructionsAttributes = z.strictObject(nodeAttributes);

/** `option` and `link`: a target node. */
export const TargetAttributes = z.strictObject({
  /** The id of the node this answer or link leads to. */
  to: z.string().trim().min(1, 'must name the id of a node').optional(),
});

/** `match`: its pattern in brackets, or a regular expression. */
export const MatchAttributes = z.strictObject({
  /** A regular expression (JavaScript's syntax, case ignored), for shapes a pattern with placeholders cannot say. */
  regex: z.string().optional(),
  /**
   * The id of a node: the pattern applies only to pastes made on pages from which that node is
   * reached, or on that node's branch (a guide with a branch per product version).
   */
  within: z.string().trim().min(1, 'must name the id of a node').optional(),
});

/** Directives that take no attribute (callouts, reason, fix, alias, example, escalate). */
export const NoAttributes = z.strictObject({});
