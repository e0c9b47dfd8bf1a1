/**
 * Renders the site's own components in a node's HTML: each placeholder
 * (`<div data-signpost-component="0">`) becomes the HTML of the site's Astro component, given
 * the guide's attributes (checked by the site's schema) as props and the directive's content,
 * rendered and sanitised by Signpost, as its default slot. The component is the site owner's
 * code; the guide only names it.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import components from 'virtual:signpost/components';
import { mapHtml, type PageNode } from '../render/site-model.ts';

const PLACEHOLDER = /<(div|span) data-signpost-component="(\d+)"><\/\1>/g;

let container: Promise<AstroContainer> | undefined;

/** The page's parts with each of the site's components rendered. */
export async function withComponents(page: PageNode): Promise<PageNode> {
  if (page.components.length === 0) return page;
  container ??= AstroContainer.create();
  const renderer = await container;
  const html = await Promise.all(
    page.components.map(async ({ name, props, slot }) => {
      const component = components[name];
      return component ? renderer.renderToString(component, { props, slots: slot ? { default: slot } : {} }) : '';
    }),
  );
  return mapHtml(page, (part) => part.replace(PLACEHOLDER, (_whole, _tag, index: string) => html[Number(index)] ?? ''));
}
