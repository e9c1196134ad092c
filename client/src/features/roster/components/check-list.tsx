import { useLang } from '@client/lib/i18n';
import { formatDay, formatShortInstant } from '@client/lib/time';
import type { Shift } from '@shared/schemas/roster';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useWords } from '../i18n';
import type { Check } from './roster-derive';
import { conflictLabel, dutyRoleLabel, shiftKindLabel, unqualifiedLabel } from './roster-labels';

interface Props {
  check: Check;
  nameById: Map<number, string>;
  shiftById: Map<number, Shift>;
  /** Duty days with their bounds, to say which day a gap starts on. */
  days?: { dutyDate: string; start: string; end: string }[];
  onOpenDay?: (day: string) => void;
}

interface Item {
  key: string;
  tone: 'red' | 'orange';
  label: string;
  text: ReactNode;
  day?: string;
}

function roleKey(role: string) {
  return dutyRoleLabel[role as keyof typeof dutyRoleLabel] ?? 'roster.role.officer';
}

/** The findings of a roster check, one line each, in Chinese (or English), times in the bureau zone. */
export function CheckList({ check, nameById, shiftById, days = [], onOpenDay }: Props) {
  const t = useWords();
  const lang = useLang();
  const name = (id: number) => nameById.get(id) ?? `#${id}`;
  const items: Item[] = [];

  check.gaps.forEach((gap, i) => {
    const start = Date.parse(gap.from);
    const day = days.find((d) => Date.parse(d.start) <= start && start < Date.parse(d.end))?.dutyDate;
    items.push({
      key: `gap-${i}`,
      tone: 'red',
      label: t('roster.problem.gapLabel'),
      day,
      text: t('roster.problem.gap', {
        role: t(roleKey(gap.role)),
        from: formatShortInstant(gap.from),
        to: formatShortInstant(gap.to),
      }),
    });
  });
  check.unqualified.forEach((u, i) => {
    const shift = shiftById.get(u.shiftId);
    items.push({
      key: `unq-${i}`,
      tone: 'red',
      label: t('roster.problem.unqualifiedLabel'),
      day: shift?.dutyDate,
      text: t('roster.problem.unqualified', {
        name: name(u.userId),
        day: shift ? formatDay(shift.dutyDate, lang) : `#${u.shiftId}`,
        role: shift ? t(roleKey(shift.role)) : '',
        reason: unqualifiedLabel[u.reason] ? t(unqualifiedLabel[u.reason]!) : u.reason,
      }),
    });
  });
  check.conflicts.forEach((c, i) => {
    const first = c.shiftIds.map((id) => shiftById.get(id)).find(Boolean);
    items.push({
      key: `con-${i}`,
      tone: 'orange',
      label: t('roster.problem.conflictLabel'),
      day: first?.dutyDate,
      text: t('roster.problem.conflict', {
        name: name(c.userId),
        kind: conflictLabel[c.kind] ? t(conflictLabel[c.kind]!) : c.kind,
        detail: c.detail,
      }),
    });
  });
  check.understaffed.forEach((u, i) => {
    items.push({
      key: `und-${i}`,
      tone: 'orange',
      label: t('roster.problem.understaffedLabel'),
      day: u.dutyDate,
      text:
        t('roster.problem.understaffed', {
          day: formatDay(u.dutyDate, lang),
          kind: t(shiftKindLabel[u.kind]),
          role: t(roleKey(u.role)),
          required: u.required,
          actual: u.actual,
        }) + (u.reasons.length ? t('roster.problem.because', { reasons: u.reasons.join('、') }) : ''),
    });
  });

  if (items.length === 0) {
    return <Typography.Text type="success">{t('roster.problem.none')}</Typography.Text>;
  }
  return (
    <ul className="check-list">
      {items.map((item) => (
        <li key={item.key} className={`check-item check-${item.tone}`} data-problem={item.key.split('-')[0]}>
          <Tag color={item.tone === 'red' ? 'red' : 'orange'}>{item.label}</Tag>
          {onOpenDay && item.day ? (
            <Typography.Link onClick={() => onOpenDay(item.day!)}>{item.text}</Typography.Link>
          ) : (
            <span>{item.text}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
