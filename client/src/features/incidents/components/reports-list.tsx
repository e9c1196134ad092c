import { LockOutlined } from '@ant-design/icons';
import { useDisplayName } from '@client/hooks/use-display-name';
import { formatInstant } from '@client/lib/time';
import type { Report } from '@shared/schemas/incidents';
import { Empty, Tag, Typography } from 'antd';
import { useWords, type Words } from '../i18n';
import { channelLabel, deliveryColor, deliveryLabel } from './incident-labels';

/**
 * How a report was signed off, as it is stored: the leader's own approval, a telephone consent the
 * officer recorded (never shown as the leader's own), or the leader sending it.
 */
function signoffLine(t: Words, person: (username: string) => string, report: Report): string | null {
  const s = report.signoff;
  if (!s)
    return report.signedOffBy ? t('incidents.report.signedBy', { name: person(report.signedOffBy) }) : null;
  if (s.kind === 'phone_consent')
    return t('incidents.report.signoffPhone', { leader: s.leaderName, officer: s.recordedByName });
  if (s.kind === 'leader') return t('incidents.report.signoffLeaderSent', { leader: s.leaderName });
  return t('incidents.report.signoffApprovedBy', { leader: s.leaderName });
}

/** The reports sent up, in number order: immutable records, corrected only by a later 续报. */
export function ReportsList({ reports }: { reports: Report[] }) {
  const t = useWords();
  const person = useDisplayName();
  const sorted = [...reports].sort((a, b) => a.number - b.number);
  return (
    <div className="inc-reports" data-testid="reports-list">
      {sorted.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.report.none')} />
      )}
      {sorted.map((report) => (
        <article
          key={report.id}
          className={`inc-report${report.late ? ' inc-report-late' : ''}`}
          data-testid={`report-${report.number}`}
          data-kind={report.kind}
          data-delivery={report.delivery}
        >
          <header className="inc-report-head">
            <span className="inc-report-number">
              {t('incidents.report.number', { number: report.number })}
            </span>
            <span className="inc-report-title">{report.title}</span>
            <Tag>{t(channelLabel[report.channel])}</Tag>
            {report.late && <Tag color="red">{t('incidents.tag.late')}</Tag>}
            <Tag color={deliveryColor[report.delivery]} data-testid={`report-delivery-${report.number}`}>
              {t(deliveryLabel[report.delivery])}
            </Tag>
            <LockOutlined className="inc-muted" title={t('incidents.report.immutable')} />
          </header>
          <div className="inc-report-meta">
            {t('incidents.report.meta', {
              time: formatInstant(report.sentAt),
              by: person(report.sentBy),
              to: report.recipient,
            })}
            {signoffLine(t, person, report) && (
              <span data-testid={`report-signoff-${report.number}`} data-signoff={report.signoff?.kind}>
                {` · ${signoffLine(t, person, report)}`}
              </span>
            )}
          </div>
          <Typography.Paragraph
            className="inc-report-text"
            ellipsis={{
              rows: 3,
              expandable: 'collapsible',
              symbol: (open) => t(open ? 'incidents.collapse' : 'incidents.expand'),
            }}
          >
            {report.text}
          </Typography.Paragraph>
        </article>
      ))}
    </div>
  );
}
