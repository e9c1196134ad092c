/** The parent's handle on a console farm process (consoles-process.ts). */
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

export type FarmRequest =
  | {
      op: 'connect';
      url: string;
      count: number;
      /** How many handshakes at once. */
      batch: number;
      auth: Record<string, unknown>;
      headers: Record<string, string>;
    }
  | { op: 'stats' }
  | { op: 'close' };

export type FarmReply =
  | { op: 'connected'; count: number; ms: number }
  | { op: 'error'; message: string }
  /** Every console of the farm has received the report with this marker; `at` is epoch ms (fractional). */
  | { op: 'delivered'; marker: number; at: number }
  | { op: 'stats'; received: number; dropped: number; pending: number }
  | { op: 'closed' };

export interface ConsoleFarm {
  connect(
    url: string,
    count: number,
    creds: { auth: Record<string, unknown>; headers: Record<string, string> },
  ): Promise<number>;
  /** Called for every report all consoles have received. */
  onDelivered(listener: ((marker: number, at: number) => void) | undefined): void;
  stats(): Promise<Extract<FarmReply, { op: 'stats' }>>;
  disconnect(): Promise<void>;
  stop(): void;
}

export function startConsoleFarm(): ConsoleFarm {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'consoles-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let delivered: ((marker: number, at: number) => void) | undefined;
  const waiting: ((reply: FarmReply) => boolean)[] = [];
  child.on('message', (reply: FarmReply) => {
    if (reply.op === 'delivered') {
      delivered?.(reply.marker, reply.at);
      return;
    }
    const i = waiting.findIndex((w) => w(reply));
    if (i >= 0) waiting.splice(i, 1);
  });
  const ask = <T extends FarmReply>(request: FarmRequest, accepts: (reply: FarmReply) => reply is T) =>
    new Promise<T>((done) => {
      waiting.push((reply) => {
        if (!accepts(reply)) return false;
        done(reply);
        return true;
      });
      child.send(request);
    });
  return {
    connect: async (url, count, creds) => {
      const reply = await ask(
        { op: 'connect', url, count, batch: 50, ...creds },
        (r): r is Extract<FarmReply, { op: 'connected' | 'error' }> =>
          r.op === 'connected' || r.op === 'error',
      );
      if (reply.op === 'error') throw new Error(`consoles could not connect: ${reply.message}`);
      return reply.ms;
    },
    onDelivered: (listener) => {
      delivered = listener;
    },
    stats: () => ask({ op: 'stats' }, (r): r is Extract<FarmReply, { op: 'stats' }> => r.op === 'stats'),
    disconnect: async () => {
      await ask({ op: 'close' }, (r): r is Extract<FarmReply, { op: 'closed' }> => r.op === 'closed');
    },
    stop: () => child.kill('SIGTERM'),
  };
}
