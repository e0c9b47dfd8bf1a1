/**
 * The validation rules: stable ids, default severities and where each is documented.
 *
 * The ids are part of Signpost's interface (CI scripts and editors match on them): never rename
 * one. A rule's section in docs/authoring.md is `#` + its id.
 */
export const RULES = {
  'dangling-target': { severity: 'error', summary: 'an option, `next`, `:link` or `[text](#id)` names a node that does not exist' },
  'duplicate-id': { severity: 'error', summary: 'two nodes of one guide share an id' },
  'invalid-id': { severity: 'error', summary: 'an id (or a guide folder name) is not a lowercase slug' },
  'missing-start': { severity: 'error', summary: 'the guide names no start node, or an unknown one' },
  'unreachable-node': { severity: 'error', summary: 'a node cannot be reached from the start node' },
  'dead-end': { severity: 'error', summary: 'a question or step with no way on' },
  'no-outcome': { severity: 'error', summary: 'from this node no outcome can be reached' },
  'too-few-options': { severity: 'error', summary: 'a question with fewer than two options' },
  'missing-reason': { severity: 'error', summary: 'an error card without a non-empty Reason' },
  'missing-fix': { severity: 'error', summary: 'an error card without a non-empty How to fix' },
  'missing-title': { severity: 'error', summary: 'a node, an option or a guide without a title' },
  'unknown-directive': { severity: 'error', summary: 'a directive outside the vocabulary' },
  'invalid-attribute': { severity: 'error', summary: 'an unknown or ill-typed attribute or metadata field' },
  'duplicate-error-message': { severity: 'error', summary: 'two error cards of one guide show the same message' },
  draft: { severity: 'warning', summary: 'a node marked as draft (an error with --strict)' },
  'misplaced-directive': { severity: 'error', summary: 'a directive in the wrong place or of the wrong form' },
  'stray-content': { severity: 'error', summary: 'content outside every node, which no reader would see' },
  'missing-metadata': { severity: 'error', summary: 'a guide without `index.mdx` and its frontmatter' },
  'syntax-error': { severity: 'error', summary: 'MDX or YAML that cannot be parsed' },
  'unreadable-file': { severity: 'error', summary: 'a file that cannot be read or is not UTF-8' },
  'empty-guide': { severity: 'error', summary: 'a guide folder with no nodes' },
  'missing-support': { severity: 'error', summary: 'an escalation with no words of its own in a guide without a support contact' },
  'limit-exceeded': { severity: 'error', summary: 'a file, paragraph, nesting or question past the limits that keep checks fast' },
  'unsafe-url': { severity: 'error', summary: 'a link or image URL with a protocol other than http, https, mailto or tel' },
  'unsupported-mdx': { severity: 'error', summary: 'an import, export, expression or component outside the allowed set' },
  'missing-alt': { severity: 'error', summary: 'an image without alt text saying what it shows' },
  'broken-image': { severity: 'error', summary: 'an image or video whose file is missing, outside the guide or of the wrong type' },
  'broken-link': { severity: 'error', summary: 'a link to a file or page that does not exist, or a footnote defined outside its node' },
  'empty-content': { severity: 'error', summary: 'a node, details or tab whose content is only comments or whitespace' },
  'literal-syntax': {
    severity: 'warning',
    summary: 'Markdown from another tool that readers would see as written (kramdown `{:.class}`, a footnote without definition)',
  },
  'missing-folder': { severity: 'error', summary: 'a folder given to `check` that does not exist' },
  'skipped-file': {
    severity: 'warning',
    summary: 'a hidden `.mdx` file or folder of them (`.name`), which check and the build do not read',
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type Severity = 'error' | 'warning';
export type RuleId = keyof typeof RULES;

/** Where writers read about a rule: the mistake, and how to fix it. */
export const DOCS_PAGE = 'docs/authoring.md';

/** The link to a rule's section of the writer's docs. */
export function ruleDocs(rule: RuleId): string {
  return `${DOCS_PAGE}#${rule}`;
}
