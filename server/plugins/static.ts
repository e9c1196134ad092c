import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the Vite build; any other GET that is not an API call gets the console (client routing). */
export async function serveConsole(app: FastifyInstance): Promise<void> {
  const root = resolve(app.config.staticDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      // Files are looked up per request, so a rebuilt console is served without a restart.
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // A missing file (an old hashed asset, say) is a 404, never the page in its place.
    const isFile = /\.[a-z0-9]+$/i.test(path);
    const wantsPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !isFile &&
      !path.startsWith('/api') &&
      !path.startsWith('/socket.io');
    if (wantsPage && built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    if (wantsPage) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The console is not built yet: run `npm run build`.');
    }
    return reply
      .status(404)
      .send({ error: { code: 'DUTY_ERR_NOT_FOUND', message: `no route ${req.method} ${path}` } });
  });
}
