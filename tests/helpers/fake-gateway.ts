import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real SMS / voice gateway on 127.0.0.1: keeps every POST it receives, with its Idempotency-Key, and answers 200. */
export class FakeGateway {
  readonly server: Server;
  readonly received: { key: string; body: Record<string, unknown> }[] = [];
  url = '';
  /** How many of the next requests it refuses with 503 (counted in `received` all the same). */
  refuseNext = 0;

  constructor() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        this.received.push({ key: String(req.headers['idempotency-key'] ?? ''), body: JSON.parse(body) });
        if (this.refuseNext > 0) {
          this.refuseNext -= 1;
          res.writeHead(503).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/send`;
    return this;
  }

  /** What reached it about one escalation. */
  about(escalationId: number) {
    return this.received.filter((m) => m.key.startsWith(`escalation:${escalationId}:`));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
