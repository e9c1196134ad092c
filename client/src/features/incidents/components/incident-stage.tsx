import { formatShortInstant } from '@client/lib/time';
import type { IncidentDetail } from '@shared/schemas/incidents';
import { Steps } from 'antd';
import { useWords } from '../i18n';

const ORDER = ['received', 'verified', 'reported', 'handling', 'closed'] as const;

/** 接报 → 核实 → 报告 → 处置 → 结案, each with the time it was reached. */
export function IncidentStage({ detail }: { detail: IncidentDetail }) {
  const t = useWords();
  const { incident, reports, actions } = detail;
  const current = ORDER.indexOf(incident.stage);
  const firstReport = [...reports].sort((a, b) => a.number - b.number)[0];
  const firstHandling = actions.find((a) => a.type !== 'note');
  const times = [
    incident.receivedAt,
    incident.verifiedAt,
    firstReport?.sentAt ?? null,
    firstHandling?.at ?? null,
    incident.closedAt,
  ];
  const titles = [
    t('incidents.step.received'),
    t('incidents.step.verified'),
    t('incidents.step.reported'),
    t('incidents.step.handling'),
    t('incidents.step.closed'),
  ];
  return (
    <div className="inc-stage" data-testid="incident-stage" data-stage={incident.stage}>
      <Steps
        current={current}
        status={incident.stage === 'closed' ? 'finish' : incident.overdue ? 'error' : 'process'}
        size="small"
        items={titles.map((title, i) => ({
          title,
          content: times[i] ? formatShortInstant(times[i]) : i <= current ? t('incidents.step.skipped') : '',
        }))}
      />
    </div>
  );
}
