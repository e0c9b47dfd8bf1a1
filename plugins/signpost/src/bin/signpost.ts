/**
 * `signpost <command>`: the command line of Signpost.
 *
 *   signpost check [DIR ...]      check guides and report every problem
 *   signpost new <guide-slug>     create a guide to start from
 *   signpost explain <rule>       what a rule catches, an example, and the fix
 *   signpost diff <rev>           what a change does to each guide's graph
 *   signpost build [DIR]          check, build the site aside, and swap it into dist/
 */
const USAGE = `Usage: signpost <command> [options]

Commands:
  check [DIR ...]     check guides and report every problem (default DIR: guide)
  new <guide-slug>    create a small guide that passes check, to start from
  explain <rule>      what a rule catches, an example of the mistake, and the fix
  diff <rev> [DIR]    what the guides change against a git revision, for a review
  build [DIR]         check the guides, build the site aside, and swap it into dist/

Run \`signpost <command> --help\` for a command's options.`;

const COMMANDS = {
  check: () => import('./check.ts'),
  new: () => import('./new.ts'),
  explain: () => import('./explain.ts'),
  diff: () => import('./diff.ts'),
  build: () => import('./build.ts'),
} as const;

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(name === undefined ? 2 : 0);
}
if (name === '--version' || name === '-v') {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${manifest.version}\n`);
  process.exit(0);
}
if (!Object.hasOwn(COMMANDS, name)) {
  const { closest } = await import('../core/suggest.ts');
  const proposal = closest(name, Object.keys(COMMANDS));
  process.stderr.write(`signpost: unknown command \`${name}\`${proposal ? `; did you mean \`${proposal}\`?` : ''}\n\n${USAGE}\n`);
  process.exit(2);
}
const command = await COMMANDS[name as keyof typeof COMMANDS]();
await command.run(args);
