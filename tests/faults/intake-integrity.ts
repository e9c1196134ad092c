/**
 * What must hold in the database after a crash during intake, read straight from the tables. Intake
 * writes in one transaction: the incident row, its obligations and next deadline, the
 * `incident.created` event, and the Idempotency-Key's stored answer. The key's claim is its own
 * earlier transaction, so a claim may be left pending, but then nothing else of that request exists.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/database';
import { summaryFor } from './intake-stream';

/** The event carries the incident's card (issue 18): its next deadline and the kind owed then. */
interface CreatedPayload {
  incident: { id: number; summary: string; nextDueAt: string | null; nextKind: string | null };
}

const sameInstant = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Date.parse(a) === Date.parse(b);

/**
 * Every problem found, as a sentence; empty when the stored intake is whole. `unkeyed`: incidents
 * posted without an Idempotency-Key, which have no stored answer.
 */
export async function intakeProblems(
  db: Kysely<Database>,
  acked: Map<string, number>,
  unkeyed: number[] = [],
): Promise<string[]> {
  const problems: string[] = [];
  const incidents = new Map(
    (await db.selectFrom('incidents').select(['id', 'summary', 'next_due_at']).execute()).map((r) => [
      Number(r.id),
      r,
    ]),
  );

  for (const [key, id] of acked) {
    const row = incidents.get(id);
    if (!row) problems.push(`acknowledged ${key} (incident ${id}) is missing`);
    else if (row.summary !== summaryFor(key)) problems.push(`incident ${id} is not the one ${key} made`);
  }

  const bySummary = new Map<string, number>();
  for (const row of incidents.values()) bySummary.set(row.summary, (bySummary.get(row.summary) ?? 0) + 1);
  for (const [summary, n] of bySummary) if (n > 1) problems.push(`${n} incidents for "${summary}"`);

  const created = new Map<number, CreatedPayload[]>();
  const events = await db
    .selectFrom('events')
    .select(['seq', 'subject', 'payload'])
    .where('type', '=', 'incident.created')
    .execute();
  for (const e of events) {
    const id = Number(e.subject.replace('incident:', ''));
    if (!incidents.has(id)) problems.push(`event ${e.seq} announces incident ${id}, which is not stored`);
    created.set(id, [...(created.get(id) ?? []), JSON.parse(e.payload) as CreatedPayload]);
  }

  const obligations = new Map<number, string[]>();
  for (const o of await db.selectFrom('incident_obligations').select(['incident_id', 'key']).execute()) {
    const id = Number(o.incident_id);
    obligations.set(id, [...(obligations.get(id) ?? []), o.key]);
  }

  for (const [id, row] of incidents) {
    const announced = created.get(id) ?? [];
    if (announced.length !== 1) {
      problems.push(`incident ${id} has ${announced.length} incident.created events`);
      continue;
    }
    const { incident } = announced[0]!;
    // Keys are `<kind>` or `<kind>:<what>` (a department told, a hop): the kind the event says is owed next is stored.
    const stored = (obligations.get(id) ?? []).sort();
    if (stored.length === 0) problems.push(`incident ${id} has no obligations`);
    else if (incident.nextKind !== null && !stored.some((k) => k.split(':')[0] === incident.nextKind))
      problems.push(
        `incident ${id} has obligations [${stored}], its event says ${incident.nextKind} is next`,
      );
    if (!sameInstant(row.next_due_at, incident.nextDueAt))
      problems.push(`incident ${id} next deadline ${row.next_due_at}, its event says ${incident.nextDueAt}`);
  }
  for (const id of obligations.keys())
    if (!incidents.has(id)) problems.push(`obligations of incident ${id}, which is not stored`);

  const keys = await db.selectFrom('idempotency_keys').select(['key', 'status', 'response_body']).execute();
  const answered = new Set<number>();
  for (const k of keys) {
    if (k.status === 'done') {
      const id = (JSON.parse(k.response_body ?? 'null') as { id: number } | null)?.id ?? -1;
      answered.add(id);
      const row = incidents.get(id);
      if (row?.summary !== summaryFor(k.key))
        problems.push(`key ${k.key} answered incident ${id}, not stored`);
    } else if (bySummary.has(summaryFor(k.key))) {
      problems.push(`key ${k.key} is still ${k.status}, yet its incident is stored`);
    }
  }
  for (const id of incidents.keys())
    if (!answered.has(id) && !unkeyed.includes(id)) problems.push(`incident ${id} has no stored answer`);

  const seqs = await db
    .selectFrom('events')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('seq').as('head')])
    .executeTakeFirstOrThrow();
  if (Number(seqs.n) !== Number(seqs.head ?? 0))
    problems.push(`events: ${seqs.n} rows, head seq ${seqs.head}`);
  return problems;
}
