import type { DbOrTrx } from '../../db/database';
import { type Raiser, raiseOnce, type Timer } from '../../jobs/raise-once';
import { toStored } from '../../time';
import { responseById, warningById } from '../warnings/service';
import * as repo from './repo';

interface LinkEnded {
  requestId: number;
  /** When the warning was lifted or the response ended (not before the request was made). */
  endedAt: string;
}

/** When what the request was asked for ended, if it has by `now` (stored instants). */
async function linkEndedAt(db: DbOrTrx, row: repo.RequestRow, now: string): Promise<string | null> {
  let ended: string | null = null;
  if (row.reason === 'warning' && row.ref_id !== null)
    ended = (await warningById(db, Number(row.ref_id)))?.liftedAt ?? null;
  else if (row.reason === 'response' && row.ref_id !== null)
    ended = (await responseById(db, Number(row.ref_id)))?.endedAt ?? null;
  return ended !== null && ended <= now ? ended : null;
}

/**
 * A request asked because of a warning or an emergency response ends with it: once the warning is
 * lifted or the response ended, the scanner ends the request as `system`, as of that moment, so no
 * round after it is asked (nor marked missed). Manual and key-period requests end by hand or at their
 * last date, and a disaster's by hand too: a filing after the disaster's close is still taken (its
 * figures left alone).
 */
const linkedEnd: Timer<LinkEnded> = {
  due: async (db, now) => {
    const out: LinkEnded[] = [];
    for (const row of await repo.listRequestRows(db, true)) {
      const ended = await linkEndedAt(db, row, now);
      if (ended === null) continue;
      // A lift recorded as of a time before the request was made: the request ends as it was made.
      const endedAt = toStored(new Date(Math.max(Date.parse(ended), Date.parse(row.created_at))));
      out.push({ requestId: Number(row.id), endedAt });
    }
    return out;
  },
  claim: async (trx, key) => {
    const request = await repo.endRow(trx, key.requestId, key.endedAt, 'system');
    if (!request) return undefined;
    return { type: 'zero_report.ended', subject: `zero:${key.requestId}`, payload: { request }, unit: '/1/' };
  },
};

/** The scanner's raiser (server/jobs/scanner.ts): before the reminders and misses of the same pass. */
export const endLinkedZeroRequests: Raiser = raiseOnce(linkedEnd);
