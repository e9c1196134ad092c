import { incidentCard } from '@shared/domain/board-fields';
import { nextDeadline } from '@shared/domain/deadlines';
import { gradeIncident } from '@shared/domain/grading';
import { lateDiscoveryFlag } from '@shared/domain/incident-flags';
import type { Incident, IncidentIntake } from '@shared/schemas/incidents';
import type { Insertable } from 'kysely';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { type StatutoryFields, statutoryObligationsUnder } from './direct-report';
import { firstHopOf, insertFirstHop } from './hops';
import { type ObligationFields, obligationsUnder } from './obligations';
import { getDeadlinePolicy } from './policy';
import { insertIncident, insertObligations, obligationViews, toIncident } from './repo';
import type { IncidentsTable } from './table';

export function gradingOf(i: {
  category: IncidentIntake['category'];
  casualties?: IncidentIntake['casualties'];
  directLossYuan?: number | null;
  burnedAreaHa?: number | null;
  damagedForestHa?: number | null;
  damagedGrasslandHa?: number | null;
  grade?: IncidentIntake['grade'] | null;
  gradeReason?: string | null;
  seriousPollution?: boolean;
  keyFacilityDanger?: boolean;
}) {
  return gradeIncident({
    category: i.category,
    casualties: i.casualties ?? {},
    directLossYuan: i.directLossYuan ?? undefined,
    burnedAreaHa: i.burnedAreaHa ?? undefined,
    damagedForestHa: i.damagedForestHa ?? undefined,
    damagedGrasslandHa: i.damagedGrasslandHa ?? undefined,
    manualGrade: i.grade ?? null,
    manualReason: i.gradeReason ?? null,
    seriousPollution: i.seriousPollution,
    keyFacilityDanger: i.keyFacilityDanger,
  });
}

/** How far ahead of the server's clock a receipt time may be (a caller's clock running fast). */
export const RECEIVED_AHEAD_MS = 5 * 60_000;

function timeError(field: 'receivedAt' | 'occurredAt', message: string): never {
  throw new DutyError('DUTY_ERR_VALIDATION', `body.${field}: ${message}`, {}, { field });
}

/**
 * A receipt in the future would start its clocks late (it could never be late); an accident after
 * it was reported is impossible. Refused with the field named.
 */
export function assertIntakeTimes(occurredAt: string, receivedAt: string, now: Date): void {
  if (Date.parse(receivedAt) > now.getTime() + RECEIVED_AHEAD_MS)
    timeError('receivedAt', 'must not be more than 5 minutes ahead of now');
  if (Date.parse(occurredAt) > Date.parse(receivedAt))
    timeError('occurredAt', 'must not be after the time the report was received (receivedAt)');
}

/** 接报: graded, flagged, its reporting clock started; the leader on call sees it at once (the event). */
export async function createIncident(tx: Tx, body: IncidentIntake, zone: string): Promise<Incident> {
  const now = tx.clock.now();
  const receivedAt = body.receivedAt ? toStored(new Date(body.receivedAt)) : toStored(now);
  let occurredAt = toStored(new Date(body.occurredAt));
  // Received now (stamped here): a sender's clock a little ahead of ours (a phone's, a browser's
  // "just now") means now, within the same allowance as a receipt ahead; beyond it, refused.
  const ahead = Date.parse(occurredAt) - now.getTime();
  if (!body.receivedAt && ahead > 0 && ahead <= RECEIVED_AHEAD_MS) occurredAt = receivedAt;
  assertIntakeTimes(occurredAt, receivedAt, now);
  const graded = gradingOf(body);
  const late = lateDiscoveryFlag({ source: body.source, occurredAt, receivedAt });
  const policy = await getDeadlinePolicy(tx.trx);
  // Recorded by a township or community: its first hop upward, on the clock from the receipt here.
  const hop = await firstHopOf(tx.trx, tx.unit.id, receivedAt, tx.actor);
  const values: Insertable<IncidentsTable> & ObligationFields & StatutoryFields = {
    category: body.category,
    occurred_at: occurredAt,
    received_at: receivedAt,
    address: body.location.address,
    lat: body.location.lat ?? null,
    lng: body.location.lng ?? null,
    caller: JSON.stringify(body.caller),
    accident_unit: body.accidentUnit ? JSON.stringify(body.accidentUnit) : null,
    summary: body.summary,
    casualties: JSON.stringify(body.casualties ?? {}),
    direct_loss_yuan: body.directLossYuan ?? null,
    burned_area_ha: body.burnedAreaHa ?? null,
    damaged_forest_ha: body.damagedForestHa ?? null,
    damaged_grassland_ha: body.damagedGrasslandHa ?? null,
    source: body.source,
    manual_grade: body.grade ?? null,
    grade_reason: body.gradeReason ?? null,
    serious_pollution: body.seriousPollution ? 1 : 0,
    key_facility_danger: body.keyFacilityDanger ? 1 : 0,
    grade: graded.grade,
    grade_basis: graded.basis,
    grade_reasons: JSON.stringify(graded.reasons),
    near_miss: graded.nearMiss ? 1 : 0,
    drill: body.drill ? 1 : 0,
    production_related: body.productionRelated === undefined ? null : body.productionRelated ? 1 : 0,
    late_discovery: late.reason,
    stage: 'received',
    figure_changes: '[]',
    // The policy it is judged by for good, and the grade in force from receipt.
    policy: JSON.stringify(policy),
    grade_history: JSON.stringify([{ at: receivedAt, grade: graded.grade, nearMiss: graded.nearMiss }]),
    created_by: tx.actor,
    // The unit of whoever records it (a token: its creator's): it owns the incident.
    unit_id: tx.unit.id,
    unit_path: tx.unit.path,
    created_at: nowStored(tx.clock),
    updated_at: nowStored(tx.clock),
    closed_at: null,
  };
  // A new incident has no reports and no records yet: its obligations follow from what it is.
  const hops = hop ? [{ hop: hop.hop, receivedAt: hop.received_at, takenAt: null }] : [];
  const obligations = [
    ...obligationsUnder(values, [], hops, zone, policy),
    ...statutoryObligationsUnder(values, {}, policy),
  ];
  const row = await insertIncident(tx.trx, {
    ...values,
    next_due_at: nextDeadline(obligations, now)?.dueAt ?? null,
  });
  const id = Number(row.id);
  if (hop) await insertFirstHop(tx.trx, id, hop);
  const stored = await insertObligations(tx.trx, id, obligations);
  const incident = toIncident(row, obligationViews(stored, toStored(now)));
  await tx.record({
    type: 'incident.created',
    subject: `incident:${id}`,
    payload: { incident: incidentCard(incident) },
    unit: incident.unitPath,
  });
  return incident;
}
