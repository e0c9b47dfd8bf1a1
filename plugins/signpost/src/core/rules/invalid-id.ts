/**
 * `invalid-id`: an id that is not a lowercase slug, too long or reserved: a node's id, a former
 * id in `moved-from`, or a guide folder's name. Node ids are a file rule over what extraction
 * read: the nodes opened (their ids as read), ids written with spaces (read as their slug) and
 * the former ids it left out. Guide folders' names are its folder check's.
 * `docs/invalid-id.md` explains it.
 */
import { LIMITS } from '../parse/limits.ts';
import { RESERVED_GUIDE_SLUGS, RESERVED_NODE_IDS, SLUG, shorten, slugify } from '../suggest.ts';
import { attributePlace, labelText, openingOf, ownAttributePlace } from '../parse/directives.ts';
import { code } from './words.ts';
import { factsOfTypes } from '../parse/file-model.ts';
import { defineRule, withoutExpected } from './define.ts';

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
    file: (file, report) => {
      for (const fact of factsOfTypes(file, ['spaced-id', 'former-id-refused', 'node-opened'])) {
        if (fact.type === 'spaced-id') {
          report(invalidIdRule.say('withSpace', fact.written, fact.proposal), fact.place);
        } else if (fact.type === 'former-id-refused' && fact.fault !== 'own-id') {
          const { former, place } = fact;
          if (fact.fault === 'not-slug') report(invalidIdRule.say('formerNotSlug', shorten(former), slugify(former) || undefined), place);
          else report(invalidIdRule.say('reserved', former, RESERVED_NODE_IDS.get(former)!), place);
        } else if (fact.type === 'node-opened') {
          const { directive, id } = fact;
          if (id === undefined || id === '') {
            const proposal = slugify(labelText(directive) ?? String(directive.attributes?.title ?? ''));
            report(invalidIdRule.say('noId', directive.name, proposal || 'my-node'), openingOf(directive));
          } else if (id.length > LIMITS.idLength) {
            report(invalidIdRule.say('tooLong', shorten(id), id.length, LIMITS.idLength), attributePlace(directive, 'id'));
          } else if (!SLUG.test(id)) {
            const finding = invalidIdRule.say('notSlug', id, slugify(id) || undefined);
            // The fix rewrites `#id` as written, so it is offered only where the id stands as `#id`.
            const place = ownAttributePlace(directive, 'id');
            const asHash = place?.start.offset !== undefined && file.text[place.start.offset] === '#';
            report(asHash ? finding : withoutExpected(finding), place ?? openingOf(directive));
          } else if (RESERVED_NODE_IDS.has(id)) {
            report(invalidIdRule.say('reserved', id, RESERVED_NODE_IDS.get(id)!), attributePlace(directive, 'id'));
          }
        }
      }
    },
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
