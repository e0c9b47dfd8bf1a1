import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGuides, type CheckOptions } from '../../plugins/signpost/src/core/index.ts';

/** The fixture guides beside these tests. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/**
 * Checks a fixture folder and returns its problems as one line each:
 * `file:line:column severity [rule] message`, with `file` relative to the fixture.
 */
export async function problemsIn(fixture: string, options: CheckOptions = {}): Promise<string[]> {
  const root = `${FIXTURES}${fixture}`;
  const { problems } = await checkGuides([root], options);
  return problems.map((p) => `${relative(root, p.file) || '.'}:${p.line}:${p.column} ${p.severity} [${p.rule}] ${p.message}`);
}
