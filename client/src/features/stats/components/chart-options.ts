import { categoryLabel, gradeShort } from '@client/lib/domain-labels';
import type { Lang } from '@client/lib/i18n';
import { formatShortDay } from '@client/lib/time';
import { classOf } from '@shared/domain/grading';
import type { CategoryClass } from '@shared/domain/incident-types';
import type { Stats, StatsBucket } from '@shared/schemas/stats';
import type { Words } from '../i18n';
import type { ChartOption } from './echart';
import { GRADE_ORDER, gradeColor, gradeKey, RATE_BAD, RATE_OK, toMinutes } from './stats-labels';

const GRID = { left: 8, right: 24, top: 36, bottom: 4, outerBoundsMode: 'same' } as const;
const AXIS_LABEL = { color: '#595959', fontSize: 12 };

const classColor: Record<CategoryClass, string> = {
  accident: '#d4380d',
  natural_disaster: '#1677ff',
  public_health: '#13a8a8',
  social_security: '#722ed1',
};

/** A bucket label on the axis: `03-05` for a day or a week's Monday; a month stays `2026-03`. */
function bucketText(label: string, bucket: StatsBucket): string {
  return bucket === 'month' ? label : formatShortDay(label);
}

export function trendOption(stats: Stats, t: Words): ChartOption {
  const rows = stats.trend;
  return {
    color: ['#4096ff', '#fa8c16', RATE_BAD],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemHeight: 10 },
    grid: GRID,
    xAxis: {
      type: 'category',
      data: rows.map((r) => bucketText(r.bucket, stats.period.bucket)),
      axisLabel: AXIS_LABEL,
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    series: [
      { name: t('stats.series.received'), type: 'bar', barMaxWidth: 26, data: rows.map((r) => r.received) },
      { name: t('stats.series.accidents'), type: 'line', symbolSize: 6, data: rows.map((r) => r.accidents) },
      { name: t('stats.series.late'), type: 'line', symbolSize: 6, data: rows.map((r) => r.late) },
    ],
  };
}

export function categoryOption(stats: Stats, t: Words, lang: Lang = 'zh'): ChartOption {
  const rows = [...stats.incidents.byCategory].sort((a, b) => b.count - a.count);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...GRID, top: 8 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => categoryLabel(r.category, lang)),
      axisLabel: AXIS_LABEL,
    },
    series: [
      {
        name: t('stats.series.received'),
        type: 'bar',
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        data: rows.map((r) => ({ value: r.count, itemStyle: { color: classColor[classOf(r.category)] } })),
      },
    ],
  };
}

export function gradeOption(stats: Stats, t: Words, lang: Lang = 'zh'): ChartOption {
  const counts = new Map(stats.incidents.byGrade.map((g) => [gradeKey(g.grade), g.count]));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...GRID, top: 20 },
    xAxis: {
      type: 'category',
      data: GRADE_ORDER.map((g) => gradeShort(g === 'none' ? null : g, lang)),
      axisLabel: { ...AXIS_LABEL, interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    series: [
      {
        name: t('stats.series.received'),
        type: 'bar',
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
        data: GRADE_ORDER.map((g) => ({
          value: counts.get(g) ?? 0,
          itemStyle: { color: gradeColor[g], borderColor: g === 'III' ? '#d4b106' : undefined },
        })),
      },
    ],
  };
}

function timeBar(name: string, data: (number | null)[]) {
  return {
    name,
    type: 'bar' as const,
    barMaxWidth: 14,
    label: { show: true, position: 'right' as const, fontSize: 11 },
    data,
  };
}

export function timelinessOption(stats: Stats, t: Words): ChartOption {
  const { toInitialReport, toLeaderAck, toClose } = stats.timeliness;
  const spreads = [toInitialReport, toLeaderAck, toClose];
  const minutes = (value: unknown) => (typeof value === 'number' ? t('stats.minutes', { value }) : '—');
  return {
    color: ['#36cfc9', '#597ef7'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: minutes },
    legend: { top: 0, itemHeight: 10 },
    grid: GRID,
    xAxis: { type: 'value', name: t('stats.minutesUnit'), axisLabel: AXIS_LABEL },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [t('stats.time.toInitial'), t('stats.time.toAck'), t('stats.time.toClose')].map(
        (name, i) => `${name}\n${t('stats.time.n', { n: spreads[i]!.n })}`,
      ),
      axisLabel: AXIS_LABEL,
    },
    series: [
      timeBar(
        t('stats.series.median'),
        spreads.map((s) => toMinutes(s.median)),
      ),
      timeBar(
        t('stats.series.p90'),
        spreads.map((s) => toMinutes(s.p90)),
      ),
    ],
  };
}

/** The rate as one bar: on time in green, late in red, against the 100% target line. */
export function rateOption(stats: Stats, t: Words): ChartOption {
  const { rate } = stats.directReport;
  const onTime = rate === null ? 0 : Math.floor(rate * 1000) / 10;
  const late = rate === null ? 0 : Math.round((100 - onTime) * 10) / 10;
  const percent = (value: unknown) => `${value}%`;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percent },
    legend: { top: 0, itemHeight: 10 },
    grid: { ...GRID, right: 40 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...AXIS_LABEL, formatter: '{value}%' } },
    yAxis: { type: 'category', data: [t('stats.kpi.rate')], axisLabel: AXIS_LABEL },
    series: [
      {
        name: t('stats.series.onTime'),
        type: 'bar',
        stack: 'rate',
        barMaxWidth: 34,
        itemStyle: { color: rate === 1 ? RATE_OK : '#73d13d' },
        label: { show: onTime >= 12, formatter: '{c}%', color: '#fff', fontWeight: 'bold' },
        data: [onTime],
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#262626', type: 'dashed', width: 2 },
          label: { formatter: t('stats.target'), position: 'end' },
          data: [{ xAxis: 100 }],
        },
      },
      {
        name: t('stats.series.lateShare'),
        type: 'bar',
        stack: 'rate',
        itemStyle: { color: RATE_BAD },
        label: { show: late >= 8, formatter: '{c}%', color: '#fff' },
        data: [late],
      },
    ],
  };
}
