import { DateRange } from '@client/components/date-range';
import { categoryLabel, gradeShort } from '@client/lib/domain-labels';
import { useLang } from '@client/lib/i18n';
import { formatMinute } from '@client/lib/time';
import { classOf } from '@shared/domain/grading';
import { CATEGORIES } from '@shared/domain/incident-types';
import type { StatsBucket, StatsQuery } from '@shared/schemas/stats';
import { Segmented, Select, Space, Spin, Typography } from 'antd';
import { useWords } from '../i18n';
import { GRADE_ORDER, type SourceCode, sourceLabel } from './stats-labels';
import { customProblem, MAX_DAYS, PERIOD_KINDS, type PeriodChoice, type PeriodKind } from './stats-period';
import type { StatsFilters, StatsParamsPatch } from './use-stats-params';

interface Props {
  choice: PeriodChoice;
  filters: StatsFilters;
  /** The query of the figures on screen, for the period line. */
  query: StatsQuery | null;
  loading: boolean;
  onChange: (patch: StatsParamsPatch) => void;
}

const periodLabel = {
  shift: 'stats.period.shift',
  today: 'stats.period.today',
  week: 'stats.period.week',
  month: 'stats.period.month',
  year: 'stats.period.year',
  custom: 'stats.period.custom',
} as const;

const CLASS_ORDER = ['accident', 'natural_disaster', 'public_health', 'social_security'] as const;

/** The period (本班 … 自定义) and the category, grade, source and bucket filters. */
export function PeriodBar({ choice, filters, query, loading, onChange }: Props) {
  const t = useWords();
  const lang = useLang();
  const problem = customProblem(choice);
  const categoryOptions = CLASS_ORDER.map((cls) => ({
    label: t(`stats.class.${cls}`),
    options: CATEGORIES.filter((c) => classOf(c) === cls).map((c) => ({
      label: categoryLabel(c, lang),
      value: c,
    })),
  }));

  return (
    <div className="stats-period-bar">
      <Space wrap size={[12, 8]}>
        <Segmented<PeriodKind>
          value={choice.kind}
          onChange={(kind) => onChange({ kind })}
          options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(periodLabel[kind]) }))}
          data-testid="stats-period"
        />
        {choice.kind === 'custom' && (
          <Space size={4}>
            <DateRange
              from={choice.fromDay}
              to={choice.toDay}
              onChange={({ from, to }) => onChange(from === undefined ? { toDay: to } : { fromDay: from })}
              labels={[t('stats.period.from'), t('stats.period.to')]}
              testIds={['stats-from', 'stats-to']}
            />
          </Space>
        )}
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="stats-filter-wide"
          placeholder={t('stats.filter.category')}
          value={filters.category}
          onChange={(category) => onChange({ category: category ?? null })}
          options={categoryOptions}
          data-testid="stats-category"
        />
        <Select
          allowClear
          className="stats-filter"
          placeholder={t('stats.filter.grade')}
          value={filters.grade}
          onChange={(grade) => onChange({ grade: grade ?? null })}
          options={GRADE_ORDER.map((g) => ({ value: g, label: gradeShort(g === 'none' ? null : g, lang) }))}
          data-testid="stats-grade"
        />
        <Select
          allowClear
          className="stats-filter"
          placeholder={t('stats.filter.source')}
          value={filters.source}
          onChange={(source) => onChange({ source: source ?? null })}
          options={(Object.keys(sourceLabel) as SourceCode[]).map((s) => ({
            value: s,
            label: t(sourceLabel[s]),
          }))}
          data-testid="stats-source"
        />
        <Select<StatsBucket | 'auto'>
          className="stats-filter"
          value={filters.bucket ?? 'auto'}
          onChange={(bucket) => onChange({ bucket: bucket === 'auto' ? null : bucket })}
          options={(['auto', 'day', 'week', 'month'] as const).map((b) => ({
            value: b,
            label: t(`stats.bucket.${b}`),
          }))}
          data-testid="stats-bucket"
        />
      </Space>
      <Typography.Text
        type={problem ? 'warning' : 'secondary'}
        className="stats-range"
        data-testid="stats-range"
      >
        {problem === 'pick' && t('stats.period.pick')}
        {problem === 'tooLong' && t('stats.period.tooLong', { days: MAX_DAYS })}
        {!problem &&
          query &&
          t('stats.period.range', { from: formatMinute(query.from), to: formatMinute(query.to) })}
        {loading && <Spin size="small" className="stats-range-spin" />}
      </Typography.Text>
    </div>
  );
}
