/**
 * Renders a node's Markdown to HTML from the same tree `check` validated: GFM (tables in a box
 * of their own, task lists, footnotes per node), callouts, components, highlighted code, links
 * to other nodes, files and pages, images as placeholders the site turns into optimised
 * pictures, and the allowed MDX elements; nothing else (imports, expressions, unknown
 * components) reaches the page. The result of every part goes through the allow-list
 * sanitiser of `sanitize.ts` before it becomes HTML.
 */
import { dirname, resolve } from 'node:path';
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code, FootnoteDefinition, FootnoteReference, Image, Link, ListItem, Nodes, RootContent, Table } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { defaultHandlers, toHast, type Handlers, type State } from 'mdast-util-to-hast';
import { hasAttribute, labelParagraph } from '../core/parse/directives.ts';
import { ALLOWED_ELEMENTS, isSafeUrl } from '../core/parse/mdx-policy.ts';
import { LINKED_TYPES } from '../core/parse/linked-file.ts';
import { extensionOf, urlTarget } from '../core/parse/urls.ts';
import { isCalloutDirective } from '../core/parse/vocabulary.ts';
import { componentHandlers } from './components.ts';
import { plainCodeBlock, type CodeHighlighter } from './highlight.ts';
import { sanitizeTree } from './sanitize.ts';
import type { UiStrings } from './strings.ts';

/** An image beside the guide, shown on the page through the site's image pipeline. */
export interface PageImage {
  /** Absolute path of the image file. */
  file: string;
  alt: string;
  /** The largest width it is shown at, when the writer set one. */
  width?: number;
  /** Framed as a screenshot. */
  screenshot?: boolean;
  /** The image as the site imported it (set by the content loader, read by the pages). */
  src?: unknown;
}

/** A site's own component in a node, rendered by the site (see integration/page-components.ts). */
export interface PageComponent {
  name: string;
  /** Its attributes as written (the site's schema checked them). */
  props: Record<string, string>;
  /** Its content, rendered and sanitised, for its default slot (`''` when it has none). */
  slot: string;
}

export interface RenderContext {
  /** The URL of a node's page. */
  nodeHref: (id: string) => string;
  /** The URL of a path from the site's root (`/pricing/`), under the site's base. */
  siteHref?: (path: string) => string;
  /** The URL a file beside the guide is served at (absolute path in). */
  fileHref?: (file: string) => string;
  strings: UiStrings;
  /** The guide's language, for captions. */
  lang?: string;
  /** Colours fenced code; without it, code blocks are plain. */
  highlighter?: CodeHighlighter;
  /** The names of the site's own components. */
  siteComponents?: ReadonlySet<string>;
}

/** What rendering one node collects beside its HTML. */
export interface NodeRender {
  context: RenderContext;
  /** The node's id: ids in its HTML start with it, so that the one-page view has each once. */
  id: string;
  /** Absolute path of the node's file: relative paths in it are resolved from its folder. */
  file: string;
  images: PageImage[];
  /** The site's components, in the order of their placeholders (`data-signpost-component="0"`). */
  components: PageComponent[];
  /** Files beside the guide the page links to or plays (absolute paths). */
  files: Set<string>;
  /** Footnote ids in the order they are first called, and their definitions. */
  footnoteOrder: string[];
  footnoteDefinitions: Map<string, FootnoteDefinition>;
  /** How many tabs groups so far, for their ids. */
  counter: number;
}

const skip = (): undefined => undefined;

/** Starts rendering a node: its footnote definitions are gathered from its whole tree. */
export function nodeRender(context: RenderContext, id: string, file: string, tree: ContainerDirective): NodeRender {
  const definitions = new Map<string, FootnoteDefinition>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'footnoteDefinition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return {
    context,
    id,
    file,
    images: [],
    components: [],
    files: new Set(),
    footnoteOrder: [],
    footnoteDefinitions: definitions,
    counter: 0,
  };
}

function handlers(render: NodeRender): Handlers {
  const { context } = render;
  const components = componentHandlers(render, (file) => fileUrl(render, file));
  return {
    containerDirective(state: State, node: ContainerDirective): Element | undefined {
      if (context.siteComponents?.has(node.name)) return siteComponent(render, state, node);
      if (!isCalloutDirective(node.name)) return components.container(state, node);
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
    textDirective(state: State, node: TextDirective): Element | undefined {
      if (context.siteComponents?.has(node.name)) return siteComponent(render, state, node);
      if (node.name !== 'link') return components.text(state, node);
      return {
        type: 'element',
        tagName: 'a',
        properties: { href: context.nodeHref(hasAttribute(node, 'to') ? String(node.attributes!['to']) : '') },
        children: state.all(node),
      };
    },
    leafDirective: (state: State, node: LeafDirective) =>
      context.siteComponents?.has(node.name) ? siteComponent(render, state, node) : components.leaf(state, node),
    // `check` refuses unsafe URLs; should one get here anyway, it becomes plain text.
    link: (state: State, node: Link) => {
      if (!isSafeUrl(node.url)) return state.all(node);
      const element = defaultHandlers.link(state, node);
      Object.assign(element.properties, linkTo(render, node.url));
      return element;
    },
    linkReference: (state, node) => {
      const definition = state.definitionById.get(String(node.identifier).toUpperCase());
      if (!definition || !isSafeUrl(definition.url)) return state.all(node);
      return { type: 'element', tagName: 'a', properties: linkTo(render, definition.url), children: state.all(node) };
    },
    image: (_state: State, node: Image) => (isSafeUrl(node.url) ? image(render, node.url, node.alt ?? '', undefined) : undefined),
    imageReference: (state, node) => {
      const definition = state.definitionById.get(String(node.identifier).toUpperCase());
      return definition && isSafeUrl(definition.url) ? image(render, definition.url, node.alt ?? '', undefined) : undefined;
    },
    code: (_state: State, node: Code) =>
      context.highlighter ? context.highlighter.highlight(node.value, node.lang) : plainCodeBlock(node.value, node.lang ?? undefined),
    // A wide table scrolls inside its own box, not the page.
    table: (state: State, node: Table) => ({
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'], tabIndex: 0 },
      children: [defaultHandlers.table(state, node)],
    }),
    listItem: (state, node: ListItem, parent) => {
      const element = defaultHandlers.listItem(state, node, parent);
      if (typeof node.checked === 'boolean') labelTask(element, node.checked ? context.strings.taskDone : context.strings.taskOpen);
      return element;
    },
    footnoteReference: (_state: State, node: FootnoteReference) => footnoteCall(render, node.identifier),
    footnoteDefinition: skip,
    mdxJsxFlowElement: (state, node) => jsx(render, state, node),
    mdxJsxTextElement: (state, node) => jsx(render, state, node),
    mdxjsEsm: skip,
    mdxFlowExpression: skip,
    mdxTextExpression: skip,
    yaml: skip,
  };
}

/**
 * A link's attributes: its address, and `download` for a file readers download (a PDF, text, an
 * archive), which a browser then saves rather than opens, on a host without `_headers` too.
 */
function linkTo(render: NodeRender, url: string): Properties {
  const target = urlTarget(url);
  const download = target.kind === 'file' && target.path && LINKED_TYPES.get(extensionOf(target.path))?.media === false;
  return { href: href(render, url), ...(download ? { download: '' } : {}) };
}

/** A link's address: another node's page, a file beside the guide, a page under the site's base. */
function href(render: NodeRender, url: string): string {
  const target = urlTarget(url);
  switch (target.kind) {
    case 'node':
      return render.context.nodeHref(target.id);
    case 'file':
      return target.path ? `${fileUrl(render, resolve(dirname(render.file), target.path))}${target.suffix}` : url;
    case 'page':
      return render.context.siteHref ? `${render.context.siteHref(target.path)}${target.suffix}` : url;
    default:
      return url;
  }
}

/** The URL of a file beside the guide, which the site then serves. */
function fileUrl(render: NodeRender, file: string): string {
  render.files.add(file);
  return render.context.fileHref?.(file) ?? file;
}

/**
 * An image: one beside the guide becomes a placeholder (`<img data-signpost-image="0">`) that
 * the site replaces with an optimised, sized picture linked to the full-size file.
 */
export function image(render: NodeRender, url: string, alt: string, width: number | undefined, screenshot = false): Element {
  const target = urlTarget(url);
  if (target.kind === 'file') {
    const index =
      render.images.push({
        file: resolve(dirname(render.file), target.path),
        alt,
        ...(width ? { width } : {}),
        ...(screenshot ? { screenshot } : {}),
      }) - 1;
    return { type: 'element', tagName: 'img', properties: { dataSignpostImage: String(index), alt }, children: [] };
  }
  const src = target.kind === 'page' && render.context.siteHref ? render.context.siteHref(target.path) : url;
  return {
    type: 'element',
    tagName: 'img',
    properties: { src, alt, loading: 'lazy', decoding: 'async', ...(width ? { width } : {}) },
    children: [],
  };
}

/**
 * A site's component: a placeholder the site replaces with its Astro component's HTML, given
 * the attributes as props and the content, rendered here and sanitised, as its slot.
 */
function siteComponent(render: NodeRender, state: State, node: ContainerDirective | LeafDirective | TextDirective): Element {
  const props: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attributes ?? {})) if (typeof value === 'string') props[name] = value;
  const slot = toHtml(sanitizeTree({ type: 'root', children: state.all(node) }));
  const index = render.components.push({ name: node.name, props, slot }) - 1;
  return {
    type: 'element',
    tagName: node.type === 'textDirective' ? 'span' : 'div',
    properties: { dataSignpostComponent: String(index) },
    children: [],
  };
}

/** A task list's checkbox, named for screen readers (an unlabelled control is an accessibility error). */
function labelTask(element: Element, label: string): void {
  const stack: ElementContent[] = [...element.children];
  while (stack.length > 0) {
    const child = stack.shift()!;
    if (child.type !== 'element') continue;
    if (child.tagName === 'input') {
      child.properties['ariaLabel'] = label;
      return;
    }
    stack.unshift(...child.children);
  }
}

/** `[^note]`: a numbered link to the node's footnote, with an id to come back to. */
function footnoteCall(render: NodeRender, identifier: string): Element | undefined {
  if (!render.footnoteDefinitions.has(identifier)) return undefined;
  let index = render.footnoteOrder.indexOf(identifier);
  const first = index === -1;
  if (first) index = render.footnoteOrder.push(identifier) - 1;
  const number = String(index + 1);
  return {
    type: 'element',
    tagName: 'sup',
    properties: {},
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: {
          href: `#${render.id}-fn-${number}`,
          ...(first ? { id: `${render.id}-fnref-${number}` } : {}),
          className: ['footnote-ref'],
          ariaDescribedBy: [`${render.id}-footnotes`],
        },
        children: [{ type: 'text', value: number }],
      },
    ],
  };
}

/** An allowed element with its literal attributes; `check` has reported everything else. */
function jsx(render: NodeRender, state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element | undefined {
  const allowed = node.name ? ALLOWED_ELEMENTS.get(node.name) : undefined;
  if (!node.name || !allowed) return undefined;
  const properties: Properties = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !allowed.includes(attribute.name)) continue;
    if (attribute.name === 'src' && typeof attribute.value === 'string' && !isSafeUrl(attribute.value)) continue;
    if (attribute.value === null) properties[attribute.name] = true;
    else if (typeof attribute.value === 'string') properties[attribute.name] = attribute.value;
  }
  if (node.name === 'img' && typeof properties['src'] === 'string') {
    const width = Number(properties['width']);
    return image(render, properties['src'], String(properties['alt'] ?? ''), Number.isInteger(width) && width > 0 ? width : undefined);
  }
  return { type: 'element', tagName: node.name, properties, children: state.all(node) };
}

/** The HTML of a run of Markdown blocks of a node, sanitised. */
export function renderPart(children: RootContent[], render: NodeRender): string {
  const tree = toHast({ type: 'root', children }, { handlers: handlers(render) }) as HastRoot;
  return toHtml(sanitizeTree(tree));
}

/** The node's footnotes, in the order they were first called, or `''` when it calls none. */
export function renderFootnotes(render: NodeRender): string {
  if (render.footnoteOrder.length === 0) return '';
  const { strings } = render.context;
  const items: ElementContent[] = [];
  // A definition may call another footnote: the order grows while it is rendered.
  for (let index = 0; index < render.footnoteOrder.length; index++) {
    const definition = render.footnoteDefinitions.get(render.footnoteOrder[index]!)!;
    const number = String(index + 1);
    const content = toHast({ type: 'root', children: definition.children }, { handlers: handlers(render) }) as HastRoot;
    const back: Element = {
      type: 'element',
      tagName: 'a',
      properties: { href: `#${render.id}-fnref-${number}`, className: ['footnote-back'], ariaLabel: strings.footnoteBack },
      children: [{ type: 'text', value: '↩' }],
    };
    const children = content.children.filter((child): child is ElementContent => child.type !== 'doctype');
    const last = children.findLast((child): child is Element => child.type === 'element' && child.tagName === 'p');
    if (last) last.children.push({ type: 'text', value: ' ' }, back);
    else children.push(back);
    items.push({ type: 'element', tagName: 'li', properties: { id: `${render.id}-fn-${number}` }, children });
  }
  const section: HastRoot = {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'section',
        properties: { className: ['footnotes'], ariaLabelledBy: [`${render.id}-footnotes`] },
        children: [
          {
            type: 'element',
            tagName: 'p',
            properties: { className: ['footnotes-title'], id: `${render.id}-footnotes` },
            children: [{ type: 'text', value: strings.footnotes }],
          },
          { type: 'element', tagName: 'ol', properties: {}, children: items },
        ],
      },
    ],
  };
  return toHtml(sanitizeTree(section));
}

/** The HTML of a run of Markdown blocks, for content outside any node's page (tests, tools). */
export function renderBlocks(children: RootContent[], context: RenderContext): string {
  const render = nodeRender(context, 'content', '/', { type: 'containerDirective', name: 'content', children: children as never });
  return renderPart(children, render);
}
