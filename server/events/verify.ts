import type { ChainReport } from '@shared/schemas/events';
import type { DbOrTrx } from '../db/database';
import { chainHash, GENESIS_HASH } from './chain';

const PAGE = 2000;

/** Walks the whole log: every seq present, every link and hash recomputed. */
export async function verifyChain(db: DbOrTrx): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const broken = (seq: number, reason: string): ChainReport => ({
    ok: false,
    checked,
    headSeq: expectedSeq - 1,
    brokenAt: seq,
    reason,
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
      if (seq !== expectedSeq) return broken(expectedSeq, `event ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return broken(seq, `event ${seq} does not link to event ${seq - 1}`);
      if (chainHash(prevHash, { ...row, seq }) !== row.hash) return broken(seq, `event ${seq} was altered`);
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  return { ok: true, checked, headSeq: expectedSeq - 1, brokenAt: null, reason: null };
}
