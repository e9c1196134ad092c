import { LockOutlined } from '@ant-design/icons';
import { useDisplayName } from '@client/hooks/use-display-name';
import { useT } from '@client/lib/i18n';
import { formatInstant } from '@client/lib/time';
import type { Report } from '@shared/schemas/incidents';
import { Empty, Tag, Typography } from 'antd';
import { channelLabel, deliveryColor, deliveryLabel } from './incident-labels';

/** The reports sent up, in number order: immutable records, corrected only by a later 续报. */
export function ReportsList({ reports }: { reports: Report[] }) {
  const t = useT();
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
            {report.signedOffBy &&
              ` · ${t('incidents.report.signedBy', { name: person(report.signedOffBy) })}`}
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
