/**
 * `broken-image` and `broken-link`: the images, videos and files a node shows or links to must
 * exist beside the guide, really inside its folder (a symbolic link out of it is refused), be
 * regular files of a type on the allow-list by their bytes (core/parse/linked-file.ts), and a
 * link from the site's root (`/pricing/`) must name a page of the site: a guide page, a file in `public/` or a page in `src/pages/`.
 * Checked on every run, not with the parse: a file may be deleted while the guide's text
 * stays the same.
 */
import type { Finding } from './define.ts';
import { FILE_MESSAGES } from './words.ts';
import { brokenImageRule } from './broken-image.ts';
import { brokenLinkRule } from './broken-link.ts';
import { limitExceededRule } from './limit-exceeded.ts';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FileRef, Guide, GuideNode } from '../graph/model.ts';
import { problem, type Problem } from '../problems.ts';
import { closest, RESERVED_NODE_IDS } from '../suggest.ts';
import { IMAGE_EXTENSIONS } from '../schemas/components.ts';
import { extensionOf } from '../parse/urls.ts';
import { LIMITS } from '../parse/limits.ts';
import { LINKED_EXTENSIONS, readLinkedFile, type LinkedFile, type Refusal } from '../parse/linked-file.ts';
import type { Decodes } from '../parse/image-check.ts';

/** Where a guide's site is: its project folder and the path the guides are served under. */
export interface SiteLayout {
  /** The project folder, holding `public/` and `src/pages/`. */
  root: string;
  /**
   * Where the guides are on the site: `/` or `/help/` (after the base). Unknown to `check`,
   * which does not read the site's Astro config: then a guide's pages are found at any prefix.
   */
  prefix?: string;
}

/** The project folder of a guides folder: the nearest one up with an Astro config or a package.json. */
export function siteLayoutOf(guidesDir: string): SiteLayout {
  let dir = resolve(guidesDir);
  for (;;) {
    if (['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'package.json'].some((name) => existsSync(join(dir, name)))) {
      return { root: dir };
    }
    const parent = dirname(dir);
    if (parent === dir) return { root: dirname(resolve(guidesDir)) };
    dir = parent;
  }
}

/** What `brokenFiles` found: the problems, and every linked file that passed with the hash of the bytes read. */
export interface FileCheck {
  problems: Problem[];
  /**
   * The files that passed, by absolute path as the guide names them: the hash of the bytes
   * `check` read, which the build compares with the bytes it serves (integration/guide-files.ts).
   */
  files: Map<string, string>;
}

/** Checks every file and page reference of the guides; images' decodes are kept in `decodes`. */
export async function brokenFiles(guides: Guide[], site: SiteLayout, decodes?: Decodes): Promise<FileCheck> {
  const problems: Problem[] = [];
  const files = new Map<string, string>();
  const bySlug = new Map(guides.map((guide) => [guide.slug, guide]));
  for (const guide of guides) {
    // Where the guide really is: a linked file must really be inside it.
    let root: string;
    try {
      root = realpathSync(guide.dir);
    } catch {
      root = guide.dir;
    }
    // A file shown on many pages is read once a run.
    const read = new Map<string, Promise<LinkedFile | Refusal>>();
    for (const node of guide.nodes) {
      for (const ref of node.files) {
        const finding =
          ref.kind === 'page' ? pageProblem(ref.path, bySlug, site) : await fileProblem(ref, node, guide, root, read, files, decodes);
        if (finding) problems.push(problem(node.file, finding, ref.position));
      }
    }
  }
  return { problems, files };
}

/** A file linked to is `broken-link`; anything a page shows (image, video, poster, captions) `broken-image`. */
function ruleOf(ref: FileRef): FileRule {
  return ref.kind === 'file' || ref.kind === 'page' ? brokenLinkRule : brokenImageRule;
}

/** The two rules about a file a node points at, which share their messages about the file (`FILE_MESSAGES`). */
type FileRule = typeof brokenImageRule | typeof brokenLinkRule;

/** A finding of `rule` from one of the messages the two rules share. */
function sayOf<K extends keyof typeof FILE_MESSAGES>(rule: FileRule, key: K, ...args: Parameters<(typeof FILE_MESSAGES)[K]>): Finding {
  return (rule as typeof brokenLinkRule).say(key, ...args);
}

const WHAT: Record<FileRef['kind'], string> = {
  image: 'image',
  video: 'video',
  poster: 'poster image',
  captions: 'captions file',
  file: 'file',
  page: 'page',
};

/** What is wrong with a file reference, if anything; a file that passes is added to `passed`. */
async function fileProblem(
  ref: FileRef,
  node: GuideNode,
  guide: Guide,
  root: string,
  read: Map<string, Promise<LinkedFile | Refusal>>,
  passed: Map<string, string>,
  decodes: Decodes | undefined,
): Promise<Finding | undefined> {
  const rule = ruleOf(ref);
  const path = resolve(dirname(node.file), ref.path);
  const inside = relative(guide.dir, path);
  if (inside.startsWith('..') || inside === '' || resolve(guide.dir, inside) !== path) {
    return sayOf(rule, 'outsideGuide', ref.path, guide.slug, WHAT[ref.kind]);
  }
  // `./files/form.pdf/` is resolved to the file here, but is another address on the web.
  const folderLike = /(?:^|\/)\.?$/.exec(ref.path);
  if (folderLike && isFile(path)) return sayOf(rule, 'slashAfterFile', ref.path, ref.path.slice(0, folderLike.index).replace(/\/+$/, ''));
  if ((ref.kind === 'image' || ref.kind === 'poster') && !(IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(ref.path))) {
    return brokenImageRule.say('notAnImage', ref.path, IMAGE_EXTENSIONS);
  }
  if (ref.path.endsWith('.mdx')) return brokenLinkRule.say('guideFile', ref.path);
  let reading = read.get(path);
  if (!reading) {
    reading = readLinkedFile(path, root, decodes);
    read.set(path, reading);
  }
  const result = await reading;
  if ('hash' in result) {
    passed.set(path, result.hash);
    return undefined;
  }
  switch (result.reason) {
    case 'missing':
      return notFound(rule, ref, node, guide, path);
    case 'outside':
      return sayOf(rule, 'linkOutside', ref.path, guide.slug);
    case 'notRegular':
      return sayOf(rule, 'notRegular', ref.path, result.what);
    case 'unreadable':
      return sayOf(rule, 'unreadable', ref.path, result.code);
    case 'tooLarge':
      return limitExceededRule.say('linkedFileSize', ref.path, (result.bytes / 1024 ** 2).toFixed(1), LIMITS.linkedFileBytes / 1024 ** 2);
    case 'runnable':
      return sayOf(rule, 'runnable', ref.path, result.what, result.fix);
    case 'unknownType':
      return sayOf(rule, 'unknownType', ref.path, result.ext, LINKED_EXTENSIONS);
    case 'disguised':
      return sayOf(rule, 'disguised', ref.path, result.ext, result.what, result.fix);
    case 'markup':
      return sayOf(rule, 'markup', ref.path, result.what, result.markup, result.fix);
    case 'captionsStyle':
      return sayOf(rule, 'captionsStyle', ref.path, result.loads, result.line);
    case 'hardLink':
      return sayOf(rule, 'hardLink', ref.path, result.names);
    case 'nulInPath':
      return sayOf(rule, 'nulInPath', ref.path);
    case 'imageSide':
      return limitExceededRule.say('imageSide', ref.path, result.width, result.height, LIMITS.imageSide);
    case 'imagePixels':
      return limitExceededRule.say('imagePixels', ref.path, result.width, result.height, LIMITS.imagePixels);
    case 'animationPixels':
      return limitExceededRule.say('animationPixels', ref.path, result.width, result.height, result.frames, LIMITS.animationPixels);
    case 'brokenImage':
      return sayOf(rule, 'brokenImage', ref.path, result.what, result.why);
  }
}

/** A file that is not there, with the closest name in its folder. */
function notFound(rule: FileRule, ref: FileRef, node: GuideNode, guide: Guide, path: string): Finding {
  const folder = dirname(path);
  let proposal: string | undefined;
  try {
    const names = readdirSync(folder).filter((name) => !name.startsWith('.') && !name.endsWith('.mdx'));
    const found = closest(path.slice(folder.length + 1), names);
    if (found) proposal = relative(dirname(node.file), join(folder, found)).split(sep).join('/');
  } catch {
    proposal = undefined;
  }
  const shown = relative(dirname(guide.dir), path).split(sep).join('/');
  return sayOf(
    rule,
    'notFound',
    WHAT[ref.kind],
    ref.path,
    shown,
    proposal === undefined ? undefined : `./${proposal.replace(/^\.\//, '')}`,
  );
}

const PAGE_EXTENSIONS = ['astro', 'md', 'mdx', 'html', 'ts', 'js'];

/** What is wrong with a link from the site's root, if anything. */
function pageProblem(path: string, guides: Map<string, Guide>, site: SiteLayout): Finding | undefined {
  const segments = path.split('/').filter(Boolean);
  // The segments after the prefix; with the prefix unknown, after the first guide's name.
  const start =
    site.prefix === undefined
      ? segments.findIndex((segment) => guides.has(segment))
      : path.startsWith(site.prefix) || `${path}/` === site.prefix
        ? site.prefix.split('/').filter(Boolean).length
        : -1;
  if (start !== -1) {
    const rest = segments.slice(start);
    const guide = rest[0] === undefined ? undefined : guides.get(rest[0]);
    if (rest.length === 0) return undefined;
    if (guide && rest.length === 1) return undefined;
    if (guide && rest.length === 2) {
      const id = rest[1]!;
      if (guide.byId.has(id) || RESERVED_NODE_IDS.has(id)) return undefined;
      const proposal = closest(id, [...guide.byId.keys()]);
      return brokenLinkRule.say('noSuchNode', id, guide.slug, proposal);
    }
  }
  if (inPublic(path, site.root) || inPages(path, site.root) || path === '/') return undefined;
  return brokenLinkRule.say('noSuchPage', path);
}

function inPublic(path: string, root: string): boolean {
  const file = join(root, 'public', path);
  if (!file.startsWith(join(root, 'public'))) return false;
  return isFile(file) || isFile(join(file, 'index.html'));
}

function inPages(path: string, root: string): boolean {
  let dir = join(root, 'src', 'pages');
  const segments = path.split('/').filter(Boolean);
  for (const [index, segment] of segments.entries()) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return false;
    }
    // A dynamic route (`[slug].astro`) may build any page here: it cannot be checked.
    if (names.some((name) => name.startsWith('['))) return true;
    const last = index === segments.length - 1;
    if (last && PAGE_EXTENSIONS.some((ext) => names.includes(`${segment}.${ext}`))) return true;
    if (!names.includes(segment)) return false;
    dir = join(dir, segment);
  }
  try {
    return readdirSync(dir).some((name) => PAGE_EXTENSIONS.some((ext) => name === `index.${ext}`));
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
