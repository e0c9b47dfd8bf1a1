// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { signpost, siteUrl } from './plugins/signpost/integration.ts';
import { remarkSignpostSyntax } from './plugins/signpost/lib/processor.ts';

// `npm run build` (plugins/signpost/cli/build.ts) checks the guides first and passes `base`
// and `outDir`; guides are rendered from the tree `check` validated, not compiled as MDX pages.
// SITE_URL and SIGNPOST_FEEDBACK_URL are checked here too (the build command checks them first).
const site = siteUrl(process.env.SITE_URL);

export default defineConfig({
  // The public address of the site, for absolute URLs in sitemap.xml (e.g. https://help.example.com).
  ...(site ? { site } : {}),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Styles and scripts as files of their own: cacheable, and allowed by a strict
    // Content-Security-Policy without hashes.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
  // Astro 7's default Markdown processor runs no remark plugins: the unified processor does,
  // and MDX inherits it, so any MDX page in src/ reads directives the way guides are read.
  markdown: {
    processor: unified({ remarkPlugins: [remarkSignpostSyntax] }),
  },
  integrations: [
    mdx(),
    // feedbackEndpoint: where "Did this answer your question?" answers are sent (none by default).
    signpost({ feedbackEndpoint: process.env.SIGNPOST_FEEDBACK_URL || undefined }),
  ],
});
