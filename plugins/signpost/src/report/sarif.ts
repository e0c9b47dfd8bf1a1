/**
 * `check --format sarif`: a SARIF 2.1.0 log, the format code-scanning tools read (GitHub's
 * `upload-sarif`, Azure DevOps, IDE viewers). One run, Signpost as its tool with the rules the
 * results use (each with its documentation as `help`), one result per problem with its region,
 * its related locations and its fix.
 *
 * Paths are relative to `%SRCROOT%`, the folder `check` ran in; columns count UTF-16 code units,
 * as the parser counts them.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Region, ReportingDescriptor, Result } from 'sarif';
import type { Problem, Related } from '../core/problems.ts';
import { RULES, ruleDocsFile, type RuleId } from '../core/rules/catalogue.ts';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A path relative to `cwd`, as a URI reference (`guide/my%20guide/index.mdx`). */
function uriOf(file: string, cwd: string): string {
  const path = relative(cwd, file) || '.';
  return path
    .split(sep)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function regionOf(place: { line: number; column: number; endLine?: number | undefined; endColumn?: number | undefined }): Region {
  return {
    startLine: place.line,
    startColumn: place.column,
    ...(place.endLine !== undefined ? { endLine: place.endLine } : {}),
    ...(place.endColumn !== undefined ? { endColumn: place.endColumn } : {}),
  };
}

/** Whether a problem lies in a file (a line in it), not on a whole folder. */
const inFile = (problem: Problem | Related): boolean => problem.file.endsWith('.mdx');

function ruleOf(rule: RuleId, helpUri: (rule: RuleId) => string | undefined): ReportingDescriptor {
  const { severity, summary } = RULES[rule];
  let help: string | undefined;
  try {
    help = readFileSync(ruleDocsFile(rule), 'utf8');
  } catch {
    help = undefined;
  }
  const uri = helpUri(rule);
  return {
    id: rule,
    shortDescription: { text: summary },
    defaultConfiguration: { level: severity === 'error' ? 'error' : 'warning' },
    ...(uri ? { helpUri: uri } : {}),
    ...(help ? { help: { text: help, markdown: help } } : {}),
  };
}

export interface SarifOptions {
  cwd: string;
  version: string;
  /** Where a rule is explained on the web (`SIGNPOST_DOCS_URL`), if anywhere. */
  helpUri?: ((rule: RuleId) => string | undefined) | undefined;
}

/** The SARIF log of a check. */
export function sarifLog(problems: Problem[], { cwd, version, helpUri = () => undefined }: SarifOptions): Log {
  const rules = [...new Set(problems.map((p) => p.rule))];
  const results = problems.map((p): Result => {
    const location = (file: string, place: Problem | Related) => ({
      physicalLocation: {
        artifactLocation: { uri: uriOf(file, cwd), uriBaseId: '%SRCROOT%' },
        ...(inFile(place) ? { region: regionOf(place) } : {}),
      },
    });
    return {
      ruleId: p.rule,
      ruleIndex: rules.indexOf(p.rule),
      level: p.severity === 'error' ? 'error' : 'warning',
      message: { text: p.message },
      locations: [location(p.file, p)],
      ...(p.related?.length
        ? { relatedLocations: p.related.map((r, index) => ({ id: index + 1, ...location(r.file, r), message: { text: r.message } })) }
        : {}),
      ...(p.expected?.length && inFile(p) && p.endLine !== undefined
        ? {
            fixes: p.expected.map((text) => ({
              description: { text: text ? `Replace with \`${text}\`` : 'Remove' },
              artifactChanges: [
                {
                  artifactLocation: { uri: uriOf(p.file, cwd), uriBaseId: '%SRCROOT%' },
                  replacements: [{ deletedRegion: regionOf(p), insertedContent: { text } }],
                },
              ],
            })),
          }
        : {}),
    };
  });
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Signpost',
            version,
            rules: rules.map((rule) => ruleOf(rule, helpUri)),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
