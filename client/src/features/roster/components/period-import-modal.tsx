import { FormModal } from '@client/components/form-modal';
import type { NewPeriodBody } from '@shared/schemas/roster';
import { Alert, App, Input, Typography } from 'antd';
import { useState } from 'react';
import { importPeriods } from '../api/import-periods';
import { useWords, type Words } from '../i18n';
import { describeRosterError } from './roster-errors';
import { PERIOD_KINDS, type PeriodKind, periodKindLabel } from './roster-labels';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Parsed = { ok: true; periods: NewPeriodBody[] } | { ok: false; line: number; text: string };

/** `类型,名称,开始,结束[,值班员,带班领导]` per line; the type is the code or its label in either language. */
export function parsePeriodLines(text: string, t: Words, labelsOf: (k: PeriodKind) => string[]): Parsed {
  const periods: NewPeriodBody[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const cells = line.split(/[,，\t]/).map((c) => c.trim());
    const [kindText = '', name = '', fromDate = '', toDate = '', officers, leaders] = cells;
    const kind = PERIOD_KINDS.find((k) => k === kindText || labelsOf(k).includes(kindText));
    const bad = (what: string): Parsed => ({
      ok: false,
      line: i + 1,
      text: t('period.importBadLine', { line: i + 1, what }),
    });
    if (!kind) return bad(t('period.kind'));
    if (!name || name.length > 60) return bad(t('period.name'));
    if (!DATE.test(fromDate) || !DATE.test(toDate) || toDate < fromDate) return bad(t('roster.from'));
    const count = (value: string | undefined, max: number) => {
      const n = Number(value);
      return value && Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
    };
    periods.push({
      kind,
      name,
      fromDate,
      toDate,
      ...(count(officers, 20) ? { officers: count(officers, 20) } : {}),
      ...(count(leaders, 5) ? { leaders: count(leaders, 5) } : {}),
    });
  }
  return { ok: true, periods };
}

export function PeriodImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useWords();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const labelsOf = (k: PeriodKind) => [t(periodKindLabel[k])];
  const parsed = parsePeriodLines(text, t, labelsOf);
  const count = parsed.ok ? parsed.periods.length : 0;

  async function submit() {
    if (!parsed.ok || count === 0) return;
    const stored = await importPeriods(parsed.periods);
    message.success(t('period.imported', { count: stored.length }));
    setText('');
  }

  return (
    <FormModal<object>
      open={open}
      width={720}
      title={t('period.import')}
      okText={t('period.importOk', { count })}
      okDisabled={count === 0}
      onClose={onClose}
      submit={submit}
      onError={(caught) => describeRosterError(t, caught)}
    >
      <Typography.Paragraph type="secondary">{t('period.importHint')}</Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoSize={{ minRows: 8, maxRows: 16 }}
        placeholder={t('period.importPlaceholder')}
        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
        data-testid="period-import-text"
      />
      {!parsed.ok && <Alert type="warning" showIcon title={parsed.text} style={{ marginTop: 12 }} />}
    </FormModal>
  );
}
