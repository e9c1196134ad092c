import type { Grade } from '@shared/domain/incident-types';
import type { Stats, StatsQuery } from '@shared/schemas/stats';
import type { AnyKey } from '../i18n';

export type SourceCode = NonNullable<StatsQuery['source']>;
export type StageCode = keyof Stats['incidents']['byStage'];
export type KindCode =
  | Stats['timeliness']['lateReportsByKind'][number]['kind']
  | Stats['directReport']['lateCases'][number]['kind'];
export type GradeFilter = NonNullable<StatsQuery['grade']>;

export const sourceLabel: Record<SourceCode, AnyKey> = {
  phone: 'stats.source.phone',
  api: 'stats.source.api',
  walk_in: 'stats.source.walk_in',
  monitoring: 'stats.source.monitoring',
  tip_off: 'stats.source.tip_off',
  media: 'stats.source.media',
};

export const stageLabel: Record<StageCode, AnyKey> = {
  received: 'stats.stage.received',
  verified: 'stats.stage.verified',
  reported: 'stats.stage.reported',
  handling: 'stats.stage.handling',
  closed: 'stats.stage.closed',
};

export const kindLabel: Record<KindCode, AnyKey> = {
  initial_phone: 'stats.kind.initial_phone',
  initial_written: 'stats.kind.initial_written',
  followup_daily: 'stats.kind.followup_daily',
  followup_change: 'stats.kind.followup_change',
  final: 'stats.kind.final',
  direct_entry: 'stats.kind.direct_entry',
};

/** Most serious first, then the ungraded. */
export const GRADE_ORDER: GradeFilter[] = ['I', 'II', 'III', 'IV', 'none'];

/** The warning scale's colours: I red, II orange, III yellow, IV blue, ungraded grey. */
export const gradeColor: Record<GradeFilter, string> = {
  I: '#cf1322',
  II: '#fa8c16',
  III: '#fadb14',
  IV: '#1677ff',
  none: '#8c8c8c',
};

export function gradeKey(grade: Grade | null): GradeFilter {
  return grade ?? 'none';
}

export const RATE_OK = '#389e0d';
export const RATE_BAD = '#cf1322';

/** Seconds as minutes to one decimal, for charts and tables; null stays null. */
export function toMinutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

/** The direct-report rate as a percentage to one decimal, '—' when nothing was judged. */
export function ratePercent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.floor(rate * 1000) / 10).toFixed(1)}%`;
}
