/**
 * Enforces the content policy of `mdx-policy.ts` where a writer breaks it: MDX imports,
 * expressions, elements and attributes outside the allowed set, and URLs with a protocol that
 * could run code. Each is reported at its place.
 */
import { unsafeUrlRule } from '../rules/unsafe-url.ts';
import { unsupportedMdxRule } from '../rules/unsupported-mdx.ts';
import type { Nodes } from 'mdast';
import { attributePlace, type Directive } from './directives.ts';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { flag } from '../problems.ts';
import { ALLOWED_ELEMENTS, ALLOWED_PROTOCOLS, isComment, isSafeUrl } from './mdx-policy.ts';

/** The allowed elements, as a message lists them. */
const ELEMENTS = [...ALLOWED_ELEMENTS.keys()];

/**
 * Reports MDX outside the policy of `mdx-policy.ts`; returns whether `node` is MDX syntax
 * (which never counts as stray content).
 */
export function checkMdx(node: Nodes, file: VFile): boolean {
  switch (node.type) {
    case 'link':
    case 'image':
    case 'definition':
      checkUrl(node.url, node.type === 'image' ? 'image' : 'link', node.position, file);
      return false;
    case 'mdxjsEsm':
      flag(file, unsupportedMdxRule.say('esm'), node.position);
      return true;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isComment(node.value)) {
        flag(file, unsupportedMdxRule.say('expression'), node.position);
      }
      return true;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const allowed = node.name ? ALLOWED_ELEMENTS.get(node.name) : undefined;
      if (!node.name || !allowed) {
        flag(file, unsupportedMdxRule.say('element', node.name ?? undefined, ELEMENTS), node.position);
        return true;
      }
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          flag(file, unsupportedMdxRule.say('spread', node.name), node.position);
        } else if (!allowed.includes(attribute.name)) {
          flag(file, unsupportedMdxRule.say('attribute', attribute.name, node.name, allowed), attribute.position ?? node.position);
        } else if (attribute.value !== null && typeof attribute.value !== 'string') {
          flag(file, unsupportedMdxRule.say('attributeExpression', attribute.name, node.name), attribute.position ?? node.position);
        } else if (attribute.name === 'src' && typeof attribute.value === 'string') {
          checkUrl(attribute.value, 'image', attribute.position ?? node.position, file);
        }
      }
      return true;
    }
    default:
      return false;
  }
}

/** Reports a link or image URL whose protocol could run code or load from anywhere. */
function checkUrl(url: string, what: 'link' | 'image', place: Position | undefined, file: VFile): void {
  if (isSafeUrl(url)) return;
  const shown = JSON.stringify(url.length > 40 ? `${url.slice(0, 40)}…` : url).slice(1, -1);
  flag(file, unsafeUrlRule.say('protocol', what, shown, ALLOWED_PROTOCOLS), place);
}

/**
 * Attribute names that a component turns into an `href` or a `src` (`src`, `href`, `poster`,
 * `captions`, `imageUrl`, `link`, `data-src` …): held to the policy of Markdown links.
 */
const URL_NAME = /(?:href|src|url|uri|link|poster|image|img|icon|logo|avatar|captions|action|source)$/i;

/** Protocols that run code or carry a whole document: refused in any attribute, whatever its name. */
const RUNNING_PROTOCOL = /^(?:javascript|vbscript|livescript|data):/i;

/**
 * Reports the attributes of a component, Signpost's or a site's, whose URL has a protocol
 * outside the policy, each at its place: every attribute named like a URL, and any attribute
 * holding a `javascript:`, `vbscript:` or `data:` URL (a site's component may make a link of
 * any attribute its schema accepts as text). Returns the names reported.
 */
export function checkAttributeUrls(directive: Directive, file: VFile): Set<string> {
  const reported = new Set<string>();
  for (const [name, value] of Object.entries(directive.attributes ?? {})) {
    if (typeof value !== 'string' || isSafeUrl(value)) continue;
    // eslint-disable-next-line no-control-regex
    if (!URL_NAME.test(name) && !RUNNING_PROTOCOL.test(value.replace(/[\u0000-\u0020\u007f]+/g, ''))) continue;
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value).slice(1, -1);
    flag(file, unsafeUrlRule.say('attribute', name, directive.name, shown, ALLOWED_PROTOCOLS), attributePlace(directive, name));
    reported.add(name);
  }
  return reported;
}
