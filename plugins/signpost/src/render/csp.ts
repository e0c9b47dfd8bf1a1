/**
 * The Content-Security-Policy every page is served with: scripts and styles from the site
 * only, no inline script or handler, plus 'wasm-unsafe-eval' for Pagefind's WebAssembly.
 * Pages carry it in a <meta> tag; `_headers` carries it for hosts that read one (Netlify,
 * Cloudflare Pages), with the directives a <meta> tag cannot hold.
 *
 * Nothing from configuration enters the policy as it was typed: the feedback endpoint adds
 * its origin rebuilt from a parsed, clean host (`feedbackOrigin`), and the base of the
 * `_headers` rules is held to letters, digits, `-`, `_`, `.` and `/` (`BasePathSchema`).
 */
import { BasePathSchema, feedbackOrigin } from '../core/schemas/site-config.ts';
import { DOWNLOADS_FOLDER, FILES_FOLDER } from '../core/parse/urls.ts';

/** The policy's directives. `feedbackEndpoint` on another origin is allowed to receive beacons. */
export function cspDirectives(feedbackEndpoint?: string): [string, string][] {
  const connect = ["'self'"];
  const origin = feedbackEndpoint ? feedbackOrigin(feedbackEndpoint) : undefined;
  if (origin) connect.push(origin);
  return [
    ['default-src', "'self'"],
    ['script-src', "'self' 'wasm-unsafe-eval'"],
    ['style-src', "'self'"],
    ['img-src', "'self' https:"],
    ['connect-src', connect.join(' ')],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
}

/** The policy for a <meta http-equiv> tag, which browsers refuse `frame-ancestors` in. */
export function cspForMeta(feedbackEndpoint?: string): string {
  return cspDirectives(feedbackEndpoint)
    .filter(([name]) => name !== 'frame-ancestors')
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The whole policy, for a response header. */
export function cspForHeader(feedbackEndpoint?: string): string {
  return cspDirectives(feedbackEndpoint)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/**
 * A `_headers` file: the policy and a few safe defaults for the guides' pages (`base` +
 * `prefix`) and the files they link to, downloads as attachments, long caching for hashed assets.
 */
export function headersFile(base: string, prefix: string, feedbackEndpoint?: string): string {
  // Throws on a path outside the safe alphabet: a line break there would add a header.
  const root = BasePathSchema.parse(base);
  const pages = `${root}${BasePathSchema.parse(prefix).slice(1)}`;
  return [
    `${pages}*`,
    `  Content-Security-Policy: ${cspForHeader(feedbackEndpoint)}`,
    // Also every file a guide links to (`_signpost/*`): served as the type of its name, never sniffed.
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    // The files guides link to: whatever one is, opened alone it runs in an origin of its own,
    // never the site's (check refuses every type that could run; this is the second wall).
    `${pages}${FILES_FOLDER}/*`,
    '  Content-Security-Policy: sandbox',
    // Downloads (a PDF, text, an archive), not media a page shows: saved, never opened on the site.
    `${pages}${FILES_FOLDER}/${DOWNLOADS_FOLDER}/*`,
    '  Content-Disposition: attachment',
    `${root}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
}
