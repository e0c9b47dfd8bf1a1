/**
 * Configuration mistakes as Astro shows them: an `AstroError` listing every zod issue, each
 * prefixed with its option's path (`**feedbackEndpoint**: …`), with a hint and no stack trace.
 */
import { AstroError } from 'astro/errors';
import type { z } from 'astro/zod';

const HINT = 'README.md, “The options of signpost()”, lists what each option accepts.';

/** Every issue of a failed parse, one line each, prefixed with its path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], known: readonly string[], prefix = ''): string[] {
  return issues.flatMap((issue) => {
    const at = (path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `**${at([...issue.path, key])}**: not an option of signpost(); its options are ${known.join(', ')}`);
    }
    const path = at(issue.path);
    return [path ? `**${path}**: ${issue.message}` : issue.message];
  });
}

/** A configuration mistake, not a crash: the message is the whole story. */
export function configError(what: string, lines: string[], hint = HINT): AstroError {
  const error = new AstroError(`${what}:\n${lines.join('\n')}`, hint);
  error.stack = '';
  return error;
}
