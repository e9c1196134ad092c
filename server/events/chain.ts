import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  at: string;
  type: string;
  actor: string;
  subject: string;
  /** The payload exactly as stored (JSON text). */
  payload: string;
}

/** Each hash covers the previous one, so altering or removing any event breaks every later link. */
export function chainHash(prevHash: string, e: ChainFields): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, e.seq, e.at, e.type, e.actor, e.subject, e.payload]))
    .digest('hex');
}
