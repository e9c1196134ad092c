import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** How an event's hash was made: plain SHA-256, or HMAC-SHA256 under AUDIT_KEY. Stored per event. */
export const PLAIN = 'sha256';
export const KEYED = 'hmac-sha256';
export type ChainAlg = typeof PLAIN | typeof KEYED;

export interface ChainFields {
  seq: number;
  at: string;
  type: string;
  actor: string;
  subject: string;
  /** The payload exactly as stored (JSON text). */
  payload: string;
}

/**
 * Each hash covers the previous one, so altering or removing any event breaks every later link.
 * With a key it is an HMAC: without the key nobody can recompute the links after an edit.
 */
export function chainHash(prevHash: string, e: ChainFields, key?: string): string {
  const text = JSON.stringify([prevHash, e.seq, e.at, e.type, e.actor, e.subject, e.payload]);
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(text).digest('hex');
}

export function algOf(key: string | undefined): ChainAlg {
  return key ? KEYED : PLAIN;
}

/** Once one event is keyed, every later one must be: a plain event after it is a downgrade. */
export function keyedWithoutKey(seq: number): Error {
  return new Error(
    `the event log is HMAC-keyed (event ${seq}): this server has no AUDIT_KEY, and a plain event ` +
      'after a keyed one would break the chain. Start it with the AUDIT_KEY the log was written with.',
  );
}
