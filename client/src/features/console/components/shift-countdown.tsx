import { useNow } from '@client/hooks/use-now';
import { formatCountdown, formatHourMinute } from '@client/lib/time';
import { useWords } from '../i18n';

/** 距交班 hh:mm:ss, ticking on its own so the rest of the banner does not re-render every second. */
export function ShiftCountdown({ end }: { end: string | null }) {
  const t = useWords();
  const now = useNow();
  if (!end) return <div className="duty-countdown duty-countdown-none">—</div>;
  const left = Date.parse(end) - now;
  return (
    <div
      className={`duty-countdown${left < 30 * 60_000 ? ' duty-countdown-soon' : ''}`}
      data-testid="shift-countdown"
    >
      <div className="duty-countdown-value">{formatCountdown(left)}</div>
      <div className="duty-countdown-label">{t('duty.handoverAt', { time: formatHourMinute(end) })}</div>
    </div>
  );
}
