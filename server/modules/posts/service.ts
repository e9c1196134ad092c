import type {
  AssignPostBody,
  BoardUnit,
  IssueUnitCheckBody,
  NetworkBoard,
  RollCall,
  UnitCheck,
  UnitPostDuty,
} from '@shared/schemas/posts';
import type { DbOrTrx, Trx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import type { Raiser } from '../../jobs/raise-once';
import { addMinutes, formatLocal, nowStored, toStored } from '../../time';
import { reportsFromBelow } from '../incidents/service';
import { addEntry } from '../logbook/service';
import { getDutySettings } from '../settings/service';
import { getUnit, isWithin, listUnits, ROOT_UNIT_ID, type Unit } from '../units/service';
import * as repo from './repo';

/**
 * The duty network's posts (DESIGN §2.7): each unit's light roster for the day and its check-in,
 * the district's 查岗 of a unit and of all townships at once (全区查岗), and the network board.
 */

/** Who acts: a person of a unit (the district is unit 1). */
export interface PostCaller {
  userId: number;
  username: string;
  unitId: number;
  unitPath: string;
}

/** The "请回复" a unit still owes: the last day's unanswered checks. */
const OPEN_WINDOW_MS = 24 * 3_600_000;
const BOARD_REPORTS = 50;
const COMMUNITY_KINDS = new Set(['community', 'village']);

/** A township's "today": the local calendar date in the bureau's zone. */
export function dutyDateOf(now: Date, zone: string): string {
  return formatLocal(now, zone, 'yyyy-MM-dd');
}

/** The unit, if the caller may see it; 404 otherwise (no existence leak). */
async function unitInSight(db: DbOrTrx, caller: PostCaller, unitId: number): Promise<Unit> {
  const unit = await getUnit(db, unitId);
  if (!unit || !isWithin(caller.unitPath, unit.path)) notFound(`unit ${unitId}`);
  return unit;
}

async function assertDistrict(caller: PostCaller): Promise<void> {
  if (caller.unitId !== ROOT_UNIT_ID)
    throw new DutyError('DUTY_ERR_FORBIDDEN', 'only the district spot-checks the units (查岗)');
}

/** Names today's person on duty at a unit (a person of that unit) and the phone to reach them. */
export async function assignPost(
  tx: Tx,
  zone: string,
  caller: PostCaller,
  unitId: number,
  body: AssignPostBody,
): Promise<UnitPostDuty> {
  const unit = await unitInSight(tx.trx, caller, unitId);
  if (unit.id === ROOT_UNIT_ID)
    throw new DutyError(
      'DUTY_ERR_UNPROCESSABLE',
      'the district keeps its duty in the roster, not as a unit post',
    );
  const person = await tx.trx
    .selectFrom('users')
    .select(['id', 'unit_id', 'display_name'])
    .where('id', '=', body.userId)
    .executeTakeFirst();
  if (!person) notFound(`user ${body.userId}`);
  if (Number(person.unit_id) !== unit.id)
    throw new DutyError(
      'DUTY_ERR_UNPROCESSABLE',
      `body.userId: ${person.display_name} is not a person of ${unit.name}; the post is held by its own people`,
    );
  const now = tx.clock.now();
  const dutyDate = dutyDateOf(now, zone);
  const existing = await repo.findPost(tx.trx, unit.id, dutyDate);
  if (existing) {
    const same = existing.userId === body.userId;
    await tx.trx
      .updateTable('unit_posts')
      .set({
        user_id: body.userId,
        phone: body.phone,
        assigned_by: caller.username,
        assigned_at: toStored(now),
        // Another person must check in afresh.
        ...(same ? {} : { checked_in_at: null, checked_in_by: null }),
      })
      .where('unit_id', '=', unit.id)
      .where('duty_date', '=', dutyDate)
      .execute();
  } else {
    await tx.trx
      .insertInto('unit_posts')
      .values({
        unit_id: unit.id,
        duty_date: dutyDate,
        user_id: body.userId,
        phone: body.phone,
        assigned_by: caller.username,
        assigned_at: toStored(now),
        checked_in_at: null,
        checked_in_by: null,
      })
      .execute();
  }
  const post = (await repo.findPost(tx.trx, unit.id, dutyDate))!;
  await tx.record({ type: 'post.assigned', subject: `unit:${unit.id}`, payload: { post }, unit: unit.path });
  return post;
}

/** The person on duty today at the unit checks in (from the township's console or phone). */
export async function checkInPost(
  tx: Tx,
  zone: string,
  caller: PostCaller,
  unitId: number,
): Promise<UnitPostDuty> {
  const unit = await unitInSight(tx.trx, caller, unitId);
  const dutyDate = dutyDateOf(tx.clock.now(), zone);
  const post = await repo.findPost(tx.trx, unit.id, dutyDate);
  if (!post) throw new DutyError('DUTY_ERR_NOT_ROSTERED', `nobody is named on duty at ${unit.name} today`);
  if (post.userId !== caller.userId)
    throw new DutyError(
      'DUTY_ERR_NOT_ROSTERED',
      `${post.displayName} is on duty at ${unit.name} today, not you`,
    );
  if (post.checkedInAt)
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `checked in already at ${post.checkedInAt}`);
  const r = await tx.trx
    .updateTable('unit_posts')
    .set({ checked_in_at: nowStored(tx.clock), checked_in_by: caller.username })
    .where('unit_id', '=', unit.id)
    .where('duty_date', '=', dutyDate)
    .where('checked_in_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new DutyError('DUTY_ERR_ALREADY_DONE', 'checked in already');
  const after = (await repo.findPost(tx.trx, unit.id, dutyDate))!;
  await tx.record({
    type: 'post.checked_in',
    subject: `unit:${unit.id}`,
    payload: { post: after },
    unit: unit.path,
  });
  return after;
}

async function insertUnitCheck(
  tx: Tx,
  caller: PostCaller,
  unit: Unit,
  note: string,
  rollCallId: number | null,
  issuedAt: Date,
  dueAt: Date,
): Promise<UnitCheck> {
  const check = await repo.insertCheck(tx.trx, {
    unit_id: unit.id,
    unit_path: unit.path,
    unit_name: unit.name,
    roll_call_id: rollCallId,
    note,
    issued_by: caller.username,
    issued_at: toStored(issuedAt),
    due_at: toStored(dueAt),
    answered_at: null,
    answered_by: null,
    missed_raised_at: null,
  });
  await tx.record({
    type: 'unitcheck.issued',
    subject: `unitcheck:${check.id}`,
    payload: { check },
    unit: unit.path,
  });
  return check;
}

/** The district's 查岗 of one unit: "请回复" within the configured limit. */
export async function issueUnitCheck(
  tx: Tx,
  caller: PostCaller,
  unitId: number,
  body: IssueUnitCheckBody,
): Promise<UnitCheck> {
  await assertDistrict(caller);
  const unit = await unitInSight(tx.trx, caller, unitId);
  if (unit.id === ROOT_UNIT_ID)
    throw new DutyError(
      'DUTY_ERR_UNPROCESSABLE',
      'the district room itself is spot-checked with POST /api/spot-checks',
    );
  const { spotCheckLimitMinutes } = await getDutySettings(tx.trx);
  const now = tx.clock.now();
  return insertUnitCheck(
    tx,
    caller,
    unit,
    body.note ?? '',
    null,
    now,
    addMinutes(now, spotCheckLimitMinutes),
  );
}

/** The townships, development zones and streets: the units right under the district. */
async function townships(db: DbOrTrx): Promise<Unit[]> {
  return (await listUnits(db)).filter((u) => u.parentId === ROOT_UNIT_ID && u.enabled);
}

/** 全区查岗: one command, one check per township, all due at the same instant. */
export async function issueRollCall(tx: Tx, caller: PostCaller, body: IssueUnitCheckBody): Promise<RollCall> {
  await assertDistrict(caller);
  const units = await townships(tx.trx);
  if (units.length === 0) throw new DutyError('DUTY_ERR_UNPROCESSABLE', 'no township to spot-check');
  const { spotCheckLimitMinutes } = await getDutySettings(tx.trx);
  const now = tx.clock.now();
  const due = addMinutes(now, spotCheckLimitMinutes);
  const { id } = await tx.trx
    .insertInto('unit_roll_calls')
    .values({
      issued_by: caller.username,
      issued_at: toStored(now),
      due_at: toStored(due),
      checks: units.length,
      completed_at: null,
      log_entry_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const unit of units)
    await insertUnitCheck(tx, caller, unit, body.note ?? '全区查岗', Number(id), now, due);
  return (await rollCallOf(tx.trx, Number(id)))!;
}

export async function rollCallOf(db: DbOrTrx, id: number): Promise<RollCall | undefined> {
  const row = await db.selectFrom('unit_roll_calls').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: Number(row.id),
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    completedAt: row.completed_at,
    logEntryId: row.log_entry_id === null ? null : Number(row.log_entry_id),
    checks: await repo.checksOfRollCall(db, id),
  };
}

/** A unit answers its check: any person of that unit, from its console or phone. */
export async function answerUnitCheck(
  tx: Tx,
  zone: string,
  caller: PostCaller,
  id: number,
): Promise<UnitCheck> {
  const row = await repo.findCheckRow(tx.trx, id);
  if (!row || !isWithin(caller.unitPath, row.unit_path)) notFound(`spot-check ${id}`);
  if (Number(row.unit_id) !== caller.unitId)
    throw new DutyError('DUTY_ERR_FORBIDDEN', `only ${row.unit_name} answers its own spot-check`);
  if (row.answered_at)
    throw new DutyError(
      'DUTY_ERR_ALREADY_DONE',
      `answered already by ${row.answered_by} at ${row.answered_at}`,
    );
  if (!(await repo.markAnswered(tx.trx, id, nowStored(tx.clock), caller.username)))
    throw new DutyError('DUTY_ERR_ALREADY_DONE', 'answered already');
  const check = repo.toCheck((await repo.findCheckRow(tx.trx, id))!);
  await tx.record({
    type: 'unitcheck.answered',
    subject: `unitcheck:${id}`,
    payload: { check, late: check.status === 'late' },
    unit: row.unit_path,
  });
  if (check.rollCallId !== null) await completeRollCall(tx, zone, check.rollCallId);
  return check;
}

/** The caller's unit's unanswered checks of the last day ("请回复"). */
export async function openChecksOf(db: DbOrTrx, caller: PostCaller, now: Date): Promise<UnitCheck[]> {
  return repo.unansweredOf(db, caller.unitId, toStored(new Date(now.getTime() - OPEN_WINDOW_MS)));
}

async function displayNames(trx: Trx, usernames: string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await trx
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', usernames)
    .execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}

/**
 * Once every check of a roll call is answered or missed (late counts as missed), its result is
 * written into the district's duty log (and so into the shift's handover), once.
 */
async function completeRollCall(tx: Tx, zone: string, rollCallId: number): Promise<void> {
  const call = await rollCallOf(tx.trx, rollCallId);
  if (!call || call.completedAt !== null) return;
  if (call.checks.some((c) => c.status === 'open')) return;
  const claimed = await tx.trx
    .updateTable('unit_roll_calls')
    .set({ completed_at: nowStored(tx.clock) })
    .where('id', '=', rollCallId)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return;
  const answered = call.checks.filter((c) => c.status === 'answered');
  const missed = call.checks.filter((c) => c.status !== 'answered');
  const names = await displayNames(
    tx.trx,
    answered.map((c) => c.answeredBy!),
  );
  const hm = (at: string) => formatLocal(at, zone, 'HH:mm');
  const answeredText = answered
    .map((c) => `${c.unitName} ${names.get(c.answeredBy!) ?? c.answeredBy} ${hm(c.answeredAt!)}`)
    .join('、');
  const missedText = missed
    .map((c) => (c.answeredAt ? `${c.unitName}（${hm(c.answeredAt)} 逾时应答）` : c.unitName))
    .join('、');
  const content =
    `全区查岗 #${call.id}（${hm(call.issuedAt)} 发起，${hm(call.dueAt)} 前回复）：` +
    `已应答 ${answered.length}/${call.checks.length}${answered.length ? `：${answeredText}` : ''}；` +
    `未应答 ${missed.length}${missed.length ? `：${missedText}` : ''}。`;
  const entry = await addEntry(tx, { kind: 'note', content, at: call.dueAt });
  await tx.trx
    .updateTable('unit_roll_calls')
    .set({ log_entry_id: entry.id })
    .where('id', '=', rollCallId)
    .execute();
}

/**
 * unitcheck.missed, once for every unit check left unanswered past its limit; the escalation reads
 * it from the log and alerts the leader on call. The last one of a roll call writes its result.
 */
export const raiseMissedUnitChecks: Raiser = async (app) => {
  const now = nowStored(app.clock);
  let raised = 0;
  for (const id of await repo.overdueUnraised(app.db, now, 100)) {
    await app.command('system', async (tx) => {
      if (!(await repo.markMissed(tx.trx, id, now))) return;
      const row = (await repo.findCheckRow(tx.trx, id))!;
      const check = repo.toCheck(row);
      await tx.record({
        type: 'unitcheck.missed',
        subject: `unitcheck:${id}`,
        payload: { check },
        unit: row.unit_path,
      });
      raised += 1;
      if (check.rollCallId !== null) await completeRollCall(tx, app.config.tzName, check.rollCallId);
    });
  }
  return raised;
};

/** The network board: every unit post in the caller's subtree, and the reports from below. */
export async function networkBoard(
  db: DbOrTrx,
  zone: string,
  caller: PostCaller,
  now: Date,
): Promise<NetworkBoard> {
  const units = (await listUnits(db, caller.unitPath)).filter((u) => u.id !== ROOT_UNIT_ID && u.enabled);
  const ids = units.map((u) => u.id);
  const dutyDate = dutyDateOf(now, zone);
  const [posts, checks] = await Promise.all([repo.postsOn(db, dutyDate, ids), repo.lastChecks(db, ids)]);
  const communities = units.filter((u) => COMMUNITY_KINDS.has(u.kind)).map((u) => u.id);
  const informants =
    communities.length === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'unit_id', 'display_name', 'informant_role', 'phone'])
          .where('unit_id', 'in', communities)
          .where('informant_role', 'is not', null)
          .where('enabled', '=', 1)
          .orderBy('id')
          .execute();
  const informantOf = (unitId: number, role: 'A' | 'B') => {
    const p = informants.find((i) => Number(i.unit_id) === unitId && i.informant_role === role);
    return p ? { userId: Number(p.id), displayName: p.display_name, phone: p.phone ?? '' } : null;
  };
  const rows: BoardUnit[] = units.map((u) => {
    const isCommunity = COMMUNITY_KINDS.has(u.kind);
    const A = isCommunity ? informantOf(u.id, 'A') : null;
    const B = isCommunity ? informantOf(u.id, 'B') : null;
    return {
      unitId: u.id,
      parentId: u.parentId,
      name: u.name,
      kind: u.kind,
      path: u.path,
      duty: posts.get(u.id) ?? null,
      lastCheck: checks.get(u.id) ?? null,
      informants: isCommunity ? { A, B, gap: A === null || B === null } : null,
    };
  });
  return { dutyDate, units: rows, reports: await reportsFromBelow(db, caller.unitPath, BOARD_REPORTS) };
}
