import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { refusal } from '../helpers/live-client';

// The "refused" assertions elsewhere rest on this: a connection that merely failed is not a refusal.
describe('a refused console is told so by the server', () => {
  it('does not count a server that cannot be reached as a refusal', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(refusal(`http://127.0.0.1:${port}`, {})).rejects.toThrow(/ECONNREFUSED.*not a refusal/);
  });
});
