import { apiGet } from '@client/lib/api-client';
import type { Escalation, EscalationList } from '@shared/schemas/escalation';
import { queryOptions } from '@tanstack/react-query';

const PATH = '/escalations';

/** What the leader on call has not acknowledged, the step reached and who is called next. */
export function listActiveEscalations(signal?: AbortSignal): Promise<EscalationList> {
  return apiGet<EscalationList>(PATH, { status: 'active' }, signal);
}

export const activeEscalationsQuery = () =>
  queryOptions({
    queryKey: ['escalations', PATH, 'active'],
    queryFn: ({ signal }) => listActiveEscalations(signal),
    select: (list): Escalation[] => list.escalations,
  });
