import type { IncidentIntake } from '@shared/schemas/incidents';
import type {
  LogEntry,
  LogIncidentResult,
  LogPatch,
  LogQuery,
  LogToIncidentBody,
  NewLogEntry,
} from '@shared/schemas/logbook';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { sealedOver } from '../handover/service';
import { createIncident } from '../incidents/service';
import * as repo from './repo';

const DEFAULT_LIMIT = 200;
/** Clocks on the duty-room PCs drift a little; a call is never logged as coming in later than that. */
const SKEW_MS = 5 * 60_000;

/** Entries as the API shows them: each with the sealed handover that closed its shift, if any. */
async function withSeal(db: DbOrTrx, stored: repo.StoredEntry[]): Promise<LogEntry[]> {
  const sealed = await sealedOver(
    db,
    stored.map((e) => e.at),
  );
  return stored.map((e, i) => ({ ...e, sealedIn: sealed[i] ?? null }));
}

async function findEntry(db: DbOrTrx, id: number): Promise<LogEntry | undefined> {
  const stored = await repo.findEntry(db, id);
  return stored ? (await withSeal(db, [stored]))[0] : undefined;
}

export async function addEntry(tx: Tx, body: NewLogEntry): Promise<LogEntry> {
  const now = tx.clock.now();
  const at = body.at ? new Date(body.at) : now;
  if (at.getTime() > now.getTime() + SKEW_MS)
    throw new DutyError('DUTY_ERR_VALIDATION', 'body.at is in the future');
  if (body.kind === 'call' && !body.callerName)
    throw new DutyError('DUTY_ERR_VALIDATION', 'body: missing field "callerName" (who called)');
  const inserted = await repo.insertEntry(tx.trx, {
    kind: body.kind,
    at: toStored(at),
    caller_name: body.callerName ?? null,
    caller_unit: body.callerUnit || null,
    caller_post: body.callerPost || null,
    caller_phone: body.callerPhone || null,
    content: body.content,
    already_told: body.alreadyTold || null,
    handling: body.handling || null,
    incident_id: null,
    recorded_by: tx.actor,
    created_at: toStored(now),
    updated_at: toStored(now),
  });
  const [entry] = await withSeal(tx.trx, [inserted]);
  await tx.record({ type: 'logbook.added', subject: `logbook:${entry!.id}`, payload: { entry: entry! } });
  return entry!;
}

/**
 * Only its author corrects an entry, and only while its shift is the duty room's own: once the
 * handover closing it is sealed, the record is corrected by an amendment to that handover.
 */
export async function patchEntry(tx: Tx, id: number, body: LogPatch): Promise<LogEntry> {
  const before = (await findEntry(tx.trx, id)) ?? notFound(`log entry ${id}`);
  if (before.recordedBy !== tx.actor)
    throw new DutyError(
      'DUTY_ERR_FORBIDDEN',
      `only its author (${before.recordedBy}) corrects log entry #${id}, during its shift`,
    );
  if (before.sealedIn !== null)
    throw new DutyError(
      'DUTY_ERR_SEALED',
      `log entry #${id} belongs to a shift closed by the sealed handover #${before.sealedIn}: ` +
        'correct it with an amendment to that handover',
    );
  const updated = await repo.updateEntry(tx.trx, id, {
    ...(body.content !== undefined ? { content: body.content } : {}),
    ...(body.alreadyTold !== undefined ? { already_told: body.alreadyTold || null } : {}),
    ...(body.handling !== undefined ? { handling: body.handling || null } : {}),
    updated_at: nowStored(tx.clock),
  });
  const entry = { ...updated, sealedIn: before.sealedIn };
  await tx.record({ type: 'logbook.updated', subject: `logbook:${id}`, payload: { entry, before } });
  return entry;
}

export async function listLog(db: DbOrTrx, query: LogQuery): Promise<LogEntry[]> {
  return withSeal(db, await logText(db, query));
}

/** The entries alone, for drafting a handover: whether a handover sealed them is no part of its text. */
export function logText(db: DbOrTrx, query: LogQuery): Promise<repo.StoredEntry[]> {
  if (query.from && query.to && Date.parse(query.to) < Date.parse(query.from))
    throw new DutyError('DUTY_ERR_VALIDATION', 'querystring.to is before querystring.from');
  return repo.listEntries(db, query, query.limit ?? DEFAULT_LIMIT);
}

/** The entries of a handover's window, as its lines use them, in time order. */
export function draftLogEntries(db: DbOrTrx, from: string, to: string, limit: number) {
  return repo.draftEntries(db, from, to, limit);
}

export async function getEntry(db: DbOrTrx, id: number): Promise<LogEntry> {
  return (await findEntry(db, id)) ?? notFound(`log entry ${id}`);
}

/** The intake a call already answers: who called, when it came in, what they said. */
function intakeOf(entry: LogEntry, body: LogToIncidentBody): IncidentIntake {
  const { summary, source, ...rest } = body;
  return {
    ...rest,
    receivedAt: entry.at,
    caller: {
      name: entry.callerName ?? entry.callerUnit?.slice(0, 60) ?? '未留名',
      ...(entry.callerUnit ? { unit: entry.callerUnit } : {}),
      ...(entry.callerPost ? { post: entry.callerPost } : {}),
      ...(entry.callerPhone ? { phone: entry.callerPhone } : {}),
      ...(entry.alreadyTold ? { alreadyTold: entry.alreadyTold } : {}),
    },
    summary: summary ?? entry.content,
    source: source ?? 'phone',
  };
}

/** 来电转事件 in one step: the incident and the link in the same transaction, or neither. */
export async function entryToIncident(
  tx: Tx,
  id: number,
  body: LogToIncidentBody,
  zone: string,
): Promise<LogIncidentResult> {
  const entry = (await findEntry(tx.trx, id)) ?? notFound(`log entry ${id}`);
  if (entry.incidentId !== null)
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `this entry is already incident #${entry.incidentId}`);
  if (entry.kind !== 'call' && entry.kind !== 'notice')
    throw new DutyError('DUTY_ERR_UNPROCESSABLE', 'only a call or a notice can become an incident');
  const incident = await createIncident(tx, intakeOf(entry, body), zone);
  if (!(await repo.linkIncident(tx.trx, id, incident.id, nowStored(tx.clock))))
    throw new DutyError('DUTY_ERR_ALREADY_DONE', 'this entry was just turned into an incident');
  const linked = (await findEntry(tx.trx, id))!;
  await tx.record({
    type: 'logbook.linked',
    subject: `logbook:${id}`,
    payload: { entry: linked, incidentId: incident.id },
  });
  return { entry: linked, incident };
}
