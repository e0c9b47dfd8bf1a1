/**
 * vitest's `globalSetup`: with `SIGNPOST_MESSAGE_COVERAGE=1` (set by `npm test`, which runs
 * every test file), fails the run when a message of the catalogue is built by no test. A
 * message nothing builds is one the checker cannot raise (dead, or raised under another key),
 * or one whose words no test has seen; either way a writer could meet text nobody checked.
 * Only messages the checker builds count (message-coverage.ts records them).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { RULE_IDS, RULES } from '../plugins/signpost/src/core/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where message-coverage.ts writes the messages each test file built; empty when not counting. */
    messagesSeen: string;
  }
}

/**
 * Messages the checker keeps for what its own bounds prevent, so no test can build them: each
 * with why. Listed ones must stay unbuilt (a listed message a test builds fails the run too),
 * so that the list only shrinks; issue 24 moves their checks into the rule modules.
 */
const UNREACHABLE: Record<string, string> = {
  'broken-image.runnable': 'shown files are refused by extension (wrongType, notAnImage) before their bytes are read',
  'broken-image.unknownType': 'shown files are refused by extension (wrongType, notAnImage) before their bytes are read',
  'invalid-pattern.engine': 'RE2 refusing what the translation to RE2 produced: the translation covers every construct it lets through',
  'limit-exceeded.tooDeepToParse': "the parser's stack overflowing: nesting is bounded before parsing",
  'limit-exceeded.yamlTooLarge': "YAML's stack overflowing: the frontmatter's nesting is bounded before it is parsed",
};

export default function setup(project: TestProject): (() => void) | undefined {
  if (process.env['SIGNPOST_MESSAGE_COVERAGE'] !== '1') {
    project.provide('messagesSeen', '');
    return undefined;
  }
  const folder = mkdtempSync(join(tmpdir(), 'signpost-messages-'));
  project.provide('messagesSeen', folder);
  return () => {
    const seen = new Set(readdirSync(folder).flatMap((file) => readFileSync(join(folder, file), 'utf8').split('\n')));
    rmSync(folder, { recursive: true, force: true });
    const all = RULE_IDS.flatMap((id) => Object.keys(RULES[id].messages).map((key) => `${id}.${key}`));
    const unbuilt = all.filter((key) => !seen.has(key) && !(key in UNREACHABLE));
    const built = Object.keys(UNREACHABLE).filter((key) => seen.has(key) || !all.includes(key));
    if (unbuilt.length > 0) {
      throw new Error(
        `No test builds these messages through the checker; make a test raise each, or remove what the checker cannot raise:\n  ${unbuilt.join('\n  ')}`,
      );
    }
    if (built.length > 0) {
      throw new Error(
        `These messages are built now, or gone: take them off UNREACHABLE in tests/message-coverage-setup.ts:\n  ${built.join('\n  ')}`,
      );
    }
  };
}
