/**
 * A static file server for the built site, as a CDN serves it: files under `base`, folders
 * by their index.html, 404.html for anything else. Listens on a free loopback port.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  url: string;
  /** Every path requested, for asserting what the browser fetched. */
  requests: string[];
  /** The bodies of POST requests, by path (feedback beacons). */
  posts: { path: string; body: string }[];
  close: () => Promise<void>;
}

/**
 * Serves a built site as a host that reads its `_headers` would: the Content-Security-Policy
 * of its `<meta>` tag as a response header too.
 */
export async function serveAsHost(root: string, base = '/', compress = false): Promise<StaticSite> {
  const policy = /Content-Security-Policy: (.*)/.exec(await readFile(join(root, '_headers'), 'utf8'))![1]!;
  return serve(root, base, { 'Content-Security-Policy': policy }, compress);
}

/**
 * Serves `root` under `base`, with extra response `headers`; with `compress`, text files are
 * sent gzipped to a browser that accepts it, as a CDN does (for Lighthouse's timings).
 */
export async function serve(root: string, base = '/', headers: Record<string, string> = {}, compress = false): Promise<StaticSite> {
  const requests: string[] = [];
  const posts: { path: string; body: string }[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    if (request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += String(chunk);
      posts.push({ path, body });
      response.writeHead(204).end();
      return;
    }
    const send = async (file: string, status: number) => {
      // A site without a 404 page (Signpost inside another site) gets the host's plain answer.
      if (status === 404 && !(await stat(file).catch(() => undefined))) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (compress && /text|json|xml|svg|javascript/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
        response.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', ...headers });
        createReadStream(file).pipe(createGzip()).pipe(response);
        return;
      }
      response.writeHead(status, { 'Content-Type': type, ...headers });
      createReadStream(file).pipe(response);
    };
    if (!path.startsWith(base)) return send(join(root, '404.html'), 404);
    const file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) return send(join(root, '404.html'), 404);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return send(file, 200);
    if (info?.isDirectory() && path.endsWith('/')) {
      const index = join(file, 'index.html');
      if (await stat(index).catch(() => undefined)) return send(index, 200);
    }
    return send(join(root, '404.html'), 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
