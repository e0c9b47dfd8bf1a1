/**
 * The HTML of the components a guide may use. Signpost renders each from its checked
 * attributes (schemas/components.ts); a guide never brings code of its own.
 *
 * ```mdx
 * :::details[Why does this happen?]
 * …
 * :::
 * ```
 *
 * becomes `<details class="details"><summary>Why does this happen?</summary>…</details>`;
 * `tabs` becomes sections, each with its label, which `scripts/content.ts` turns into tabs.
 */
import type { Element, ElementContent } from 'hast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { State } from 'mdast-util-to-hast';
import { dirname, resolve } from 'node:path';
import { labelParagraph } from '../core/parse/directives.ts';
import { urlTarget } from '../core/parse/urls.ts';
import { image, type NodeRender } from './html.ts';

/** The component handlers of one node's render; `fileUrl` gives a file's URL on the site. */
export function componentHandlers(render: NodeRender, fileUrl: (file: string) => string) {
  const local = (url: string): string | undefined => {
    const target = urlTarget(url);
    return target.kind === 'file' ? fileUrl(resolve(dirname(render.file), target.path)) : undefined;
  };
  const attribute = (node: LeafDirective | ContainerDirective, name: string): string | undefined => {
    const value = node.attributes?.[name];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  return {
    text(state: State, node: TextDirective): Element | undefined {
      if (node.name !== 'kbd') return undefined;
      // `:kbd[Ctrl+Shift+P]`: a key cap per key.
      const keys = state
        .all(node)
        .map((child) => (child.type === 'text' ? child.value : ''))
        .join('')
        .split('+')
        .map((key) => key.trim())
        .filter(Boolean);
      if (keys.length <= 1) return { type: 'element', tagName: 'kbd', properties: {}, children: state.all(node) };
      const children: ElementContent[] = [];
      keys.forEach((key, index) => {
        if (index > 0) children.push({ type: 'text', value: '+' });
        children.push({ type: 'element', tagName: 'kbd', properties: {}, children: [{ type: 'text', value: key }] });
      });
      return { type: 'element', tagName: 'kbd', properties: { className: ['keys'] }, children };
    },
    container(state: State, node: ContainerDirective): Element | undefined {
      const label = labelParagraph(node);
      const body = node.children.filter((child) => child !== label);
      switch (node.name) {
        case 'details': {
          const open = node.attributes?.['open'];
          return {
            type: 'element',
            tagName: 'details',
            properties: { className: ['details'], ...(open !== undefined && open !== 'false' ? { open: true } : {}) },
            children: [
              { type: 'element', tagName: 'summary', properties: {}, children: label ? state.all(label) : [] },
              {
                type: 'element',
                tagName: 'div',
                properties: { className: ['details-body'] },
                children: state.wrap(state.all({ type: 'root', children: body }), true),
              },
            ],
          };
        }
        case 'tabs': {
          const group = `${render.id}-tabs-${++render.counter}`;
          const tabs = node.children.filter(
            (child): child is ContainerDirective => child.type === 'containerDirective' && child.name === 'tab',
          );
          return {
            type: 'element',
            tagName: 'div',
            properties: { className: ['tabs'], id: group },
            children: tabs.map((tab, index): Element => {
              const tabLabel = labelParagraph(tab);
              const id = `${group}-${index + 1}`;
              return {
                type: 'element',
                tagName: 'section',
                properties: { className: ['tab-panel'], id, ariaLabelledBy: [`${id}-label`] },
                children: [
                  {
                    type: 'element',
                    tagName: 'p',
                    properties: { className: ['tab-label'], id: `${id}-label` },
                    children: tabLabel ? state.all(tabLabel) : [],
                  },
                  ...state.wrap(state.all({ type: 'root', children: tab.children.filter((child) => child !== tabLabel) }), true),
                ],
              };
            }),
          };
        }
        default:
          return undefined;
      }
    },
    leaf(state: State, node: LeafDirective): Element | undefined {
      const caption: ElementContent[] = node.children.length > 0 ? state.all(node) : [];
      const figure = (kind: string, media: Element): Element => ({
        type: 'element',
        tagName: 'figure',
        properties: { className: ['figure', `figure-${kind}`] },
        children: [
          media,
          ...(caption.length > 0 ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: caption } as Element] : []),
        ],
      });
      switch (node.name) {
        case 'image':
        case 'screenshot': {
          const src = attribute(node, 'src');
          if (!src) return undefined;
          const width = Number(attribute(node, 'width'));
          return figure(
            node.name,
            image(
              render,
              src,
              attribute(node, 'alt') ?? '',
              Number.isInteger(width) && width > 0 ? width : undefined,
              node.name === 'screenshot',
            ),
          );
        }
        case 'video': {
          const src = local(attribute(node, 'src') ?? '');
          if (!src) return undefined;
          const poster = attribute(node, 'poster');
          const posterUrl = poster ? (local(poster) ?? poster) : undefined;
          const captions = attribute(node, 'captions');
          const captionsUrl = captions ? local(captions) : undefined;
          const lang = render.context.lang ?? 'en';
          const children: ElementContent[] = [];
          if (captionsUrl) {
            children.push({
              type: 'element',
              tagName: 'track',
              properties: {
                kind: 'captions',
                src: captionsUrl,
                srcLang: lang,
                label: languageName(lang),
                default: true,
              },
              children: [],
            });
          }
          children.push({
            type: 'element',
            tagName: 'a',
            properties: { href: src },
            children: [{ type: 'text', value: render.context.strings.downloadVideo }],
          });
          return figure('video', {
            type: 'element',
            tagName: 'video',
            properties: {
              src,
              controls: true,
              preload: 'metadata',
              ariaLabel: attribute(node, 'title') ?? '',
              ...(posterUrl ? { poster: posterUrl } : {}),
            },
            children,
          });
        }
        default:
          return undefined;
      }
    },
  };
}

/** `en` → `English`, in that language, for the captions menu. */
function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
