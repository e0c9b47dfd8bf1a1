/**
 * Synthetic guides, the same for the same seed. The plain shape (`synthesize`): questions with
 * 2 to 5 answers, steps, error cards with Reason, How to fix, aliases and `match` patterns with
 * an example, instructions, some outcomes reachable by several paths, about 150 words a node
 * in plain paragraphs, 50 nodes a file. The realistic shape (`synthesizeRealistic`): what real
 * guides hold and plain paragraphs miss, code fences, tables, long questions, expressions.
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

/**
 * Writes a synthetic guide as `guide/<slug>/`: index.mdx with metadata, then the nodes, 50 a
 * file for the plain shape; for the realistic one, files of 2 to 40 nodes, most of them small,
 * as writers split a guide by topic.
 */
export async function writeGuide(dir: string, size: number, seed = 1, shape: Shape = 'plain'): Promise<Synthetic> {
  const synthetic = shape === 'plain' ? synthesize(size, seed) : synthesizeRealistic(size, seed);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const frontmatter =
    shape === 'plain'
      ? `---\ntitle: Synthetic guide of ${size} nodes\nsummary: Generated for the benchmark.\nstart: n0\nupdated: 2026-01-01\nlang: en\n---\n\n`
      : `---\ntitle: Realistic guide of ${size} nodes\nsummary: Generated for the benchmark, shaped like a real guide.\nstart: start\nupdated: 2026-12\nsupport:\n  url: https://support.example.com/\n  label: Example Support\nlang: en\n---\n\n`;
  const sizes = random(seed + size + 1);
  for (let start = 0, file = 0; start < synthetic.nodes.length; file++) {
    const count = shape === 'plain' ? 50 : 2 + Math.floor(sizes() ** 2 * 39);
    const chunk = synthetic.nodes
      .slice(start, start + count)
      .map((node) => node.mdx)
      .join('\n');
    start += count;
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

/** The shapes of synthetic guide `writeGuide` writes: `plain` paragraphs, or `realistic` content. */
export type Shape = 'plain' | 'realistic';

/** Words of the realistic shape's prose: the nouns and verbs of a troubleshooting guide. */
const TERMS = (
  'agent key remote host configuration service token socket daemon port proxy certificate cache session ' +
  'repository branch account firewall passphrase fingerprint terminal package driver module kernel library ' +
  'compiler header build server permission network address folder file variable shell password'
).split(' ');
const VERBS = 'check run open restart remove add copy compare list update install enable reload verify start stop'.split(' ');
const GLUE = 'the your this that with from to of on in for and or if then when after before again it is not'.split(' ');
const HOSTS = ['github.com', 'gitlab.example.com', 'ssh.github.com', 'build.internal', 'mirror.example.org'];
const PATHS = ['~/.ssh/config', '/etc/hosts', 'C:/Users/YOU/.ssh', '~/.bashrc', '/var/log/syslog', 'Makefile', 'src/main.c'];

/** A name no other card has, for the `index`-th card: three syllables and a `d`, like a daemon's. */
function uniqueName(index: number): string {
  const syllables = [...'bdfgklmnprstvz'].flatMap((consonant) => [...'aeiou'].map((vowel) => consonant + vowel));
  const syllable = (place: number) => syllables[Math.floor(index / syllables.length ** place) % syllables.length]!;
  return `${syllable(0)}${syllable(1)}${syllable(2)}d`;
}

/** An error card's message and the ways readers paste it: each pattern and example holds the card's name. */
interface CardShape {
  title: string;
  context: string;
  aliases: string[];
  /** `::match` lines as written: `[text with {placeholders}]` or `{regex="…"}`. */
  matches: string[];
  examples: string[];
  /** The language of the fix's code. */
  lang: 'sh' | 'c' | 'powershell';
  /** The word that keys a pattern of the card when it is not the card's name: others share it. */
  shared?: string;
  /**
   * Whether a pattern holds a lookbehind: rarer than the other shapes, as in real guides, and
   * the costliest to prove (RE2 runs it on its NFA), so that a guide of 10,000 nodes stays
   * within the work `check` allows its patterns (`limit-exceeded`).
   */
  lookbehind?: true;
}

/**
 * Cards whose pattern is keyed by one shared word, at most: a real guide has a few cards on
 * `Permission denied`, not hundreds (every line holding the word is tried on each of them).
 */
const SHARED_MOST = 6;

/** Characters a directive's label reads as syntax, escaped: what a writer types to show them. */
const label = (text: string): string => text.replace(/[\\[\]{}<]/g, (char) => `\\${char}`);

/**
 * Error messages as real tools print them, with `match` patterns of the kinds real authors
 * write: placeholders; expressions with alternations (in groups and at the top), classes,
 * lookbehinds (`(?<!…)`, `(?<=…)`) and `.*`. Most patterns' key word is the card's own name,
 * some a word a few cards share (`permission`, `declaration`), as in a real guide.
 */
const CARD_SHAPES: ((name: string, pick: <T>(list: readonly T[]) => T, number: (most: number) => number) => CardShape)[] = [
  (name) => ({
    title: `${name}: Permission denied (publickey).`,
    context: 'ssh, git push, git pull, git clone',
    aliases: [`${name}: Permission denied (publickey,password).`],
    matches: [`{regex="${name}: Permission denied \\((?:publickey|password|keyboard-interactive)(?:,[a-z-]+)*\\)"}`],
    examples: [
      `12:03:44 ${name}: Permission denied (publickey,keyboard-interactive).`,
      `git@github.com: ${name}: Permission denied (password).`,
    ],
    lang: 'sh',
    shared: 'permission',
  }),
  (name, pick, number) => {
    const host = pick(HOSTS);
    const port = pick([22, 443, 2222]);
    return {
      title: `${name}: connect to host ${host} port ${port}: Connection timed out`,
      context: 'ssh, git',
      aliases: [`${name}: connect to host ${host} port ${port}: Bad file number`],
      matches: [
        `{regex="\\b${name}: connect to (?:host|address) \\S+ port \\d+: (?:Connection timed out|Bad file number|No route to host)"}`,
      ],
      examples: [`debug1: ${name}: connect to address 10.0.${number(255)}.${number(255)} port ${port}: No route to host`],
      lang: 'sh',
    };
  },
  (name, pick) => ({
    title: `${name}.service: Main process exited, code=exited, status=1/FAILURE`,
    context: 'systemd journal',
    aliases: [],
    matches: [`{regex="(?<!warning: )\\b${name}\\.service: Main process exited, code=(?:exited|killed|dumped), status=\\d+/[A-Z]+"}`],
    examples: [
      `Dec 07 10:12:44 ${pick(['web1', 'db2', 'ci-runner'])} systemd[1]: ${name}.service: Main process exited, code=killed, status=9/KILL`,
    ],
    lang: 'sh',
    lookbehind: true,
  }),
  (name) => ({
    title: `error: ${name}: unable to get local issuer certificate`,
    context: 'git fetch, curl',
    aliases: [`fatal: ${name}: unable to get issuer certificate`],
    matches: [`{regex="(?<=\\b(?:error|fatal): )${name}: unable to get (?:local issuer|issuer) certificate"}`],
    examples: [`fatal: unable to access the remote: error: ${name}: unable to get local issuer certificate`],
    lang: 'sh',
    lookbehind: true,
    shared: 'unable',
  }),
  (name, pick, number) => ({
    title: `${name}[${1000 + number(8000)}]: trap invalid opcode ip:7f3a9c2b sp:7ffd error:0 in libc.so.6`,
    context: 'dmesg, kernel log',
    aliases: [],
    matches: [`{regex="\\b${name}\\[\\d+\\]: trap (?:invalid opcode|int3|divide error) .*\\bin lib[\\w.+-]+\\.so"}`],
    examples: [
      `kernel: ${name}[${number(900)}]: trap int3 ip:000055d1 sp:00007ffd error:0 in ${pick(['libssl', 'libcrypto', 'libz'])}.so.3[7f00+2000]`,
    ],
    lang: 'c',
  }),
  (name) => ({
    title: `${name}: illegal option -- K`,
    context: 'ssh-add',
    aliases: [`${name}: illegal option -- apple-use-keychain`],
    matches: [`[${name}: illegal option -- {id}]`],
    examples: [`${name}: illegal option -- z`],
    lang: 'sh',
  }),
  (name, pick) => ({
    title: `ssh: Could not resolve hostname ${name}.example.com: Name or service not known`,
    context: 'ssh, git clone',
    aliases: [],
    matches: [`[Could not resolve hostname ${name}.{id}: {text}]`],
    examples: [
      `ssh: Could not resolve hostname ${name}.${pick(['internal', 'corp.example.net', 'local'])}: Temporary failure in name resolution`,
    ],
    lang: 'sh',
  }),
  (name, pick) => ({
    title: `unable to start ${name} service, error :1058`,
    context: 'PowerShell, Windows services',
    aliases: [],
    matches: [`[unable to start ${name} service, error :{number}]`],
    examples: [`unable to start ${name} service, error :${pick([1053, 1068, 1069])}`],
    lang: 'powershell',
  }),
  (name) => ({
    title: `error: implicit declaration of function '${name}_init'`,
    context: 'gcc, make',
    aliases: [`undefined reference to '${name}_init'`],
    matches: [`{regex="implicit declaration of function '${name}_\\w+'|undefined reference to .${name}_\\w+'"}`],
    examples: [
      `src/main.c:7:5: error: implicit declaration of function '${name}_open' [-Wimplicit-function-declaration]`,
      `/usr/bin/ld: main.o: in function main: undefined reference to '${name}_close'`,
    ],
    lang: 'c',
    shared: 'declaration',
  }),
  (name) => ({
    title: `${name}: WARNING: UNPROTECTED PRIVATE KEY FILE!`,
    context: 'ssh, ssh-add',
    aliases: [`${name}: It is required that your private key files are NOT accessible by others.`],
    matches: [
      `[${name}: WARNING: UNPROTECTED PRIVATE KEY FILE]`,
      `{regex="Permissions 0[0-7]{3} for '[^']*${name}[^']*' are too open|${name}: .*NOT accessible by others"}`,
    ],
    examples: [`Permissions 0644 for '/home/you/.ssh/${name}_ed25519' are too open.`],
    lang: 'sh',
    shared: 'accessible',
  }),
  (name, pick, number) => ({
    title: `${name}: REMOTE HOST IDENTIFICATION HAS CHANGED!`,
    context: 'ssh',
    aliases: [],
    matches: [`{regex="${name}: REMOTE HOST IDENTIFICATION HAS CHANGED|Offending (?:RSA|ECDSA|ED25519) key for ${name} in \\S+:\\d+"}`],
    examples: [`Offending ${pick(['RSA', 'ECDSA', 'ED25519'])} key for ${name} in /home/you/.ssh/known_hosts:${1 + number(40)}`],
    lang: 'sh',
    shared: 'identification',
  }),
];

/**
 * A synthetic guide shaped like a real one (guide/ssh-connection's shape, repeated): questions
 * whose content runs to 600 characters and more, with a command and its output before the
 * answers and more after them; several answers leading to one page; steps; instructions with
 * callouts; error cards with Reason and How to fix, some going on with answers or `next`, and
 * most with `match` patterns and examples of their own. Code fences in several languages
 * (sh, powershell, c, text output), GFM tables, lists, inline code and links throughout. The
 * same for the same seed.
 */
export function synthesizeRealistic(size: number, seed = 1): Synthetic {
  const next = random(seed * 7919 + size);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const number = (most: number): number => Math.floor(next() * most);
  const chance = (odds: number): boolean => next() < odds;
  const name = (() => {
    // The cards' names in an order of their own, so that neighbours do not share syllables.
    const offset = number(70 ** 3);
    let made = 0;
    return () => uniqueName((offset + 4099 * made++) % 70 ** 3);
  })();

  const inline = (): string => {
    const roll = next();
    if (roll < 0.35)
      return `\`${pick(['ssh -T git@github.com', 'ssh-add -l', 'git remote -v', 'make clean', 'chmod 600', 'id_ed25519', '--verbose', 'ssh-agent'])}\``;
    if (roll < 0.5) return `[${pick(TERMS)} documentation](https://docs.example.com/${pick(TERMS)}/${pick(VERBS)})`;
    if (roll < 0.6) return `**${pick(TERMS)}**`;
    if (roll < 0.68) return `\`${pick(PATHS)}\``;
    return pick(TERMS);
  };
  const sentence = (count: number): string => {
    const words = Array.from({ length: count }, (_, index) =>
      index === 0 ? pick(VERBS) : chance(0.12) ? inline() : chance(0.5) ? pick(GLUE) : pick(TERMS),
    );
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (sentences: number): string => Array.from({ length: sentences }, () => sentence(8 + number(14))).join(' ');
  const fence = (lang: 'sh' | 'powershell' | 'c' | 'text', card = name()): string => {
    const lines: Record<typeof lang, () => string[]> = {
      sh: () =>
        [
          `eval "$(ssh-agent -s)"`,
          `ssh-add ~/.ssh/${card}_ed25519`,
          `ssh -vT git@${pick(HOSTS)}`,
          `git remote set-url origin git@github.com:OWNER/${card}.git`,
          `chmod 600 ~/.ssh/* && chmod 644 ~/.ssh/*.pub`,
          `sudo systemctl restart ${card}.service`,
          `journalctl -u ${card} --since "10 min ago" | grep -i error`,
        ].slice(number(4), 5 + number(3)),
      powershell: () => [
        `Get-Service -Name ${card} | Set-Service -StartupType Manual`,
        `Start-Service ${card}`,
        `Get-EventLog -LogName System -Newest 20 | Where-Object { $_.Source -eq "${card}" }`,
      ],
      c: () => [
        '#include <stdio.h>',
        `#include "${card}.h"`,
        '',
        'int main(void)',
        '{',
        `    struct ${card}_options options = { .verbose = 1, .retries = ${1 + number(5)} };`,
        `    if (${card}_init(&options) != 0) {`,
        `        perror("${card}_init");`,
        '        return 1;',
        '    }',
        '    return 0;',
        '}',
      ],
      text: () =>
        [
          `debug1: Connecting to ${pick(HOSTS)} [140.82.${number(255)}.${number(255)}] port 22.`,
          `debug1: identity file /home/you/.ssh/${card}_ed25519 type ${pick([-1, 1, 3])}`,
          `debug1: Offering public key: /home/you/.ssh/${card}_ed25519 ED25519 SHA256:${card}Xq3vPz`,
          `origin  git@github.com:OWNER/${card}.git (fetch)`,
          `Agent pid ${1000 + number(60000)}`,
        ].slice(number(3)),
    };
    return `\`\`\`${lang}\n${lines[lang]().join('\n')}\n\`\`\``;
  };
  const table = (): string => {
    const rows = Array.from(
      { length: 3 + number(4) },
      () => `| \`${pick(PATHS)}\` | \`${pick(['600', '644', '700', 'type -1', 'type 1'])}\` | ${sentence(5 + number(6)).slice(0, -1)} |`,
    );
    return ['| file | value | what it means |', '| --- | --- | --- |', ...rows].join('\n');
  };
  const list = (ordered: boolean, items = 3 + number(4)): string =>
    Array.from({ length: items }, (_, index) => `${ordered ? `${index + 1}.` : '-'} ${sentence(6 + number(12))}`).join('\n');
  /** An ordered list whose second step shows a command, indented under it, as real fixes do. */
  const steps = (lang: CardShape['lang'], card: string): string => {
    const first = `1. ${sentence(8 + number(8))}\n2. ${sentence(6 + number(6))}:\n\n${fence(lang, card).replace(/^/gm, '   ')}\n`;
    const rest = Array.from({ length: 1 + number(3) }, (_, index) => `${index + 3}. ${sentence(6 + number(10))}`);
    return `${first}\n${rest.join('\n')}`;
  };

  const nodes: Synthetic['nodes'] = [];
  const outcomes: string[] = [];
  /** Cards keyed by each shared word so far. */
  const sharedBy = new Map<string, number>();
  let made = 0;
  const make = (): string => `${pick(VERBS)}-${pick(TERMS)}-${made++}`;
  const titleOf = (): string => {
    const verb = pick(VERBS);
    return `${verb[0]!.toUpperCase()}${verb.slice(1)} the ${pick(TERMS)} ${pick(GLUE)} ${pick(TERMS)}`;
  };
  /** Answers to `count` new or shared nodes: some lead where another answer of theirs does. */
  const answers = (id: string, count: number, queue: string[]): string => {
    const targets: string[] = [];
    for (let index = 0; index < count; index++) {
      // Now and then to a node met on another branch (an outcome most often): several paths.
      const shared =
        index > 0 && nodes.length > 0 && chance(0.5) ? (chance(0.6) && outcomes.length > 0 ? pick(outcomes) : pick(nodes).id) : undefined;
      const target = shared !== undefined && shared !== id && !targets.includes(shared) ? shared : make();
      if (target !== shared) queue.push(target);
      targets.push(target);
    }
    // Several answers to one page, in the words readers come with; now and then back to the start.
    if (chance(0.4)) targets.splice(1 + number(targets.length), 0, targets[number(targets.length)]!);
    if (id !== 'start' && chance(0.06)) targets.push('start');
    const texts = new Set<string>();
    return targets
      .map((target, index) => {
        let text = '';
        while (text === '' || texts.has(text)) {
          text = chance(0.4) ? `${name()}: ${sentence(4 + number(5)).slice(0, -1)}` : `${sentence(3 + number(6)).slice(0, -1)}`;
        }
        texts.add(text);
        return `:::option{to="${target}"}\n${index === 0 && chance(0.3) ? `Yes: ${text}` : text}\n:::`;
      })
      .join('\n');
  };

  const pending: string[] = ['start'];
  made = 1;
  while (pending.length > 0) {
    const id = pending.shift()!;
    const room = size - made;
    const roll = next();
    const branch = room > 0 && (pending.length === 0 || roll < 0.7);
    if (branch && room >= 2 && roll >= 0.25) {
      const queue: string[] = [];
      const options = answers(id, Math.min(2 + number(5), room), queue);
      pending.push(...queue);
      let before = `${paragraph(2)} Open a terminal and run:\n\n${fence('sh')}`;
      if (chance(0.6)) before += `\n\n${pick(['It prints:', 'The output looks like this:', 'Among its lines:'])}\n\n${fence('text')}`;
      if (chance(0.35)) before += `\n\n${table()}`;
      else if (chance(0.4)) before += `\n\n${list(chance(0.5))}`;
      while (before.length < 600 + number(900)) before += `\n\n${paragraph(2 + number(3))}`;
      const after = chance(0.5)
        ? `\n\n${paragraph(1 + number(2))}`
        : chance(0.5)
          ? `\n\n:::note[${pick(TERMS)}]\n${paragraph(1)}\n:::`
          : '';
      const title = titleOf();
      nodes.push({
        id,
        kind: 'question',
        title,
        words: `${before}${after}`,
        mdx: `::::question{#${id} title="${title}" prompt="What does ${pick(['ssh', 'git', 'the agent', 'the build'])} print now?"}\n${before}\n\n${options}${after}\n::::\n`,
      });
    } else if (branch && (roll < 0.07 || room < 2)) {
      const target = make();
      pending.push(target);
      const body = `${paragraph(1 + number(2))}\n\n${list(true)}\n\n${fence(pick(['sh', 'powershell'] as const))}\n\n${chance(0.4) ? `When it asks, press <kbd>Enter</kbd>:\n\n${fence('text')}\n\n` : ''}${paragraph(1 + number(2))}`;
      const title = titleOf();
      nodes.push({ id, kind: 'step', title, words: body, mdx: `::::step{#${id} title="${title}" next="${target}"}\n${body}\n::::\n` });
    } else if (branch || chance(0.5)) {
      // An error card: an outcome, or one that goes on with answers or with `next` (`branch`).
      const card = name();
      let shape = pick(CARD_SHAPES)(card, pick, number);
      while ((shape.shared !== undefined && (sharedBy.get(shape.shared) ?? 0) >= SHARED_MOST) || (shape.lookbehind && chance(0.7))) {
        shape = pick(CARD_SHAPES)(card, pick, number);
      }
      if (shape.shared !== undefined) sharedBy.set(shape.shared, (sharedBy.get(shape.shared) ?? 0) + 1);
      const patterned = chance(0.85);
      const parts = [
        ...shape.aliases.map((alias) => `::alias[${label(alias)}]`),
        ...(patterned ? shape.matches.map((match) => `::match${match}`) : []),
        ...(patterned ? shape.examples.map((example) => `::example[${label(example)}]`) : []),
      ];
      const intro = chance(0.3) ? `\n\n${paragraph(1)}` : '';
      const reason = chance(0.3) ? `${paragraph(1)}\n\n${list(false, 2 + number(2))}` : paragraph(1 + number(3));
      let fix = chance(0.5) ? steps(shape.lang, card) : `${paragraph(1)}\n\n${fence(shape.lang, card)}`;
      if (chance(0.25)) fix += `\n\n${table()}`;
      let ending = '';
      let attributes = '';
      if (branch && roll >= 0.1) {
        const queue: string[] = [];
        ending = `\n\n${answers(id, Math.min(2 + number(3), room), queue)}`;
        pending.push(...queue);
        attributes = ` prompt="Does ${pick(['ssh -T', 'the build', 'git fetch', 'the service'])} work now?"`;
      } else if (branch) {
        const target = make();
        pending.push(target);
        attributes = ` next="${target}"`;
      } else {
        outcomes.push(id);
      }
      const colons = ending ? ':::::' : '::::';
      const inner = ending ? '::::' : ':::';
      nodes.push({
        id,
        kind: 'error',
        title: shape.title,
        words: `${intro}\n\n${reason}\n\n${fix}`,
        mdx: `${colons}error{#${id} title="${shape.title}" context="${shape.context}"${attributes}}\n${parts.join('\n')}${intro}\n\n${inner}reason\n${reason}\n${inner}\n\n${inner}fix\n${fix}\n${inner}${ending}\n${colons}\n`,
      });
    } else {
      outcomes.push(id);
      const callout = chance(0.5)
        ? `\n\n:::${pick(['caution', 'note', 'tip'])}[${pick(TERMS)}]\n${paragraph(1)}\n:::`
        : `\n\n:::escalate\n${paragraph(1)}\n:::`;
      const linked = nodes.length > 0 ? nodes[number(nodes.length)]! : undefined;
      const earlier = linked ? ` See :link[${label(linked.title)}]{to="${linked.id}"}.` : '';
      const body = `${paragraph(1 + number(2))}\n\n${fence(pick(['sh', 'powershell', 'c'] as const))}\n\n${list(chance(0.5))}\n\n${paragraph(1)}${earlier}${callout}`;
      const title = titleOf();
      nodes.push({ id, kind: 'instructions', title, words: body, mdx: `::::instructions{#${id} title="${title}"}\n${body}\n::::\n` });
    }
  }
  return { nodes };
}
