// The integration's virtual modules, as the package's own pages import them. Sites get the
// same declarations through Astro's `injectTypes` (see integration/virtual-modules.ts).
declare module 'virtual:signpost/config' {
  const config: import('./render/page-config.ts').PageConfig;
  export default config;
}
declare module 'virtual:signpost/branding.css' {}
declare module 'virtual:signpost/code.css' {}
declare module 'virtual:signpost/components' {
  const components: Record<string, import('astro/runtime/server/index.js').AstroComponentFactory>;
  export default components;
}
