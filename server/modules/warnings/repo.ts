import { responseLabel, warningLabel } from '@shared/domain/warning-types';
import type { Consultation, EmergencyResponse, Warning } from '@shared/schemas/warnings';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { ConsultationsTable, ResponsesTable, WarningsTable } from './table';

export function toWarning(row: Selectable<WarningsTable>): Warning {
  return {
    id: Number(row.id),
    type: row.type,
    level: row.level,
    peakLevel: row.peak_level,
    label: warningLabel(row.type, row.level),
    issuer: row.issuer,
    issuedAt: row.issued_at,
    effectiveAt: row.effective_at,
    liftedAt: row.lifted_at,
    area: JSON.parse(row.area) as string[],
    text: row.text,
    source: row.source,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

export function toResponse(row: Selectable<ResponsesTable>): EmergencyResponse {
  return {
    id: Number(row.id),
    headquarters: row.headquarters,
    level: row.level,
    label: responseLabel(row.headquarters, row.level),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    orderText: row.order_text,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

export function toConsultation(row: Selectable<ConsultationsTable>): Consultation {
  return {
    id: Number(row.id),
    heldAt: row.held_at,
    participants: JSON.parse(row.participants) as string[],
    conclusions: row.conclusions,
    orders: row.orders,
    responseId: row.response_id === null ? null : Number(row.response_id),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** In force at some point of [from, to): took effect before `to`, not lifted by `from`. */
export interface Window {
  from?: string;
  to?: string;
}

export async function selectWarnings(
  db: DbOrTrx,
  filter: Window & { active?: boolean; type?: string; level?: string; limit?: number },
): Promise<Warning[]> {
  let q = db.selectFrom('warnings').selectAll();
  if (filter.active === true) q = q.where('lifted_at', 'is', null);
  if (filter.active === false) q = q.where('lifted_at', 'is not', null);
  if (filter.to) q = q.where('effective_at', '<', filter.to);
  if (filter.from) {
    const from = filter.from;
    q = q.where((eb) => eb.or([eb('lifted_at', 'is', null), eb('lifted_at', '>', from)]));
  }
  if (filter.type) q = q.where('type', '=', filter.type as WarningsTable['type']);
  if (filter.level) q = q.where('level', '=', filter.level as WarningsTable['level']);
  const rows = await q
    .orderBy('effective_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 500)
    .execute();
  return rows.map(toWarning);
}

export async function selectResponses(
  db: DbOrTrx,
  filter: Window & { active?: boolean },
): Promise<EmergencyResponse[]> {
  let q = db.selectFrom('emergency_responses').selectAll();
  if (filter.active === true) q = q.where('ended_at', 'is', null);
  if (filter.active === false) q = q.where('ended_at', 'is not', null);
  if (filter.to) q = q.where('started_at', '<', filter.to);
  if (filter.from) {
    const from = filter.from;
    q = q.where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', from)]));
  }
  const rows = await q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  return rows.map(toResponse);
}

export async function selectConsultations(db: DbOrTrx, filter: Window): Promise<Consultation[]> {
  let q = db.selectFrom('consultations').selectAll();
  if (filter.from) q = q.where('held_at', '>=', filter.from);
  if (filter.to) q = q.where('held_at', '<', filter.to);
  const rows = await q.orderBy('held_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  return rows.map(toConsultation);
}
