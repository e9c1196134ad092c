import {
  ArrowLeftOutlined,
  CheckOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useDisplayName } from '@client/hooks/use-display-name';
import { useDomainLabels } from '@client/lib/domain-labels';
import { describeError } from '@client/lib/error-text';
import { hasRole } from '@client/lib/session';
import { formatShortInstant } from '@client/lib/time';
import { nextReportObligation } from '@shared/domain/board-fields';
import type { Incident, ObligationView, Report } from '@shared/schemas/incidents';
import type { User } from '@shared/schemas/users';
import { useMutation } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { acknowledgeIncident } from '../api/acknowledge-incident';
import { verifyIncident } from '../api/verify-incident';
import { type AnyKey, useWords } from '../i18n';
import { GradeBadge } from './grade-badge';
import { IncidentCountdown } from './incident-countdown';
import { IncidentFlags } from './incident-flags';
import { gradeColor, gradeLook, obligationLabel, stageLabel } from './incident-labels';

type Command = 'verify' | 'ack';

/** The report an unmet obligation asks for. */
export function reportKindDue(kind: ObligationView['kind']): Report['kind'] {
  if (kind === 'initial_phone' || kind === 'initial_written') return 'initial';
  return kind === 'final' ? 'final' : 'followup';
}

const SEND_LABEL: Record<Report['kind'], AnyKey> = {
  initial: 'incidents.header.sendReport.initial',
  followup: 'incidents.header.sendReport.followup',
  final: 'incidents.header.sendReport.final',
};

interface HeaderButton {
  show: boolean;
  testId: string;
  icon: ReactNode;
  label: AnyKey;
  look?: ButtonProps;
  loading?: boolean;
  onClick: () => void;
}

interface Props {
  incident: Incident;
  user: User;
  onChanged: (incident: Incident) => void;
  onEdit: () => void;
  onClose: () => void;
  /** The due report, as the header's primary action: opens the composer on that kind. */
  onSendReport?: (kind: Report['kind']) => void;
}

export function IncidentHeader({ incident, user, onChanged, onEdit, onClose, onSendReport }: Props) {
  const t = useWords();
  const labels = useDomainLabels();
  const person = useDisplayName();
  const { message } = App.useApp();
  const closed = incident.stage === 'closed';
  const handler = hasRole(user, 'officer') || hasRole(user, 'leader');
  const next = nextReportObligation(incident);
  const command = useMutation({
    mutationFn: (kind: Command) =>
      kind === 'verify' ? verifyIncident(incident.id) : acknowledgeIncident(incident.id),
    onSuccess: (saved, kind) => {
      onChanged(saved);
      message.success(t(kind === 'verify' ? 'incidents.detail.verified' : 'incidents.detail.acknowledged'));
    },
    onError: (caught) => message.error(describeError(t, caught)),
  });
  const busy = command.isPending ? command.variables : null;
  const open = !closed && handler;
  const due = open && next && onSendReport ? reportKindDue(next.kind) : null;
  const buttons: HeaderButton[] = [
    {
      show: due !== null,
      testId: 'send-due-report',
      icon: <SendOutlined />,
      label: SEND_LABEL[due ?? 'initial'],
      look: { type: 'primary', danger: incident.overdue },
      onClick: () => due && onSendReport?.(due),
    },
    {
      show: open && !incident.verifiedAt,
      testId: 'verify-incident',
      icon: <CheckOutlined />,
      label: 'incidents.detail.verify',
      loading: busy === 'verify',
      onClick: () => command.mutate('verify'),
    },
    {
      show: hasRole(user, 'leader') && !incident.acknowledgedAt,
      testId: 'acknowledge-incident',
      icon: <SafetyCertificateOutlined />,
      label: 'incidents.detail.acknowledge',
      look: due ? {} : { type: 'primary' },
      loading: busy === 'ack',
      onClick: () => command.mutate('ack'),
    },
    {
      show: open,
      testId: 'edit-figures',
      icon: <EditOutlined />,
      label: 'incidents.detail.editFigures',
      onClick: onEdit,
    },
    {
      show: open,
      testId: 'close-incident',
      icon: <FileDoneOutlined />,
      label: 'incidents.detail.close',
      look: { danger: true },
      onClick: onClose,
    },
  ];

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
            #{incident.id} {labels.category(incident.category)}
          </h2>
          <Tag color={closed ? 'default' : 'processing'}>{t(stageLabel[incident.stage])}</Tag>
          <IncidentFlags incident={incident} />
        </div>
        <div className="inc-detail-sub">
          <span>
            <EnvironmentOutlined /> {incident.location.address}
          </span>
          {incident.acknowledgedAt ? (
            <Tag color="green" icon={<SafetyCertificateOutlined />} data-testid="acknowledged">
              {t('incidents.detail.ackBy', {
                name: person(incident.acknowledgedBy),
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
        {buttons
          .filter((b) => b.show)
          .map((b) => (
            <Button
              key={b.testId}
              {...b.look}
              icon={b.icon}
              loading={b.loading}
              onClick={b.onClick}
              data-testid={b.testId}
            >
              {t(b.label)}
            </Button>
          ))}
      </Space>
    </header>
  );
}
