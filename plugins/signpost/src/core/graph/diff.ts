/**
 * What a change does to a guide's graph, for a reviewer: nodes added, removed and renamed,
 * answers added, removed and retargeted, error messages reworded, and nodes that can no longer
 * be reached. Nodes are matched by id, a renamed node through its `moved-from` (or, failing
 * that, by the same kind and title: then the old links break, and the diff says so).
 */
import type { Guide, GuideNode, NodeKind } from './model.ts';
import { waysOn } from './model.ts';

export interface NodeRef {
  id: string;
  kind: NodeKind;
  title: string;
}

export interface GuideDiff {
  slug: string;
  title: string;
  /** The whole guide is new, or gone. */
  status: 'added' | 'removed' | 'changed';
  added: NodeRef[];
  removed: NodeRef[];
  /** `keepsLinks`: the new node lists the old id in `moved-from`. */
  renamed: { from: string; to: NodeRef; keepsLinks: boolean }[];
  answersAdded: { node: string; label: string; to: string }[];
  answersRemoved: { node: string; label: string; to: string }[];
  retargeted: { node: string; label: string; from: string; to: string }[];
  reworded: { node: string; from: string; to: string }[];
  /** Reached from the start before (or new), and not now. */
  unreachable: NodeRef[];
  startChanged: { from: string; to: string } | undefined;
}

const ref = (node: GuideNode): NodeRef => ({ id: node.id, kind: node.kind, title: node.title });

/** The answers of a node as `label → target`, a step's `next` labelled `next`. */
function answers(node: GuideNode): { label: string; to: string }[] {
  return node.kind === 'question'
    ? node.options.map((option) => ({ label: option.label, to: option.to }))
    : waysOn(node).map((edge) => ({ label: 'next', to: edge.to }));
}

function reachableIds(guide: Guide): Set<string> {
  const seen = new Set<string>();
  const queue = guide.start !== undefined && guide.byId.has(guide.start) ? [guide.start] : [];
  for (const id of queue) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of waysOn(guide.byId.get(id)!)) if (guide.byId.has(edge.to) && !seen.has(edge.to)) queue.push(edge.to);
  }
  return seen;
}

/** Whether a diff has anything to say. */
export function isEmptyDiff(diff: GuideDiff): boolean {
  const lists = [
    diff.added,
    diff.removed,
    diff.renamed,
    diff.answersAdded,
    diff.answersRemoved,
    diff.retargeted,
    diff.reworded,
    diff.unreachable,
  ];
  return diff.status === 'changed' && !diff.startChanged && lists.every((list) => list.length === 0);
}

/** The differences of every guide, by slug: those in `before`, `after` or both. */
export function diffGuides(before: Guide[], after: Guide[]): GuideDiff[] {
  const slugs = [...new Set([...before.map((g) => g.slug), ...after.map((g) => g.slug)])].toSorted();
  return slugs.map((slug) =>
    diffGuide(
      before.find((g) => g.slug === slug),
      after.find((g) => g.slug === slug),
      slug,
    ),
  );
}

function empty(slug: string, title: string, status: GuideDiff['status']): GuideDiff {
  return {
    slug,
    title,
    status,
    added: [],
    removed: [],
    renamed: [],
    answersAdded: [],
    answersRemoved: [],
    retargeted: [],
    reworded: [],
    unreachable: [],
    startChanged: undefined,
  };
}

function diffGuide(old: Guide | undefined, now: Guide | undefined, slug: string): GuideDiff {
  const title = now?.meta?.title ?? old?.meta?.title ?? slug;
  if (!old || !now) {
    const diff = empty(slug, title, old ? 'removed' : 'added');
    (old ? diff.removed : diff.added).push(...(old ?? now)!.nodes.filter((node) => node.id).map(ref));
    return diff;
  }
  const diff = empty(slug, title, 'changed');
  // Old id → the id it has now.
  const nowId = new Map<string, string>();
  for (const node of old.nodes) if (now.byId.has(node.id)) nowId.set(node.id, node.id);
  for (const node of now.nodes) {
    for (const former of node.movedFrom) {
      if (old.byId.has(former.text) && !now.byId.has(former.text) && !nowId.has(former.text)) {
        nowId.set(former.text, node.id);
        diff.renamed.push({ from: former.text, to: ref(node), keepsLinks: true });
      }
    }
  }
  const claimed = new Set(nowId.values());
  for (const node of old.nodes) {
    if (!node.id || nowId.has(node.id)) continue;
    const heir = now.nodes.find(
      (c) => !old.byId.has(c.id) && !claimed.has(c.id) && c.kind === node.kind && c.title === node.title && c.title,
    );
    if (heir) {
      nowId.set(node.id, heir.id);
      claimed.add(heir.id);
      diff.renamed.push({ from: node.id, to: ref(heir), keepsLinks: false });
    } else {
      diff.removed.push(ref(node));
    }
  }
  for (const node of now.nodes) if (node.id && !claimed.has(node.id) && now.byId.get(node.id) === node) diff.added.push(ref(node));

  for (const [oldId, newId] of nowId) {
    const before = old.byId.get(oldId)!;
    const after = now.byId.get(newId)!;
    if (before.kind === 'error' && after.kind === 'error' && before.title !== after.title) {
      diff.reworded.push({ node: newId, from: before.title, to: after.title });
    }
    const was = answers(before);
    const is = answers(after);
    for (const answer of is) {
      const earlier = was.find((candidate) => candidate.label === answer.label);
      if (!earlier) diff.answersAdded.push({ node: newId, ...answer });
      else if ((nowId.get(earlier.to) ?? earlier.to) !== answer.to) {
        diff.retargeted.push({ node: newId, label: answer.label, from: earlier.to, to: answer.to });
      }
    }
    for (const answer of was) {
      if (!is.some((candidate) => candidate.label === answer.label)) diff.answersRemoved.push({ node: newId, ...answer });
    }
  }
  const reachedBefore = reachableIds(old);
  const reachedNow = reachableIds(now);
  const reachedBeforeNow = new Set([...reachedBefore].map((id) => nowId.get(id) ?? id));
  for (const node of now.nodes) {
    if (!node.id || reachedNow.has(node.id) || now.byId.get(node.id) !== node) continue;
    if (reachedBeforeNow.has(node.id) || diff.added.some((added) => added.id === node.id)) diff.unreachable.push(ref(node));
  }
  if (old.start !== undefined && now.start !== undefined && (nowId.get(old.start) ?? old.start) !== now.start) {
    diff.startChanged = { from: old.start, to: now.start };
  }
  return diff;
}
