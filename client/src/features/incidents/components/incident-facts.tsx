import { useDisplayName } from '@client/hooks/use-display-name';
import { gradeReasonText } from '@client/lib/domain-labels';
import { useLang } from '@client/lib/i18n';
import { formatInstant } from '@client/lib/time';
import { wanYuan } from '@shared/domain/grading';
import { CASUALTY_FIELDS } from '@shared/domain/incident-flags';
import type { Incident } from '@shared/schemas/incidents';
import { Descriptions, type DescriptionsProps } from 'antd';
import { useWords } from '../i18n';
import { casualtyLabel, directScopeLabel, sourceLabel } from './incident-labels';

/** What was reported: the call, the place and time, the figures and how the grade follows. */
export function IncidentFacts({ incident }: { incident: Incident }) {
  const t = useWords();
  const person = useDisplayName();
  const lang = useLang();
  const c = incident.caller;
  const items: DescriptionsProps['items'] = [
    { key: 'occurred', label: t('incidents.form.occurredAt'), children: formatInstant(incident.occurredAt) },
    {
      key: 'received',
      label: t('incidents.detail.receivedAt'),
      children: formatInstant(incident.receivedAt),
    },
    { key: 'source', label: t('incidents.form.source'), children: t(sourceLabel[incident.source]) },
    {
      key: 'caller',
      label: t('incidents.detail.caller'),
      children: [c.name, c.unit, c.post, c.phone].filter(Boolean).join(' · '),
    },
    {
      key: 'accidentUnit',
      label: t('incidents.detail.accidentUnit'),
      children: incident.accidentUnit ? (
        <span data-testid="accident-unit">
          {[incident.accidentUnit.name, incident.accidentUnit.type, incident.accidentUnit.address]
            .filter(Boolean)
            .join(' · ')}
        </span>
      ) : (
        <span data-testid="accident-unit">{t('incidents.detail.accidentUnitUnknown')}</span>
      ),
    },
    { key: 'told', label: t('incidents.form.alreadyTold'), children: c.alreadyTold || '—' },
    { key: 'by', label: t('incidents.detail.createdBy'), children: person(incident.createdBy) },
    {
      key: 'summary',
      label: t('incidents.form.summary'),
      span: 'filled',
      children: <div className="inc-pre">{incident.summary}</div>,
    },
    {
      key: 'figures',
      label: t('incidents.detail.casualties'),
      span: 'filled',
      children: (
        <div className="inc-detail-figures" data-testid="incident-figures">
          {CASUALTY_FIELDS.map((f) => {
            const n = incident.casualties[f] ?? 0;
            return (
              <span key={f} className={n > 0 ? 'inc-figure inc-figure-hot' : 'inc-figure'}>
                {t(casualtyLabel[f])} <b>{n}</b>
              </span>
            );
          })}
        </div>
      ),
    },
    {
      key: 'loss',
      label: t('incidents.form.lossWan'),
      children:
        incident.directLossYuan === null
          ? t('incidents.detail.unknown')
          : `${wanYuan(incident.directLossYuan)} ${t('incidents.unit.wan')}`,
    },
  ];
  const damaged =
    incident.category === 'forest_fire'
      ? { label: t('incidents.form.damagedForest'), value: incident.damagedForestHa }
      : incident.category === 'grassland_fire'
        ? { label: t('incidents.form.damagedGrassland'), value: incident.damagedGrasslandHa }
        : null;
  if (damaged) {
    items.push({
      key: 'damaged',
      label: damaged.label,
      children:
        damaged.value === null ? t('incidents.detail.unknown') : `${damaged.value} ${t('incidents.unit.ha')}`,
    });
    items.push({
      key: 'area',
      label: t('incidents.form.burnedArea'),
      children:
        incident.burnedAreaHa === null
          ? t('incidents.detail.unknown')
          : `${incident.burnedAreaHa} ${t('incidents.unit.ha')}`,
    });
  }
  items.push({
    key: 'direct',
    label: t('incidents.direct.label'),
    children: <span data-testid="direct-scope">{t(directScopeLabel[incident.directReport])}</span>,
  });
  items.push({
    key: 'basis',
    label: t('incidents.detail.gradeBasis'),
    span: 'filled',
    children: (
      <ul className="inc-reasons" data-testid="grade-reasons">
        {incident.gradeReasons.map((r) => (
          <li key={r}>{gradeReasonText(r, lang)}</li>
        ))}
      </ul>
    ),
  });
  if (incident.lateDiscovery) {
    items.push({
      key: 'late',
      label: t('incidents.tag.lateDiscovery'),
      span: 'filled',
      children: incident.lateDiscovery,
    });
  }
  if (incident.outcome) {
    items.push({
      key: 'outcome',
      label: t('incidents.close.outcome'),
      span: 'filled',
      children: incident.outcome,
    });
  }
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, xxl: 3 }} items={items} />;
}
