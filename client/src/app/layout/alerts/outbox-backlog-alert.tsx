import { CloudUploadOutlined } from '@ant-design/icons';
import { pollEvery } from '@client/hooks/use-refetch-at';
import { outboxBacklogQuery } from '@client/lib/api/outbox-backlog';
import { useT } from '@client/lib/i18n';
import { formatTimeOfDay } from '@client/lib/time';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import type { AlertItem } from './alert-row';

/** A backlog younger than this is ordinary delivery, not worth a warning. */
const WARN_AFTER_SECONDS = 60;
/** Age grows with no event to say so; a slow read keeps the minutes shown honest. */
const POLL_MS = 30_000;

const watches = (user: User) => user.roles.some((r) => r === 'officer' || r === 'leader' || r === 'admin');

/**
 * 上报通道积压: while reports have waited more than a minute to go upstream, with the count, the
 * age of the oldest and what the upstream last answered.
 */
export function useOutboxBacklogAlert(user: User): AlertItem | null {
  const t = useT();
  // A failed read keeps the last answer, quietly; the next event or poll tries again.
  const { data: backlog } = useQuery({
    ...outboxBacklogQuery(),
    enabled: watches(user),
    ...pollEvery(POLL_MS),
  });
  if (!backlog || backlog.pending === 0 || backlog.oldestAgeSeconds < WARN_AFTER_SECONDS) return null;
  const failing = backlog.endpoints.filter((e) => e.pending > 0 && e.lastError);
  return {
    key: 'outbox',
    level: 'warning',
    icon: <CloudUploadOutlined />,
    testId: 'outbox-backlog',
    data: { pending: backlog.pending },
    title: t('outbox.backlog.title', {
      count: backlog.pending,
      minutes: Math.floor(backlog.oldestAgeSeconds / 60),
      time: formatTimeOfDay(backlog.oldestCreatedAt),
    }),
    detail:
      failing.length > 0
        ? failing.map((e) => (
            <span key={e.endpoint} className="alert-row-line">
              {t('outbox.backlog.lastError', {
                endpoint: e.endpoint,
                count: e.pending,
                error: e.lastError?.message ?? '',
                time: formatTimeOfDay(e.lastError?.at) || '—',
              })}
            </span>
          ))
        : undefined,
  };
}
