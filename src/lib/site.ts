/**
 * The guides as the pages see them: checked with the same code as `npm run check` (by the
 * build or dev command when it runs Astro, else here), then turned into page models.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkGuides } from '../../plugins/signpost/index.ts';
import { formatResult } from '../../plugins/signpost/lib/report.ts';
import { checkedGuides } from '../../plugins/signpost/lib/guide-store.ts';
import { pageGuide, SitePaths, type PageGuide } from '../../plugins/signpost/lib/render/site-model.ts';

/** Where the guides are: `SIGNPOST_GUIDES` (set by `npm run build -- DIR`), else `guide/`. */
const GUIDES_DIR = resolve(process.env['SIGNPOST_GUIDES'] ?? 'guide');

// The base is checked by signpost() (BasePathSchema): letters, digits, -, _, . and / only, so
// links built from it need no escaping.
export const paths = new SitePaths(import.meta.env.BASE_URL);

let cache: { version: string; guides: Promise<PageGuide[]> } | undefined;

/** The names, sizes and times of every file under a folder. */
function fingerprint(dir: string): string {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        const info = statSync(path, { throwIfNoEntry: false });
        return `${path}:${info?.size}:${info?.mtimeMs}`;
      })
      .sort()
      .join('|');
  } catch {
    return 'unreadable';
  }
}

/**
 * Every guide, in folder order. A guide with errors fails the page with the whole report and
 * the first problem's place, which Astro's error overlay shows in the dev server.
 */
export function getGuides(): Promise<PageGuide[]> {
  // The dev server may reload a page before its watcher has checked a saved file: there the
  // guides are checked again whenever a file's size or time changed (only changed files are
  // parsed). A build uses the guides its command checked.
  const stored = import.meta.env.DEV ? undefined : checkedGuides(GUIDES_DIR);
  const version = stored ? 'checked by the build' : fingerprint(GUIDES_DIR);
  if (cache?.version !== version) {
    cache = {
      version,
      guides: (async () => {
        const result = stored?.result ?? (await checkGuides([GUIDES_DIR]));
        const errors = result.problems.filter((p) => p.severity === 'error');
        if (errors.length > 0) {
          const report = formatResult(result, { cwd: process.cwd() });
          const first = errors[0]!;
          // A writer's mistake, not a crash: the report is the whole story, no stack trace.
          throw Object.assign(new Error(`The guides have ${errors.length} error(s):\n\n${report}`), {
            name: 'GuideError',
            title: 'Problems in the guides',
            stack: '',
            loc: { file: first.file, line: first.line, column: first.column },
            hint: 'Fix the guide and save: the page reloads by itself. `npm run check` prints the same report.',
          });
        }
        return result.guides.map((guide) => pageGuide(guide, paths));
      })(),
    };
  }
  return cache.guides;
}

/** `getStaticPaths` of the pages there is one of per guide: `/<guide>/`, `all/`, `errors/`, `map/`. */
export async function pathsPerGuide(): Promise<{ params: { guide: string }; props: { guide: PageGuide } }[]> {
  return (await getGuides()).map((guide) => ({ params: { guide: guide.slug }, props: { guide } }));
}
