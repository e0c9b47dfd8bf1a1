/**
 * Renders a node's Markdown to HTML from the same tree `check` validated: directives become
 * callouts and node links, the allowed MDX elements become plain HTML, and nothing else
 * (imports, expressions, unknown components) reaches the page.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Image, Link, RootContent } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { defaultHandlers, toHast, type Handlers, type State } from 'mdast-util-to-hast';
import { hasAttribute, labelParagraph } from '../core/parse/directives.ts';
import { ALLOWED_ELEMENTS, isSafeUrl } from '../core/parse/mdx-policy.ts';
import { isCalloutDirective } from '../core/parse/vocabulary.ts';
import type { UiStrings } from './strings.ts';

export interface RenderContext {
  /** The URL of a node's page. */
  nodeHref: (id: string) => string;
  strings: UiStrings;
}

const skip = (): undefined => undefined;

function handlers(context: RenderContext): Handlers {
  return {
    containerDirective(state: State, node: ContainerDirective): Element | undefined {
      if (!isCalloutDirective(node.name)) return undefined;
      const label = labelParagraph(node);
      const title: ElementContent[] = label ? state.all(label) : [{ type: 'text', value: context.strings.callout[node.name] }];
      const body = node.children.filter((child) => child !== label);
      return {
        type: 'element',
        tagName: 'aside',
        properties: { className: ['callout', `callout-${node.name}`] },
        children: state.wrap(
          [
            { type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: title },
            ...state.all({ type: 'root', children: body }),
          ],
          true,
        ),
      };
    },
    leafDirective: skip,
    textDirective(state: State, node: TextDirective): Element | undefined {
      if (node.name !== 'link') return undefined;
      return {
        type: 'element',
        tagName: 'a',
        properties: { href: context.nodeHref(hasAttribute(node, 'to') ? String(node.attributes!['to']) : '') },
        children: state.all(node),
      };
    },
    // `check` refuses unsafe URLs; should one get here anyway, it becomes plain text.
    link: (state: State, node: Link) => (isSafeUrl(node.url) ? defaultHandlers.link(state, node) : state.all(node)),
    image: (state: State, node: Image) => (isSafeUrl(node.url) ? defaultHandlers.image(state, node) : undefined),
    mdxJsxFlowElement: jsx,
    mdxJsxTextElement: jsx,
    mdxjsEsm: skip,
    mdxFlowExpression: skip,
    mdxTextExpression: skip,
    yaml: skip,
  };
}

/** An allowed element with its literal attributes; `check` has reported everything else. */
function jsx(state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element | undefined {
  const allowed = node.name ? ALLOWED_ELEMENTS.get(node.name) : undefined;
  if (!node.name || !allowed) return undefined;
  const properties: Properties = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !allowed.includes(attribute.name)) continue;
    if (attribute.name === 'src' && typeof attribute.value === 'string' && !isSafeUrl(attribute.value)) continue;
    if (attribute.value === null) properties[attribute.name] = true;
    else if (typeof attribute.value === 'string') properties[attribute.name] = attribute.value;
  }
  return { type: 'element', tagName: node.name, properties, children: state.all(node) };
}

/** The HTML of a run of Markdown blocks. */
export function renderBlocks(children: RootContent[], context: RenderContext): string {
  const tree = toHast({ type: 'root', children }, { handlers: handlers(context) });
  return toHtml(tree);
}
