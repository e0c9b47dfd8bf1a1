/**
 * What search engines and link previews read of a page: `<meta>` tags whose values are a
 * writer's titles and summaries. Other programs read them, and not all of them with an HTML
 * parser: a preview built from the attribute's bytes by a pattern would get `<img onerror>` as
 * markup. Astro escapes only `&` and `"` in an attribute (enough for a browser); these tags
 * escape every character that means something to HTML, so that the bytes are inert too.
 */

const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A value's text, each of `& < > " '` as its character reference. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => REFERENCES[character]!);
}

/**
 * `<meta>` tags as HTML, each `[attribute, key, content]` (`['property', 'og:title', title]`);
 * a tag whose content is undefined is left out.
 */
export function metaTags(tags: readonly (readonly [attribute: 'name' | 'property', key: string, content: string | undefined])[]): string {
  return tags
    .filter(([, , content]) => content !== undefined)
    .map(([attribute, key, content]) => `<meta ${attribute}="${key}" content="${escapeHtml(content!)}">`)
    .join('');
}
