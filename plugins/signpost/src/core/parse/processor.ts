/**
 * The one Markdown pipeline every part of Signpost parses guides with: `check`, the build's
 * validation and the pages (through `remarkSignpostSyntax` in the Astro config).
 */
import { directiveFromMarkdown, type Directives } from 'mdast-util-directive';
import type { CompileContext, Extension as FromMarkdownExtension, Handle, Token } from 'mdast-util-from-markdown';
import { directive } from 'micromark-extension-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { unified, type Plugin, type Processor } from 'unified';
import type { Root } from 'mdast';
// remark-parse's options, and the `data` keys it types, which micromark extensions use.
import type { Options as RemarkParseOptions } from 'remark-parse';
import { fromMarkdown } from '#micromark';

/**
 * remark-parse, with micromark as Signpost bundles it (`#micromark`: upstream's, with the
 * vendored `EditMap` that keeps parsing linear in the file; vendor/micromark-util-edit-map).
 * The same options and extensions as remark-parse reads.
 */
const remarkParseLinear: Plugin<[Readonly<RemarkParseOptions>?], string, Root> = function (options) {
  this.parser = (document) =>
    fromMarkdown(document, {
      ...this.data('settings'),
      ...options,
      extensions: this.data('micromarkExtensions') ?? [],
      mdastExtensions: this.data('fromMarkdownExtensions') ?? [],
    });
};

/**
 * remark-directive's syntax, with the positions of attributes and closing fences kept
 * (`verbose`), so that problems point at the attribute at fault and unclosed containers show.
 */
export function remarkSignpostSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(directive());
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdownSafe());
}

/**
 * remark-directive's mdast handlers, with each directive's attributes and their positions kept
 * in objects without a prototype: writers name attributes, so `{constructor="x"}` or
 * `{__proto__="x"}` must be an attribute like any other (on a plain object the first reads as
 * `Object` and the second vanishes), reported as unknown at its place.
 */
function directiveFromMarkdownSafe(): FromMarkdownExtension {
  const extension = directiveFromMarkdown({ verbose: true });
  const enter: Record<string, Handle> = { ...extension.enter };
  const exit: Record<string, Handle> = { ...extension.exit };
  for (const form of ['Container', 'Leaf', 'Text']) {
    const key = `directive${form}Attributes`;
    const enterAttributes = enter[key]!;
    enter[key] = function (this: CompileContext, token: Token) {
      enterAttributes.call(this, token);
      if (this.data.directiveAttributePositions) this.data.directiveAttributePositions = Object.create(null);
    };
    const exitAttributes = exit[key]!;
    exit[key] = function (this: CompileContext, token: Token) {
      const list = this.data.directiveAttributes ?? [];
      exitAttributes.call(this, token);
      // The same merge as mdast-util-directive's (classes add up, a later value wins).
      const cleaned: Record<string, string> = Object.create(null);
      for (const [name, value] of list) {
        cleaned[name] = name === 'class' && cleaned[name] ? `${cleaned[name]} ${value}` : value;
      }
      (this.stack.at(-1) as Directives).attributes = cleaned;
    };
  }
  return { ...extension, enter, exit };
}

/** Parses a guide file: Markdown with GFM (tables, strikethrough, autolinks, task lists, footnotes), YAML frontmatter, MDX and directives. */
export const mdxParser: Processor<Root> = unified()
  .use(remarkParseLinear)
  .use(remarkFrontmatter)
  .use(remarkGfm)
  .use(remarkMdx)
  .use(remarkSignpostSyntax)
  .freeze();

/**
 * The same without GFM. GFM's autolinks are found by a recursive walk of the finished tree,
 * which overflows on content nested thousands deep before the tree can be measured: this
 * parse measures it, so that the limit is reported where the nesting goes past it.
 */
export const mdxParserWithoutGfm: Processor<Root> = unified()
  .use(remarkParseLinear)
  .use(remarkFrontmatter)
  .use(remarkMdx)
  .use(remarkSignpostSyntax)
  .freeze();

/**
 * The same without MDX: after an MDX syntax error it still recovers the file's nodes, so that
 * one typo does not turn every link to them into a `dangling-target` as well.
 */
export const fallbackParser: Processor<Root> = unified()
  .use(remarkParseLinear)
  .use(remarkFrontmatter)
  .use(remarkGfm)
  .use(remarkSignpostSyntax)
  .freeze();
