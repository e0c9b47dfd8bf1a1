/**
 * Synthetic guides of a realistic shape, the same for the same seed: questions with 2 to 5
 * answers, steps, error cards with Reason, How to fix, aliases and `match` patterns with an
 * example, instructions, some outcomes
 * reachable by several paths, about 150 words a node, 50 nodes a file.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A small, fast, seeded random number generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'account router connection settings password network signal cable device update browser cache ' +
  'login permission campaign report data sync server region marketplace token session error ' +
  'restart check confirm select open close enable disable review verify connect install remove ' +
  'the a your this that with from to of on in for and or if then when after before again'
).split(' ');

export interface Synthetic {
  /** Node id → its MDX, in creation order (reading order from the start). */
  nodes: { id: string; kind: 'question' | 'step' | 'error' | 'instructions'; title: string; mdx: string; words: string }[];
}

/**
 * An error card's alias, and the shapes its message takes in a paste: a pattern for the
 * message and one for the alias (each holds the card's id, so no two cards' overlap), and a
 * log line as readers paste it.
 */
function shapes(id: string, title: string, aliasWords: string): string {
  return [
    `::alias[${id} ${aliasWords}]`,
    `::match[Error ${id}: {text}]`,
    `::match[${id} {word} {word} {word}]`,
    `::example[12:03:44 ERROR [worker-3] ${title} (request ${id}-7f3a)]`,
  ].join('\n');
}

export function synthesize(size: number, seed = 1): Synthetic {
  const next = random(seed + size);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const words = (count: number): string => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const paragraph = (count: number): string => {
    const text = words(count);
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };

  const nodes: Synthetic['nodes'] = [];
  const outcomes: string[] = [];
  let made = 0;
  const make = (): string => `n${made++}`;
  // Breadth first: every open slot becomes a node; ids are made until the size is reached.
  const pending: string[] = [make()];
  while (pending.length > 0) {
    const id = pending.shift()!;
    const room = size - made;
    const roll = next();
    // Branch while there is room and this is the last open slot, or by chance.
    const branch = room > 0 && (pending.length === 0 || roll < 0.55);
    if (branch && room >= 2 && roll >= 0.12) {
      const count = Math.min(2 + Math.floor(next() * 4), room);
      const options: string[] = [];
      for (let index = 0; index < count; index++) {
        // Now and then an answer leads to an outcome met on another branch: several paths.
        // Never twice the same target in one question: that is a `duplicate-answer`.
        const shared = index > 0 && outcomes.length > 0 && next() < 0.12 ? pick(outcomes) : undefined;
        const target = shared !== undefined && !options.some((option) => option.includes(`to="${shared}"`)) ? shared : make();
        if (target !== shared) pending.push(target);
        options.push(`:::option{to="${target}"}\n${words(4)}\n:::`);
      }
      const body = `${paragraph(70)}\n\n${paragraph(60)}`;
      const title = `Question ${id}: ${words(3)}`;
      nodes.push({
        id,
        kind: 'question',
        title,
        words: body,
        mdx: `::::question{#${id} title="${title}" prompt="${words(6)}?"}\n${body}\n\n${options.join('\n')}\n::::\n`,
      });
    } else if (branch) {
      const target = make();
      pending.push(target);
      const body = `${paragraph(60)}\n\n${paragraph(50)}\n\n:::note\n${paragraph(30)}\n:::`;
      const title = `Step ${id}: ${words(3)}`;
      nodes.push({ id, kind: 'step', title, words: body, mdx: `::::step{#${id} title="${title}" next="${target}"}\n${body}\n::::\n` });
    } else if (next() < 0.45) {
      outcomes.push(id);
      const title = `Error ${id}: ${words(4)} failed`;
      const body = paragraph(40);
      const reason = `- ${paragraph(25)}\n- ${paragraph(20)}`;
      const fix = `- ${paragraph(25)}\n- ${paragraph(25)}\n- ${paragraph(15)}`;
      nodes.push({
        id,
        kind: 'error',
        title,
        words: `${body} ${reason} ${fix}`,
        mdx: `::::error{#${id} title="${title}"}\n${shapes(id, title, words(3))}\n\n${body}\n\n:::reason\n${reason}\n:::\n\n:::fix\n${fix}\n:::\n::::\n`,
      });
    } else {
      outcomes.push(id);
      const title = `Fix ${id}: ${words(3)}`;
      const body = `${paragraph(50)}\n\n- ${paragraph(30)}\n- ${paragraph(30)}\n\n${paragraph(40)}`;
      nodes.push({ id, kind: 'instructions', title, words: body, mdx: `:::instructions{#${id} title="${title}"}\n${body}\n:::\n` });
    }
  }
  return { nodes };
}

/** Writes a synthetic guide as `guide/<slug>/`: index.mdx with metadata, then 50 nodes a file. */
export async function writeGuide(dir: string, size: number, seed = 1): Promise<Synthetic> {
  const synthetic = synthesize(size, seed);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const frontmatter = `---\ntitle: Synthetic guide of ${size} nodes\nsummary: Generated for the benchmark.\nstart: n0\nupdated: 2026-01-01\nlang: en\n---\n\n`;
  for (let start = 0, file = 0; start < synthetic.nodes.length; start += 50, file++) {
    const chunk = synthetic.nodes
      .slice(start, start + 50)
      .map((node) => node.mdx)
      .join('\n');
    const name = file === 0 ? 'index.mdx' : `part-${String(file).padStart(3, '0')}.mdx`;
    await writeFile(join(dir, name), file === 0 ? frontmatter + chunk : chunk);
  }
  return synthetic;
}

/**
 * A chain of `size` steps ending in one instructions card, all in one file: the shape whose
 * output grew with the square of its length while each page repeated its whole trail.
 */
export async function writeChain(dir: string, size: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const steps = Array.from(
    { length: size - 1 },
    (_, index) => `:::step{#s${index} title="Step ${index}" next="s${index + 1}"}\nDo step ${index}.\n:::\n`,
  );
  const last = `:::instructions{#s${size - 1} title="Done"}\nThat was the last step.\n:::\n`;
  const frontmatter = `---\ntitle: A chain of ${size} steps\nstart: s0\n---\n\n`;
  await writeFile(join(dir, 'index.mdx'), frontmatter + steps.join('\n') + '\n' + last);
}

/**
 * A dense guide: `questions` questions of `answers` answers each, and `outcomes` outcomes
 * (error cards and instructions), every answer leading to another question or an outcome, so
 * that each node is reached many ways: the shape that stalled the map's layout.
 */
export async function writeDense(dir: string, questions: number, answers: number, outcomes: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const targets = [
    ...Array.from({ length: questions - 1 }, (_, index) => `q${index + 1}`),
    ...Array.from({ length: outcomes }, (_, index) => `o${index}`),
  ];
  const nodes: string[] = [];
  for (let question = 0; question < questions; question++) {
    const options: string[] = [];
    for (let answer = 0, slot = question * answers; options.length < answers; slot++, answer++) {
      const target = targets[slot % targets.length]!;
      if (target === `q${question}`) continue;
      options.push(`:::option{to="${target}"}\nAnswer ${answer} of question ${question}\n:::`);
    }
    nodes.push(
      `::::question{#q${question} title="Question ${question}" prompt="Which one is it?"}\nPick the answer that fits.\n\n${options.join('\n')}\n::::\n`,
    );
  }
  for (let outcome = 0; outcome < outcomes; outcome++) {
    nodes.push(
      outcome % 2
        ? `:::instructions{#o${outcome} title="Solution ${outcome}"}\nDo what solution ${outcome} says.\n:::\n`
        : `::::error{#o${outcome} title="Error ${outcome} happened"}\n:::reason\nCause ${outcome}.\n:::\n\n:::fix\nFix ${outcome}.\n:::\n::::\n`,
    );
  }
  const frontmatter = `---\ntitle: A dense guide of ${questions} questions with ${answers} answers\nstart: q0\n---\n\n`;
  for (let start = 0, file = 0; start < nodes.length; start += 20, file++) {
    const name = file === 0 ? 'index.mdx' : `part-${String(file).padStart(3, '0')}.mdx`;
    await writeFile(join(dir, name), (file === 0 ? frontmatter : '') + nodes.slice(start, start + 20).join('\n'));
  }
}
