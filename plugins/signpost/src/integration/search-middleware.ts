/**
 * Hands each page of the guides to the build's search index as Astro renders it (see
 * pagefind.ts), so that Pagefind indexes while Astro renders instead of after. It runs first
 * (`order: 'pre'`), so it sees a page as the site's own middleware left it: what is written.
 * Outside a build (`astro dev`, a server's requests) there is no index and it does nothing.
 *
 * The site's middleware is `virtual:signpost/middleware`, which makes it with the build's key:
 * this module may run outside Vite (as a dependency it is not bundled), where it could not
 * import a virtual module itself.
 */
import type { MiddlewareHandler } from 'astro';
import { searchIndexFor } from './pagefind.ts';

/** The middleware of the build with this key. */
export function searchMiddleware(key: string): MiddlewareHandler {
  return async (context, next) => {
    const index = context.isPrerendered ? searchIndexFor(key) : undefined;
    const ticket = index?.take(context.url.pathname);
    if (!index || ticket === undefined) return next();
    let html: string | undefined;
    try {
      const response = await next();
      if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
      html = await response.text();
      return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      await index.put(ticket, context.url.pathname, html);
    }
  };
}
