/**
 * `missing-alt`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/missing-alt.md` explains it.
 */
import { defineRule } from './define.ts';

export const missingAltRule = defineRule({
  id: 'missing-alt',
  severity: 'error',
  summary: 'an image without alt text saying what it shows',
  messages: {
    /** `how` shows the writer how to add it, in the syntax they used. */
    missing: (how: string) => `This image has no alt text; say what it shows for readers who cannot see it: ${how}`,
  },
});
