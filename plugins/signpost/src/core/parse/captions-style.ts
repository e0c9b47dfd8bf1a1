/**
 * What a WebVTT `STYLE` block could load. Browsers apply a captions file's `STYLE` blocks to its
 * cues (Chromium does) whenever the captions are shown, and CSS can fetch from anywhere: a
 * `background: url(//elsewhere.example/x)`, an `@import`, an `image-set()`. The page's
 * Content-Security-Policy allows images from any `https:` address, so captions could tell a
 * third party who watches a video. Colours, fonts and outlines load nothing and pass.
 *
 * ```text
 * STYLE
 * ::cue { color: yellow }                          → passes
 * ::cue { background: url(//evil.example/x) }      → `url(` on line 4
 * ::cue { background: \75 rl(x) }                  → `\` (a CSS escape can spell `url`)
 * ```
 */

/**
 * What CSS loads from, in any case: a function token is its name with `(` right after it, and
 * an escape (`\75rl(` is `url(`) can spell any of them, so a backslash is refused too.
 * `image(` and `image-set(` also cover the prefixed `-webkit-image-set(`.
 */
const LOADS = /url\(|src\(|image\(|image-set\(|@import|\\/i;

/** The first line of a `STYLE` block: `STYLE` alone, or followed by spaces or tabs. */
const STYLE_LINE = /^STYLE(?:[ \t]|$)/;

/** Where a `STYLE` block could load: what it writes (`url(`) and its line; undefined when none could. */
export function styleLoadIn(text: string): { loads: string; line: number } | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  let inStyle = false;
  for (const [index, line] of lines.entries()) {
    // Any line that starts a `STYLE` block opens one, wherever it stands (a parser may take a
    // block for a style sheet in the header or after a cue); a blank line ends it.
    if (line.trim() === '') inStyle = false;
    else if (STYLE_LINE.test(line)) inStyle = true;
    if (!inStyle) continue;
    const found = LOADS.exec(line);
    if (found) return { loads: found[0], line: index + 1 };
  }
  return undefined;
}
