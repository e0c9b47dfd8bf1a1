/**
 * `unreadable-file`: a guide file that cannot be read as text: not readable, not a regular
 * file, not UTF-8, or a name of the guide folder that cannot be read. What the walk and the
 * reading refuse outright is its folder check's (graph/folder-model.ts); a text
 * with bytes that are not UTF-8, read on with them replaced, is a file rule over what the parse
 * noted. `docs/unreadable-file.md` explains it.
 */
import type { EntryKind, FolderFact } from '../graph/folder-model.ts';
import type { Finding } from './define.ts';
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
  {
    file: (file, report) => {
      for (const { place } of factsOfType(file, 'invalid-utf8')) report(unreadableFileRule.say('notUtf8'), place);
    },
    folder: (folder, report) => {
      for (const fact of folder.facts) {
        const finding = unreadableOf(fact);
        if (finding) report(fact.path, finding, { io: fact.type === 'unread' && 'error' in fact.source });
      }
    },
  },
);

/** What a fact of the walk or a read says is unreadable, if anything: `limit-exceeded` words a file too large. */
function unreadableOf(fact: FolderFact): Finding | undefined {
  const say = unreadableFileRule.say;
  switch (fact.type) {
    case 'name-not-utf8':
      return say('nameNotUtf8', fact.shown);
    case 'linked-folder':
      return say('linkedFolder');
    case 'other-file-system':
      return say('otherFileSystem');
    case 'not-regular':
      return say('notRegular', KINDS[fact.kind]);
    case 'link':
      return fact.leads === 'missing' ? say('linkMissing') : fact.leads === 'loop' ? say('linkLoop') : say('linkOutside');
    case 'unread': {
      const { source } = fact;
      if ('error' in source) return say('cannotRead', source.error.code ?? source.error.message);
      if ('notRegular' in source) return say('notRegular', KINDS[source.notRegular]);
      if ('encoding' in source) return say('wrongEncoding', source.encoding);
      if ('hardLink' in source) return say('hardLink', source.hardLink);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A `.mdx` name that is not a regular file, as the message names it: reading a FIFO would wait forever. */
const KINDS: Readonly<Record<EntryKind, string>> = {
  FIFO: 'a FIFO (named pipe)',
  socket: 'a socket',
  device: 'a device',
  folder: 'a folder',
  file: 'not a regular file',
  other: 'not a regular file',
};
