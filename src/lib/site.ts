/**
 * The guides as the pages see them: checked with the same code as `npm run check`, then
 * turned into page models once per build.
 */
import { resolve } from 'node:path';
import { checkGuides } from '../../plugins/signpost/index.ts';
import { pageGuide, SitePaths, type PageGuide } from '../../plugins/signpost/lib/render/site-model.ts';

/** Where the guides are: `SIGNPOST_GUIDES` (set by `npm run build -- DIR`), else `guide/`. */
const GUIDES_DIR = resolve(process.env['SIGNPOST_GUIDES'] ?? 'guide');

export const paths = new SitePaths(import.meta.env.BASE_URL);

let loading: Promise<PageGuide[]> | undefined;

/** Every guide, in folder order. Fails the build if a guide has errors. */
export function getGuides(): Promise<PageGuide[]> {
  loading ??= (async () => {
    const { guides, problems } = await checkGuides([GUIDES_DIR]);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new Error(
        `${errors.length} error(s) in the guides, first ${first.file}:${first.line}:${first.column} ${first.message}; run \`npm run check\``,
      );
    }
    return guides.map((guide) => pageGuide(guide, paths));
  })();
  return loading;
}
