/**
 * What MDX a guide may use beyond Markdown. Guides are public pages written by many hands, so
 * Signpost renders a fixed set of plain HTML elements with literal attributes, and comments;
 * imports, exports, expressions and other components are reported by `check`.
 */

/**
 * Elements a writer may use in a node, with the attributes each may carry. A map, not an
 * object: element names are the writer's (`<toString>` must not find Object's).
 */
export const ALLOWED_ELEMENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['abbr', ['title']],
  ['br', []],
  ['code', []],
  ['details', ['open']],
  ['figcaption', []],
  ['figure', []],
  ['img', ['src', 'alt', 'width', 'height']],
  ['kbd', []],
  ['mark', []],
  ['samp', []],
  ['small', []],
  ['sub', []],
  ['summary', []],
  ['sup', []],
]);

/**
 * `{/* a comment *\/}`: the only expression a guide may hold, one or more comments and
 * nothing else. A comment ends at its first `*\/`: `{/* *\/ x /* *\/}` holds code.
 */
export function isComment(expression: string): boolean {
  return /^(?:\s*\/\*(?:[^*]|\*(?!\/))*\*\/)+\s*$/.test(expression);
}

/** The protocols a link or image may use; anything else (`javascript:`, `data:`, …) is refused. */
export const ALLOWED_PROTOCOLS = ['http', 'https', 'mailto', 'tel'] as const;

/**
 * Whether a URL is safe to put in a page: a relative URL, or one of the allowed protocols.
 * Browsers ignore tabs, newlines and control characters inside a scheme (`java\tscript:`),
 * so they are removed before looking.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
  return scheme === undefined || (ALLOWED_PROTOCOLS as readonly string[]).includes(scheme);
}
