import { apiGet, apiRequest } from '@client/lib/api-client';
import type { Incident } from '@shared/schemas/incidents';
import type { IncidentHop, NetworkBoard, RollCall, UnitCheck, UnitPostDuty } from '@shared/schemas/posts';
import { queryOptions } from '@tanstack/react-query';

const BOARD = '/posts/board';
const OPEN = '/posts/spot-checks/open';

/** Every unit post in the caller's subtree and the reports from below: the network board. */
export const networkBoardQuery = () =>
  queryOptions({
    queryKey: ['posts', BOARD],
    queryFn: ({ signal }) => apiGet<NetworkBoard>(BOARD, undefined, signal),
  });

/** The caller's unit's unanswered spot-checks ("请回复"). */
export const openUnitChecksQuery = () =>
  queryOptions({
    queryKey: ['posts', OPEN],
    queryFn: ({ signal }) => apiGet<{ checks: UnitCheck[] }>(OPEN, undefined, signal),
    select: (r) => r.checks,
  });

export function issueRollCall(): Promise<RollCall> {
  return apiRequest<RollCall>('POST', '/posts/roll-calls', { body: {} });
}

export function issueUnitCheck(unitId: number): Promise<UnitCheck> {
  return apiRequest<UnitCheck>('POST', `/posts/${unitId}/spot-checks`, { body: {} });
}

export function answerUnitCheck(id: number): Promise<UnitCheck> {
  return apiRequest<UnitCheck>('POST', `/posts/spot-checks/${id}/answer`, { body: {} });
}

export function checkInPost(unitId: number): Promise<UnitPostDuty> {
  return apiRequest<UnitPostDuty>('POST', `/posts/${unitId}/check-in`, { body: {} });
}

export function assignPost(unitId: number, userId: number, phone: string): Promise<UnitPostDuty> {
  return apiRequest<UnitPostDuty>('PUT', `/posts/${unitId}/today`, { body: { userId, phone } });
}

/** 接收/核实: the upper unit takes a report from the unit below. */
export function takeReport(incidentId: number): Promise<{ incident: Incident; hop: IncidentHop }> {
  return apiRequest('POST', `/incidents/${incidentId}/take`, { body: {} });
}
