import { z } from 'zod';

/** Dates as writers say them: a day (`2024-03-15`) or a month (`2024-03`). */
const isoDate = z
  .string({ error: 'expected a date like `2024-03-15` or `2024-03`' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected a date like `2024-03-15` or `2024-03`');

/** Whom a stuck reader contacts. */
export const SupportSchema = z
  .strictObject({
    /** The address readers write to, e.g. `hello@example.com`. */
    email: z.email({ error: 'expected an email address like `help@example.com`' }).optional(),
    /** A contact page or chat, e.g. `https://example.com/contact`. */
    url: z.url({ protocol: /^https?$/, error: 'expected a web address starting with `https://`' }).optional(),
    /** How the contact is named on the page, e.g. `Perpetua support`. */
    label: z.string().trim().min(1, 'must not be empty').optional(),
  })
  .refine((support) => support.email !== undefined || support.url !== undefined, {
    error: 'needs an `email` or a `url` for readers to reach',
  });

/** A BCP 47 language tag, e.g. `en` or `pt-BR`. */
const language = z.string({ error: 'expected a language tag like `en` or `pt-BR`' }).refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'expected a language tag like `en` or `pt-BR`' },
);

/** A guide's metadata: the frontmatter of its `index.mdx`. */
export const GuideMetaSchema = z.strictObject({
  /** The guide's name, shown in the header and the guide list. */
  title: z.string({ error: 'expected text' }).trim().min(1, 'must not be empty'),
  /** One or two sentences saying what the guide helps with. */
  summary: z.string({ error: 'expected text' }).trim().min(1, 'must not be empty').optional(),
  /** The id of the node readers start at. */
  start: z.string({ error: 'expected the id of a node' }).trim().min(1, 'must not be empty'),
  /** When the content was last reviewed. */
  updated: isoDate.optional(),
  /** Who wrote or owns the guide. */
  author: z.string({ error: 'expected text' }).trim().min(1, 'must not be empty').optional(),
  /** Where readers escalate when the guide does not solve their problem. */
  support: SupportSchema.optional(),
  /** The language of the guide's text; sets `<html lang>` and the UI strings. */
  lang: language.default('en'),
});

export type GuideMeta = z.infer<typeof GuideMetaSchema>;
/** The frontmatter fields a writer may set. */
export const META_FIELDS = Object.keys(GuideMetaSchema.shape);
