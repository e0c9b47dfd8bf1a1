/**
 * `limit-exceeded`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/limit-exceeded.md` explains it.
 */
import { basename } from 'node:path';
import { fileTooLarge, LIMITS } from '../parse/limits.ts';
import { defineRule } from './define.ts';
import { code } from './words.ts';

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
