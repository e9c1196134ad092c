import { apiRequest } from '@client/lib/api-client';

/** The one tap: "无新增" for the unit, for the ask's day. */
export function fileNothingNew(requestId: number, unitId: number, forDate: string): Promise<unknown> {
  return apiRequest('POST', `/zero-reports/${requestId}/filings`, {
    body: { unitId, forDate, nothingNew: true },
  });
}
