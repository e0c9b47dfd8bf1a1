/**
 * `unreadable-file`: a guide file that cannot be read as text: not readable, not a regular
 * file, not UTF-8. What the reading refuses outright is the guide loader's (core/graph); a text
 * with bytes that are not UTF-8, read on with them replaced, is a file rule over what the parse
 * noted. `docs/unreadable-file.md` explains it.
 */
import { factsOfType } from '../parse/file-model.ts';
import { defineRule } from './define.ts';

export const unreadableFileRule = defineRule(
  {
    id: 'unreadable-file',
    severity: 'error',
    summary: 'a file that cannot be read or is not UTF-8',
    messages: {
      cannotRead: (reason: string) => `Cannot read this file (${reason}); check its permissions`,
      notUtf8: () => 'This file is not valid UTF-8 from here on; save it with UTF-8 encoding',
      wrongEncoding: (encoding: string) =>
        `This file is saved as ${encoding}; save it as UTF-8 (in most editors: Save with Encoding, UTF-8)`,
      notRegular: (what: string) => `This is ${what}, not a regular file, so it is not read; a guide file must be a regular \`.mdx\` file`,
      linkedFolder: () =>
        'This folder is a symbolic link, and Signpost does not follow links to folders; move the folder here, or delete the link',
      otherFileSystem: () =>
        'This folder is on another file system (a mount point), which Signpost does not walk into; copy the guide here',
      hardLink: (names: number) =>
        `This file is a hard link (one file with ${names} names, which may be outside the guide folder), so it is not read; replace it with a copy of the file`,
      linkMissing: () => 'This symbolic link points to a file that does not exist; fix or delete the link',
      linkLoop: () => 'This symbolic link leads back to itself through a loop of links; point it at the file, or delete the link',
      nameNotUtf8: (name: string) =>
        `\`${name}\` in this folder has a name that is not UTF-8, so it cannot be named in a guide or on the web; rename it`,
      linkOutside: () => 'This symbolic link points outside the guide folder; copy the file into the guide instead',
    },
  },
  (file, report) => {
    for (const { place } of factsOfType(file, 'invalid-utf8')) report(unreadableFileRule.say('notUtf8'), place);
  },
);
