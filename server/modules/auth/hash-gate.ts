import { DutyError } from '../../errors';

/**
 * Bounds the password hashing of sign-ins and password changes: at most `concurrency` scrypt
 * computations at once (each takes ~100 MB and a core for a while), the rest wait in a queue: the
 * next to start is a waiter of the address with the fewest hashes running (round-robin among
 * equals). A flood of failures from one address then delays a sign-in from
 * another by about one hash, not by the whole flood. The queue is bounded: when it is full the
 * address with the most waiting loses its newest waiter (or the newcomer is refused, if it is that
 * address), answered 429 "busy".
 */
export interface HashGate {
  run<T>(source: string, task: () => Promise<T>): Promise<T>;
  /** For tests and health: hashes running and waiting now. */
  load(): { running: number; waiting: number };
}

interface Waiter {
  start: () => void;
  refuse: (err: Error) => void;
}

export function busyError(): DutyError {
  return new DutyError('DUTY_ERR_RATE_LIMITED', 'sign-in is busy; try again in a moment', {
    'retry-after': '1',
  });
}

export function createHashGate(opts: { concurrency: number; maxWaiting: number }): HashGate {
  let running = 0;
  let waiting = 0;
  /** Waiters by source; the Map's order is the round-robin order. */
  const queues = new Map<string, Waiter[]>();
  const runningBy = new Map<string, number>();

  function next(): void {
    while (running < opts.concurrency && queues.size > 0) {
      let source: string | undefined;
      let fewest = Number.POSITIVE_INFINITY;
      for (const s of queues.keys()) {
        const n = runningBy.get(s) ?? 0;
        if (n < fewest) {
          fewest = n;
          source = s;
          if (n === 0) break;
        }
      }
      const list = queues.get(source!)!;
      const waiter = list.shift()!;
      queues.delete(source!);
      // Its other waiters go to the back of the round.
      if (list.length > 0) queues.set(source!, list);
      waiting -= 1;
      waiter.start();
    }
  }

  /** Makes room for one more waiter from `source`, or says there is none. */
  function makeRoom(source: string): boolean {
    if (waiting < opts.maxWaiting) return true;
    let longest: string | undefined;
    let most = 0;
    for (const [s, list] of queues) {
      if (list.length > most) {
        most = list.length;
        longest = s;
      }
    }
    const mine = queues.get(source)?.length ?? 0;
    if (longest === undefined || longest === source || most <= mine + 1) return false;
    const list = queues.get(longest)!;
    const shed = list.pop()!;
    if (list.length === 0) queues.delete(longest);
    waiting -= 1;
    shed.refuse(busyError());
    return true;
  }

  return {
    run<T>(source: string, task: () => Promise<T>): Promise<T> {
      const execute = async () => {
        running += 1;
        runningBy.set(source, (runningBy.get(source) ?? 0) + 1);
        try {
          return await task();
        } finally {
          running -= 1;
          const left = (runningBy.get(source) ?? 1) - 1;
          if (left > 0) runningBy.set(source, left);
          else runningBy.delete(source);
          next();
        }
      };
      if (running < opts.concurrency && waiting === 0) return execute();
      if (!makeRoom(source)) return Promise.reject(busyError());
      return new Promise<T>((resolve, reject) => {
        const list = queues.get(source);
        const waiter: Waiter = { start: () => execute().then(resolve, reject), refuse: reject };
        if (list) list.push(waiter);
        else queues.set(source, [waiter]);
        waiting += 1;
        next();
      });
    },
    load: () => ({ running, waiting }),
  };
}
