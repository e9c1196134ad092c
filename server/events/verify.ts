import type { DbOrTrx } from '../db/database';
import { chainHash, GENESIS_HASH, KEYED, keyedWithoutKey, PLAIN } from './chain';

const PAGE = 2000;

/** What a walk over the whole log found; checkpoints are compared by the audit module. */
export interface ChainWalk {
  /** Events walked and found in place (hashes recomputed unless `keyMissing`). */
  checked: number;
  /** The last event walked intact. */
  headSeq: number;
  /** The first altered, missing or downgraded event; null when the walk reached the end. */
  brokenAt: number | null;
  reason: string | null;
  /** The first HMAC-keyed event; null while the log is plain SHA-256. */
  keyedFrom: number | null;
  /** Keyed events were met but no key was given: their links were followed, not recomputed. */
  keyMissing: boolean;
}

/**
 * Walks the whole log: every seq present, every link followed and every hash recomputed, plain
 * SHA-256 or HMAC under `key`. Once an event is keyed, a later plain one is a downgrade: someone
 * rewrote the tail without the key.
 */
export async function walkChain(db: DbOrTrx, key?: string): Promise<ChainWalk> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let keyedFrom: number | null = null;
  let keyMissing = false;
  const result = (brokenAt: number | null, reason: string | null): ChainWalk => ({
    checked,
    headSeq: expectedSeq - 1,
    brokenAt,
    reason,
    keyedFrom,
    keyMissing,
  });
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq', 'asc')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return result(expectedSeq, `event ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return result(seq, `event ${seq} does not link to event ${seq - 1}`);
      if (row.alg === KEYED) {
        keyedFrom ??= seq;
        if (!key) keyMissing = true;
        else if (chainHash(prevHash, { ...row, seq }, key) !== row.hash)
          return result(
            seq,
            `event ${seq} was altered: its HMAC does not verify with this AUDIT_KEY (or it was written with another key)`,
          );
      } else if (row.alg === PLAIN) {
        if (keyedFrom !== null)
          return result(
            seq,
            `event ${seq} was rewritten without the key: plain SHA-256 after the keyed chain began at event ${keyedFrom}`,
          );
        if (chainHash(prevHash, { ...row, seq }) !== row.hash) return result(seq, `event ${seq} was altered`);
      } else return result(seq, `event ${seq} was altered: unknown hash algorithm "${row.alg}"`);
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  return result(null, null);
}

/**
 * At start: a keyed log needs its key, and the right one. The head is checked against the key so
 * a mistyped AUDIT_KEY stops the server instead of forking the chain under another key.
 */
export async function assertAuditKey(db: DbOrTrx, key: string | undefined): Promise<void> {
  const head = await db.selectFrom('events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!head || head.alg !== KEYED) return;
  const seq = Number(head.seq);
  if (!key) throw keyedWithoutKey(seq);
  if (chainHash(head.prev_hash, { ...head, seq }, key) !== head.hash)
    throw new Error(
      `AUDIT_KEY does not verify the last event (${seq}): it is not the key the log was written with, ` +
        'or the event was altered (run npm run audit:verify with the right key).',
    );
}
