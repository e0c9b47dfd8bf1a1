/**
 * The words rules' messages share: code quoted as code, lists of it, a proposal, and what is
 * wrong with a file a node points at (the same for an image and a linked file).
 */

/** `text` as code: `` `text` ``. */
export const code = (text: string): string => `\`${text}\``;
/** Names as code, joined by commas. */
export const codes = (names: readonly string[]): string => names.map(code).join(', ');
/** "; did you mean `proposal`?", or `otherwise` without a proposal. */
export const proposing = (proposal: string | undefined, otherwise: string): string =>
  proposal === undefined ? otherwise : `; did you mean ${code(proposal)}?`;

/** What is wrong with a file a node points at: the same words for an image and a linked file. */
export const FILE_MESSAGES = {
  outsideGuide: (path: string, guide: string, what: string) =>
    what === 'file'
      ? `${code(path)} is outside the guide folder; copy the file into ${code(`${guide}/`)}, or link to a page of the site from its root (\`/<guide>/<node>/\`)`
      : `${code(path)} is outside the guide folder; copy the ${what} into ${code(`${guide}/`)}, such as \`./img/\``,
  notFound: (what: string, path: string, shown: string, proposal: string | undefined) =>
    `Cannot find ${what} ${code(path)} (looked for ${code(shown)})${proposal ? `; did you mean ${code(proposal)}?` : `; save the ${what} there, or correct the path`}`,
  // What core/parse/linked-file.ts refuses: the file's real place, its kind, and its real type.
  linkOutside: (path: string, guide: string) =>
    `${code(path)} is a symbolic link that leads outside the guide folder, so it is not read; copy the file itself into ${code(`${guide}/`)}`,
  notRegular: (path: string, what: string) => `${code(path)} is ${what}, not a regular file, so it is not read; save a regular file there`,
  unreadable: (path: string, reason: string) => `Cannot read ${code(path)} (${reason}); check its permissions`,
  runnable: (path: string, what: string, fix: string) => `${code(path)} is ${what}, which would run on the help site's own address; ${fix}`,
  unknownType: (path: string, ext: string, allowed: readonly string[]) =>
    `${code(path)} is ${ext ? `a ${code(`.${ext}`)} file` : 'a file without extension'}, not a type Signpost publishes; use ${allowed.map((e) => code(`.${e}`)).join(', ')}, or publish it elsewhere and link to its address`,
  disguised: (path: string, ext: string, what: string, fix: string | undefined) =>
    fix
      ? `${code(path)} is named ${code(`.${ext}`)} but is ${what}, which would run on the help site's own address; ${fix}`
      : `${code(path)} is named ${code(`.${ext}`)} but holds ${what}; save it as a real ${code(`.${ext}`)} file, or give it the extension of what it is`,
  markup: (path: string, what: string, markup: string, fix: string) =>
    `${code(path)} (${what}) also holds HTML markup (${markup}), which a browser would run on the help site's own address if it took the file for a page; ${fix}`,
  captionsStyle: (path: string, loads: string, line: number) =>
    `${code(path)} (WebVTT captions) has a \`STYLE\` block that could load from another address (${code(loads)} on line ${line}), which a browser would fetch whenever it shows the captions; style cues with colours, fonts and outlines only (\`::cue { color: yellow }\`), with no \`url(\`, \`@import\`, \`image(\`, \`image-set(\`, \`src(\` or backslash escape`,
  hardLink: (path: string, names: number) =>
    `${code(path)} is a hard link (one file with ${names} names, which may be outside the guide folder), so it is not read; replace it with a copy of the file`,
  slashAfterFile: (path: string, file: string) =>
    `${code(path)} ends like a folder, but ${code(file)} is a file: a browser would ask for another address; write ${code(file)}`,
  nulInPath: (path: string) => `${code(path)} holds a NUL character (\`%00\`), which no file name holds; correct the path`,
  brokenImage: (path: string, what: string, why: string) =>
    `${code(path)} is ${what} that cannot be shown: ${why}; export it again from an image editor`,
};
