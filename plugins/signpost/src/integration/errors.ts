/**
 * Zod issues as a writer of astro.config.mjs reads them: one line each, prefixed with the
 * option's path and saying what was given (`**prefix**: must be a path …; got "help me"`).
 */
import type { z } from 'astro/zod';

export function friendlyIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.') || 'options';
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown option${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `\`${key}\``).join(', ')}`
          : issue.message;
      return `**${path}**: ${message}`;
    })
    .join('\n');
}
