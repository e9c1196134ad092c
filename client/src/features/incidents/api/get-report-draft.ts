import { apiGet } from '@client/lib/api-client';
import type { Draft, Report } from '@shared/schemas/incidents';
import type { Static } from 'typebox';

export type ReportDraft = Static<typeof Draft>;

export function getReportDraft(id: number, kind: Report['kind'], signal?: AbortSignal): Promise<ReportDraft> {
  return apiGet<ReportDraft>(`/incidents/${id}/reports/draft`, { kind }, signal);
}
