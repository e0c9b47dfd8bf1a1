/**
 * What a URL in a guide points at, read the same way by `check` and by the renderer:
 * another node (`#node-id`), a file beside the guide (`./manual.pdf`), a page of the site
 * (`/pricing/`), or an address elsewhere (`https://…`, `mailto:…`).
 */
export type UrlTarget =
  | { kind: 'node'; id: string }
  | { kind: 'file'; path: string; suffix: string }
  | { kind: 'page'; path: string; suffix: string }
  | { kind: 'external' };

export function urlTarget(url: string): UrlTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return { kind: 'node', id: decode(trimmed.slice(1)) };
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return { kind: 'external' };
  const cut = trimmed.search(/[?#]/);
  const path = decode(cut === -1 ? trimmed : trimmed.slice(0, cut));
  const suffix = cut === -1 ? '' : trimmed.slice(cut);
  return trimmed.startsWith('/') ? { kind: 'page', path, suffix } : { kind: 'file', path, suffix };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The extension of a path, lowercased, without the dot. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Where a site serves the linked files, under the guides' prefix: no guide slug starts with `_`. */
export const FILES_FOLDER = '_signpost';

/** Where the downloads are in it (not media), which `_headers` serves as attachments (render/csp.ts). */
export const DOWNLOADS_FOLDER = 'download';
