/**
 * Finds the markup a browser would act on if it ever took a file for a page: the tokenizer of
 * the HTML standard (§13.2.5), over the whole file, keeping only what decides whether a tag
 * loads or runs something. It is a state machine of its own rather than parse5's `Tokenizer`
 * for two reasons: parse5 keeps every attribute of a tag and compares each new one with all
 * of them (quadratic in a 100 MB tag of distinct names), and it is not a dependency here. This
 * one is linear, holds a few short strings whatever the size of a tag, and decides a tag when
 * the browser would create it: at its `>` (a tag cut off by the end of the file is dropped).
 *
 * ```text
 * %PDF-1.4 … <x a="b"onfocus=alert(1)>     → refused: `onfocus` is an attribute (no space needed)
 * %PDF-1.4 … <y a='>' onclick=alert(1)>    → refused: a quoted `>` does not end the tag
 * %PDF-1.4 … <a href=" &#106;avascript:x"> → refused: a `javascript:` link, once decoded
 * %PDF-1.4 … <x:xmpmeta xmlns:x="adobe:ns:meta/"> → passes: metadata, nothing that runs
 * ```
 */
import { parseEntities } from 'parse-entities';

/** Where a file holds markup that would run: the offset of its `<`, and of its end when known. */
export interface MarkupHit {
  at: number;
  /** The offset just past the tag's `>`; absent when the tag is refused before it ends. */
  end?: number;
}

/**
 * Elements that load or run something, or make a page of the file. Matched by the whole name
 * (`<SCRIPT>`, as HTML lowercases it) and by the local part of a namespaced name, exactly as
 * written (`<x:script xmlns:x="http://www.w3.org/1999/xhtml">` is a script in an XML view).
 */
const LOADERS: ReadonlySet<string> = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'math',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'template',
  'portal',
  'html',
  'head',
  'body',
  'feimage',
]);

/**
 * Three-letter names, which random bytes spell too often (`<img ` about once in 200 files of
 * 100 MB) to be refused by name alone. `<img>` loads only with a source, so it is refused with
 * one, like the other elements of `MEDIA`. An `<svg>` runs nothing of its own: what runs in it
 * is a tag inside, which is read here like any other (a `<script>`, a handler,
 * `<a href="javascript:…">`, `<animate values="…; javascript:…">`, `<image>`); namespaced,
 * `<x:svg>` is refused by its local part.
 */
const SOURCES: ReadonlySet<string> = new Set(['src', 'srcset', 'lowsrc', 'dynsrc', 'poster']);
/** Elements that fetch what such an attribute names once made (`<input type=image src>`, `<video poster>`). */
const MEDIA: ReadonlySet<string> = new Set(['img', 'input', 'video', 'audio', 'source', 'track']);
const NAMESPACED: ReadonlySet<string> = new Set([...LOADERS, 'svg', 'img']);

/**
 * Names that matter to HTML only, matched by the whole name: `<image>` becomes an `<img>`, and
 * the rest switch the tokenizer to raw text, where what looks like an attribute is text and a
 * `</noscript>` inside a value closes the element (`<noscript><p title="</noscript><img …>">`).
 * Refusing them keeps every tag before them read exactly as the browser reads it; `<xmp>`,
 * three letters, is read as raw text up to its `</xmp>` instead, as the browser does. XMP metadata
 * holds `<dc:title>`, a different name, which passes.
 */
const HTML_ONLY: ReadonlySet<string> = new Set(['image', 'noscript', 'noembed', 'noframes', 'textarea', 'title', 'plaintext']);

/** The event handlers of HTML and SVG with fewer than four letters after `on`: the clipboard's and SVG animation's. */
const SHORT_HANDLERS: ReadonlySet<string> = new Set(['oncut', 'onend']);

/** WebVTT's cue tags: the only tags captions may hold (`<c.loud>`, `<v Anna>`, `</b>`). */
const CUE_TAGS: ReadonlySet<string> = new Set(['b', 'i', 'u', 'c', 'v', 'lang', 'ruby', 'rt']);

/** URL schemes that run code or carry a page of their own (`data:` names any type it likes). */
const SCHEMES = ['javascript:', 'vbscript:', 'data:'];

/** How many characters of a name are kept: more than the longest name above and below. */
const NAME_KEPT = 16;
/** How many characters of a numeric or named character reference are kept (the longest name is 31). */
const REF_KEPT = 40;

/* The tokenizer's states, as the standard names them. */
const Data = 0;
const TagOpen = 1;
const EndTagOpen = 2;
const TagName = 3;
const BeforeAttrName = 4;
const AttrName = 5;
const AfterAttrName = 6;
const BeforeAttrValue = 7;
const ValueDouble = 8;
const ValueSingle = 9;
const ValueUnquoted = 10;
const AfterValueQuoted = 11;
const SelfClosing = 12;
const MarkupOpen = 13;
const CommentStart = 14;
const CommentStartDash = 15;
const Comment = 16;
const CommentEndDash = 17;
const CommentEnd = 18;
const CommentEndBang = 19;
const BogusComment = 20;
const RawText = 21;

const TAB = 0x09;
const LF = 0x0a;
const FF = 0x0c;
const CR = 0x0d;
const SPACE = 0x20;

function isSpace(c: number): boolean {
  // CR is a line ending, which the input stream turns into LF before the tokenizer sees it.
  return c === SPACE || c === LF || c === TAB || c === FF || c === CR;
}

function isAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isAlnum(c: number): boolean {
  return isAlpha(c) || (c >= 0x30 && c <= 0x39);
}

function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/**
 * Whether an attribute value starts with a scheme of `SCHEMES` as a browser's URL parser reads
 * it: character references decoded, then leading spaces and control characters skipped, tabs
 * and line breaks dropped anywhere, letters in any case. Fed one character of the value at a
 * time; it keeps at most one character reference and a position in the schemes.
 */
class SchemeMatcher {
  /** Candidate schemes still matching, and how many of their characters were matched. */
  private live = 0;
  private matched = 0;
  private started = false;
  /** The current item of the value matches no scheme; a `;` starts the next item of a list. */
  private done = false;
  hit = false;
  /** A character reference being read (`&#106`, `&colon`), or `undefined`. */
  private ref: string | undefined;

  reset(): void {
    this.live = (1 << SCHEMES.length) - 1;
    this.matched = 0;
    this.started = false;
    this.done = false;
    this.hit = false;
    this.ref = undefined;
  }

  /** One raw character of the value. */
  push(c: number): void {
    if (this.hit) return;
    if (this.ref !== undefined) {
      const numeric = this.ref.startsWith('&#');
      const hex = /^&#[xX]/.test(this.ref);
      const continues = numeric
        ? (c >= 0x30 && c <= 0x39) || (hex && /[a-fA-F]/.test(String.fromCharCode(c))) || ((c === 0x78 || c === 0x58) && this.ref === '&#')
        : isAlnum(c) || (c === 0x23 && this.ref === '&');
      if (continues) {
        // Leading zeros of a number change nothing; keep the reference short whatever its length.
        if (!(numeric && c === 0x30 && /^&#[xX]?0*$/.test(this.ref)) && this.ref.length < REF_KEPT) this.ref += String.fromCharCode(c);
        return;
      }
      const ref = this.ref;
      this.ref = undefined;
      if (c === 0x3b) {
        this.decoded(parseEntities(`${ref};`, { attribute: true }));
        return;
      }
      // Without `;`, a reference is decoded by the attribute rules, which look at what follows.
      this.decoded(parseEntities(ref + String.fromCharCode(c), { attribute: true }).slice(0, -1));
      this.push(c);
      return;
    }
    if (c === 0x26) {
      this.ref = '&';
      return;
    }
    this.char(c);
  }

  /** The end of the value: a reference still open is decoded. */
  end(): void {
    if (this.ref !== undefined) {
      const ref = this.ref;
      this.ref = undefined;
      this.decoded(parseEntities(ref, { attribute: true }));
    }
  }

  private decoded(text: string): void {
    for (let i = 0; i < text.length && !this.hit; i++) this.char(text.charCodeAt(i));
  }

  private char(c: number): void {
    if (c === TAB || c === LF || c === CR) return;
    if (c === 0x3b) {
      // SVG animations take lists (`values="0;javascript:…"`): each item is a URL of its own.
      this.live = (1 << SCHEMES.length) - 1;
      this.matched = 0;
      this.started = false;
      this.done = false;
      return;
    }
    if (this.done) return;
    if (!this.started) {
      if (c <= SPACE) return;
      this.started = true;
    }
    const l = lower(c);
    let live = 0;
    for (let s = 0; s < SCHEMES.length; s++) {
      if (this.live & (1 << s) && SCHEMES[s]!.charCodeAt(this.matched) === l) live |= 1 << s;
    }
    this.live = live;
    this.matched++;
    if (!live) {
      this.done = true;
      return;
    }
    for (let s = 0; s < SCHEMES.length; s++) {
      if (live & (1 << s) && SCHEMES[s]!.length === this.matched) {
        this.hit = true;
        this.done = true;
      }
    }
  }
}

/**
 * The first tag in `text` that would load or run something, as the HTML tokenizer reads it.
 *
 * - `binary` (a PDF, an image, a video, an archive, read as latin1): a start tag named like an
 *   element of `LOADERS` or `HTML_ONLY` (or namespaced, `x:script`), a `MEDIA` element with a source,
 *   a start tag with an event handler (an attribute named `on` and four or more letters, or
 *   one of `SHORT_HANDLERS`, with a value), or with an attribute whose value (or an
 *   item of a `;` list) is a `javascript:`, `vbscript:` or `data:` URL; and `<?xml-stylesheet`,
 *   which makes an XML view run a stylesheet. A handler on an end tag does nothing.
 * - `captions` (WebVTT text): any tag but the cue tags, `<!…>`, `<?…>`, and cue tags that carry
 *   a handler or such a URL (`<c.loud>` and `<v Anna>` pass).
 *
 * How often random bytes (compressed data) hold such a tag, per 100 MB file (10⁸ bytes):
 * - a tag opens at `<` and a letter, 10⁸ × 1/256 × 52/256 ≈ 79,000 times, and holds about 6.5
 *   attributes (a name runs to one of 7 separators of 256 bytes, a tag to `>`): 5.2 × 10⁵;
 * - a handler name, `o`, `n` (2/256 each, in any case), four or more letters (52/256 each,
 *   0.203⁴ / 0.797 = 0.0021) and then `=` (about 1/256): 6.1 × 10⁻⁵ × 0.0021 × 0.004 ≈
 *   5.2 × 10⁻¹⁰ per attribute, 2.7 × 10⁻⁴ per file;
 * - a four-letter name of `LOADERS` (8 of them): 10⁸ / 256 × (1/128)⁴ × 7/256 ≈ 4 × 10⁻⁵
 *   each, 3.2 × 10⁻⁴ in all; longer names, a source on an `<img>`, namespaced names, URL
 *   schemes and `<?xml-stylesheet` are each below 10⁻⁶.
 * In all about 6 × 10⁻⁴: one file of 100 MB in 1,700. (`on` and any letters would be 0.3 per
 * file, and any name of three letters by name alone 5 × 10⁻³: too often.)
 */
export function findMarkup(text: string, mode: 'binary' | 'captions'): MarkupHit | undefined {
  const captions = mode === 'captions';
  const scheme = new SchemeMatcher();
  let state = Data;
  let tagStart = 0;
  let endTag = false;
  /** The tag's name as written (the first `NAME_KEPT` characters), and its length. */
  let name = '';
  let nameLength = 0;
  /** The current attribute: its name's start (lowercased), whether it is a handler's so far, its length, whether it has a value. */
  let attrName = '';
  let attrHandler = false;
  let attrLength = 0;
  let attrHasValue = false;
  let valueLength = 0;
  /** Whether the tag was found to run something, decided at its `>`. */
  let bad = false;
  /** An `<img>`: refused once it has a source. */
  let image = false;

  const badName = (): boolean => {
    if (captions) return nameLength > NAME_KEPT || !CUE_TAGS.has(name.split('.')[0]!);
    if (nameLength > NAME_KEPT) return false;
    const whole = name.toLowerCase();
    if (LOADERS.has(whole) || HTML_ONLY.has(whole)) return true;
    const colon = name.lastIndexOf(':');
    return colon >= 0 && NAMESPACED.has(name.slice(colon + 1));
  };
  const startAttr = (c: number): void => {
    endAttr();
    attrName = String.fromCharCode(lower(c));
    attrLength = 1;
    attrHandler = lower(c) === 0x6f;
    attrHasValue = false;
  };
  const growAttr = (c: number): void => {
    if (attrHandler) attrHandler = attrLength === 1 ? lower(c) === 0x6e : isAlpha(c);
    if (attrLength < NAME_KEPT) attrName += String.fromCharCode(lower(c));
    attrLength++;
  };
  const startValue = (): void => {
    attrHasValue = true;
    valueLength = 0;
    scheme.reset();
  };
  const valueChar = (c: number): void => {
    valueLength++;
    scheme.push(c);
  };
  /** The end of an attribute (its name, or its value): whether it makes the tag one that runs. */
  const endAttr = (): void => {
    if (attrLength === 0) return;
    if (attrHasValue) scheme.end();
    if (!endTag && attrHasValue) {
      if (
        scheme.hit ||
        (valueLength > 0 && ((attrHandler && (attrLength >= 6 || SHORT_HANDLERS.has(attrName))) || (image && SOURCES.has(attrName))))
      ) {
        bad = true;
      }
    }
    attrLength = 0;
    attrHasValue = false;
  };
  /** The tag's `>`: the browser creates it now. */
  const emit = (end: number): MarkupHit | undefined => {
    endAttr();
    if (bad) return { at: tagStart, end };
    state = !endTag && name.toLowerCase() === 'xmp' ? RawText : Data;
    return undefined;
  };
  const startTag = (c: number, end: boolean): void => {
    state = TagName;
    endTag = end;
    name = String.fromCharCode(c);
    nameLength = 1;
    bad = false;
    image = false;
    attrLength = 0;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    switch (state) {
      case Data:
        if (c === 0x3c) {
          state = TagOpen;
          tagStart = i;
        }
        break;
      case TagOpen:
        if (isAlpha(c)) startTag(c, false);
        else if (c === 0x2f) state = EndTagOpen;
        else if (c === 0x21) {
          if (captions) return { at: tagStart };
          state = MarkupOpen;
        } else if (c === 0x3f) {
          // In HTML a comment; in an XML view, a stylesheet that may run script (XSLT).
          if (captions || text.slice(i + 1, i + 15).toLowerCase() === 'xml-stylesheet') return { at: tagStart };
          state = BogusComment;
        } else {
          state = Data;
          i--;
        }
        break;
      case EndTagOpen:
        if (isAlpha(c)) startTag(c, true);
        else if (captions) return { at: tagStart };
        else if (c === 0x3e) state = Data;
        else state = BogusComment;
        break;
      case TagName:
        if (isSpace(c) || c === 0x2f || c === 0x3e) {
          // Only a start tag loads anything; in captions, an end tag must close a cue tag too.
          if ((!endTag || captions) && badName()) {
            if (captions) return { at: tagStart };
            bad = true;
          }
          image = !endTag && MEDIA.has(name.toLowerCase());
          if (c === 0x3e) {
            const hit = emit(i + 1);
            if (hit) return hit;
          } else state = c === 0x2f ? SelfClosing : BeforeAttrName;
        } else {
          if (nameLength < NAME_KEPT + 1) name += String.fromCharCode(c === 0 ? 0xfffd : c);
          nameLength++;
        }
        break;
      case BeforeAttrName:
        if (isSpace(c)) break;
        if (c === 0x2f || c === 0x3e) {
          state = AfterAttrName;
          i--;
        } else {
          // `=` here starts a name, as the standard says.
          startAttr(c);
          state = AttrName;
        }
        break;
      case AttrName:
        if (isSpace(c) || c === 0x2f || c === 0x3e) {
          state = AfterAttrName;
          i--;
        } else if (c === 0x3d) state = BeforeAttrValue;
        else growAttr(c);
        break;
      case AfterAttrName:
        if (isSpace(c)) break;
        if (c === 0x2f) {
          endAttr();
          state = SelfClosing;
        } else if (c === 0x3d) state = BeforeAttrValue;
        else if (c === 0x3e) {
          const hit = emit(i + 1);
          if (hit) return hit;
        } else {
          endAttr();
          startAttr(c);
          state = AttrName;
        }
        break;
      case BeforeAttrValue:
        if (isSpace(c)) break;
        startValue();
        if (c === 0x22) state = ValueDouble;
        else if (c === 0x27) state = ValueSingle;
        else if (c === 0x3e) {
          // A missing value: the attribute is empty, and the tag ends here.
          attrHasValue = false;
          const hit = emit(i + 1);
          if (hit) return hit;
        } else {
          state = ValueUnquoted;
          i--;
        }
        break;
      case ValueDouble:
      case ValueSingle:
        if (c === (state === ValueDouble ? 0x22 : 0x27)) {
          endAttr();
          state = AfterValueQuoted;
        } else valueChar(c);
        break;
      case ValueUnquoted:
        if (isSpace(c)) {
          endAttr();
          state = BeforeAttrName;
        } else if (c === 0x3e) {
          const hit = emit(i + 1);
          if (hit) return hit;
        } else valueChar(c);
        break;
      case AfterValueQuoted:
        if (isSpace(c)) state = BeforeAttrName;
        else if (c === 0x2f) state = SelfClosing;
        else if (c === 0x3e) {
          const hit = emit(i + 1);
          if (hit) return hit;
        } else {
          // No space needed: `a="b"onclick=…` starts a new attribute.
          state = BeforeAttrName;
          i--;
        }
        break;
      case SelfClosing:
        if (c === 0x3e) {
          const hit = emit(i + 1);
          if (hit) return hit;
        } else {
          state = BeforeAttrName;
          i--;
        }
        break;
      case MarkupOpen:
        // `<!--` opens a comment; `<!DOCTYPE`, `<![CDATA[` (outside SVG and MathML, which are
        // refused) and anything else end at the next `>`.
        if (c === 0x2d && text.charCodeAt(i + 1) === 0x2d) {
          i++;
          state = CommentStart;
        } else {
          state = BogusComment;
          i--;
        }
        break;
      case CommentStart:
        if (c === 0x2d) state = CommentStartDash;
        else if (c === 0x3e) state = Data;
        else {
          state = Comment;
          i--;
        }
        break;
      case CommentStartDash:
        if (c === 0x2d) state = CommentEnd;
        else if (c === 0x3e) state = Data;
        else {
          state = Comment;
          i--;
        }
        break;
      case Comment:
        // `<!--` inside a comment changes nothing but errors: `-` leads to its end the same way.
        if (c === 0x2d) state = CommentEndDash;
        break;
      case CommentEndDash:
        if (c === 0x2d) state = CommentEnd;
        else {
          state = Comment;
          i--;
        }
        break;
      case CommentEnd:
        if (c === 0x3e) state = Data;
        else if (c === 0x21) state = CommentEndBang;
        else if (c !== 0x2d) {
          state = Comment;
          i--;
        }
        break;
      case CommentEndBang:
        if (c === 0x2d) state = CommentEndDash;
        else if (c === 0x3e) state = Data;
        else {
          state = Comment;
          i--;
        }
        break;
      case BogusComment:
        if (c === 0x3e) state = Data;
        break;
      case RawText:
        // Inside `<xmp>`: text up to `</xmp` and a space, `/` or `>`, which is an end tag again.
        if (c === 0x3c && text.charCodeAt(i + 1) === 0x2f && text.slice(i + 2, i + 5).toLowerCase() === 'xmp') {
          const after = text.charCodeAt(i + 5);
          if (isSpace(after) || after === 0x2f || after === 0x3e) {
            tagStart = i;
            startTag(0x78, true);
            name = 'xmp';
            nameLength = 3;
            i += 4;
          }
        }
        break;
    }
  }
  return undefined;
}
