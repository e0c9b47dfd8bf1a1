/**
 * The second wall: every part of every node goes through an allow-list after rendering, so
 * that a check that misses a case still cannot put a script, an event handler, a `style`
 * or a `javascript:` link on a page. Only what the renderer produces is allowed: the
 * elements of GFM, callouts, components, code and images, with the attributes each uses.
 */
import type { Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';

const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];
/** Class names the renderer gives (callouts, code tokens, figures, tabs …): letters, digits, `-`. */
const className: [string, RegExp] = ['className', /^[a-z][a-z0-9-]*$/];

export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  // Ids come from the renderer (node ids and counters), never from a writer.
  clobber: [],
  clobberPrefix: '',
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'),
    'input',
    'aside',
    'section',
    'figure',
    'figcaption',
    'video',
    'track',
    'picture',
    'source',
    'mark',
    'small',
    'abbr',
  ],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id'), className, 'id', ...aria],
    a: ['href', ['download', ''], ...aria, className],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', 'dataSignpostImage', 'title'],
    pre: ['tabIndex', 'dataLang', className],
    div: ['tabIndex', className, 'id', 'dataSignpostComponent'],
    span: [className, 'dataSignpostComponent'],
    details: ['open', className],
    abbr: ['title'],
    video: ['src', 'poster', 'controls', 'preload', ...aria],
    track: ['kind', 'src', 'srcLang', 'label', 'default'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked', ...aria],
    section: [className, 'id', ...aria],
    li: [className, 'id'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    poster: ['http', 'https'],
  },
  // Nothing of these survives, not even their text.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template'],
};

/** The tree with everything outside the allow-list removed. */
export function sanitizeTree(tree: Root): Root {
  return sanitize(tree, SANITIZE_SCHEMA) as Root;
}
