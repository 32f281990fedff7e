// The web app's files (packages/web/dist) and the single-page app's client routes.
// Compressed: the build writes .br and .gz next to each text file (packages/web/vite.config.ts) and
// they are sent as-is to clients that accept them, no compression work per request.
// Cached: files under /assets/ have a content hash in their names, so browsers keep them for a year
// without asking again; index.html (also answering client routes) is revalidated at each load, so a
// new version is picked up at once.
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The one route that serves the web app's files: a wildcard that looks each file up when asked. A
 * route per file (`wildcard: false`) registered its 430 files' GET and HEAD routes through every
 * route hook at each start, ≈ 0.5 s of the server's warm start on two cores (docs/decisions.md D175).
 * A path that names no file goes on to the not-found handler below, as before.
 */
export const STATIC_ROUTE = '/*';

/** Serves `dist` (when it holds a built web app) and answers unknown paths: index.html, or a JSON 404 under /api/. */
export async function serveWebApp(app: FastifyInstance, dist: string | null): Promise<void> {
  const spa = Boolean(dist && existsSync(join(dist, 'index.html')));
  if (spa) {
    const assets = join(dist!, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: dist!,
      wildcard: true,
      dotfiles: 'ignore', // a dotfile is as if it were not there
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false, // set below, per file
      setHeaders(res, path) {
        res.setHeader('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  // Client routes of the single-page app get index.html; unknown API paths a JSON 404.
  app.setNotFoundHandler((req, reply) => {
    if (spa && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'no_route',
        zh: `接口不存在：${req.method} ${req.url.split('?')[0]}`,
        en: `No such endpoint: ${req.method} ${req.url.split('?')[0]}`,
      },
    });
  });
}
