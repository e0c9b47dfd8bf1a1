/**
 * The Astro integration: the site-wide options of Signpost, from `astro.config.mjs`.
 *
 * ```js
 * integrations: [signpost({ feedbackEndpoint: 'https://example.com/api/feedback' })]
 * ```
 */
import type { AstroIntegration } from 'astro';
import { z } from 'zod';

export const SignpostOptionsSchema = z.strictObject({
  /**
   * Where readers' answers to "Did this answer your question?" are sent, as a JSON POST
   * (`{ guide, node, answer, path }`) with `navigator.sendBeacon`. An `https://` URL or a path
   * on the site. Without it nothing is sent anywhere: the page only emits a DOM event.
   */
  feedbackEndpoint: z
    .string()
    .refine((value) => value.startsWith('/') || /^https:\/\//.test(value), 'must be an https:// URL or a path starting with /')
    .optional(),
});

export type SignpostOptions = z.input<typeof SignpostOptionsSchema>;

export function signpost(options: SignpostOptions = {}): AstroIntegration {
  const parsed = SignpostOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid Signpost option \`${issue.path.join('.')}\` in astro.config.mjs: ${issue.message}`);
  }
  return {
    name: 'signpost',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            define: {
              'import.meta.env.SIGNPOST_FEEDBACK_ENDPOINT': JSON.stringify(parsed.data.feedbackEndpoint ?? ''),
            },
          },
        });
      },
    },
  };
}
