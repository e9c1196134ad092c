import {
  ArrowLeftOutlined,
  CheckOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { hasRole } from '@client/lib/session';
import { formatShortInstant } from '@client/lib/time';
import { nextObligation } from '@shared/domain/board-fields';
import { categoryName } from '@shared/domain/report-text';
import type { Incident } from '@shared/schemas/incidents';
import type { User } from '@shared/schemas/users';
import { App, Button, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { acknowledgeIncident } from '../api/acknowledge-incident';
import { verifyIncident } from '../api/verify-incident';
import { GradeBadge } from './grade-badge';
import { IncidentCountdown } from './incident-countdown';
import { gradeColor, gradeLook, obligationLabel, stageLabel } from './incident-labels';

interface Props {
  incident: Incident;
  user: User;
  onChanged: (incident: Incident) => void;
  onEdit: () => void;
  onClose: () => void;
}

export function IncidentHeader({ incident, user, onChanged, onEdit, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'verify' | 'ack' | null>(null);
  const closed = incident.stage === 'closed';
  const handler = hasRole(user, 'officer') || hasRole(user, 'leader');
  const next = nextObligation(incident);

  async function run(kind: 'verify' | 'ack') {
    setBusy(kind);
    try {
      const saved =
        kind === 'verify' ? await verifyIncident(incident.id) : await acknowledgeIncident(incident.id);
      onChanged(saved);
      message.success(t(kind === 'verify' ? 'incidents.detail.verified' : 'incidents.detail.acknowledged'));
    } catch (caught) {
      message.error(describeError(t, caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <header
      className={`inc-detail-head${incident.overdue ? ' inc-detail-head-overdue' : ''}`}
      style={{ borderInlineStartColor: gradeColor[gradeLook(incident.grade)] }}
    >
      <div className="inc-detail-head-main">
        <Link to="/incidents" className="inc-back">
          <ArrowLeftOutlined /> {t('incidents.board.title')}
        </Link>
        <div className="inc-detail-title">
          <GradeBadge grade={incident.grade} large />
          <h2>
            #{incident.id} {categoryName(incident.category)}
          </h2>
          <Tag color={closed ? 'default' : 'processing'}>{t(stageLabel[incident.stage])}</Tag>
          {incident.overdue && (
            <Tag color="red" variant="solid">
              {t('incidents.tag.overdue')}
            </Tag>
          )}
          {incident.nearMiss && <Tag color="volcano">{t('incidents.tag.nearMiss')}</Tag>}
          {incident.drill && <Tag color="purple">{t('incidents.tag.drill')}</Tag>}
          {incident.lateDiscovery && (
            <Tooltip title={incident.lateDiscovery}>
              <Tag color="magenta">{t('incidents.tag.lateDiscovery')}</Tag>
            </Tooltip>
          )}
        </div>
        <div className="inc-detail-sub">
          <span>
            <EnvironmentOutlined /> {incident.location.address}
          </span>
          {incident.acknowledgedAt ? (
            <Tag color="green" icon={<SafetyCertificateOutlined />} data-testid="acknowledged">
              {t('incidents.detail.ackBy', {
                name: incident.acknowledgedBy ?? '',
                time: formatShortInstant(incident.acknowledgedAt),
              })}
            </Tag>
          ) : (
            <Tag color="gold">{t('incidents.tag.unacknowledged')}</Tag>
          )}
        </div>
      </div>
      {!closed && (
        <div className="inc-detail-next">
          <div className="inc-muted">
            {next ? t(obligationLabel[next.kind]) : t('incidents.detail.nextDue')}
          </div>
          <IncidentCountdown
            dueAt={incident.nextDueAt}
            testId={`countdown-${incident.id}`}
            none={t('incidents.noDeadline')}
          />
        </div>
      )}
      <Space wrap className="inc-detail-buttons">
        {!closed && handler && !incident.verifiedAt && (
          <Button
            icon={<CheckOutlined />}
            loading={busy === 'verify'}
            onClick={() => run('verify')}
            data-testid="verify-incident"
          >
            {t('incidents.detail.verify')}
          </Button>
        )}
        {hasRole(user, 'leader') && !incident.acknowledgedAt && (
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={busy === 'ack'}
            onClick={() => run('ack')}
            data-testid="acknowledge-incident"
          >
            {t('incidents.detail.acknowledge')}
          </Button>
        )}
        {!closed && handler && (
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-figures">
            {t('incidents.detail.editFigures')}
          </Button>
        )}
        {!closed && handler && (
          <Button danger icon={<FileDoneOutlined />} onClick={onClose} data-testid="close-incident">
            {t('incidents.detail.close')}
          </Button>
        )}
      </Space>
    </header>
  );
}
