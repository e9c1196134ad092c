import { apiGet } from '@client/lib/api-client';
import type { Consultation, EmergencyResponse, Warning } from '@shared/schemas/warnings';
import { queryOptions } from '@tanstack/react-query';

export interface DutyWarnings {
  warnings: Warning[];
  responses: EmergencyResponse[];
  consultations: Consultation[];
}

/** Warnings and responses in force during the period, consultations held in it: the log's 预警与应急响应. */
export const dutyWarningsQuery = (period: { from: string; to?: string }) =>
  queryOptions({
    queryKey: ['warnings', 'logbook', period],
    queryFn: async ({ signal }): Promise<DutyWarnings> => {
      const [w, r, c] = await Promise.all([
        apiGet<{ warnings: Warning[] }>('/warnings', { ...period }, signal),
        apiGet<{ responses: EmergencyResponse[] }>('/responses', { ...period }, signal),
        apiGet<{ consultations: Consultation[] }>('/consultations', { ...period }, signal),
      ]);
      return { warnings: w.warnings, responses: r.responses, consultations: c.consultations };
    },
  });
