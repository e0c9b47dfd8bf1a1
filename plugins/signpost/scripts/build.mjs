#!/usr/bin/env node
/**
 * Builds the package:
 *
 * - `dist/vendor/micromark.js` (`#micromark` in package.json): mdast-util-from-markdown and
 *   micromark bundled with the vendored `EditMap` of vendor/micromark-util-edit-map in place of
 *   upstream's, which makes parsing quadratic in the file. Bundled, the fix goes wherever the
 *   package goes: npm applies `overrides` only from a project's own package.json, so a site
 *   installing Signpost would otherwise parse with upstream's. The build fails if any bundled
 *   module still imports upstream's class.
 * - TypeScript to JavaScript and declarations (tsc), and the files Astro and Vite read as they
 *   are (`.astro` components and routes, stylesheets) copied beside them.
 *
 * `npm install` runs it (the `prepare` script), so a clone is ready to use.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const COPIED = /\.(astro|css|svg|md)$/;

rmSync(dist, { recursive: true, force: true });
await bundleMicromark();
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', root], { stdio: 'inherit' });
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COPIED.test(entry.name)) continue;
  const from = join(entry.parentPath, entry.name);
  cpSync(from, join(dist, from.slice(src.length + 1)));
}

async function bundleMicromark() {
  const vendored = join(root, 'vendor', 'micromark-util-edit-map', 'index.js');
  const out = join(dist, 'vendor');
  const result = await build({
    entryPoints: [join(root, 'vendor', 'micromark.js')],
    outfile: join(out, 'micromark.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    metafile: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'vendored-edit-map',
        setup(context) {
          // Every import of upstream's class but the vendored module's own gets the vendored one.
          context.onResolve({ filter: /^micromark-util-edit-map$/ }, (args) =>
            args.importer === vendored ? undefined : { path: vendored },
          );
        },
      },
    ],
  });
  const inputs = result.metafile.inputs;
  const upstream = Object.keys(inputs).find((path) => /(^|\/)micromark-util-edit-map\/index\.js$/.test(path));
  const importers = Object.entries(inputs)
    .filter(([, input]) => input.imports.some((item) => item.path === upstream))
    .map(([path]) => join(process.cwd(), path));
  const users = Object.values(inputs).filter((input) => input.imports.some((item) => join(process.cwd(), item.path) === vendored));
  if (importers.length !== 1 || importers[0] !== vendored || users.length < 2) {
    process.stderr.write(
      `build: micromark's modules must import the vendored EditMap (vendor/micromark-util-edit-map) instead of upstream's, which ${importers.map((path) => relative(root, path)).join(', ')} import\n`,
    );
    process.exit(1);
  }
  // The bundled packages, each with its version and licence.
  const packages = new Map();
  for (const path of Object.keys(inputs)) {
    let dir = dirname(join(process.cwd(), path));
    while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
    if (dir === root) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    packages.set(`${manifest.name}@${manifest.version}`, dir);
  }
  const names = [...packages.keys()].sort();
  const licences = names.map((name) => {
    const dir = packages.get(name);
    const file = readdirSync(dir).find((entry) => /^licen[cs]e/i.test(entry));
    return `${name}\n\n${file ? readFileSync(join(dir, file), 'utf8').trim() : `(${name} ships no licence file; its package.json says ${JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).license})`}\n`;
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'micromark.LICENSES.txt'),
    `dist/vendor/micromark.js holds the following packages, bundled by Signpost's build (scripts/build.mjs), and\n` +
      `vendor/micromark-util-edit-map, derived from micromark-util-edit-map. Their licences:\n\n` +
      licences.join('\n') +
      `\n${relative(root, vendored).split(sep).join('/')} (derived from micromark-util-edit-map)\n\n${readFileSync(join(dirname(vendored), 'license'), 'utf8').trim()}\n`,
  );
  // What the bundle holds, in a module of its own: the parse cache's digest reads it at every
  // start, and the bundle itself is loaded only when a file is parsed with micromark.
  const contents = [...names, `vendored EditMap ${digest(readFileSync(vendored))}`];
  writeFileSync(
    join(out, 'micromark-contents.js'),
    `/** What dist/vendor/micromark.js holds: its packages with their versions, and the vendored EditMap's digest. */\nexport const BUNDLED = ${JSON.stringify(contents)};\n`,
  );
  writeFileSync(
    join(out, 'micromark-contents.d.ts'),
    `/** What dist/vendor/micromark.js holds: its packages with their versions, and the vendored EditMap's digest. */\nexport declare const BUNDLED: readonly string[];\n`,
  );
  writeFileSync(
    join(out, 'micromark.d.ts'),
    [`export { fromMarkdown } from 'mdast-util-from-markdown';`, `export { EditMap } from 'micromark-util-edit-map';`, ''].join('\n'),
  );
}

function digest(buffer) {
  return createHash('sha256').update(buffer).digest('hex').slice(0, 16);
}
