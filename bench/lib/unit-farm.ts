/** The parent's handle on a farm of consoles in groups, one group per unit (unit-farm-process.ts). */
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

export type UnitFarmRequest =
  | {
      op: 'connect';
      url: string;
      /** The group's name (its unit); consoles of one group share one session. */
      group: string;
      count: number;
      /** How many handshakes at once. */
      batch: number;
      headers: Record<string, string>;
    }
  | { op: 'stats' }
  | { op: 'close' };

export type UnitFarmReply =
  | { op: 'connected'; group: string; count: number; ms: number }
  | { op: 'error'; message: string }
  /** Every console of `group` has received the report with this marker; `at` is epoch ms (fractional). */
  | { op: 'delivered'; group: string; marker: number; at: number }
  | { op: 'stats'; received: number; dropped: number; duplicates: number }
  | { op: 'closed' };

export interface UnitFarm {
  connect(url: string, group: string, count: number, headers: Record<string, string>): Promise<number>;
  /** Called each time every console of a group has received a report. */
  onDelivered(listener: ((group: string, marker: number, at: number) => void) | undefined): void;
  stats(): Promise<Extract<UnitFarmReply, { op: 'stats' }>>;
  disconnect(): Promise<void>;
  stop(): void;
}

export function startUnitFarm(): UnitFarm {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'unit-farm-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let delivered: ((group: string, marker: number, at: number) => void) | undefined;
  const waiting: ((reply: UnitFarmReply) => boolean)[] = [];
  child.on('message', (reply: UnitFarmReply) => {
    if (reply.op === 'delivered') {
      delivered?.(reply.group, reply.marker, reply.at);
      return;
    }
    const i = waiting.findIndex((w) => w(reply));
    if (i >= 0) waiting.splice(i, 1);
  });
  const ask = <T extends UnitFarmReply>(
    request: UnitFarmRequest,
    accepts: (reply: UnitFarmReply) => reply is T,
  ) =>
    new Promise<T>((done) => {
      waiting.push((reply) => {
        if (!accepts(reply)) return false;
        done(reply);
        return true;
      });
      child.send(request);
    });
  return {
    connect: async (url, group, count, headers) => {
      const reply = await ask(
        { op: 'connect', url, group, count, batch: 50, headers },
        (r): r is Extract<UnitFarmReply, { op: 'connected' | 'error' }> =>
          r.op === 'error' || (r.op === 'connected' && r.group === group),
      );
      if (reply.op === 'error') throw new Error(`consoles of ${group} could not connect: ${reply.message}`);
      return reply.ms;
    },
    onDelivered: (listener) => {
      delivered = listener;
    },
    stats: () => ask({ op: 'stats' }, (r): r is Extract<UnitFarmReply, { op: 'stats' }> => r.op === 'stats'),
    disconnect: async () => {
      await ask({ op: 'close' }, (r): r is Extract<UnitFarmReply, { op: 'closed' }> => r.op === 'closed');
    },
    stop: () => child.kill('SIGTERM'),
  };
}
