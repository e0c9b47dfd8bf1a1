/**
 * `unsafe-url`: a link, image or component URL whose protocol could run code or load from
 * anywhere. A file rule: it reads the Markdown and MDX extraction met (links, images, `<img
 * src>`) and the attributes of the components it read, each reported at its place.
 * `docs/unsafe-url.md` explains it.
 */
import type { Position } from 'unist';
import { attributePlace } from '../parse/directives.ts';
import { type FileModel, factsOfTypes } from '../parse/file-model.ts';
import { unsafeUrlAttributes } from '../parse/mdx-check.ts';
import { ALLOWED_ELEMENTS, ALLOWED_PROTOCOLS, isSafeUrl } from '../parse/mdx-policy.ts';
import { defineRule, type Report } from './define.ts';
import { code } from './words.ts';

export const unsafeUrlRule = defineRule(
  {
    id: 'unsafe-url',
    severity: 'error',
    summary: 'a link, image or component URL with a protocol other than http, https, mailto or tel',
    messages: {
      protocol: (what: 'link' | 'image', shown: string, protocols: readonly string[]) =>
        `This ${what} URL ${code(shown)} uses a protocol pages may not carry; use ${protocols.map((p) => code(`${p}:`)).join(', ')} or a relative URL`,
      attribute: (attribute: string, component: string, shown: string, protocols: readonly string[]) =>
        `${code(attribute)} of ${code(component)} is the URL ${code(shown)}, whose protocol pages may not carry; use ${protocols.map((p) => code(`${p}:`)).join(', ')} or a relative URL`,
    },
  },
  checkUrls,
);

/** A URL as a message shows it: at most 40 characters, control characters escaped. */
function excerpt(url: string): string {
  return JSON.stringify(url.length > 40 ? `${url.slice(0, 40)}…` : url).slice(1, -1);
}

function checkUrl(url: string, what: 'link' | 'image', place: Position | undefined, report: Report): void {
  if (!isSafeUrl(url)) report(unsafeUrlRule.say('protocol', what, excerpt(url), ALLOWED_PROTOCOLS), place);
}

function checkUrls(file: FileModel, report: Report): void {
  for (const fact of factsOfTypes(file, ['url-attributes', 'markdown'])) {
    if (fact.type === 'url-attributes') {
      const { directive } = fact;
      for (const name of unsafeUrlAttributes(directive)) {
        const value = directive.attributes![name]!;
        report(unsafeUrlRule.say('attribute', name, directive.name, excerpt(value), ALLOWED_PROTOCOLS), attributePlace(directive, name));
      }
      continue;
    }
    if (fact.type !== 'markdown') continue;
    const { node } = fact;
    switch (node.type) {
      case 'link':
      case 'image':
      case 'definition':
        checkUrl(node.url, node.type === 'image' ? 'image' : 'link', node.position, report);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        // Only the attributes `unsupported-mdx` lets through: an element or attribute outside the set is its finding.
        const allowed = node.name ? ALLOWED_ELEMENTS.get(node.name) : undefined;
        if (!allowed) break;
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxExpressionAttribute' || !allowed.includes(attribute.name)) continue;
          if (attribute.name === 'src' && typeof attribute.value === 'string') {
            checkUrl(attribute.value, 'image', attribute.position ?? node.position, report);
          }
        }
        break;
      }
      default:
        break;
    }
  }
}
