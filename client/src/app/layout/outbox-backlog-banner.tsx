import { CloudUploadOutlined } from '@ant-design/icons';
import { pollEvery } from '@client/hooks/use-refetch-at';
import { apiGet } from '@client/lib/api-client';
import { useT } from '@client/lib/i18n';
import { formatTimeOfDay } from '@client/lib/time';
import type { OutboxBacklog } from '@shared/schemas/outbox';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useCurrentUser } from '../auth-guard';

/** A backlog younger than this is ordinary delivery, not worth a warning. */
const WARN_AFTER_SECONDS = 60;
/** Age grows with no event to say so; a slow read keeps the minutes shown honest. */
const POLL_MS = 30_000;

const watches = (user: User) => user.roles.some((r) => r === 'officer' || r === 'leader' || r === 'admin');

/** Read again when a report is sent or delivered (`live-cache.ts`: 'outbox'), and on the slow poll. */
function useOutboxBacklog(enabled: boolean): OutboxBacklog | null {
  const { data } = useQuery({
    queryKey: ['outbox', '/outbox/backlog'],
    queryFn: ({ signal }) => apiGet<OutboxBacklog>('/outbox/backlog', undefined, signal),
    enabled,
    // A failed read keeps the last answer, quietly; the next event or poll tries again.
    ...pollEvery(POLL_MS),
  });
  return data ?? null;
}

/**
 * 上报通道积压: on every page while reports have waited more than a minute to go upstream, with
 * the count, the age of the oldest and what the upstream last answered.
 */
export function OutboxBacklogBanner() {
  const t = useT();
  const backlog = useOutboxBacklog(watches(useCurrentUser()));
  if (!backlog || backlog.pending === 0 || backlog.oldestAgeSeconds < WARN_AFTER_SECONDS) return null;
  const failing = backlog.endpoints.filter((e) => e.pending > 0 && e.lastError);
  return (
    <Alert
      type="warning"
      showIcon
      icon={<CloudUploadOutlined />}
      className="outbox-backlog-banner"
      style={{ marginBottom: 12 }}
      data-testid="outbox-backlog"
      data-pending={backlog.pending}
      title={t('outbox.backlog.title', {
        count: backlog.pending,
        minutes: Math.floor(backlog.oldestAgeSeconds / 60),
        time: formatTimeOfDay(backlog.oldestCreatedAt),
      })}
      description={
        failing.length > 0
          ? failing.map((e) => (
              <div key={e.endpoint}>
                {t('outbox.backlog.lastError', {
                  endpoint: e.endpoint,
                  count: e.pending,
                  error: e.lastError?.message ?? '',
                  time: formatTimeOfDay(e.lastError?.at) || '—',
                })}
              </div>
            ))
          : undefined
      }
    />
  );
}
