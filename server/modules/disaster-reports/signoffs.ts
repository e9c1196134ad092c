import type { DisasterRecipient, DisasterReportKind } from '@shared/domain/disasters';
import { DISTRICT_PATH } from '@shared/domain/district';
import type { DisasterSignoff, DisasterSignoffBody } from '@shared/schemas/disasters';
import type { ReportSignoff } from '@shared/schemas/incidents';
import type { User } from '@shared/schemas/users';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { listUsers } from '../users/service';
import type { DisasterSignoffsTable } from './table';

/**
 * 签发 of a disaster report, exactly as incident reports are signed off (incidents/signoffs.ts): the
 * officer asks one leader; that leader alone approves or returns it, once; a report goes out only with
 * an approved request (its kind, recipients, date, title and text are what is sent; used once), a
 * telephone consent recorded by the officer, or a leader sending it themself.
 */

type SignoffRow = Selectable<DisasterSignoffsTable>;

function canSignOff(user: User | undefined): user is User {
  return !!user && user.enabled && user.qualified && user.roles.includes('leader');
}

async function namesOf(db: DbOrTrx): Promise<(username: string) => string> {
  const users = new Map((await listUsers(db)).map((u) => [u.username, u.displayName || u.username]));
  return (username) => users.get(username) ?? username;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

function toSignoff(row: SignoffRow, disasterTitle: string, name: (u: string) => string): DisasterSignoff {
  return {
    id: Number(row.id),
    disasterId: Number(row.disaster_id),
    disasterTitle,
    kind: row.kind,
    recipients: JSON.parse(row.recipients) as DisasterRecipient[],
    forDate: row.for_date,
    title: row.title,
    text: row.text,
    leader: row.leader,
    leaderName: name(row.leader),
    requestedBy: row.requested_by,
    requestedByName: name(row.requested_by),
    requestedAt: row.requested_at,
    status: row.status,
    decidedAt: row.decided_at,
    comment: row.comment,
  };
}

async function signingLeader(db: DbOrTrx, username: string): Promise<User> {
  const leader = (await listUsers(db)).find((u) => u.username === username);
  if (!canSignOff(leader)) {
    throw new DutyError(
      'DUTY_ERR_SIGNOFF_REQUIRED',
      `"${username}" is not an enabled, qualified leader who can sign off a report`,
    );
  }
  return leader;
}

async function signoffRow(db: DbOrTrx, id: number): Promise<SignoffRow> {
  return (
    (await db.selectFrom('disaster_signoffs').selectAll().where('id', '=', id).executeTakeFirst()) ??
    notFound(`sign-off request ${id}`)
  );
}

/** Requests, newest first, each with its disaster's title (looked up through `titleOf`). */
export async function listSignoffs(
  db: DbOrTrx,
  filter: { status?: SignoffRow['status']; disasterId?: number },
  titleOf: (db: DbOrTrx, disasterId: number) => Promise<string>,
): Promise<DisasterSignoff[]> {
  let q = db.selectFrom('disaster_signoffs').selectAll().orderBy('id', 'desc');
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.disasterId !== undefined) q = q.where('disaster_id', '=', filter.disasterId);
  const rows = await q.execute();
  const name = await namesOf(db);
  const titles = new Map<number, string>();
  for (const id of new Set(rows.map((r) => Number(r.disaster_id)))) titles.set(id, await titleOf(db, id));
  return rows.map((r) => toSignoff(r, titles.get(Number(r.disaster_id)) ?? '', name));
}

/** 请领导签发: the drafted report goes to one leader, who alone decides. */
export async function requestSignoff(
  tx: Tx,
  disaster: { id: number; title: string },
  body: DisasterSignoffBody,
): Promise<DisasterSignoff> {
  await signingLeader(tx.trx, body.leader);
  const inserted = await tx.trx
    .insertInto('disaster_signoffs')
    .values({
      disaster_id: disaster.id,
      kind: body.kind,
      recipients: JSON.stringify(body.recipients),
      for_date: body.forDate ?? null,
      title: body.title,
      text: body.text,
      leader: body.leader,
      requested_by: tx.actor,
      requested_at: nowStored(tx.clock),
      status: 'pending',
      decided_at: null,
      comment: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const signoff = toSignoff(
    await signoffRow(tx.trx, Number(inserted.id)),
    disaster.title,
    await namesOf(tx.trx),
  );
  await tx.record({
    type: 'disaster.signoff_requested',
    subject: `disaster:${disaster.id}`,
    payload: { signoff },
    unit: DISTRICT_PATH,
  });
  return signoff;
}

/** The asked leader — nobody else, whatever their roles — approves or returns a request, once. */
export async function decideSignoff(
  tx: Tx,
  id: number,
  approve: boolean,
  comment: string | undefined,
  titleOf: (db: DbOrTrx, disasterId: number) => Promise<string>,
): Promise<DisasterSignoff> {
  const row = await signoffRow(tx.trx, id);
  if (row.leader !== tx.actor) {
    throw new DutyError('DUTY_ERR_FORBIDDEN', 'only the leader asked signs off (or returns) this report');
  }
  if (row.status !== 'pending') {
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `this sign-off request was already ${row.status}`);
  }
  if (approve) await signingLeader(tx.trx, tx.actor);
  const updated = await tx.trx
    .updateTable('disaster_signoffs')
    .set({
      status: approve ? 'approved' : 'returned',
      decided_at: nowStored(tx.clock),
      comment: comment ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new DutyError('DUTY_ERR_ALREADY_DONE', 'this sign-off request was already decided');
  }
  const signoff = toSignoff(
    await signoffRow(tx.trx, id),
    await titleOf(tx.trx, Number(row.disaster_id)),
    await namesOf(tx.trx),
  );
  await tx.record({
    type: 'disaster.signoff_decided',
    subject: `disaster:${row.disaster_id}`,
    payload: { signoff },
    unit: DISTRICT_PATH,
  });
  return signoff;
}

export interface SignoffChoice {
  kind: DisasterReportKind;
  recipients: readonly DisasterRecipient[];
  forDate: string | null;
  title: string;
  text: string;
  signoffRequestId?: number;
  phoneConsentBy?: string;
}

export interface ResolvedSignoff {
  signoff: ReportSignoff;
  requestId: number | null;
}

/**
 * How a disaster report about to be sent is signed off. Every one is written, so every one needs an
 * approved request of this disaster (the same kind, recipients, date, title and text; used here, once),
 * a telephone consent recorded by the caller with a leader from the list, or a leader sending it
 * themself. Anything else: 422.
 */
export async function resolveSignoff(
  tx: Tx,
  disasterId: number,
  body: SignoffChoice,
  callerIsLeader: boolean,
): Promise<ResolvedSignoff> {
  if (body.signoffRequestId !== undefined && body.phoneConsentBy !== undefined) {
    throw new DutyError(
      'DUTY_ERR_SIGNOFF_REQUIRED',
      'a report is signed off either by an approved request or by a telephone consent, not both',
    );
  }
  const at = nowStored(tx.clock);
  const name = await namesOf(tx.trx);
  if (body.signoffRequestId !== undefined) {
    const row = await tx.trx
      .selectFrom('disaster_signoffs')
      .selectAll()
      .where('id', '=', body.signoffRequestId)
      .executeTakeFirst();
    if (!row || Number(row.disaster_id) !== disasterId) {
      throw new DutyError(
        'DUTY_ERR_SIGNOFF_REQUIRED',
        `sign-off request ${body.signoffRequestId} is not this disaster's`,
      );
    }
    if (row.status !== 'approved') {
      const why =
        row.status === 'used'
          ? 'was already used for a report'
          : row.status === 'returned'
            ? 'was returned'
            : 'is not approved yet';
      throw new DutyError('DUTY_ERR_SIGNOFF_REQUIRED', `sign-off request ${row.id} ${why}`);
    }
    const approvedRecipients = JSON.parse(row.recipients) as DisasterRecipient[];
    if (
      row.kind !== body.kind ||
      !sameSet(approvedRecipients, body.recipients) ||
      (row.for_date ?? null) !== body.forDate
    ) {
      throw new DutyError(
        'DUTY_ERR_SIGNOFF_REQUIRED',
        'the report differs from the one the leader approved (kind, recipients or date): ask again',
      );
    }
    if (row.title !== body.title || row.text !== body.text) {
      throw new DutyError(
        'DUTY_ERR_SIGNOFF_REQUIRED',
        'the title or text differs from the one the leader approved: ask again',
      );
    }
    const used = await tx.trx
      .updateTable('disaster_signoffs')
      .set({ status: 'used' })
      .where('id', '=', row.id)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) {
      throw new DutyError(
        'DUTY_ERR_SIGNOFF_REQUIRED',
        `sign-off request ${row.id} was already used for a report`,
      );
    }
    return {
      signoff: {
        kind: 'approved',
        leader: row.leader,
        leaderName: name(row.leader),
        recordedBy: row.leader,
        recordedByName: name(row.leader),
        requestId: Number(row.id),
        at: row.decided_at ?? at,
        comment: row.comment,
      },
      requestId: Number(row.id),
    };
  }
  if (body.phoneConsentBy !== undefined) {
    const leader = await signingLeader(tx.trx, body.phoneConsentBy);
    return {
      signoff: {
        kind: 'phone_consent',
        leader: leader.username,
        leaderName: name(leader.username),
        recordedBy: tx.actor,
        recordedByName: name(tx.actor),
        requestId: null,
        at,
        comment: null,
      },
      requestId: null,
    };
  }
  if (callerIsLeader) {
    const leader = await signingLeader(tx.trx, tx.actor);
    return {
      signoff: {
        kind: 'leader',
        leader: leader.username,
        leaderName: name(leader.username),
        recordedBy: leader.username,
        recordedByName: name(leader.username),
        requestId: null,
        at,
        comment: null,
      },
      requestId: null,
    };
  }
  throw new DutyError(
    'DUTY_ERR_SIGNOFF_REQUIRED',
    'a disaster report is sent only once signed off (签发): ask a leader (signoffRequestId of an approved request) or record their telephone consent (phoneConsentBy)',
  );
}
