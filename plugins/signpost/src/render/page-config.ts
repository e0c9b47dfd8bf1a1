/**
 * What the pages read of the integration's options, from `virtual:signpost/config`
 * (integration/virtual-modules.ts writes that module from the resolved options).
 */
export interface PageConfig {
  /** Where the guides live on the site: `/` or `/help/`. */
  prefix: string;
  feedbackEndpoint: string | undefined;
  siteName: string | undefined;
  home: { href: string; label: string } | undefined;
  /** The logo's URL (processed by Vite) and text. */
  logo: { src: string; alt: string } | undefined;
}
