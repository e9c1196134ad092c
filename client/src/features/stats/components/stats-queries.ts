import { getDutySettings } from '@client/lib/duty-settings';
import { resourceKey } from '@client/lib/query-keys';
import { bureauToday, getBureauZone } from '@client/lib/time';
import { addDays, localToInstant, monthRange } from '@shared/domain/duty-day';
import type { StatsQuery } from '@shared/schemas/stats';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getDutyNow } from '../api/get-duty-now';
import { getStats } from '../api/get-stats';
import { autoBucket, clampToNow, customProblem, type PeriodChoice, resolvePeriod } from './stats-period';
import type { StatsFilters } from './use-stats-params';

/**
 * The figures of a period with its filters, and the exact query they answer (the CSV links repeat
 * it). A period under way ends "now", so each read — a change of choice, a live event, a reload —
 * resolves the period afresh. The figures on screen stay while the next are read.
 */
export const statsQuery = ({ kind, fromDay, toDay }: PeriodChoice, filters: StatsFilters) =>
  queryOptions({
    queryKey: resourceKey('stats', { kind, fromDay, toDay }, filters),
    queryFn: async ({ signal }) => {
      const range = await resolvePeriod(
        { kind, fromDay, toDay },
        {
          now: Date.now(),
          zone: getBureauZone(),
          today: bureauToday(),
          dutyNow: () => getDutyNow(signal),
          settings: () => getDutySettings(signal),
        },
      );
      const { category, grade, source, bucket } = filters;
      const query: StatsQuery = { ...range, category, grade, source, bucket: bucket ?? autoBucket(range) };
      return { stats: await getStats(query, signal), query };
    },
    enabled: !customProblem({ kind, fromDay, toDay }),
    placeholderData: keepPreviousData,
  });

/** One month's figures, day by day, up to now if the month is under way: the printable summary. */
export const monthStatsQuery = (month: string) =>
  queryOptions({
    queryKey: resourceKey('stats', 'month', month),
    queryFn: ({ signal }) => {
      const zone = getBureauZone();
      const { from, to } = monthRange(month);
      const start = localToInstant(`${from}T00:00`, zone).getTime();
      const end = localToInstant(`${addDays(to, 1)}T00:00`, zone).getTime();
      return getStats({ ...clampToNow(start, end, Date.now()), bucket: 'day' }, signal);
    },
  });
