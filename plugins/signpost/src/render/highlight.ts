/**
 * Fenced code highlighted with Shiki at build time, in a light and a dark theme, as classes
 * rather than `style` attributes: the Content-Security-Policy (`style-src 'self'`) refuses
 * inline styles, so each token names its colours (`sl-24292e sd-e1e4e8`) and the stylesheet
 * of `codeStylesheet()` gives them, with `light-dark()` following the page's colour scheme.
 *
 * ```md
 * ```sh
 * npm run build
 * ```
 * ```
 *
 * becomes `<div class="code-block"><pre class="code" data-lang="sh" tabindex="0"><code>` with
 * one `<span class="line">` per line and a span per token.
 */
import type { Element, ElementContent } from 'hast';
import { bundledLanguages, createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';

/** The themes tokens are coloured from; their colours are raised to a readable contrast. */
const THEMES = { light: 'github-light', dark: 'github-dark' } as const;
/** The code block's backgrounds, which the token colours are measured against. */
export const CODE_BACKGROUND = { light: '#f6f8fa', dark: '#161b22' } as const;
/** WCAG AA for normal text. */
const MIN_CONTRAST = 4.5;

let shared: Promise<Highlighter> | undefined;

/** The one highlighter of the process, with the languages loaded as guides ask for them. */
function highlighter(): Promise<Highlighter> {
  shared ??= createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: [] });
  return shared;
}

/** The language a fence names, as Shiki knows it (`shell` → `shellscript`), or undefined. */
export function knownLanguage(lang: string | null | undefined): BundledLanguage | undefined {
  const name = lang?.trim().toLowerCase();
  return name && Object.hasOwn(bundledLanguages, name) ? (name as BundledLanguage) : undefined;
}

/** A highlighter ready to colour the given languages synchronously. */
export interface CodeHighlighter {
  highlight(code: string, lang: string | null | undefined): Element;
}

/** Loads the languages the guides use, then highlights without waiting. */
export async function loadHighlighter(languages: Iterable<string | null | undefined>): Promise<CodeHighlighter> {
  const shiki = await highlighter();
  const wanted = new Set<BundledLanguage>();
  for (const lang of languages) {
    const known = knownLanguage(lang);
    if (known) wanted.add(known);
  }
  const loaded = new Set(shiki.getLoadedLanguages());
  const missing = [...wanted].filter((lang) => !loaded.has(lang));
  if (missing.length > 0) await shiki.loadLanguage(...missing);
  const palette = await codePalette();
  return { highlight: (code, lang) => codeBlock(shiki, palette, code, knownLanguage(lang), lang?.trim() || undefined) };
}

/** A code block of plain text, for a language Shiki does not know or a build without one. */
export function plainCodeBlock(code: string, lang: string | undefined): Element {
  const lines = code.split('\n').map((line): Element => ({
    type: 'element',
    tagName: 'span',
    properties: { className: ['line'] },
    children: [{ type: 'text', value: line }],
  }));
  return frame(lines, lang);
}

function codeBlock(
  shiki: Highlighter,
  palette: Palette,
  code: string,
  lang: BundledLanguage | undefined,
  written: string | undefined,
): Element {
  // A language not loaded (not asked for by `loadHighlighter`) is shown plain, never an error.
  if (!lang || !shiki.getLoadedLanguages().includes(lang)) return plainCodeBlock(code, written);
  const lines = shiki.codeToTokensWithThemes(code, { lang, themes: THEMES });
  return frame(
    lines.map((tokens): Element => ({
      type: 'element',
      tagName: 'span',
      properties: { className: ['line'] },
      children: tokens.map((token): ElementContent => {
        const light = token.variants['light'];
        const dark = token.variants['dark'];
        const classes = [palette.light.get(hex(light?.color) ?? ''), palette.dark.get(hex(dark?.color) ?? '')].filter(
          (name) => name !== undefined,
        );
        const style = light?.fontStyle ?? 0;
        if (style & 1) classes.push('si');
        if (style & 2) classes.push('sb');
        if (classes.length === 0) return { type: 'text', value: token.content };
        return { type: 'element', tagName: 'span', properties: { className: classes }, children: [{ type: 'text', value: token.content }] };
      }),
    })),
    written,
  );
}

/** The block around the lines: the language for the copy button's label, focusable so that a long line can be scrolled by keyboard. */
function frame(lines: Element[], lang: string | undefined): Element {
  const children: ElementContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) children.push({ type: 'text', value: '\n' });
    children.push(line);
  });
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['code-block'] },
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: { className: ['code'], tabIndex: 0, ...(lang ? { dataLang: lang } : {}) },
        children: [{ type: 'element', tagName: 'code', properties: {}, children }],
      },
    ],
  };
}

interface Palette {
  /** Colour (`24292e`) → class (`sl-24292e`), and the colour the class shows after contrast. */
  light: Map<string, string>;
  dark: Map<string, string>;
  css: string;
}

let palette: Promise<Palette> | undefined;

/** Every colour of both themes, each as a class and a rule. */
function codePalette(): Promise<Palette> {
  palette ??= (async () => {
    const shiki = await highlighter();
    const rules: string[] = [];
    const classes = (theme: 'light' | 'dark'): Map<string, string> => {
      const resolved = shiki.getTheme(THEMES[theme]);
      const colours = new Set<string>();
      const fg = hex(resolved.fg);
      if (fg) colours.add(fg);
      for (const setting of resolved.settings) {
        const colour = hex(setting.settings?.foreground);
        if (colour) colours.add(colour);
      }
      const map = new Map<string, string>();
      for (const colour of [...colours].sort()) {
        const name = `s${theme[0]}-${colour}`;
        map.set(colour, name);
        rules.push(`.${name}{--s${theme[0]}:#${readable(colour, CODE_BACKGROUND[theme])}}`);
      }
      return map;
    };
    const light = classes('light');
    const dark = classes('dark');
    return { light, dark, css: rules.join('\n') };
  })();
  return palette;
}

/** The stylesheet of the token classes (served as `virtual:signpost/code.css`). */
export async function codeStylesheet(): Promise<string> {
  const { css } = await codePalette();
  return [
    `.code{--sp-code-bg:light-dark(${CODE_BACKGROUND.light},${CODE_BACKGROUND.dark})}`,
    '.code span[class^="s"]{color:light-dark(var(--sl,inherit),var(--sd,inherit))}',
    '.code .si{font-style:italic}',
    '.code .sb{font-weight:700}',
    css,
    '',
  ].join('\n');
}

/** `#24292E` or `#24292eff` → `24292e`; anything else → undefined. */
function hex(colour: string | undefined): string | undefined {
  const match = /^#([0-9a-f]{6})(?:ff)?$/i.exec(colour ?? '');
  return match ? match[1]!.toLowerCase() : undefined;
}

/** The colour moved towards black or white until it reaches `MIN_CONTRAST` on `background`. */
function readable(colour: string, background: string): string {
  const bg = rgb(background.slice(1));
  const towards = luminance(bg) > 0.5 ? 0 : 255;
  let current = rgb(colour);
  for (let step = 0; step < 40 && contrast(current, bg) < MIN_CONTRAST; step++) {
    current = current.map((channel) => Math.round(channel + (towards - channel) * 0.08)) as [number, number, number];
  }
  return current.map((channel) => channel.toString(16).padStart(2, '0')).join('');
}

function rgb(value: string): [number, number, number] {
  return [0, 2, 4].map((start) => parseInt(value.slice(start, start + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
