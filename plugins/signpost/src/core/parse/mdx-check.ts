/**
 * What extraction needs of the content policy of `mdx-policy.ts` to build the model: which
 * nodes are MDX syntax (never stray content), and which attributes of a component hold a URL
 * whose protocol could run code (left out of the component's files). Where a writer breaks the
 * policy, `unsupported-mdx` and `unsafe-url` report it (rules/unsupported-mdx.ts, rules/unsafe-url.ts).
 */
import type { Nodes } from 'mdast';
import type { Directive } from './directives.ts';
import { isSafeUrl } from './mdx-policy.ts';

/** Whether `node` is MDX syntax: an import or export, an expression, or an element. */
export function isMdx(node: Nodes): boolean {
  return (
    node.type === 'mdxjsEsm' ||
    node.type === 'mdxFlowExpression' ||
    node.type === 'mdxTextExpression' ||
    node.type === 'mdxJsxFlowElement' ||
    node.type === 'mdxJsxTextElement'
  );
}

/**
 * Attribute names that a component turns into an `href` or a `src` (`src`, `href`, `poster`,
 * `captions`, `imageUrl`, `link`, `data-src` …): held to the policy of Markdown links.
 */
const URL_NAME = /(?:href|src|url|uri|link|poster|image|img|icon|logo|avatar|captions|action|source)$/i;

/** Protocols that run code or carry a whole document: refused in any attribute, whatever its name. */
const RUNNING_PROTOCOL = /^(?:javascript|vbscript|livescript|data):/i;

/**
 * The attributes of a component, Signpost's or a site's, whose URL has a protocol outside the
 * policy, in the order written: every attribute named like a URL, and any attribute holding a
 * `javascript:`, `vbscript:` or `data:` URL (a site's component may make a link of any
 * attribute its schema accepts as text).
 */
export function unsafeUrlAttributes(directive: Directive): string[] {
  const unsafe: string[] = [];
  for (const [name, value] of Object.entries(directive.attributes ?? {})) {
    if (typeof value !== 'string' || isSafeUrl(value)) continue;
    // eslint-disable-next-line no-control-regex
    if (!URL_NAME.test(name) && !RUNNING_PROTOCOL.test(value.replace(/[\u0000-\u0020\u007f]+/g, ''))) continue;
    unsafe.push(name);
  }
  return unsafe;
}
