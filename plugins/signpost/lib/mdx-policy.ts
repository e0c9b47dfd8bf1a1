/**
 * What MDX a guide may use beyond Markdown. Guides are public pages written by many hands, so
 * Signpost renders a fixed set of plain HTML elements with literal attributes, and comments;
 * imports, exports, expressions and other components are reported by `check`.
 */

/** Elements a writer may use in a node, with the attributes each may carry. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  br: [],
  code: [],
  details: ['open'],
  figcaption: [],
  figure: [],
  img: ['src', 'alt', 'width', 'height'],
  kbd: [],
  mark: [],
  samp: [],
  small: [],
  sub: [],
  summary: [],
  sup: [],
};

/** `{/* a comment *\/}`: the only expression a guide may hold. */
export function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}
