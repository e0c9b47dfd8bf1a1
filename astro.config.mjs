// @ts-check
import { defineConfig } from 'astro/config';
import signpost, { siteUrl } from 'signpost';

// The Account Connection Guide as a site of its own. To add guides to a site you already have,
// add `signpost({ prefix: '/help/' })` to its integrations and the `signpost` collection to its
// src/content.config.ts (see the README).

// The public address, for absolute URLs in sitemap.xml (e.g. SITE_URL=https://help.example.com),
// checked before Astro sees it.
const site = siteUrl(process.env.SITE_URL);

export default defineConfig({
  ...(site ? { site } : {}),
  trailingSlash: 'always',
  // Signpost sends nothing anywhere by default; the dev toolbar's scripts would also break the
  // pages' Content-Security-Policy.
  devToolbar: { enabled: false },
  integrations: [
    signpost({
      // The folder of guides, one folder per guide.
      guides: 'guide',
      // Where "Did this answer your question?" answers are sent (none by default).
      feedbackEndpoint: process.env.SIGNPOST_FEEDBACK_URL || undefined,
    }),
  ],
});
