import { incidentCard } from '@shared/domain/board-fields';
import { figuresChanged } from '@shared/domain/incident-flags';
import type { GradeChange } from '@shared/domain/incident-types';
import type { Incident, IncidentPatch } from '@shared/schemas/incidents';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { gradingOf } from './intake';
import { refreshObligations } from './obligations';
import { type IncidentRow, insertAction, loadIncident, updateIncidentRow } from './repo';
import { reportView } from './snapshot';

export async function incidentRow(tx: Tx, id: number): Promise<IncidentRow> {
  return readIncidentRow(tx.trx, id);
}

/** The same, read-only: for what reads without a command (a report's draft). */
export async function readIncidentRow(db: DbOrTrx, id: number): Promise<IncidentRow> {
  return (
    (await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst()) ??
    notFound(`incident ${id}`)
  );
}

export async function reload(tx: Tx, id: number): Promise<Incident> {
  return (await loadIncident(tx.trx, id, nowStored(tx.clock)))!;
}

function assertOpen(row: IncidentRow): void {
  if (row.stage === 'closed') throw new DutyError('DUTY_ERR_CONFLICT', 'the incident is closed');
}

/** Figures or details change: re-graded (old → new recorded), and a 续报 falls due if figures changed. */
export async function patchIncident(
  tx: Tx,
  id: number,
  body: IncidentPatch,
  zone: string,
): Promise<Incident> {
  const row = await incidentRow(tx, id);
  assertOpen(row);
  const casualties = body.casualties ?? JSON.parse(row.casualties);
  const figures = body.casualties ? figuresChanged(JSON.parse(row.casualties), body.casualties) : [];
  const next = {
    category: body.category ?? row.category,
    casualties,
    directLossYuan: body.directLossYuan ?? row.direct_loss_yuan,
    burnedAreaHa: body.burnedAreaHa ?? row.burned_area_ha,
    damagedForestHa: body.damagedForestHa ?? row.damaged_forest_ha,
    damagedGrasslandHa: body.damagedGrasslandHa ?? row.damaged_grassland_ha,
    grade: body.grade === undefined ? row.manual_grade : body.grade,
    gradeReason: body.gradeReason ?? row.grade_reason,
    seriousPollution: body.seriousPollution ?? row.serious_pollution === 1,
    keyFacilityDanger: body.keyFacilityDanger ?? row.key_facility_danger === 1,
  };
  const graded = gradingOf(next);
  const lossChanged = body.directLossYuan !== undefined && body.directLossYuan !== row.direct_loss_yuan;
  const changes: string[] = JSON.parse(row.figure_changes);
  if (figures.length > 0 || lossChanged) changes.push(nowStored(tx.clock));
  // A regrade runs from now: the history keeps what was in force before (never retroactive).
  const history: GradeChange[] = row.grade_history
    ? JSON.parse(row.grade_history)
    : [{ at: row.received_at, grade: row.grade, nearMiss: row.near_miss === 1 }];
  if (graded.grade !== row.grade || graded.nearMiss !== (row.near_miss === 1))
    history.push({ at: nowStored(tx.clock), grade: graded.grade, nearMiss: graded.nearMiss });
  const occurredAt = body.occurredAt ? toStored(new Date(body.occurredAt)) : row.occurred_at;
  if (Date.parse(occurredAt) > Date.parse(row.received_at))
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      'body.occurredAt: must not be after the time the report was received (receivedAt)',
      {},
      { field: 'occurredAt' },
    );
  await updateIncidentRow(tx.trx, id, {
    category: next.category,
    occurred_at: occurredAt,
    address: body.location?.address ?? row.address,
    lat: body.location ? (body.location.lat ?? null) : row.lat,
    lng: body.location ? (body.location.lng ?? null) : row.lng,
    accident_unit:
      body.accidentUnit === undefined
        ? row.accident_unit
        : body.accidentUnit === null
          ? null
          : JSON.stringify(body.accidentUnit),
    summary: body.summary ?? row.summary,
    casualties: JSON.stringify(casualties),
    direct_loss_yuan: next.directLossYuan,
    burned_area_ha: next.burnedAreaHa,
    damaged_forest_ha: next.damagedForestHa,
    damaged_grassland_ha: next.damagedGrasslandHa,
    manual_grade: next.grade ?? null,
    grade_reason: next.gradeReason ?? null,
    serious_pollution: next.seriousPollution ? 1 : 0,
    key_facility_danger: next.keyFacilityDanger ? 1 : 0,
    grade: graded.grade,
    grade_basis: graded.basis,
    grade_reasons: JSON.stringify(graded.reasons),
    near_miss: graded.nearMiss ? 1 : 0,
    production_related:
      body.productionRelated === undefined
        ? row.production_related
        : body.productionRelated === null
          ? null
          : body.productionRelated
            ? 1
            : 0,
    figure_changes: JSON.stringify(changes),
    grade_history: JSON.stringify(history),
    updated_at: nowStored(tx.clock),
  });
  const updated = await incidentRow(tx, id);
  await refreshObligations(
    tx.trx,
    updated,
    (await reportView(tx.trx, updated)).reports,
    zone,
    tx.clock.now(),
  );
  const incident = await reload(tx, id);
  const changed = [...Object.keys(body), ...figures.map((f) => `casualties.${f}`)];
  await tx.record({
    type: 'incident.updated',
    subject: `incident:${id}`,
    payload: { incident: incidentCard(incident), changed, gradeFrom: row.grade, gradeTo: graded.grade },
    unit: incident.unitPath,
  });
  return incident;
}

export async function verifyIncident(tx: Tx, id: number): Promise<Incident> {
  const row = await incidentRow(tx, id);
  assertOpen(row);
  if (row.verified_at) throw new DutyError('DUTY_ERR_ALREADY_DONE', 'already verified');
  await updateIncidentRow(tx.trx, id, {
    verified_at: nowStored(tx.clock),
    stage: row.stage === 'received' ? 'verified' : row.stage,
    updated_at: nowStored(tx.clock),
  });
  const incident = await reload(tx, id);
  await tx.record({
    type: 'incident.verified',
    subject: `incident:${id}`,
    payload: { incident: incidentCard(incident), verifiedAt: incident.verifiedAt! },
    unit: incident.unitPath,
  });
  return incident;
}

/** The leader on call confirms receipt: when and who is on the record. */
export async function acknowledgeIncident(tx: Tx, id: number): Promise<Incident> {
  const row = await incidentRow(tx, id);
  if (row.acknowledged_at)
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `already acknowledged by ${row.acknowledged_by}`);
  await updateIncidentRow(tx.trx, id, {
    acknowledged_at: nowStored(tx.clock),
    acknowledged_by: tx.actor,
    updated_at: nowStored(tx.clock),
  });
  const incident = await reload(tx, id);
  await tx.record({
    type: 'incident.acknowledged',
    subject: `incident:${id}`,
    payload: { incident: incidentCard(incident), acknowledgedBy: tx.actor },
    unit: incident.unitPath,
  });
  return incident;
}

export async function addAction(tx: Tx, id: number, type: string, text: string): Promise<Incident> {
  const row = await incidentRow(tx, id);
  assertOpen(row);
  const action = await insertAction(tx.trx, {
    incident_id: id,
    type,
    text,
    actor: tx.actor,
    at: nowStored(tx.clock),
  });
  if (row.stage === 'reported' && type !== 'note')
    await updateIncidentRow(tx.trx, id, { stage: 'handling', updated_at: nowStored(tx.clock) });
  const incident = await reload(tx, id);
  const payload = {
    incident: incidentCard(incident),
    action: { id: Number(action.id), type, text, actor: action.actor, at: action.at },
  };
  await tx.record({ type: 'incident.action', subject: `incident:${id}`, payload, unit: incident.unitPath });
  return incident;
}

/** Closing needs the 终报 and an outcome. */
export async function closeIncident(tx: Tx, id: number, outcome: string, zone: string): Promise<Incident> {
  const row = await incidentRow(tx, id);
  assertOpen(row);
  const { reports } = await reportView(tx.trx, row);
  if (!reports.some((r) => r.kind === 'final')) {
    throw new DutyError(
      'DUTY_ERR_FINAL_REPORT_REQUIRED',
      'an incident closes only after its final report (终报) was sent',
    );
  }
  await updateIncidentRow(tx.trx, id, {
    stage: 'closed',
    closed_at: nowStored(tx.clock),
    outcome,
    updated_at: nowStored(tx.clock),
  });
  await refreshObligations(tx.trx, await incidentRow(tx, id), reports, zone, tx.clock.now());
  const incident = await reload(tx, id);
  await tx.record({
    type: 'incident.closed',
    subject: `incident:${id}`,
    payload: { incident: incidentCard(incident), outcome },
    unit: incident.unitPath,
  });
  return incident;
}
