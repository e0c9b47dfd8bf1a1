/**
 * `signpost new <guide-slug> [--title "Title"] [--dir guide]` (`npm run new -- …` in this repository)
 *
 * Creates a new guide that passes `check` and builds: a question with two answers, leading to
 * an error card and to instructions. Never overwrites anything.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { RESERVED_GUIDE_SLUGS, SLUG, slugify } from '../core/suggest.ts';
import { parseCommand, writerCwd } from './common.ts';

const USAGE = `Usage: signpost new <guide-slug> [--title "Guide title"] [--dir guide]

Creates guide/<guide-slug>/index.mdx: a small guide to start from, that passes check.`;

/** Runs the command with its arguments (what follows the command's name). */
export async function run(argv: string[]): Promise<void> {
  const command = parseCommand(
    'new',
    USAGE,
    {
      title: { type: 'string' },
      dir: { type: 'string', default: 'guide' },
    },
    argv,
  );
  const { values, positionals } = command;
  // Declared with its type, so that TypeScript knows the code after a failure does not run.
  const fail: (message: string) => never = command.fail;
  const [slug, ...extra] = positionals;
  if (!slug || extra.length > 0) fail('give one guide slug, such as `router-help`');
  if (!SLUG.test(slug)) fail(`\`${slug}\` is not a lowercase slug; try \`${slugify(slug) || 'my-guide'}\``);
  if (RESERVED_GUIDE_SLUGS.has(slug)) fail(`\`${slug}\` clashes with the site's ${RESERVED_GUIDE_SLUGS.get(slug)}; choose another name`);

  const cwd = writerCwd('new');
  const folder = join(resolve(cwd, values.dir), slug);
  if (await stat(folder).catch(() => undefined)) fail(`\`${relative(cwd, folder)}\` already exists; choose another slug`);

  const title = (values.title ?? slug.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase())).trim();
  if (!title || /[\r\n]/.test(title)) fail('give the guide a title on one line, such as `--title "Router help"`');
  const today = new Date().toISOString().slice(0, 10);
  // YAML reads a JSON string; a directive attribute is quoted with whichever quote is free.
  const yamlTitle = JSON.stringify(title);
  const attributeTitle = !title.includes('"') ? `"${title}"` : !title.includes("'") ? `'${title}'` : `"${title.replace(/"/g, '&quot;')}"`;

  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.mdx'), starterGuide(yamlTitle, attributeTitle, today), { flag: 'wx' });

  const shown = relative(cwd, join(folder, 'index.mdx'));
  // Outside guide/, the commands need the folder named.
  const check = `npx signpost check${values.dir === 'guide' ? '' : ` ${values.dir}`}`;
  const rows = [
    [check, 'check it (and after every change)'],
    ['npm run dev', `see it at http://localhost:4321/${slug}/ while you write`],
    ['npx signpost explain <rule>', "what a problem's [rule] means, and how to fix it"],
  ];
  const width = Math.max(...rows.map(([line]) => line!.length)) + 3;
  process.stdout.write(`Created ${shown}.\n\nNext:\n${rows.map(([line, what]) => `  ${line!.padEnd(width)}${what}\n`).join('')}`);
}

/** The guide `new` writes: a question leading to an error card and to instructions. */
function starterGuide(yamlTitle: string, attributeTitle: string, today: string): string {
  return `---
title: ${yamlTitle}
summary: What this guide helps with, in one sentence.
start: start
updated: ${today}
lang: en
---

{/* Each node is a directive with an id. Answers name the node they lead to.
    Run \`npx signpost check\` after each change; \`npx signpost explain <rule>\` explains a problem. */}

::::question{#start title=${attributeTitle} prompt="What do you see?"}
Answer a question to find the fix.

:::option{to="error-message"}
An error message
:::
:::option{to="something-else"}
Something else
:::
::::

::::error{#error-message title="The message exactly as it appears on screen"}
:::reason
Why this error happens.
:::

:::fix
- The first thing to try.
- The next thing to try.
:::
::::

::::instructions{#something-else title="What to do next"}
Steps that solve the problem.
::::
`;
}
