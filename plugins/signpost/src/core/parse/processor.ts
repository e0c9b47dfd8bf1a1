/**
 * The one Markdown pipeline every part of Signpost parses guides with: `check`, the build's
 * validation and the pages (through `remarkSignpostSyntax` in the Astro config).
 */
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Root } from 'mdast';

/**
 * remark-directive's syntax, with the positions of attributes and closing fences kept
 * (`verbose`), so that problems point at the attribute at fault and unclosed containers show.
 */
export function remarkSignpostSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(directive());
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown({ verbose: true }));
}

/** Parses a guide file: Markdown, YAML frontmatter, MDX and directives. */
export const mdxParser: Processor<Root> = unified()
  .use(remarkParse)
  .use(remarkFrontmatter)
  .use(remarkMdx)
  .use(remarkSignpostSyntax)
  .freeze();

/**
 * The same without MDX: after an MDX syntax error it still recovers the file's nodes, so that
 * one typo does not turn every link to them into a `dangling-target` as well.
 */
export const fallbackParser: Processor<Root> = unified()
  .use(remarkParse)
  .use(remarkFrontmatter)
  .use(remarkSignpostSyntax)
  .freeze();
