// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { remarkSignpostSyntax } from './plugins/signpost/lib/processor.ts';

// Astro 7's default Markdown processor runs no remark plugins: the unified processor does,
// and MDX inherits it, so guides are parsed with the same directive syntax as `npm run check`.
export default defineConfig({
  markdown: {
    processor: unified({ remarkPlugins: [remarkSignpostSyntax] }),
  },
  integrations: [mdx()],
});
