/**
 * The content loader: reads the guides folder with the same parse and checks as `signpost
 * check`, and stores what the pages need, one entry per node and one per guide.
 *
 * ```ts
 * // src/content.config.ts
 * import { defineCollection } from 'astro:content';
 * import { signpostLoader } from 'signpost/loader';
 * export const collections = { signpost: defineCollection({ loader: signpostLoader() }) };
 * ```
 *
 * A guide with errors fails `astro build` with the whole report, as an `AstroError` located at
 * the first problem. In `astro dev` the report is stored instead, and every Signpost page shows
 * it in Astro's error overlay until the guide is fixed; the loader's own watcher checks the
 * guide again on every save, reparsing only the files that changed.
 */
import { createHash } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import type { CheckResult } from '../core/check.ts';
import type { PageGuide, SitePaths } from '../render/site-model.ts';
import { checkOptionsOf } from './site-context.ts';
import { INTEGRATION_NAME, OPTIONS_HOOK, type LoaderChannel } from './index.ts';
import { GUIDE_ENTRY, NODE_ENTRY, PROBLEMS_ENTRY, type GuideEntry, type NodeEntry, type ProblemsEntry } from './entries.ts';

/**
 * What the loader runs, loaded when it first runs: a site's astro.config.mjs imports this
 * module, and so does `signpost check` when it reads the site's components, which must not
 * pay for the parser, the renderer and the highlighter to do so.
 */
const work = () =>
  Promise.all([
    import('../core/check.ts'),
    import('../report/human.ts'),
    import('../render/highlight.ts'),
    import('../render/site-model.ts'),
    import('./guide-files.ts'),
  ]).then(([check, human, highlight, model, files]) => ({ ...check, ...human, ...highlight, ...model, ...files }));
type Work = Awaited<ReturnType<typeof work>>;

/** The name the collection must have: the pages read it by this name. */
export const COLLECTION = 'signpost';

export function signpostLoader(): Loader {
  return {
    name: 'signpost',
    load: async (context) => {
      const { resolved, loaded } = loaderChannel(context);
      const { site, commandLine } = resolved;
      const code = await work();
      const { createChecker, formatResult, sourceLines, terminalColor, SitePaths: Paths } = code;
      if (context.collection !== COLLECTION) {
        throw new AstroError(
          `The Signpost loader is used for the collection \`${context.collection}\`; the pages read it as \`${COLLECTION}\`.`,
          `Name the collection \`${COLLECTION}\` in src/content.config.ts: \`export const collections = { ${COLLECTION}: defineCollection({ loader: signpostLoader() }) };\``,
        );
      }
      const paths = new Paths(`${context.config.base.replace(/\/?$/, '/')}${site.prefix.slice(1)}`);
      let lastReport = '';
      let synced = false;
      // One checker for as long as the dev server runs: a save costs what it changed. Parses
      // are kept in Astro's cache folder too: the next build reparses only changed files.
      const checker = createChecker(checkOptionsOf(site));

      const sync = async (): Promise<void> => {
        const started = performance.now();
        commandLine?.onStart?.('checking');
        // Worker threads pay off for a whole guides folder, not for the file just saved.
        const result = await checker.check([site.guidesDir], { parallel: !synced });
        // A build checks once: the parse trees need not outlive the pages made from them.
        if (!context.watcher) checker.close();
        synced = true;
        const checked = performance.now() - started;
        commandLine?.onPhase?.('validation', checked);
        const { root } = site;
        const failed = result.ioError || result.problems.some((p) => p.severity === 'error');
        // A build stops here, with the report as its error.
        if (failed && !context.watcher) throw guideError(code, result, root);
        const report =
          result.problems.length > 0 ? formatResult(result, { cwd: root, sourceLine: sourceLines(), color: terminalColor() }) : '';
        // Say it again only when something changed: an editor saving twice is not news.
        if (report !== lastReport && report) context.logger.warn(`${relative(root, site.guidesDir) || '.'}\n${report}`);
        if (report !== lastReport && !report && lastReport) context.logger.info('The guides have no problems left.');
        lastReport = report;
        commandLine?.onChecked?.({
          guides: result.guides.length,
          nodes: result.guides.reduce((sum, guide) => sum + guide.nodes.length, 0),
        });
        await store(code, context, result, failed ? result : undefined, paths, { resolved, loaded });
        // For `npm run bench`: what a save costs in the dev server, one JSON line per check.
        const timings = process.env['SIGNPOST_TIMINGS'];
        if (timings && context.watcher) {
          const line = { check: checked, total: performance.now() - started, parsedFiles: result.parsedFiles };
          await appendFile(timings, `${JSON.stringify(line)}\n`);
        }
      };

      await sync();
      const watcher = context.watcher;
      if (!watcher) return;
      watcher.add(site.guidesDir);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const changed = (path: string): void => {
        if (path !== site.guidesDir && !path.startsWith(site.guidesDir + sep)) return;
        clearTimeout(timer);
        // Editors write a file in several steps: check once they are done.
        timer = setTimeout(() => void sync().catch((error: unknown) => context.logger.error(String(error))), 50);
      };
      for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, changed);
    },
  };
}

/** The options of the `signpost()` integration, which must be in the site's integrations. */
function loaderChannel(context: LoaderContext): LoaderChannel {
  const integration = context.config.integrations.find((candidate) => candidate.name === INTEGRATION_NAME);
  const hook = integration?.hooks[OPTIONS_HOOK];
  const channel = typeof hook === 'function' ? (hook as () => LoaderChannel | undefined)() : undefined;
  if (!channel) {
    throw new AstroError(
      'The Signpost loader needs the `signpost()` integration.',
      "Add it to astro.config.mjs: `import signpost from 'signpost';` and `integrations: [signpost()]`.",
    );
  }
  return channel;
}

/** A writer's mistake, not a crash: the report is the whole story, with no stack trace. */
function guideError({ formatResult, sourceLines, terminalColor }: Work, result: CheckResult, root: string): AstroError {
  const errors = result.problems.filter((p) => p.severity === 'error');
  const first = errors[0] ?? result.problems[0];
  const report = formatResult(result, { cwd: root, sourceLine: sourceLines(), color: terminalColor() });
  const error = new AstroError(
    `The guides have ${errors.length} error${errors.length === 1 ? '' : 's'}:\n\n${report}`,
    'Fix the problems above; `npx signpost check` prints the same report.',
  );
  error.name = 'GuideError';
  error.stack = '';
  if (first) Object.assign(error, { loc: { file: first.file, line: first.line, column: first.column } });
  return error;
}

/**
 * Stores the guides' entries, or, when the guides have errors in `astro dev`, the report the
 * pages show instead. Entries whose content did not change keep their digest and are not
 * written again.
 */
async function store(
  code: Work,
  context: LoaderContext,
  result: CheckResult,
  failed: CheckResult | undefined,
  paths: SitePaths,
  { resolved, loaded }: LoaderChannel,
): Promise<void> {
  const { root, cacheDir, prefix } = resolved.site;
  const { formatResult, sourceLines, loadHighlighter, codeLanguages, GuideFiles, pageGuide, IMAGE_IMPORT } = code;
  const kept = new Set<string>();
  const put = (entry: { id: string; data: GuideEntry | NodeEntry | ProblemsEntry; filePath?: string }): void => {
    kept.add(entry.id);
    context.store.set({
      id: entry.id,
      data: entry.data as unknown as Record<string, unknown>,
      // The file counts too: its images are imported relative to it.
      digest: context.generateDigest({ data: entry.data, filePath: entry.filePath ?? '' } as unknown as Record<string, unknown>),
      ...(entry.filePath ? { filePath: entry.filePath } : {}),
    });
  };
  if (failed) {
    const errors = failed.problems.filter((p) => p.severity === 'error');
    const first = errors[0] ?? failed.problems[0]!;
    put({
      id: PROBLEMS_ENTRY,
      data: {
        type: 'problems',
        count: errors.length,
        report: formatResult(failed, { cwd: root, sourceLine: sourceLines() }),
        file: first.file,
        line: first.line,
        column: first.column,
      },
    });
  } else {
    const redirects = result.guides.flatMap((guide) =>
      guide.nodes.flatMap((node) =>
        node.movedFrom.map((former) => ({ from: paths.node(guide.slug, former.text), to: paths.node(guide.slug, node.id) })),
      ),
    );
    const highlighter = await loadHighlighter(codeLanguages(result.guides));
    const base = paths.base.slice(0, paths.base.length - prefix.length + 1);
    const files = new GuideFiles(paths, result.linkedFiles);
    for (const guide of result.guides) {
      const page = pageGuide(guide, paths, {
        highlighter,
        fileHref: (file) => files.url(file, guide.dir),
        // `/terms/` is a path from the site's root: under the base, not under the guides' prefix.
        siteHref: (path) => `${base}${path.replace(/^\/+/, '')}`,
        siteComponents: new Set(resolved.site.components.keys()),
      });
      put({
        id: guide.slug,
        data: {
          type: GUIDE_ENTRY,
          slug: guide.slug,
          meta: page.meta,
          start: page.start.node.id,
          order: page.nodes.map((node) => node.node.id),
          mapDigest: mapDigestOf(page, paths),
          vocabulary: page.vocabulary,
          commonWords: page.commonWords,
        },
      });
      for (const node of page.nodes) {
        const file = guide.byId.get(node.node.id)!.file;
        // Images go through astro:assets: a path after IMAGE_IMPORT is imported relative to
        // `filePath`, here a copy of the bytes `check` passed, not the file that may have changed since.
        const images = node.images.map((image) => ({
          ...image,
          src: `${IMAGE_IMPORT}./${relative(dirname(file), files.checkedImage(image.file, guide.dir, cacheDir))
            .split(sep)
            .join('/')}`,
        }));
        const { reachedFrom: _reachedFrom, parent: _parent, depth: _depth, alternatives: _alternatives, ...stored } = node;
        put({
          id: `${guide.slug}/${node.node.id}`,
          data: { type: NODE_ENTRY, guide: guide.slug, ...stored, images },
          filePath: relative(root, file).split(sep).join('/'),
        });
      }
    }
    // The files pages link to or play, served by the dev server and copied into the build.
    loaded.publish({ files: await files.served(), redirects });
  }
  for (const id of context.store.keys()) if (!kept.has(id)) context.store.delete(id);
}

/**
 * The digest of what a guide's maps draw (its nodes, titles, kinds and answers, its language
 * and the site's paths): the pages lay the maps out again only when it changes (see
 * site-data.ts), which in the dev server is not on every save.
 */
function mapDigestOf(page: PageGuide, paths: SitePaths): string {
  const drawn = {
    base: paths.base,
    slug: page.slug,
    title: page.meta.title,
    start: page.meta.start,
    lang: page.meta.lang,
    nodes: page.nodes.map(({ node }) => node),
  };
  return createHash('sha256').update(JSON.stringify(drawn)).digest('hex');
}
