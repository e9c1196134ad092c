import { useNow } from '@client/hooks/use-now';
import { useLang } from '@client/lib/i18n';
import {
  DISASTER_TYPE_LABELS,
  type DisasterState,
  type DisasterType,
  FIGURE_LABELS,
  type FigureField,
} from '@shared/domain/disasters';
import { Tag } from 'antd';
import { useMemo } from 'react';
import { type DisasterWordKey, useWords } from '../i18n';

/** Disaster types and 快报表 columns in the console's language. */
export function useDisasterLabels() {
  const lang = useLang();
  return useMemo(
    () => ({
      type: (type: DisasterType) => DISASTER_TYPE_LABELS[type]?.[lang] ?? type,
      figure: (f: FigureField) => FIGURE_LABELS[f][lang],
      /** `受灾人口(人)`: the 快报表's column heading. */
      figureWithUnit: (f: FigureField) =>
        lang === 'zh'
          ? `${FIGURE_LABELS[f].zh}(${FIGURE_LABELS[f].unit.zh})`
          : `${FIGURE_LABELS[f].en} (${FIGURE_LABELS[f].unit.en})`,
    }),
    [lang],
  );
}

const stateColor: Record<DisasterState, string> = { developing: 'orange', stable: 'blue', closed: 'default' };

export function StateTag({ state }: { state: DisasterState }) {
  const w = useWords();
  return (
    <Tag color={stateColor[state]} data-testid="disaster-state" data-state={state}>
      {w(`state.${state}` as DisasterWordKey)}
    </Tag>
  );
}

/** A figure as the 快报表 writes it: integers plain, areas and money to at most two decimals. */
export function formatFigure(value: number | undefined): string {
  if (value === undefined || value === null) return '0';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** A duration in words: `2天3小时`, `1小时05分`, `12分30秒`. */
export function useDuration() {
  const w = useWords();
  return (ms: number) => {
    const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
    const d = Math.floor(total / 86400);
    const h = Math.floor((total % 86400) / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (d > 0) return w('dur.days', { d, h });
    if (h > 0) return w('dur.hours', { h, m: String(m).padStart(2, '0') });
    return w('dur.minutes', { m, s: String(s).padStart(2, '0') });
  };
}

/** Time left to a deadline, ticking; red once it has passed. */
export function DueCountdown({ dueAt, testId }: { dueAt: string | null; testId?: string }) {
  const w = useWords();
  const now = useNow();
  const duration = useDuration();
  if (!dueAt) return <span>{w('due.none')}</span>;
  const left = Date.parse(dueAt) - now;
  if (left < 0) {
    return (
      <Tag color="error" data-testid={testId} data-overdue="true">
        {w('due.over', { time: duration(left) })}
      </Tag>
    );
  }
  return (
    <Tag color={left < 30 * 60_000 ? 'warning' : 'processing'} data-testid={testId} data-overdue="false">
      {w('due.left', { time: duration(left) })}
    </Tag>
  );
}
