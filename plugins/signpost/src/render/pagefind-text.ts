/**
 * Text that Signpost gives Pagefind as a filter or a piece of metadata (a title, a kind, the
 * guide, aliases): other programs show it, and some show it as HTML.
 *
 * Pagefind stores such a value as the page's HTML parser reads it, `&lt;` already decoded to
 * `<`, and hands it back as it is. Its default interface (`@pagefind/default-ui`, which is
 * Starlight's search dialog, on Starlight's pages, under no Content-Security-Policy) puts
 * filter names and values into the page as HTML, and titles and metadata as text; its modular
 * interface puts filter values into an HTML string, inside an attribute too. A writer's title
 * `Acme <img src=x onerror=…>` as a filter would run in every reader's browser that searches
 * such a site. Escaping it (`&lt;`) would be right for the first kind of interface and show
 * `&lt;` in the second. So the five characters that mean something to HTML, `< > & " '`, are
 * replaced by characters that look alike and mean nothing to it: the value is inert inserted
 * either way, in text or in a quoted attribute, and reads the same either way.
 *
 * The replacements are characters writers do not type (modifier letters, and the fullwidth
 * ampersand), so that Signpost's own search box, which inserts everything as text, gives each
 * back (`fromPagefind`). The excerpt is not Signpost's to make safe: Pagefind builds it from the
 * indexed text and escapes `<` and `>` itself (tests/e2e/hostile-search.e2e.ts holds it to that).
 *
 * This module runs in the build and in the reader's browser (scripts/search.ts): no Node import.
 */

/** Each character HTML gives a meaning to, and the one that stands for it in Pagefind. */
const LOOKALIKES = [
  ['<', '\u02C2'], // ˂ modifier letter left arrowhead
  ['>', '\u02C3'], // ˃ modifier letter right arrowhead
  ['&', '\uFF06'], // ＆ fullwidth ampersand
  ['"', '\u02BA'], // ʺ modifier letter double prime
  ["'", '\u02BC'], // ʼ modifier letter apostrophe
] as const;

const TO_PAGEFIND = new Map<string, string>(LOOKALIKES);
const FROM_PAGEFIND = new Map<string, string>(LOOKALIKES.map(([plain, lookalike]) => [lookalike, plain]));

/** The value as Pagefind is given it: `< > & " '` replaced by their lookalikes. */
export function forPagefind(text: string): string {
  return text.replace(/[<>&"']/g, (character) => TO_PAGEFIND.get(character)!);
}

/** A value from Pagefind as it was written, for Signpost's search box, which shows it as text. */
export function fromPagefind(text: string): string {
  return text.replace(/[\u02C2\u02C3\uFF06\u02BA\u02BC]/g, (character) => FROM_PAGEFIND.get(character)!);
}
