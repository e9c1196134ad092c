import { SpotCheckCountdown } from '@client/components/spot-check-countdown';
import { useDisplayName } from '@client/hooks/use-display-name';
import { formatHourMinute } from '@client/lib/time';
import type { SpotCheck } from '@shared/schemas/spot-checks';
import { Card, Tag, Typography } from 'antd';
import { useWords } from '../i18n';

const statusColor: Record<SpotCheck['status'], string> = {
  open: 'processing',
  answered: 'success',
  late: 'warning',
  missed: 'error',
};

/** Unanswered spot-checks for everyone to see: who checked, when, and the time left. */
export function SpotChecksCard({ pending }: { pending: SpotCheck[] }) {
  const t = useWords();
  const person = useDisplayName();
  return (
    <Card
      title={t('spot.cardTitle')}
      className="spot-card"
      data-testid="spot-checks"
      data-count={pending.length}
    >
      {pending.length === 0 ? (
        <Typography.Paragraph type="secondary" className="console-empty">
          {t('spot.none')}
        </Typography.Paragraph>
      ) : (
        <ul className="spot-list">
          {pending.map((s) => (
            <li key={s.id} data-testid={`spot-check-${s.id}`}>
              <span>
                <Tag color={statusColor[s.status]}>{t(`spot.status.${s.status}`)}</Tag>
                {s.source === 'upper'
                  ? t('spot.fromUpper', { caller: s.caller })
                  : t('spot.fromIssuer', { who: person(s.issuedBy) })}
                <Typography.Text type="secondary"> · {formatHourMinute(s.issuedAt)}</Typography.Text>
              </span>
              <SpotCheckCountdown dueAt={s.dueAt} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
