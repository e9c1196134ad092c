/**
 * A stream of idempotent intake POSTs from several senders, as another system (a hotline, sensors)
 * sends them: every answer is kept in a ledger by Idempotency-Key, and a request that got no answer
 * is retried later with the same key and the same body, as the integration guide asks.
 */
import { CALL } from '../helpers/incidents';

/** Each key has its own summary, so a stored incident tells which request made it. */
export function summaryFor(key: string): string {
  return `两车相撞，一车侧翻 [${key}]`;
}

export function intakeBody(key: string) {
  return { ...CALL, source: 'api', summary: summaryFor(key) };
}

export interface Ledger {
  /** Idempotency-Key → incident id, for every request the server answered 201. */
  acked: Map<string, number>;
  /** Acknowledged since the last crash: replayed after the restart. */
  ackedThisRound: string[];
  /** Sent without an answer (the process died under it): retried with the same key. */
  unanswered: string[];
  /** Answered 409 (a claim left behind by the dead process): retried in a later round. */
  inFlight: Set<string>;
  sent: number;
  /** Requests the kill cut off. */
  cut: number;
  /** Cut requests whose retry was answered from the stored response: committed, answer lost. */
  committedButCut: number;
  /** 409 answers to retries of cut requests. */
  refusedInFlight: number;
  /** Keys that were cut at least once, so a later 201 can be told apart. */
  everCut: Set<string>;
}

export function newLedger(): Ledger {
  return {
    acked: new Map(),
    ackedThisRound: [],
    unanswered: [],
    inFlight: new Set(),
    sent: 0,
    cut: 0,
    committedButCut: 0,
    refusedInFlight: 0,
    everCut: new Set(),
  };
}

export interface StreamOptions {
  url: string;
  bearer: string;
  senders: number;
  ledger: Ledger;
  /** A fresh key for a new report. */
  nextKey: () => string;
  /** True once the kill is under way: senders start nothing new. */
  stopping: () => boolean;
}

/** Runs the senders until `stopping()`; resolves when each has its last answer (or error). */
export async function runIntakeStream(options: StreamOptions): Promise<void> {
  const { ledger } = options;
  const send = async (key: string): Promise<void> => {
    ledger.sent += 1;
    let res: Response;
    try {
      res = await fetch(`${options.url}/api/incidents`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.bearer}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(intakeBody(key)),
      });
    } catch {
      ledger.cut += 1;
      ledger.everCut.add(key);
      ledger.unanswered.push(key);
      return;
    }
    const text = await res.text().catch(() => null);
    if (text === null) {
      // Headers arrived, the body did not: no acknowledgement either.
      ledger.cut += 1;
      ledger.everCut.add(key);
      ledger.unanswered.push(key);
      return;
    }
    if (res.status === 201) {
      const id = (JSON.parse(text) as { id: number }).id;
      if (ledger.everCut.has(key) && res.headers.get('idempotent-replayed') === 'true')
        ledger.committedButCut += 1;
      if (ledger.acked.has(key) && ledger.acked.get(key) !== id)
        throw new Error(`key ${key} answered incident ${id}, earlier ${ledger.acked.get(key)}`);
      ledger.acked.set(key, id);
      ledger.ackedThisRound.push(key);
      return;
    }
    if (res.status === 409) {
      ledger.refusedInFlight += 1;
      ledger.inFlight.add(key);
      return;
    }
    throw new Error(`intake ${key} answered ${res.status}: ${text}`);
  };
  const sender = async () => {
    while (!options.stopping()) await send(ledger.unanswered.shift() ?? options.nextKey());
  };
  await Promise.all(Array.from({ length: options.senders }, sender));
}

/** Keys refused as in flight go back to the retry queue for the next round. */
export function requeueInFlight(ledger: Ledger): void {
  ledger.unanswered.push(...ledger.inFlight);
  ledger.inFlight.clear();
}

/** The same key and body again: the stored answer, or a problem as a sentence. */
export async function replayProblem(
  url: string,
  bearer: string,
  key: string,
  id: number,
): Promise<string | null> {
  const res = await fetch(`${url}/api/incidents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify(intakeBody(key)),
  });
  const text = await res.text();
  if (res.status !== 201) return `replay of ${key}: ${res.status} ${text}`;
  if (res.headers.get('idempotent-replayed') !== 'true') return `replay of ${key} created a new incident`;
  const got = (JSON.parse(text) as { id: number }).id;
  return got === id ? null : `replay of ${key} answered incident ${got}, acknowledged ${id}`;
}
