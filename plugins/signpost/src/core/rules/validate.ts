/**
 * The whole-guide rules: they need every file's nodes at once, so they run after extraction,
 * over the graph. Each reports at the place the writer has to change.
 */
import { relative } from 'node:path';
import { attributePlace, openingOf } from '../parse/directives.ts';
import { isOutcome, waysOn, type Edge, type Guide, type GuideNode } from '../graph/model.ts';
import { problem, type Problem } from '../problems.ts';
import { LIMITS } from '../parse/limits.ts';
import { closest, proposalBudget, shorten } from '../suggest.ts';

/** Places a `duplicate-id` message lists before it says how many more there are. */
const DUPLICATES_LISTED = 3;

/** Runs every graph rule over a guide whose files have been extracted. */
export function validateGuide(guide: Guide, indexFile: string): Problem[] {
  const problems: Problem[] = [];
  // Ids are written as `#id`: a node that has one always has its place.
  const idPlace = (node: GuideNode) => attributePlace(node.tree, 'id') ?? node.position;
  /** Another place, as seen from `from`: `line 12, column 3`, or `more.mdx, line 1, column 1`. */
  const where = (node: GuideNode, from: GuideNode): string => {
    const { line, column } = idPlace(node).start;
    const file = node.file === from.file ? '' : `${relative(guide.dir, node.file)}, `;
    return `${file}line ${line}, column ${column}`;
  };

  // duplicate-id: every occurrence is reported, each naming the other places.
  const byId = new Map<string, GuideNode[]>();
  for (const node of guide.nodes) {
    if (!node.id) continue;
    const same = byId.get(node.id);
    if (same) same.push(node);
    else byId.set(node.id, [node]);
  }
  for (const [id, nodes] of byId) {
    if (nodes.length < 2) continue;
    for (const node of nodes) {
      // A few places say where to look; all of them would make each message as long as the guide.
      const listed = nodes
        .slice(0, DUPLICATES_LISTED + 1)
        .filter((other) => other !== node)
        .slice(0, DUPLICATES_LISTED)
        .map((other) => where(other, node))
        .join('; ');
      const others = nodes.length - 1;
      const more = others > DUPLICATES_LISTED ? ` and ${others - DUPLICATES_LISTED} more places` : '';
      const othersText = `${listed}${more}`;
      problems.push(
        problem(
          node.file,
          'duplicate-id',
          `Duplicate id \`${shorten(id)}\`, also used at ${othersText}; ids must be unique in a guide, rename one`,
          idPlace(node),
        ),
      );
    }
  }

  const ids = [...guide.byId.keys()];
  const budget = proposalBudget();
  const exists = (edge: Edge): boolean => guide.byId.has(edge.to);

  // dangling-target: answers, `next` and `:link`s that name no node.
  for (const node of guide.nodes) {
    for (const edge of [...waysOn(node), ...node.links]) {
      // An empty target was already reported as a missing `to`.
      if (exists(edge) || edge.to === '') continue;
      const proposal = closest(edge.to, ids, budget);
      const advice = proposal
        ? `; did you mean \`${proposal}\`?`
        : `; add a node with \`{#${shorten(edge.to)}}\` or name an existing id`;
      problems.push(problem(node.file, 'dangling-target', `Cannot find node \`${shorten(edge.to)}\`${advice}`, edge.position));
    }
  }

  // dead-end and too-few-options: questions and steps must lead somewhere.
  for (const node of guide.nodes) {
    const opening = openingOf(node.tree);
    if (node.kind === 'question' && node.options.length === 0) {
      problems.push(
        problem(node.file, 'dead-end', `Question \`${shorten(node.id)}\` has no answers, so readers are stuck; add \`:::option{to="…"}\` answers`, opening),
      );
    } else if (node.kind === 'question' && node.options.length === 1) {
      problems.push(
        problem(
          node.file,
          'too-few-options',
          `Question \`${shorten(node.id)}\` has 1 answer; a question needs at least 2 (for a single way on, make it a \`step\` with \`next="${node.options[0]!.to}"\`)`,
          opening,
        ),
      );
    } else if (node.kind === 'question' && node.options.length > LIMITS.options) {
      problems.push(
        problem(
          node.file,
          'limit-exceeded',
          `Question \`${shorten(node.id)}\` has ${node.options.length} answers; at most ${LIMITS.options}: group them under further questions`,
          opening,
        ),
      );
    } else if (node.kind === 'step' && !node.next) {
      problems.push(
        problem(node.file, 'dead-end', `Step \`${shorten(node.id)}\` has no way on; add \`next="…"\` naming the node that follows`, opening),
      );
    }
  }

  // missing-start, then reachability from the start.
  const start = guide.start;
  if (start !== undefined && !guide.byId.has(start) && guide.nodes.length > 0) {
    const proposal = closest(start, ids, budget);
    const advice = proposal ? `; did you mean \`${proposal}\`?` : '; set `start` to the id of the first node';
    problems.push(problem(indexFile, 'missing-start', `Start node \`${shorten(start)}\` does not exist${advice}`, guide.startPosition));
  }
  if (start !== undefined && guide.byId.has(start)) {
    const reached = reachable(guide, [start], (node) => waysOn(node).map((edge) => edge.to));
    for (const node of guide.nodes) {
      if (!node.id || reached.has(node.id) || guide.byId.get(node.id) !== node) continue;
      problems.push(
        problem(
          node.file,
          'unreachable-node',
          `Node \`${shorten(node.id)}\` cannot be reached from the start node \`${shorten(start)}\`; add an answer or \`next\` leading to it, or delete it`,
          openingOf(node.tree),
        ),
      );
    }
  }

  // no-outcome: walk backwards from the outcomes. Nodes already reported as dead ends or with
  // a dangling target count as leading out, so that one mistake is not reported twice.
  const leadsOut = guide.nodes
    .filter((node) => isOutcome(node) || waysOn(node).length === 0 || waysOn(node).some((edge) => !exists(edge)))
    .map((node) => node.id);
  const predecessors = new Map<string, string[]>();
  for (const node of guide.nodes) {
    for (const edge of waysOn(node)) {
      const before = predecessors.get(edge.to);
      if (before) before.push(node.id);
      else predecessors.set(edge.to, [node.id]);
    }
  }
  const canFinish = reachable(guide, leadsOut, (node) => predecessors.get(node.id) ?? []);
  for (const node of guide.nodes) {
    if (!node.id || canFinish.has(node.id) || guide.byId.get(node.id) !== node) continue;
    problems.push(
      problem(
        node.file,
        'no-outcome',
        `No outcome can be reached from \`${shorten(node.id)}\`: every way on from it loops back; lead one to an error or instructions card`,
        openingOf(node.tree),
      ),
    );
  }

  // missing-support: an escalation with no words of its own needs the guide's contact.
  if (guide.meta && !guide.meta.support) {
    for (const node of guide.nodes) {
      if ((node.kind !== 'error' && node.kind !== 'instructions') || !node.escalate || node.escalateText) continue;
      problems.push(
        problem(
          node.file,
          'missing-support',
          `\`${shorten(node.id)}\` escalates to support, but the guide names no contact; add \`support:\` with an \`email\` or \`url\` to the frontmatter of index.mdx, or say in the escalation whom to contact`,
          node.escalate,
        ),
      );
    }
  }

  // duplicate-error-message: the same message (or alias) on two cards confuses search.
  const messages = new Map<string, { node: GuideNode; text: string; position: Edge['position'] }>();
  for (const node of guide.nodes) {
    if (node.kind !== 'error' || !node.title) continue;
    const wordings = [
      { text: node.title, position: node.tree.data?.position?.attributes?.['title'] ?? node.position },
      ...node.aliases,
    ];
    for (const wording of wordings) {
      const key = normalize(wording.text);
      const first = messages.get(key);
      if (!first) {
        messages.set(key, { node, ...wording });
      } else if (first.node !== node) {
        problems.push(
          problem(
            node.file,
            'duplicate-error-message',
            `Error card \`${shorten(node.id)}\` shows the same message as \`${shorten(first.node.id)}\` (${where(first.node, node)}): “${wording.text}”; merge the cards or tell the messages apart`,
            wording.position,
          ),
        );
      }
    }
  }
  return problems;
}

/** Messages compare without case, surrounding quotes and repeated spaces. */
function normalize(message: string): string {
  return message.toLowerCase().replace(/\s+/g, ' ').replace(/^["'“”\s]+|["'“”\s]+$/g, '');
}

/** The ids reached from `roots` by following `next` (breadth first). */
function reachable(guide: Guide, roots: string[], next: (node: GuideNode) => string[]): Set<string> {
  const seen = new Set(roots);
  const queue = [...roots];
  for (let index = 0; index < queue.length; index++) {
    const node = guide.byId.get(queue[index]!);
    if (!node) continue;
    for (const target of next(node)) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}
