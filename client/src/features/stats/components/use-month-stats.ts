import { getBureauZone } from '@client/lib/time';
import { addDays, localToInstant, monthRange } from '@shared/domain/duty-day';
import type { Stats } from '@shared/schemas/stats';
import { useEffect, useState } from 'react';
import { getStats } from '../api/get-stats';
import { clampToNow } from './stats-period';

/** One month's figures, day by day, up to now if the month is under way: the printable summary. */
export function useMonthStats(month: string): { stats: Stats | null; error: unknown } {
  const [state, setState] = useState<{ month: string; stats: Stats | null; error: unknown }>({
    month,
    stats: null,
    error: null,
  });
  useEffect(() => {
    const controller = new AbortController();
    const zone = getBureauZone();
    const { from, to } = monthRange(month);
    const start = localToInstant(`${from}T00:00`, zone).getTime();
    const end = localToInstant(`${addDays(to, 1)}T00:00`, zone).getTime();
    getStats({ ...clampToNow(start, end, Date.now()), bucket: 'day' }, controller.signal).then(
      (stats) => setState({ month, stats, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ month, stats: null, error });
      },
    );
    return () => controller.abort();
  }, [month]);
  // Another month's figures must not show under this month's title while it loads.
  return state.month === month ? state : { stats: null, error: null };
}
