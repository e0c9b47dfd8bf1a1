/**
 * The way to support that a paste no card matches offers (scripts/paste.ts), as the card's
 * button is (components/contact.astro): an e-mail whose subject names the guide and the page,
 * whose body the script completes with the line pasted, or the guide's support page.
 */
import type { GuideMeta } from '../core/schemas/metadata.ts';
import type { UiStrings } from './strings.ts';

/** What the script needs to write the link (`data-support`, as JSON). */
export interface PasteSupport {
  email?: string;
  url?: string;
  label: string;
  subject: string;
  /** The guide, the page and its address, as the path report names them. */
  report: string;
}

/** The support of a guide for a paste made on one of its pages; undefined when it names none. */
export function pasteSupport(meta: GuideMeta, strings: UiStrings, page: string, address: string): PasteSupport | undefined {
  const { email, url, label } = meta.support ?? {};
  if (!email && !url) return undefined;
  return {
    ...(email ? { email } : url ? { url } : {}),
    label: label ?? strings.contactSupport,
    subject: strings.supportSubject.replace('{guide}', meta.title).replace('{page}', page),
    report: [`${strings.guide}: ${meta.title}`, `${strings.page}: ${page}`, `${strings.address}: ${address}`].join('\n'),
  };
}
