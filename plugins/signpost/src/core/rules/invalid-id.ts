/**
 * `invalid-id`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/invalid-id.md` explains it.
 */
import { LIMITS } from '../parse/limits.ts';
import { RESERVED_GUIDE_SLUGS, shorten, SLUG, slugify } from '../suggest.ts';
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const invalidIdRule = defineRule(
  {
    id: 'invalid-id',
    severity: 'error',
    summary: 'an id (or a guide folder name) is not a lowercase slug',
    messages: {
      noId: (name: string, example: string) => `${code(name)} has no id; add one after its name: ${code(`${name}{#${example}}`)}`,
      tooLong: (id: string, length: number, most: number) =>
        `Id ${code(id)} is ${length} characters long, and it becomes the page's URL and a folder name; at most ${most}: choose a shorter id`,
      notSlug: (id: string, proposal: string | undefined) => ({
        message: `Id ${code(id)} is not a lowercase slug (letters a–z, digits, single hyphens)${proposal ? `; use ${code(proposal)}` : '; use lowercase letters, digits and single hyphens'}`,
        ...(proposal ? { expected: [`#${proposal}`] } : {}),
      }),
      /** `{#Private Owner}`: the words after the id were read as attributes. */
      withSpace: (written: string, proposal: string) => ({
        message: `Id ${code(written)} has a space, and an id ends at the first space; write it as a lowercase slug: ${code(`#${proposal}`)}`,
        expected: [`#${proposal}`],
      }),
      reserved: (id: string, what: string) => `Id ${code(id)} is reserved for the guide's ${what} (\`/<guide>/${id}/\`); choose another id`,
      formerNotSlug: (id: string, proposal: string | undefined) =>
        `Former id ${code(id)} in \`moved-from\` is not a lowercase slug, so no page ever had it${proposal ? `; did you mean ${code(proposal)}?` : ''}`,
      folderTooLong: (slug: string, length: number, most: number) =>
        `Guide folder ${code(slug)} is ${length} characters long, and it becomes the guide's URL and a folder name; at most ${most}: rename it shorter`,
      folderNotSlug: (slug: string, proposal: string | undefined) =>
        `Guide folder ${code(slug)} is not a lowercase slug, and it becomes the guide's URL${proposal ? `; rename it ${code(proposal)}` : ''}`,
      folderReserved: (slug: string, what: string) =>
        `Guide folder ${code(slug)} clashes with the site's ${what} (\`/${slug}/\`); rename it`,
    },
  },
  {
    folder: (folder, report) => {
      if (folder.kind !== 'guide') return;
      const { slug } = folder;
      if (slug.length > LIMITS.idLength) {
        report(folder.dir, invalidIdRule.say('folderTooLong', shorten(slug), slug.length, LIMITS.idLength));
      } else if (!SLUG.test(slug)) {
        report(folder.dir, invalidIdRule.say('folderNotSlug', slug, slugify(slug) || undefined));
      } else if (RESERVED_GUIDE_SLUGS.has(slug)) {
        report(folder.dir, invalidIdRule.say('folderReserved', slug, RESERVED_GUIDE_SLUGS.get(slug)!));
      }
    },
  },
);
