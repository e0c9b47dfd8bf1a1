/**
 * Turns the image placeholders of a node's HTML (`<img data-signpost-image="0" alt="…">`)
 * into optimised images through astro:assets: WebP in several widths with `srcset` and
 * `sizes`, width and height set (no layout shift), lazy, and a link to the full-size file
 * (click to enlarge, without JavaScript). Only attributes Signpost writes reach the page:
 * never a `style`, which the Content-Security-Policy refuses.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { mapHtml, type PageNode } from '../render/site-model.ts';

/** The widest an image is shown: the content column (46rem). */
const COLUMN = 736;

const PLACEHOLDER = /<img data-signpost-image="(\d+)"[^>]*>/g;

const made = new Map<string, Promise<string>>();

/** The page's parts with each placeholder replaced by its image. */
export async function withImages(page: PageNode): Promise<PageNode> {
  if (page.images.length === 0) return page;
  const html = await Promise.all(
    page.images.map((image) => picture(image.src as unknown as ImageMetadata | string | undefined, image.alt, image.width)),
  );
  return mapHtml(page, (part) => part.replace(PLACEHOLDER, (_whole, index: string) => html[Number(index)] ?? ''));
}

function picture(source: ImageMetadata | string | undefined, alt: string, width: number | undefined): Promise<string> {
  if (!source || typeof source === 'string') return Promise.resolve('');
  const key = `${source.src}|${width ?? ''}|${alt}`;
  let result = made.get(key);
  if (!result) {
    result = make(source, alt, width);
    made.set(key, result);
  }
  return result;
}

async function make(source: ImageMetadata, alt: string, width: number | undefined): Promise<string> {
  const shown = Math.min(width ?? source.width, source.width, COLUMN);
  const height = Math.round((shown * source.height) / source.width);
  const widths = [...new Set([Math.min(360, shown), shown, Math.min(shown * 2, source.width)])].sort((a, b) => a - b);
  const sizes = `(max-width: ${shown + 48}px) calc(100vw - 2.5rem), ${shown}px`;
  const image = await getImage({ src: source, width: shown, height, widths, sizes, format: 'webp' });
  const attributes = [
    ['src', image.src],
    ...(image.srcSet.values.length > 0 ? [['srcset', image.srcSet.attribute]] : []),
    ['sizes', sizes],
    ['width', String(shown)],
    ['height', String(height)],
    ['alt', alt],
    ['loading', 'lazy'],
    ['decoding', 'async'],
  ];
  const img = `<img ${attributes.map(([name, value]) => `${name}="${escapeAttribute(value!)}"`).join(' ')}>`;
  return `<a class="image-link" href="${escapeAttribute(source.src)}">${img}</a>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
