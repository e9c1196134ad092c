import { dutyDayOf } from '@shared/domain/duty-day';
import type { ChainReport } from '@shared/schemas/events';
import type { FastifyInstance } from 'fastify';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { walkChain } from '../../events/verify';
import { nowStored } from '../../time';
import { getDutySettings } from '../settings/service';
import * as repo from './repo';

/** How many hex digits of an anchor's hash are printed on paper. */
export const PRINTED_HASH_DIGITS = 16;

/** An anchor read off paper: `<seq>:<first hex digits of its hash>`. */
export interface ExpectedAnchor {
  seq: number;
  hashPrefix: string;
}

/**
 * Called as a handover is sealed, after its `handover.accepted` event: the checkpoint is that
 * event itself, so the seal is in what the paper witnesses.
 */
export async function recordHandoverCheckpoint(tx: Tx, handoverId: number): Promise<void> {
  const head = await repo.headOf(tx.trx);
  if (!head) throw new Error('a handover is sealed by an event: the event log cannot be empty here');
  await repo.insertCheckpoint(tx.trx, {
    ref: `handover:${handoverId}`,
    kind: 'handover',
    handoverId,
    dutyDate: null,
    ...head,
    createdAt: nowStored(tx.clock),
  });
}

/**
 * The scanner's raiser: once per duty day, the head of the log. The unique `ref` is the claim, and
 * the command holds the append lock, so a restart or a second node never records it twice.
 */
export async function raiseDailyCheckpoint(app: FastifyInstance): Promise<number> {
  const settings = await getDutySettings(app.db);
  const dutyDate = dutyDayOf(app.clock.now(), app.config.tzName, settings.handoverTime);
  const ref = `daily:${dutyDate}`;
  if (await repo.hasCheckpoint(app.db, ref)) return 0;
  return app.command('system', async (tx) => {
    const head = await repo.headOf(tx.trx);
    if (!head) return 0; // nothing to witness yet: a later pass records it
    const recorded = await repo.insertCheckpoint(tx.trx, {
      ref,
      kind: 'daily',
      handoverId: null,
      dutyDate,
      ...head,
      createdAt: nowStored(tx.clock),
    });
    return recorded ? 1 : 0;
  });
}

/** The largest seq either database can hold (PostgreSQL `integer`). */
const MAX_SEQ = 2_147_483_647;

/** `12:abcd…,40:…` → anchors; a bad one is refused with what was wrong. */
export function parseExpected(text: string): ExpectedAnchor[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const m = /^(\d{1,10}):([0-9a-fA-F]{8,64})$/.exec(item.replace(/[….]+$/, ''));
      if (!m || Number(m[1]) < 1 || Number(m[1]) > MAX_SEQ)
        throw new DutyError(
          'DUTY_ERR_VALIDATION',
          `expect "${item}" must be <seq>:<at least 8 hex digits of its hash>, e.g. 1234:9f86d081884c7d65`,
        );
      return { seq: Number(m[1]), hashPrefix: m[2]!.toLowerCase() };
    });
}

function label(c: repo.Checkpoint): string {
  return c.kind === 'handover'
    ? `checkpoint of handover #${c.handoverId}`
    : `daily checkpoint of ${c.dutyDate}`;
}

const short = (hash: string) => `${hash.slice(0, PRINTED_HASH_DIGITS)}…`;

/**
 * The whole proof: the chain walked (plain and keyed links), then every recorded checkpoint and
 * every anchor read off paper compared with the log as it is now. A tail cut off is named by the
 * checkpoints beyond the head; a rewritten stretch by the first checkpoint whose hash changed.
 */
export async function verifyLog(
  db: DbOrTrx,
  key: string | undefined,
  expected: ExpectedAnchor[] = [],
): Promise<ChainReport> {
  // Checkpoints before the head: a checkpoint is visible only once its event is, so a log growing
  // meanwhile is never mistaken for a cut one.
  const checkpoints = await repo.checkpointsWithEvents(db);
  const head = (await repo.headOf(db))?.seq ?? 0;
  const walk = await walkChain(db, key);
  const found: { seq: number; text: string }[] = [];
  if (walk.brokenAt !== null && walk.reason !== null) found.push({ seq: walk.brokenAt, text: walk.reason });

  const beyond = checkpoints.filter((c) => c.seq > head);
  if (beyond.length) {
    const last = beyond.at(-1)!;
    const named = [...beyond]
      .reverse()
      .slice(0, 3)
      .map((c) => `${label(c)} at seq ${c.seq}`);
    if (beyond.length > 3) named.push(`${beyond.length - 3} more`);
    found.push({
      seq: head + 1,
      text: `events ${head + 1}..${last.seq} missing: the log ends at seq ${head} (${named.join('; ')})`,
    });
  }
  let confirmed = 0; // the last seq a checkpoint proves intact
  let rewritten = 0;
  for (const c of checkpoints) {
    if (c.seq > head) continue;
    if (c.eventHash === null) {
      found.push({ seq: c.seq, text: `event ${c.seq} is missing (${label(c)})` });
    } else if (c.eventHash !== c.hash) {
      rewritten += 1;
      if (rewritten === 1)
        found.push({
          seq: c.seq,
          text:
            `event ${c.seq} was rewritten: its hash ${short(c.eventHash)} differs from the ${label(c)} ` +
            `(${short(c.hash)}); the log was changed after seq ${confirmed} and at or before seq ${c.seq}`,
        });
    } else if (rewritten === 0) confirmed = c.seq;
  }
  if (rewritten > 1)
    found.push({ seq: head, text: `${rewritten - 1} later checkpoint(s) differ from the log as well` });

  const hashes = await repo.hashesAt(
    db,
    expected.map((e) => e.seq),
  );
  for (const e of expected) {
    const now = hashes.get(e.seq);
    if (now === undefined)
      found.push({
        seq: e.seq,
        text: `event ${e.seq} is missing: the expected anchor ${e.seq}:${e.hashPrefix} names it (the log ends at seq ${head})`,
      });
    else if (!now.startsWith(e.hashPrefix))
      found.push({
        seq: e.seq,
        text: `event ${e.seq} was rewritten: its hash begins ${now.slice(0, e.hashPrefix.length)}, the expected anchor says ${e.hashPrefix}`,
      });
  }

  if (walk.keyMissing)
    found.push({
      seq: Number.MAX_SAFE_INTEGER,
      text:
        `events ${walk.keyedFrom}..${walk.headSeq} are HMAC-keyed and AUDIT_KEY is not set here: ` +
        'their hashes cannot be recomputed (links and checkpoints were checked); set AUDIT_KEY to verify them',
    });
  const broken = found.filter((f) => f.seq !== Number.MAX_SAFE_INTEGER);
  return {
    ok: found.length === 0,
    checked: walk.checked,
    headSeq: walk.headSeq,
    brokenAt: broken.length ? Math.min(...broken.map((f) => f.seq)) : null,
    reason: found[0]?.text ?? null,
    keyedFrom: walk.keyedFrom,
    keyMissing: walk.keyMissing,
    checkpoints: checkpoints.length + expected.length,
    problems: found.map((f) => f.text),
  };
}
