/**
 * Runs before each test file (vitest's `setupFiles`): when the whole suite counts the messages
 * (`npm test`, see message-coverage-setup.ts), records which message of which rule the
 * checker builds in this file's tests (`Rule.say`; catalogue.ts's `say`, which tests use to
 * show a message, is not counted), one `rule.key` a line, into a file per test file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { RULE_IDS, RULES } from '../plugins/signpost/src/core/index.ts';
import type { Finding } from '../plugins/signpost/src/core/rules/define.ts';

const folder = inject('messagesSeen');
if (folder) {
  const seen = new Set<string>();
  for (const id of RULE_IDS) {
    const rule = RULES[id] as unknown as { say: (key: string, ...args: unknown[]) => Finding };
    const say = rule.say;
    rule.say = (key, ...args) => {
      seen.add(`${id}.${key}`);
      return say.call(rule, key, ...args);
    };
  }
  afterAll(() => {
    writeFileSync(join(folder, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`), [...seen].join('\n'));
  });
}
