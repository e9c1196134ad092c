import './spot-check-countdown.css';
import { useNow } from '@client/hooks/use-now';
import { useT } from '@client/lib/i18n';
import { formatCountdown } from '@client/lib/time';

/** Time left to answer, or how long overdue. */
export function SpotCheckCountdown({ dueAt, large = false }: { dueAt: string; large?: boolean }) {
  const t = useT();
  const now = useNow();
  const left = Date.parse(dueAt) - now;
  const cls = `spot-countdown${large ? ' spot-countdown-large' : ''}${left <= 0 ? ' spot-countdown-over' : left < 60_000 ? ' spot-countdown-soon' : ''}`;
  return (
    <span className={cls} data-testid="spot-check-countdown">
      {left > 0 ? formatCountdown(left) : t('spot.overdue', { time: formatCountdown(-left) })}
    </span>
  );
}
