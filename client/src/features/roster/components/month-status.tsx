import { formatInstant } from '@client/lib/time';
import type { RosterMonth } from '@shared/schemas/roster';
import { Tag, Tooltip } from 'antd';
import { useWords } from '../i18n';

/**
 * 草稿 / 已发布 (with who and when, and the override reason if problems were published) / 发布后有改动
 * (edited since publishing, until published again) / 未排班.
 */
export function MonthStatus({ month }: { month: RosterMonth | undefined }) {
  const t = useWords();
  if (!month) {
    return (
      <Tag data-testid="month-status" data-status="none">
        {t('roster.status.none')}
      </Tag>
    );
  }
  if (month.status === 'draft') {
    return (
      <Tag color="orange" data-testid="month-status" data-status="draft">
        {t('roster.status.draft')}
      </Tag>
    );
  }
  const detail = (
    <div>
      <div>
        {t('roster.publishedBy', { who: month.publishedBy ?? '', at: formatInstant(month.publishedAt) })}
      </div>
      {month.overrideReason && <div>{t('roster.overrideShown', { reason: month.overrideReason })}</div>}
      {month.changedSincePublishing && (
        <div>{t('roster.changedBy', { who: month.changedBy ?? '', at: formatInstant(month.changedAt) })}</div>
      )}
    </div>
  );
  if (month.changedSincePublishing) {
    return (
      <Tooltip title={detail}>
        <Tag color="volcano" data-testid="month-status" data-status="changed">
          {t('roster.status.published')} · {t('roster.status.changed')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={detail}>
      <Tag color={month.overrideReason ? 'gold' : 'green'} data-testid="month-status" data-status="published">
        {t('roster.status.published')}
        {month.overrideReason ? ` · ${t('roster.status.overridden')}` : ''}
      </Tag>
    </Tooltip>
  );
}
