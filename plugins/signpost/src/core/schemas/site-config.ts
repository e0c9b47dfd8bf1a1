/**
 * The site's configuration values that come from an operator (a flag, the environment or
 * `astro.config.mjs`): the base path, the public address and the feedback endpoint. Each is
 * checked before any work, and reduced to a safe alphabet, because each reaches HTML
 * attributes, `_headers` or the Content-Security-Policy.
 *
 * Messages start with the value as given (quoted, control characters shown as `\u001b`), so
 * a caller puts the value's name in front: `--base "x y" is not a path: …`.
 */
import { z } from 'zod';

/**
 * A value shown in a message: JSON-quoted, so that quotes, line breaks and control characters
 * (C0, DEL, C1, bidirectional overrides) cannot rewrite the terminal they are printed to.
 */
export function quoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** One segment of a base path: only these characters, so a base needs no escaping anywhere. */
const SEGMENT = /^[A-Za-z0-9._-]+$/;

/**
 * Where the site is served from: `/` or a sub-path like `/help/` or `/docs/v2/`. Slashes at
 * either end are optional and added; the result is `/` or `/<segment>/…/`, each segment made of
 * letters, digits, `-`, `_` and `.` (not `.` or `..` alone), so it is safe in any attribute,
 * URL or `_headers` rule as it is.
 */
export const BasePathSchema = z.string().transform((value, context) => {
  const segments = value.split('/').filter((segment, index, all) => segment !== '' || (index > 0 && index < all.length - 1));
  const safe = segments.every((segment) => SEGMENT.test(segment) && segment !== '.' && segment !== '..');
  if (!safe) {
    const rule = segments.some((segment) => segment === '' || segment === '.' || segment === '..')
      ? 'no empty, `.` or `..` parts between slashes'
      : 'use letters, digits, -, _, . and / only';
    context.issues.push({ code: 'custom', input: value, message: `${quoted(value)} is not a path: ${rule}` });
    return z.NEVER;
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
});

/** Characters no operator means to put in an address, refused before the URL parser drops them. */
const UNSAFE = /[\u0000-\u0020\u007f-\u009f"'<>\\`]/;

/** A host name as the URL parser leaves it (lower case, IDN in punycode), or an IPv6 address. */
const CLEAN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

function parseUrl(value: string): URL | undefined {
  if (UNSAFE.test(value)) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The origin of a parsed URL rebuilt from a clean host and port, or undefined. */
function cleanOrigin(url: URL): string | undefined {
  if (!CLEAN_HOST.test(url.hostname) || !/^\d*$/.test(url.port)) return undefined;
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
}

const SITE_RULE = 'use an http:// or https:// address without user name, password, query or fragment, such as https://help.example.com';

/**
 * The public address of the site (`SITE_URL`), for absolute URLs in `sitemap.xml`: an
 * `http://` or `https://` URL with a clean host, and no credentials, query or fragment.
 * Returned as the URL parser writes it (percent-encoded).
 */
export const SiteUrlSchema = z.string().transform((value, context) => {
  const url = parseUrl(value);
  const clean =
    url &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    cleanOrigin(url) !== undefined &&
    !url.username &&
    !url.password &&
    !url.search &&
    !url.hash &&
    !value.includes('?') &&
    !value.includes('#');
  if (!clean) {
    context.issues.push({ code: 'custom', input: value, message: `${quoted(value)} is not a site address: ${SITE_RULE}` });
    return z.NEVER;
  }
  return url.href;
});

const ENDPOINT_RULE = 'use an https:// URL, or a path on this site starting with a single /';

/** A same-site path: no second `/` or `\` after the first (both would leave the site). */
const SITE_PATH = /^\/(?![/\\])[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*$/;

/**
 * Where readers' answers to "Did this answer your question?" are sent: an `https://` URL with
 * a clean host and no credentials or fragment, or a path on this site (`/api/feedback`).
 * A URL's origin is what the Content-Security-Policy allows, so its host is held to the
 * characters of a host name: nothing that could end or add a directive.
 */
export const FeedbackEndpointSchema = z.string().transform((value, context) => {
  if (value.startsWith('/')) {
    if (SITE_PATH.test(value) && new URL(value, 'https://site.invalid').origin === 'https://site.invalid') return value;
  } else {
    const url = parseUrl(value);
    if (url && url.protocol === 'https:' && cleanOrigin(url) && !url.username && !url.password && !url.hash && !value.includes('#')) {
      return url.href;
    }
  }
  context.issues.push({ code: 'custom', input: value, message: `${quoted(value)} is not a feedback endpoint: ${ENDPOINT_RULE}` });
  return z.NEVER;
});

/**
 * The origin a feedback endpoint sends to, for the policy's `connect-src`: undefined for a
 * path on the site (`'self'` covers it). Throws on anything the schema would refuse, so an
 * unchecked value can never reach a policy.
 */
export function feedbackOrigin(endpoint: string): string | undefined {
  const parsed = FeedbackEndpointSchema.safeParse(endpoint);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data.startsWith('/') ? undefined : cleanOrigin(new URL(parsed.data));
}

/** The first message of a failed parse, or the value: for callers that show one line. */
export function parseSetting<T>(schema: z.ZodType<T, string>, value: string): { value: T } | { message: string } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { value: parsed.data } : { message: parsed.error.issues[0]!.message };
}
