import { formatCountdown } from '@client/lib/time';
import { useWords } from '../i18n';
import { useSecondTicker } from './use-ticker';

interface Props {
  dueAt: string | null;
  testId?: string;
  /** Shown when there is no deadline. */
  none?: string;
}

/** Time left to a deadline, ticking every second; past it, `已超时 N 分钟` in red. */
export function IncidentCountdown({ dueAt, testId, none = '—' }: Props) {
  const t = useWords();
  const now = useSecondTicker();
  if (!dueAt) {
    return (
      <span className="inc-countdown inc-countdown-none" data-testid={testId}>
        {none}
      </span>
    );
  }
  const left = Date.parse(dueAt) - now;
  if (left <= 0) {
    const minutes = Math.max(1, Math.ceil(-left / 60_000));
    return (
      <span className="inc-countdown inc-countdown-over" data-testid={testId} data-over="true">
        {t('incidents.overdueBy', { minutes })}
      </span>
    );
  }
  const soon = left < 10 * 60_000;
  return (
    <span
      className={`inc-countdown${soon ? ' inc-countdown-soon' : ''}`}
      data-testid={testId}
      data-over="false"
    >
      {formatCountdown(left)}
    </span>
  );
}
