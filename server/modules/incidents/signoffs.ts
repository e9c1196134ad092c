import type { ReportSignoff } from '@shared/schemas/incidents';
import type {
  SignoffLeaders,
  SignoffRequest,
  SignoffRequestBody,
  SignoffStatus,
} from '@shared/schemas/signoffs';
import type { User } from '@shared/schemas/users';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { dutyAt } from '../attendance/service';
import { listUsers } from '../users/service';
import { incidentRow } from './lifecycle';
import type { IncidentSignoffsTable } from './table';

type SignoffRow = Selectable<IncidentSignoffsTable> & { category: string; summary: string };

/** Who may sign a report off: an enabled, qualified leader. */
function canSignOff(user: User | undefined): user is User {
  return !!user && user.enabled && user.qualified && user.roles.includes('leader');
}

async function namesOf(db: DbOrTrx): Promise<(username: string) => string> {
  const users = new Map((await listUsers(db)).map((u) => [u.username, u.displayName || u.username]));
  return (username) => users.get(username) ?? username;
}

function toSignoff(row: SignoffRow, name: (username: string) => string): SignoffRequest {
  return {
    id: Number(row.id),
    incidentId: Number(row.incident_id),
    category: row.category as SignoffRequest['category'],
    incidentSummary: row.summary,
    kind: row.report_kind,
    channel: row.channel,
    recipient: row.recipient,
    text: row.text,
    leader: row.leader,
    leaderName: name(row.leader),
    requestedBy: row.requested_by,
    requestedByName: name(row.requested_by),
    requestedAt: row.requested_at,
    status: row.status,
    decidedAt: row.decided_at,
    comment: row.comment,
    reportId: row.report_id === null ? null : Number(row.report_id),
  };
}

function selectSignoffs(db: DbOrTrx) {
  return db
    .selectFrom('incident_signoffs as s')
    .innerJoin('incidents as i', 'i.id', 's.incident_id')
    .selectAll('s')
    .select(['i.category', 'i.summary']);
}

async function signoffRow(db: DbOrTrx, id: number): Promise<SignoffRow> {
  return (
    (await selectSignoffs(db).where('s.id', '=', id).executeTakeFirst()) ?? notFound(`sign-off request ${id}`)
  );
}

/** The leaders an officer may ask, the one(s) on call now first. */
export async function signoffLeaders(db: DbOrTrx, zone: string, now: Date): Promise<SignoffLeaders> {
  const [users, duty] = await Promise.all([listUsers(db), dutyAt(db, zone, now)]);
  const onCall = new Set(duty.leaders.map((s) => s.userId));
  const leaders = users.filter(canSignOff).map((u) => ({
    username: u.username,
    displayName: u.displayName || u.username,
    onCall: onCall.has(u.id),
  }));
  leaders.sort(
    (a, b) => Number(b.onCall) - Number(a.onCall) || a.displayName.localeCompare(b.displayName, 'zh'),
  );
  return { leaders };
}

/** An incident's sign-off requests, newest first. */
export async function incidentSignoffs(db: DbOrTrx, incidentId: number): Promise<SignoffRequest[]> {
  const rows = await selectSignoffs(db)
    .where('s.incident_id', '=', incidentId)
    .orderBy('s.id', 'desc')
    .execute();
  const name = await namesOf(db);
  return rows.map((r) => toSignoff(r, name));
}

/** The requests waiting for this leader's decision, oldest first. */
export async function signoffsAwaiting(db: DbOrTrx, username: string): Promise<SignoffRequest[]> {
  const rows = await selectSignoffs(db)
    .where('s.leader', '=', username)
    .where('s.status', '=', 'pending')
    .orderBy('s.id')
    .execute();
  const name = await namesOf(db);
  return rows.map((r) => toSignoff(r, name));
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

/** 请领导签发: the drafted written report goes to one leader, who alone decides. */
export async function requestSignoff(
  tx: Tx,
  incidentId: number,
  body: SignoffRequestBody,
): Promise<SignoffRequest> {
  const incident = await incidentRow(tx, incidentId);
  if (incident.stage === 'closed') throw new DutyError('DUTY_ERR_CONFLICT', 'the incident is closed');
  await signingLeader(tx.trx, body.leader);
  const inserted = await tx.trx
    .insertInto('incident_signoffs')
    .values({
      incident_id: incidentId,
      report_kind: body.kind,
      channel: body.channel,
      recipient: body.recipient,
      text: body.text,
      leader: body.leader,
      requested_by: tx.actor,
      requested_at: nowStored(tx.clock),
      status: 'pending',
      decided_at: null,
      comment: null,
      report_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const signoff = toSignoff(await signoffRow(tx.trx, Number(inserted.id)), await namesOf(tx.trx));
  await tx.record({
    type: 'incident.signoff_requested',
    subject: `incident:${incidentId}`,
    payload: { signoff },
    unit: incident.unit_path,
  });
  return signoff;
}

/** The asked leader — nobody else, whatever their roles — approves or returns a request, once. */
export async function decideSignoff(
  tx: Tx,
  id: number,
  decision: 'approve' | 'return',
  comment: string | undefined,
): Promise<SignoffRequest> {
  const row = await signoffRow(tx.trx, id);
  if (row.leader !== tx.actor) {
    throw new DutyError('DUTY_ERR_FORBIDDEN', 'only the leader asked signs off (or returns) this report');
  }
  if (row.status !== 'pending') {
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `this sign-off request was already ${row.status}`);
  }
  // Asked while qualified, no longer: the approval is not theirs to give any more (a return still is).
  if (decision === 'approve') await signingLeader(tx.trx, tx.actor);
  const status: SignoffStatus = decision === 'approve' ? 'approved' : 'returned';
  const updated = await tx.trx
    .updateTable('incident_signoffs')
    .set({ status, decided_at: nowStored(tx.clock), comment: comment ?? null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new DutyError('DUTY_ERR_ALREADY_DONE', 'this sign-off request was already decided');
  }
  const signoff = toSignoff(await signoffRow(tx.trx, id), await namesOf(tx.trx));
  await tx.record({
    type: decision === 'approve' ? 'incident.signoff_approved' : 'incident.signoff_returned',
    subject: `incident:${row.incident_id}`,
    payload: { signoff },
    unit: (await incidentRow(tx, Number(row.incident_id))).unit_path,
  });
  return signoff;
}

export interface SignoffChoice {
  kind: SignoffRequest['kind'];
  channel: SignoffRequest['channel'];
  recipient: string;
  text?: string;
  signoffRequestId?: number;
  phoneConsentBy?: string;
}

export interface ResolvedSignoff {
  signoff: ReportSignoff | null;
  requestId: number | null;
  /** The approved text: what is sent. */
  text?: string;
}

/**
 * How a report about to be sent is signed off. A written one needs an approved request (its kind,
 * recipient and text are what is sent; consumed here, once), a telephone consent recorded by the
 * caller with the leader from the list, or a leader sending it themself. Anything else: 422.
 */
export async function resolveSignoff(
  tx: Tx,
  incidentId: number,
  body: SignoffChoice,
  callerIsLeader: boolean,
): Promise<ResolvedSignoff> {
  if (body.signoffRequestId !== undefined && body.phoneConsentBy !== undefined) {
    throw new DutyError(
      'DUTY_ERR_SIGNOFF_REQUIRED',
      'a report is signed off either by an approved request or by a telephone consent, not both',
    );
  }
  if (body.channel !== 'written') {
    if (body.signoffRequestId !== undefined || body.phoneConsentBy !== undefined) {
      throw new DutyError('DUTY_ERR_SIGNOFF_REQUIRED', 'only a written report is signed off (签发)');
    }
    return { signoff: null, requestId: null };
  }
  const at = nowStored(tx.clock);
  const name = await namesOf(tx.trx);
  if (body.signoffRequestId !== undefined) {
    const row = await tx.trx
      .selectFrom('incident_signoffs')
      .selectAll()
      .where('id', '=', body.signoffRequestId)
      .executeTakeFirst();
    if (!row || Number(row.incident_id) !== incidentId) {
      throw new DutyError(
        'DUTY_ERR_SIGNOFF_REQUIRED',
        `sign-off request ${body.signoffRequestId} is not this incident's`,
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
    if (row.report_kind !== body.kind || row.recipient !== body.recipient) {
      throw new DutyError(
        'DUTY_ERR_SIGNOFF_REQUIRED',
        'the report differs from the one the leader approved (kind or recipient): ask again',
      );
    }
    if (body.text !== undefined && body.text !== row.text) {
      throw new DutyError(
        'DUTY_ERR_SIGNOFF_REQUIRED',
        'the text differs from the one the leader approved: ask again',
      );
    }
    const used = await tx.trx
      .updateTable('incident_signoffs')
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
      text: row.text,
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
    'a written report is sent only once signed off (签发): ask a leader (signoffRequestId of an approved request) or record their telephone consent (phoneConsentBy)',
  );
}

/** Links a consumed request to the report it became. */
export async function markSignoffUsed(tx: Tx, requestId: number, reportId: number): Promise<void> {
  await tx.trx
    .updateTable('incident_signoffs')
    .set({ report_id: reportId })
    .where('id', '=', requestId)
    .execute();
}
