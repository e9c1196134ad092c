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
      wildcard: false,
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
    const wantsPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
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
