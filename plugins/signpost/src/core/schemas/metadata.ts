import { z } from 'zod';

const DATE = 'expected a date like `2024-03-15` or `2024-03`';

/** Dates as writers say them: a day (`2024-03-15`) or a month (`2024-03`), and a real one. */
const isoDate = z
  .string({ error: DATE })
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, DATE)
  .refine((date) => {
    const [year, month, day] = date.split('-').map(Number);
    if (day === undefined) return true;
    return new Date(Date.UTC(year!, month! - 1, day)).getUTCDate() === day;
  }, 'this day does not exist');

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

const LANGUAGE = 'expected a language tag like `en` or `pt-BR`';
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** A BCP 47 language tag of a known language (and region, if given), e.g. `en` or `pt-BR`. */
const language = z.string({ error: LANGUAGE }).refine((tag) => {
  try {
    const locale = new Intl.Locale(Intl.getCanonicalLocales(tag)[0]!);
    if (!/^[a-z]{2,3}$/.test(locale.language) || languageNames.of(locale.language) === undefined) return false;
    return locale.region === undefined || regionNames.of(locale.region) !== undefined;
  } catch {
    return false;
  }
}, LANGUAGE);

/** YAML reads `start: 404` as a number; an id is text either way. */
const id = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string({ error: 'expected the id of a node' }).trim().min(1, 'must not be empty'),
);

/** A guide's metadata: the frontmatter of its `index.mdx`. */
export const GuideMetaSchema = z.strictObject({
  /** The guide's name, shown in the header and the guide list. */
  title: z.string({ error: 'expected text' }).trim().min(1, 'must not be empty'),
  /** One or two sentences saying what the guide helps with. */
  summary: z.string({ error: 'expected text' }).trim().min(1, 'must not be empty').optional(),
  /** The id of the node readers start at. */
  start: id,
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
