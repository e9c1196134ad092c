import { createHash, createHmac } from 'node:crypto';
import { DISTRICT_PATH } from '@shared/domain/district';

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
  /** The event's audience, its unit's path (`unit_path`); the district's, `/1/`, when absent. */
  unit_path?: string;
}

/**
 * The district's path: the audience of every event before units existed (the 2026-12-07 migration
 * gave them all `/1/`). An event of the district is hashed as before units, so the chains written
 * before stay valid; any other unit's path is hashed with the event. Either way moving an event to
 * another audience breaks its link: `/1/` → `/1/4/` adds a field to the hashed text, `/1/4/` → `/1/`
 * drops one.
 */
export { DISTRICT_PATH };

/**
 * Each hash covers the previous one, so altering or removing any event breaks every later link.
 * With a key it is an HMAC: without the key nobody can recompute the links after an edit.
 */
export function chainHash(prevHash: string, e: ChainFields, key?: string): string {
  const fields: unknown[] = [prevHash, e.seq, e.at, e.type, e.actor, e.subject, e.payload];
  const unit = e.unit_path ?? DISTRICT_PATH;
  if (unit !== DISTRICT_PATH) fields.push(unit);
  const text = JSON.stringify(fields);
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
