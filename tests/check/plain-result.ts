/** A check's result as a reader of the guides sees it: without object identity, to compare two checks. */
import type { CheckResult } from '../../plugins/signpost/src/core/check.ts';

export function plain(result: CheckResult): unknown {
  return JSON.parse(JSON.stringify({ guides: result.guides.map(({ byId: _byId, ...guide }) => guide), problems: result.problems }));
}
