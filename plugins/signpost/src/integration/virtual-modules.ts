/**
 * The integration's configuration as the pages read it: `virtual:signpost/config` (options the
 * pages use) and `virtual:signpost/branding.css` (the accent colour as CSS variables, a
 * stylesheet of its own because the Content-Security-Policy refuses inline styles), as
 * `light-dark()` pairs that follow the reader's theme.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { accentForeground, type SignpostOptions } from './options.ts';
import type { PageConfig } from '../render/page-config.ts';

const CONFIG = 'virtual:signpost/config';
const BRANDING = 'virtual:signpost/branding.css';
/** The colours of highlighted code, as classes (see render/highlight.ts). */
const CODE = 'virtual:signpost/code.css';
/** The site's own components for guides, by name (see integration/page-components.ts). */
const COMPONENTS = 'virtual:signpost/components';
const MODULES = [CONFIG, BRANDING, CODE, COMPONENTS];

export const VIRTUAL_MODULE_TYPES = `declare module '${CONFIG}' {
  const config: import('signpost/render').PageConfig;
  export default config;
}
declare module '${BRANDING}' {}
declare module '${CODE}' {}
declare module '${COMPONENTS}' {
  const components: Record<string, import('astro/runtime/server/index.js').AstroComponentFactory>;
  export default components;
}
`;

/** The modules made of the options; `root` is the project folder, which their paths are relative to. */
export function virtualModules(options: SignpostOptions, root: string): Plugin {
  const config: Omit<PageConfig, 'logo'> = {
    prefix: options.prefix,
    feedbackEndpoint: options.feedbackEndpoint,
    siteName: options.siteName,
    home: options.home,
  };
  const configModule = options.logo
    ? [
        `import logo from ${JSON.stringify(`${resolve(root, options.logo.src)}?url`)};`,
        `export default { ...${JSON.stringify(config)}, logo: { src: logo, alt: ${JSON.stringify(options.logo.alt)} } };`,
      ].join('\n')
    : `export default { ...${JSON.stringify(config)}, logo: undefined };`;
  // The colours were validated as `#rrggbb`: nothing else can reach the stylesheet.
  const accent = options.accentColor;
  // Each colour a light-dark() pair overriding a token of styles/tokens.css: it follows the
  // theme the reader chose as well as the system's.
  const brandingModule = accent
    ? `:root{--sp-accent:light-dark(${accent.light},${accent.dark});--sp-accent-fg:light-dark(${accentForeground(accent.light)},${accentForeground(accent.dark)});` +
      `--sp-accent-soft:light-dark(color-mix(in srgb,${accent.light} 10%,#fff),color-mix(in srgb,${accent.dark} 14%,#0f141b))}`
    : '';
  const components = Object.entries(options.components ?? {});
  const componentsModule = [
    ...components.map(([, component], index) => `import C${index} from ${JSON.stringify(resolve(root, component.entrypoint))};`),
    `export default { ${components.map(([name], index) => `${JSON.stringify(name)}: C${index}`).join(', ')} };`,
  ].join('\n');
  return {
    name: 'signpost:virtual-modules',
    resolveId(id) {
      return MODULES.includes(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === `\0${CONFIG}`) return configModule;
      if (id === `\0${BRANDING}`) return brandingModule;
      // Shiki is loaded when the stylesheet is asked for: `signpost check` reads this module with the site's config.
      if (id === `\0${CODE}`) return import('../render/highlight.ts').then(({ codeStylesheet }) => codeStylesheet());
      if (id === `\0${COMPONENTS}`) return componentsModule;
      return undefined;
    },
  };
}
