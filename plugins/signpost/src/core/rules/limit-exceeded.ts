/**
 * `limit-exceeded`: a file, paragraph, nesting, question or guide past the limits that keep
 * checks and builds fast (parse/limits.ts). A file rule for what one file's text and tree go
 * past, as the parse noted it (before parsing, after parsing, in the frontmatter, an example);
 * the guide's size and folders its folder check's, over what the walk noted (graph/folder-model.ts); a question's answers and
 * a guide's patterns whole-guide rules, shown files broken-file.ts's.
 * `docs/limit-exceeded.md` explains it.
 */
import { basename } from 'node:path';
import { type FileModel, factsOfTypes } from '../parse/file-model.ts';
import type { LimitBreach } from '../parse/facts.ts';
import { openingOf } from '../parse/directives.ts';
import { LIMITS } from '../parse/limits.ts';
import type { Finding, Report } from './define.ts';
import { code } from './words.ts';
import { defineRule } from './define.ts';

export const limitExceededRule = defineRule(
  {
    id: 'limit-exceeded',
    severity: 'error',
    summary: 'a file, paragraph, nesting, question or guide past the limits that keep checks and builds fast',
    messages: {
      tableCells: (most: number) =>
        `This file has over ${most} table cells (\`|\`) by this line; split its tables into several files or shorter tables`,
      fileSize: (size: string, most: number) =>
        `This file is ${size}; a guide file may hold at most ${most} KB: split it into several files`,
      blockChars: (line: number, most: number) =>
        `The block of lines starting at line ${line} is over ${most} characters; separate its paragraphs with blank lines or shorten it`,
      inlineMarkers: (line: number, most: number) =>
        `The block of lines starting at line ${line} has over ${most} \`*\`, \`_\`, \`[\` and \`<\`; split it into shorter paragraphs`,
      indent: (columns: number, most: number) =>
        `This line is indented ${columns} columns; at most ${most}: nest lists and quotes less deeply`,
      quotes: (depth: number, most: number) => `Blockquotes nest ${depth} deep here; at most ${most}`,
      lineContainers: (count: number, most: number) =>
        `This line opens or continues ${count} lists and blockquotes; at most ${most}: nest them less deeply`,
      fence: (colons: number, most: number) => `This fence has ${colons} colons; at most ${most}: nest directives less deeply`,
      directiveDepth: (depth: number, most: number) =>
        `Directives nest ${depth} deep here; at most ${most}: close the ones above with a line of colons (\`:::\`) before opening more`,
      elementDepth: (most: number) =>
        `Over ${most} HTML elements are open here, one inside another (\`<details>\` in \`<details>\`); close elements before opening more`,
      treeDepth: (most: number, deepest: number) =>
        `Content here is nested more than ${most} levels deep (${deepest} at the deepest): lists, quotes, directives, elements or emphasis inside one another; nest them less deeply`,
      tooDeepToParse: () => 'This file nests too deeply to parse; nest lists, quotes and directives less deeply',
      yamlBrackets: (most: number) =>
        `The frontmatter holds over ${most} \`[\` and \`{\`; write each field as \`name: value\`, and put text that holds brackets in quotes`,
      yamlLineIndicators: (count: number, most: number) =>
        `This frontmatter line nests ${count} lists or keys (\`- \`, \`? \`); at most ${most}: write one field a line`,
      yamlAliases: (most: number) =>
        `The aliases (\`*name\`) of this frontmatter expand to more than ${most} values; write the values out instead`,
      yamlTooLarge: () => 'The frontmatter is too large or nests too deeply to read; write each field as `name: value`',
      options: (id: string, count: number, most: number) =>
        `Question ${code(id)} has ${count} answers; at most ${most}: group them under further questions`,
      guideNodes: (slug: string, most: number) =>
        `Guide ${code(slug)} has more than ${most.toLocaleString('en')} nodes from this one on; split it into several guides`,
      guideAnswers: (slug: string, most: number) =>
        `Guide ${code(slug)} has more than ${most.toLocaleString('en')} answers by this node; split it into several guides, or group answers under further questions`,
      guideFiles: (slug: string, most: number) =>
        `Guide ${code(slug)} has over ${most.toLocaleString('en')} \`.mdx\` files; split it into several guides`,
      guideBytes: (slug: string, megabytes: number) =>
        `Guide ${code(slug)} holds over ${megabytes} MB of \`.mdx\` files; split it into several guides`,
      guideEntries: (slug: string, most: number) =>
        `Guide folder ${code(slug)} holds over ${most.toLocaleString('en')} files and folders; a guide folder holds its \`.mdx\` files and images: check that this is the folder you meant`,
      folderDepth: (depth: number, most: number) =>
        `This folder is ${depth} folders deep in the guide; at most ${most}: keep a guide's files in fewer levels of folders`,
      // Files a guide links to or shows (core/parse/linked-file.ts).
      linkedFileSize: (path: string, megabytes: string, most: number) =>
        `${code(path)} is ${megabytes} MB; a file a guide links to or shows may hold at most ${most} MB: make it smaller, or publish it elsewhere and link to its address`,
      imageSide: (path: string, width: number, height: number, most: number) =>
        `Image ${code(path)} is ${width} × ${height} pixels; at most ${most.toLocaleString('en')} pixels a side: scale it down (a page shows it at most 736 pixels wide)`,
      imagePixels: (path: string, width: number, height: number, most: number) =>
        `Image ${code(path)} is ${width} × ${height} pixels (${Math.round((width * height) / 1_000_000)} megapixels); at most ${most / 1_000_000} megapixels: scale it down (a page shows it at most 736 pixels wide)`,
      animationPixels: (path: string, width: number, height: number, frames: number, most: number) =>
        `Animation ${code(path)} is ${frames.toLocaleString('en')} frames of ${width} × ${height} pixels (${Math.round((width * height * frames) / 1_000_000)} megapixels to decode); at most ${most / 1_000_000} megapixels over all its frames: shorten it or scale it down, or make it a video (\`.mp4\`)`,
      // Error cards' patterns and examples (core/parse/match-parts.ts, core/rules/card-patterns.ts).
      exampleChars: (chars: number, most: number) =>
        `This example is ${chars.toLocaleString('en')} characters long; the paste box reads at most ${most.toLocaleString('en')} characters of a line: keep the part that names the error`,
      patternWork: (id: string, what: 'example' | 'message' | 'alias', most: number) =>
        `Trying this guide's \`match\` patterns on its cards' lines goes past ${(most / 1_000_000).toLocaleString('en')} million steps at this ${what} of ${code(id)}, and the lines from here on were not tried: every pattern runs on every line that holds its rarest word; shorten the examples, and give each card's patterns a word that other cards' lines do not hold`,
    },
  },
  {
    file: checkLimits,
    folder: (folder, report) => {
      for (const fact of folder.facts) {
        if (fact.type === 'too-deep') report(fact.path, limitExceededRule.say('folderDepth', fact.depth, LIMITS.folderDepth));
        if (fact.type === 'unread' && 'tooLarge' in fact.source) report(fact.path, fileTooLarge(fact.source.tooLarge));
        if (fact.type !== 'too-large') continue;
        const slug = basename(fact.path);
        const finding =
          fact.what === 'entries'
            ? limitExceededRule.say('guideEntries', slug, LIMITS.guideEntries)
            : fact.what === 'bytes'
              ? limitExceededRule.say('guideBytes', slug, LIMITS.guideBytes / 1024 ** 2)
              : limitExceededRule.say('guideFiles', slug, LIMITS.guideFiles);
        report(fact.path, finding);
      }
    },
  },
);

/** The finding for a file past `LIMITS.fileBytes` (`bytes` long, or at least that long). */
export function fileTooLarge(bytes: number): Finding {
  // Rounded up: a file one byte over 256 KB says 257 KB, not "256 KB; at most 256 KB".
  const size =
    bytes >= 1024 ** 3
      ? `${(bytes / 1024 ** 3).toFixed(1)} GB`
      : bytes >= 1024 ** 2
        ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
        : `${Math.ceil(bytes / 1024)} KB`;
  return limitExceededRule.say('fileSize', size, LIMITS.fileBytes / 1024);
}

/** What a breach of a limit says, by the limit. */
function breachFinding({ limit, found = 0, blockLine = 1 }: LimitBreach): Finding {
  switch (limit) {
    case 'fileBytes':
      return fileTooLarge(found);
    case 'tableCells':
      return limitExceededRule.say('tableCells', LIMITS.tableCells);
    case 'indentColumns':
      return limitExceededRule.say('indent', found, LIMITS.indentColumns);
    case 'quoteDepth':
      return limitExceededRule.say('quotes', found, LIMITS.quoteDepth);
    case 'lineContainers':
      return limitExceededRule.say('lineContainers', found, LIMITS.lineContainers);
    case 'fenceColons':
      return limitExceededRule.say('fence', found, LIMITS.fenceColons);
    case 'directiveDepth':
      return limitExceededRule.say('directiveDepth', found, LIMITS.directiveDepth);
    case 'treeDepth':
      return limitExceededRule.say('elementDepth', LIMITS.treeDepth);
    case 'blockChars':
      return limitExceededRule.say('blockChars', blockLine, LIMITS.blockChars);
    case 'inlineMarkers':
      return limitExceededRule.say('inlineMarkers', blockLine, LIMITS.inlineMarkers);
    case 'yamlLineIndicators':
      return limitExceededRule.say('yamlLineIndicators', found, LIMITS.yamlLineIndicators);
    case 'yamlBrackets':
      return limitExceededRule.say('yamlBrackets', LIMITS.yamlBrackets);
  }
}

function checkLimits(file: FileModel, report: Report): void {
  for (const fact of factsOfTypes(file, [
    'limit-breach',
    'yaml-limit-breach',
    'parser-overflowed',
    'tree-too-deep',
    'yaml-error',
    'yaml-aliases',
    'example',
  ])) {
    switch (fact.type) {
      case 'limit-breach':
      case 'yaml-limit-breach':
        report(breachFinding(fact.breach), fact.breach.place);
        break;
      case 'parser-overflowed':
        // The limits are set so that this does not happen; should it, it is still the writer's
        // nesting that the parser could not follow.
        report(limitExceededRule.say('tooDeepToParse'), { line: 1, column: 1 });
        break;
      case 'tree-too-deep':
        // Every later step (the checks, the page's HTML) recurses per level of the tree.
        report(limitExceededRule.say('treeDepth', LIMITS.treeDepth, fact.deepest), fact.place);
        break;
      case 'yaml-error':
        if (fact.code === 'RESOURCE_EXHAUSTION') report(limitExceededRule.say('yamlTooLarge'), fact.place);
        break;
      case 'yaml-aliases':
        report(limitExceededRule.say('yamlAliases', LIMITS.yamlAliases), fact.place);
        break;
      case 'example':
        // Longer, it would be proven on characters a reader's paste is never read to, at a cost.
        if (fact.text.length > LIMITS.exampleChars) {
          report(
            limitExceededRule.say('exampleChars', fact.text.length, LIMITS.exampleChars),
            fact.directive.position ?? openingOf(fact.directive)!,
          );
        }
        break;
      default:
        break;
    }
  }
}
