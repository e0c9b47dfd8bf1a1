// @ts-check
import { defineConfig } from 'astro/config';
import signpost from 'signpost';

// The Account Connection Guide as a site of its own. To add guides to a site you already have,
// add `signpost({ prefix: '/help/' })` to its integrations and the `signpost` collection to its
// src/content.config.ts (see the README).
export default defineConfig({
  // The public address of the site, for absolute URLs in sitemap.xml (e.g. https://help.example.com).
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
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
