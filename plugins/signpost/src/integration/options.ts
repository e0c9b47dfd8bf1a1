/**
 * The options of the `signpost()` integration, validated with zod before Astro does any work.
 * Every value here reaches pages, headers or the Content-Security-Policy, so each is checked
 * against a narrow alphabet rather than escaped later.
 *
 * ```js
 * signpost({ guides: 'guide', prefix: '/help/', siteName: 'Acme Help', accentColor: '#0b6bcb' })
 * ```
 */
import { z } from 'astro/zod';
import { BasePathSchema, FeedbackEndpointSchema, parseSetting } from '../core/schemas/site-config.ts';
import { contrast, lighten, readableOn, type Rgb, parseHex } from './colour.ts';
import { isKnownDirective } from '../core/parse/vocabulary.ts';
import type { ComponentSchema } from '../core/parse/site-components.ts';

/** A folder or file path as written in astro.config.mjs: text without control characters. */
const localPath = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  // eslint-disable-next-line no-control-regex
  .refine((path) => !/[\u0000-\u001f\u007f]/.test(path), 'must not contain control characters');

/** A value checked by one of the site's setting schemas (shared with the command line). */
function setting<T>(schema: Parameters<typeof parseSetting<T>>[0]) {
  return z.string().transform((value, context): T => {
    const parsed = parseSetting(schema, value);
    if ('value' in parsed) return parsed.value;
    context.issues.push({ code: 'custom', input: value, message: parsed.message });
    return z.NEVER;
  });
}

/**
 * A path on the site: `/`, or `/segment/…/` of URL-safe characters, normalised to start and end
 * with `/` (`help`, `/help` and `/help/` are the same prefix).
 */
const sitePath = setting(BasePathSchema);

/**
 * Where "Did this answer your question?" answers are sent: an `https://` URL, or a path on the
 * same site (`/api/feedback`). A URL's origin goes into the Content-Security-Policy.
 */
const feedbackEndpoint = setting(FeedbackEndpointSchema);

const BAD_URL_CHARACTERS = /[\s"'<>\\^`{|};,\u0000-\u001f\u007f]/;

/** A colour as `#rrggbb`. */
const hexColour = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written `#rrggbb`, such as `#1d5fd1`');

const LIGHT_BACKGROUND: Rgb = [255, 255, 255];
const DARK_BACKGROUND: Rgb = [15, 20, 27];

/**
 * The accent colour of links and buttons. One colour is used in light mode and lightened for
 * dark mode; `{ light, dark }` sets both. Each must reach 4.5:1 against its background, so that
 * links stay readable.
 */
const accentColor = z
  .union([hexColour, z.strictObject({ light: hexColour, dark: hexColour })])
  .transform((value) => {
    const light = typeof value === 'string' ? value : value.light;
    const dark = typeof value === 'string' ? lighten(parseHex(light), DARK_BACKGROUND, 4.5) : value.dark;
    return { light: light.toLowerCase(), dark: dark.toLowerCase() };
  })
  .superRefine((value, context) => {
    for (const [mode, background] of [
      ['light', LIGHT_BACKGROUND],
      ['dark', DARK_BACKGROUND],
    ] as const) {
      const ratio = contrast(parseHex(value[mode]), background);
      if (ratio < 4.5) {
        context.addIssue({
          code: 'custom',
          message: `the ${mode} accent \`${value[mode]}\` has a contrast of ${ratio.toFixed(2)}:1 with the ${mode} background; links need 4.5:1, choose a ${mode === 'light' ? 'darker' : 'lighter'} colour`,
        });
      }
    }
  });

/** A link on the site or elsewhere, for the header's way back to the main site. */
const href = z
  .string()
  .trim()
  .refine((value) => !BAD_URL_CHARACTERS.test(value), 'must not contain spaces, quotes or characters a URL escapes')
  .refine((value) => {
    if (value.startsWith('/') && !value.startsWith('//')) return true;
    try {
      return ['https:', 'http:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an `https://` URL or a path starting with `/`');

/**
 * A site's own component for guides: its Astro file and the zod schema of its attributes
 * (from `astro/zod`). Guides write it as a directive named by its key.
 */
const siteComponent = z.strictObject({
  /** The `.astro` file, relative to the project root, e.g. `./src/components/PlanBadge.astro`. */
  entrypoint: localPath.refine((path) => path.endsWith('.astro'), 'must be an `.astro` file'),
  /** The attributes a guide may give it: `z.object({ plan: z.enum(['basic', 'pro']) })`. Default: none. */
  schema: z
    .custom<ComponentSchema>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        'shape' in value &&
        typeof (value as { safeParse?: unknown }).safeParse === 'function',
      'must be a zod object schema, such as `z.object({ plan: z.string() })` from `astro/zod`',
    )
    .optional(),
});

/** The site's components by name: each a lowercase slug that is no directive of Signpost's own. */
const siteComponents = z.record(z.string(), siteComponent).superRefine((components, context) => {
  for (const name of Object.keys(components)) {
    const problem = !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)
      ? 'must be a lowercase name with hyphens, such as `plan-badge`'
      : isKnownDirective(name)
        ? 'is one of Signpost’s own directives; choose another name'
        : undefined;
    if (problem) context.addIssue({ code: 'custom', path: [name], message: problem });
  }
});

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const SignpostOptionsSchema = z
  .strictObject({
    /** The folder that holds the guides (one folder per guide), relative to the project root. */
    guides: localPath.default('guide'),
    /** Where the guides live on the site: `/` (the default) or a path such as `/help/`. */
    prefix: sitePath.default('/'),
    /** Drafts fail the build instead of being published with a Draft badge. */
    strict: z.boolean().default(false),
    /**
     * Where readers' answers to "Did this answer your question?" are sent, as a JSON POST
     * (`{ guide, node, answer, path }`) with `navigator.sendBeacon`. Without it nothing is sent
     * anywhere: the page only emits a `signpost:feedback` DOM event.
     */
    feedbackEndpoint: feedbackEndpoint.optional(),
    /** The name in the header and in page titles, e.g. `Acme Help`. Default: the guide list's title. */
    siteName: text(60).optional(),
    /** A logo for the header: an image file in the project (`src` relative to the root) and its text. */
    logo: z
      .strictObject({
        /** The image file, relative to the project root, e.g. `./src/assets/logo.svg`. */
        src: localPath.refine((path) => /\.(svg|png|jpe?g|webp|avif)$/i.test(path), 'must be an SVG, PNG, JPEG, WebP or AVIF file'),
        /** What the logo says, for screen readers (the site's name, usually). */
        alt: text(80),
      })
      .optional(),
    /** The accent colour of links and buttons: `#rrggbb`, or `{ light, dark }`. */
    accentColor: accentColor.optional(),
    /** A link back to the main site, shown in the header, e.g. `{ href: '/', label: 'Acme' }`. */
    home: z.strictObject({ href, label: text(40) }).optional(),
    /**
     * The site's own components guides may use, by directive name:
     * `{ 'plan-badge': { entrypoint: './src/components/PlanBadge.astro', schema: z.object({ plan: z.string() }) } }`.
     */
    components: siteComponents.optional(),
  })
  .default({ guides: 'guide', prefix: '/', strict: false });

export type SignpostUserOptions = z.input<typeof SignpostOptionsSchema>;
export type SignpostOptions = z.output<typeof SignpostOptionsSchema>;

/** The site's components as `check` reads them: each name with its attributes' schema (none: no attributes). */
export function componentSchemas(options: Pick<SignpostOptions, 'components'>): Map<string, ComponentSchema> {
  return new Map(
    Object.entries(options.components ?? {}).map(([name, component]) => [
      name,
      component.schema ?? (z.strictObject({}) as unknown as ComponentSchema),
    ]),
  );
}

/** The text colour on an accent background: black or white, whichever reads better. */
export function accentForeground(accent: string): string {
  return readableOn(parseHex(accent));
}
