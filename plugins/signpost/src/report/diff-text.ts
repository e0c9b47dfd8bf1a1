/**
 * `signpost diff` as text for a terminal, Markdown for a pull request's comment, and a Mermaid
 * graph with the changes marked (GitHub draws it). Writers' text goes through `oneLine`, and
 * Markdown escapes it, so that a title cannot break the report's layout.
 */
import type { GuideDiff, NodeRef } from '../core/graph/diff.ts';
import { isEmptyDiff } from '../core/graph/diff.ts';
import type { Guide } from '../core/graph/model.ts';
import { waysOn } from '../core/graph/model.ts';
import { label, MERMAID_SHAPES, mermaidComment, mermaidId, mermaidText } from './graph-text.ts';
import { oneLine } from './visible-text.ts';

export const DIFF_FORMATS = ['text', 'markdown', 'mermaid'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** One line per change, in the words of both formats; `code` and `quote` mark ids and text. */
function changes(diff: GuideDiff, code: (text: string) => string, quote: (text: string) => string): string[] {
  const node = (ref: NodeRef) => `${code(ref.id)} (${ref.kind}: ${quote(ref.title)})`;
  const lines: string[] = [];
  if (diff.startChanged) lines.push(`~ start: ${code(diff.startChanged.from)} → ${code(diff.startChanged.to)}`);
  for (const ref of diff.added) lines.push(`+ node ${node(ref)}`);
  for (const ref of diff.removed) lines.push(`- node ${node(ref)}: links to it will find nothing`);
  for (const rename of diff.renamed) {
    lines.push(
      `~ node ${code(rename.from)} renamed ${code(rename.to.id)}${rename.keepsLinks ? ' (moved-from keeps its links)' : `: links to ${code(rename.from)} will find nothing, add moved-from="${rename.from}"`}`,
    );
  }
  for (const answer of diff.answersAdded) lines.push(`+ answer ${quote(answer.label)} of ${code(answer.node)} → ${code(answer.to)}`);
  for (const answer of diff.answersRemoved) lines.push(`- answer ${quote(answer.label)} of ${code(answer.node)} → ${code(answer.to)}`);
  for (const answer of diff.retargeted) {
    lines.push(`~ answer ${quote(answer.label)} of ${code(answer.node)}: ${code(answer.from)} → ${code(answer.to)}`);
  }
  for (const change of diff.reworded) lines.push(`~ error message of ${code(change.node)}: ${quote(change.from)} → ${quote(change.to)}`);
  for (const ref of diff.unreachable) lines.push(`! ${code(ref.id)} can no longer be reached from the start`);
  return lines;
}

function heading(diff: GuideDiff): string {
  const status = diff.status === 'added' ? ' (new guide)' : diff.status === 'removed' ? ' (guide removed)' : '';
  return `${diff.title} (${diff.slug})${status}`;
}

export function formatDiffText(diffs: GuideDiff[], rev: string): string {
  const shown = diffs.filter((diff) => !isEmptyDiff(diff));
  if (shown.length === 0) return `No changes to the guides' graphs since ${oneLine(rev)}.\n`;
  return `${shown
    .map((diff) =>
      [
        oneLine(heading(diff)),
        ...changes(
          diff,
          (t) => `\`${oneLine(t)}\``,
          (t) => `“${oneLine(t)}”`,
        ).map((line) => `  ${line}`),
      ].join('\n'),
    )
    .join('\n\n')}\n`;
}

/**
 * Writer's text inside a Markdown line: what would start emphasis, code, a link, math or HTML
 * escaped, and GitHub's links and references made inert. GitHub turns `@name`, `#12`, `GH-12`,
 * `owner/repo#12`, an issue's or a pull request's URL, a commit's hash, `https://…` and
 * `www.…` into mentions, cross-references and links after Markdown is parsed, so a backslash
 * does not stop them: a zero-width space after `@`/`#`, inside `GH-`, after a URL's scheme and
 * `www`, and after a hash's first digit does (as Dependabot writes mentions). A title can then
 * neither notify anyone, mark an issue referenced, nor put a link in the comment.
 */
function markdownText(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>|~&$]/g, (char) => `\\${char}`)
    .replace(/([@#])(?=[\p{L}\p{N}_-])/gu, '$1&#8203;')
    .replace(/\b(gh)-(?=\d)/gi, '$1&#8203;-')
    .replace(/\b([a-z][a-z0-9+.-]*:)(?=\/\/)/gi, '$1&#8203;')
    .replace(/\b(www)(?=\.)/gi, '$1&#8203;')
    .replace(/\b([0-9a-f])(?=[0-9a-f]{6,39}\b)/gi, '$1&#8203;');
}

/** An id or value as inline code (ids are slugs; any backtick is dropped). */
function markdownCode(text: string): string {
  return `\`${oneLine(text).replace(/`/g, '')}\``;
}

export function formatDiffMarkdown(diffs: GuideDiff[], rev: string, after: Guide[]): string {
  const shown = diffs.filter((diff) => !isEmptyDiff(diff));
  const lines = [`### Guides: what this change does (since ${markdownCode(rev)})`, ''];
  if (shown.length === 0) return `${[...lines, 'No changes to the guides’ graphs.'].join('\n')}\n`;
  for (const diff of shown) {
    lines.push(`#### ${markdownText(heading(diff))}`, '');
    for (const line of changes(diff, markdownCode, (t) => `“${markdownText(t)}”`))
      lines.push(`- ${line.replace(/^([+\-~!]) /, (_, sign: string) => `${{ '+': '➕', '-': '➖', '~': '✏️', '!': '⚠️' }[sign]} `)}`);
    const guide = after.find((g) => g.slug === diff.slug);
    if (guide)
      lines.push(
        '',
        '<details><summary>The graph, with the changes marked</summary>',
        '',
        '```mermaid',
        diffMermaid(diff, guide).trimEnd(),
        '```',
        '',
        '</details>',
      );
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The guide's graph as it is now, with what changed marked: added nodes and answers green,
 * changed ones amber, removed ones red and dashed (drawn from the old graph), unreachable ones
 * with a red border.
 */
export function diffMermaid(diff: GuideDiff, guide: Guide): string {
  const lines = [mermaidComment(`${diff.title} (${diff.slug}): changes`), 'flowchart TD'];
  for (const node of guide.nodes) {
    if (!node.id) continue;
    const [open, close] = MERMAID_SHAPES[node.kind];
    lines.push(`  ${mermaidId(node.id)}${open}${mermaidText(label(node))}${close}`);
  }
  for (const ref of diff.removed) lines.push(`  ${mermaidId(ref.id)}[${mermaidText(`removed ${ref.kind}: ${ref.title}`)}]`);
  const edgeStyles: { index: number; style: string }[] = [];
  let edge = 0;
  const isNew = (node: string, answer: string) => diff.answersAdded.some((a) => a.node === node && a.label === answer);
  const isRetargeted = (node: string, answer: string) => diff.retargeted.some((a) => a.node === node && a.label === answer);
  for (const node of guide.nodes) {
    waysOn(node).forEach((way, index) => {
      if (!way.to) return;
      const text = node.kind === 'question' ? node.options[index]!.label : 'next';
      lines.push(`  ${mermaidId(node.id)} -->|${mermaidText(text)}| ${mermaidId(way.to)}`);
      if (isNew(node.id, text)) edgeStyles.push({ index: edge, style: 'stroke:#2da44e,stroke-width:3px' });
      else if (isRetargeted(node.id, text)) edgeStyles.push({ index: edge, style: 'stroke:#bf8700,stroke-width:3px' });
      edge++;
    });
  }
  for (const answer of diff.answersRemoved) {
    if (!guide.byId.has(answer.node)) continue;
    lines.push(`  ${mermaidId(answer.node)} -.->|${mermaidText(`removed: ${answer.label}`)}| ${mermaidId(answer.to)}`);
    edgeStyles.push({ index: edge++, style: 'stroke:#cf222e,stroke-dasharray:5 5' });
  }
  const classes: [string, string, string[]][] = [
    ['added', 'fill:#dafbe1,stroke:#2da44e', diff.added.map((r) => r.id)],
    [
      'changed',
      'fill:#fff8c5,stroke:#bf8700',
      [...new Set([...diff.renamed.map((r) => r.to.id), ...diff.reworded.map((r) => r.node), ...diff.retargeted.map((r) => r.node)])],
    ],
    ['removed', 'fill:#ffebe9,stroke:#cf222e,stroke-dasharray:5 5', diff.removed.map((r) => r.id)],
    ['unreachable', 'stroke:#cf222e,stroke-width:3px', diff.unreachable.map((r) => r.id)],
  ];
  for (const [name, style, ids] of classes) {
    if (ids.length === 0) continue;
    lines.push(`  classDef ${name} ${style}`, `  class ${ids.map(mermaidId).join(',')} ${name}`);
  }
  for (const { index, style } of edgeStyles) lines.push(`  linkStyle ${index} ${style}`);
  return `${lines.join('\n')}\n`;
}

export function formatDiffMermaid(diffs: GuideDiff[], after: Guide[]): string {
  return diffs
    .filter((diff) => diff.status !== 'removed' && !isEmptyDiff(diff))
    .map((diff) =>
      diffMermaid(
        diff,
        after.find((g) => g.slug === diff.slug)!,
      ),
    )
    .join('\n');
}
