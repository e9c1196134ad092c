import { apiRequest } from '@client/lib/api-client';
import type { Report, ReportBody } from '@shared/schemas/incidents';

export function sendReport(id: number, body: ReportBody): Promise<Report> {
  return apiRequest<Report>('POST', `/incidents/${id}/reports`, { body });
}
