import { CATEGORIES, type CategoryCode } from '@shared/domain/incident-types';
import type { StatsBucket } from '@shared/schemas/stats';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { GRADE_ORDER, type GradeFilter, type SourceCode, sourceLabel } from './stats-labels';
import { PERIOD_KINDS, type PeriodChoice, type PeriodKind } from './stats-period';

export interface StatsFilters {
  category?: CategoryCode;
  grade?: GradeFilter;
  source?: SourceCode;
  /** Undefined: chosen from the period's length. */
  bucket?: StatsBucket;
}

export type StatsParamsPatch = Partial<PeriodChoice> & { [K in keyof StatsFilters]?: StatsFilters[K] | null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BUCKETS: StatsBucket[] = ['day', 'week', 'month'];

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.find((item) => item === value);
}

const URL_KEYS: Record<keyof StatsParamsPatch, string> = {
  kind: 'period',
  fromDay: 'from',
  toDay: 'to',
  category: 'category',
  grade: 'grade',
  source: 'source',
  bucket: 'bucket',
};

/** The period and filters live in the address, so a view can be reloaded, bookmarked and shared. */
export function useStatsParams(): {
  choice: PeriodChoice;
  filters: StatsFilters;
  update: (patch: StatsParamsPatch) => void;
} {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const parsed = useMemo(() => {
    const read = new URLSearchParams(key);
    const day = (name: string) => (DAY.test(read.get(name) ?? '') ? read.get(name)! : '');
    const choice: PeriodChoice = {
      kind: oneOf<PeriodKind>(PERIOD_KINDS, read.get('period')) ?? 'month',
      fromDay: day('from'),
      toDay: day('to'),
    };
    const filters: StatsFilters = {
      category: oneOf(CATEGORIES, read.get('category')),
      grade: oneOf(GRADE_ORDER, read.get('grade')),
      source: oneOf(Object.keys(sourceLabel) as SourceCode[], read.get('source')),
      bucket: oneOf(BUCKETS, read.get('bucket')),
    };
    return { choice, filters };
  }, [key]);

  function update(patch: StatsParamsPatch) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(patch)) {
      const urlKey = URL_KEYS[name as keyof StatsParamsPatch];
      if (value === null || value === undefined || value === '') next.delete(urlKey);
      else next.set(urlKey, String(value));
    }
    setParams(next, { replace: true });
  }

  return { ...parsed, update };
}
