/**
 * `removed-id` (`check --since <rev>`): every node id the guide had at that revision is still a
 * node's id or listed in a node's `moved-from`, so that no published URL dies unnoticed. A node
 * that looks like the renamed one (same kind and title) gets the fix: `moved-from` added.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Guide, GuideNode } from '../graph/model.ts';
import { openingOf } from '../parse/directives.ts';
import { problem, type Problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import { describe } from '../parse/describe.ts';
import { INDEX_FILE } from '../graph/guide-files.ts';

export const removedIdRule = defineRule({
  id: 'removed-id',
  severity: 'error',
  summary: 'a node id published before (`check --since`) that no node has or claims in `moved-from`',
  messages: {
    removed: (id: string, guide: string, was: string) =>
      `Node ${code(id)} (${was}) is gone, and links to \`/${guide}/${id}/\` will find nothing; add \`moved-from="${id}"\` to the node that replaces it`,
    renamed: (id: string, node: string) => ({
      message: `${node} looks like the renamed ${code(id)}: add \`moved-from="${id}"\`, so that links to the old id still lead here`,
    }),
  },
});

export async function removedIds(before: Guide[], after: Guide[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const now = new Map(after.map((guide) => [guide.slug, guide]));
  for (const old of before) {
    const guide = now.get(old.slug);
    if (!guide) continue;
    const claimed = new Set(guide.nodes.flatMap((node) => [node.id, ...node.movedFrom.map((former) => former.text)]));
    for (const node of old.nodes) {
      if (!node.id || claimed.has(node.id)) continue;
      const heir = guide.nodes.find(
        (candidate) => candidate.kind === node.kind && candidate.title === node.title && candidate.title !== '',
      );
      if (heir) {
        problems.push(await renamed(node, heir));
      } else {
        const was = `was in ${relative(old.dir, node.file)}, line ${node.position.start.line}`;
        problems.push(problem(join(guide.dir, INDEX_FILE), removedIdRule.say('removed', shorten(node.id), guide.slug, was)));
      }
    }
  }
  return problems;
}

/** The renamed node, at its opening, with the opening rewritten to list the old id. */
async function renamed(node: GuideNode, heir: GuideNode): Promise<Problem> {
  const described = describe(heir.kind, heir.id);
  const finding = removedIdRule.say('renamed', shorten(node.id), described);
  const opening = openingOf(heir.tree);
  const text = await readFile(heir.file, 'utf8').catch(() => undefined);
  const written =
    opening?.start.offset !== undefined && opening.end.offset !== undefined
      ? text?.slice(opening.start.offset, opening.end.offset)
      : undefined;
  if (written?.endsWith('}')) {
    const current = heir.movedFrom.map((former) => former.text);
    const rewritten = /\smoved-from=/.test(written)
      ? undefined
      : `${written.slice(0, -1)} moved-from="${[...current, node.id].join(' ')}"}`;
    if (rewritten) return problem(heir.file, { ...finding, expected: [rewritten] }, opening);
  }
  return problem(heir.file, finding, opening);
}
