import { apiGet } from '@client/lib/api-client';
import type { OutboxBacklog } from '@shared/schemas/outbox';
import { queryOptions } from '@tanstack/react-query';

const PATH = '/outbox/backlog';

/** The reports still waiting to go upstream: how many, the oldest, what each upstream last answered. */
export function getOutboxBacklog(signal?: AbortSignal): Promise<OutboxBacklog> {
  return apiGet<OutboxBacklog>(PATH, undefined, signal);
}

/** Read again when a report is sent or delivered (`live-cache.ts`: 'outbox'). */
export const outboxBacklogQuery = () =>
  queryOptions({ queryKey: ['outbox', PATH], queryFn: ({ signal }) => getOutboxBacklog(signal) });
