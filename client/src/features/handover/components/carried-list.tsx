import { useNow } from '@client/hooks/use-now';
import { useDomainLabels } from '@client/lib/domain-labels';
import { formatShortInstant } from '@client/lib/time';
import type { OpenIncident } from '@shared/schemas/handover';
import { Checkbox, Empty, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useWords } from '../i18n';
import { obligationLabel, stageLabel } from './handover-labels';

export interface CarriedRow {
  key: string;
  kind: 'incident' | 'pending';
  text: string;
  /** The open incident behind an `incident:<id>` row, for its stage and next deadline. */
  incident?: OpenIncident;
  /** Added on this shift, not carried from the last one. */
  isNew?: boolean;
}

interface Props {
  rows: CarriedRow[];
  /** With it, each row is a checkbox the incoming officer ticks (confirm-<key>). */
  confirm?: {
    checked: ReadonlySet<string>;
    onToggle: (key: string, on: boolean) => void;
    disabled?: boolean;
  };
  /** Already signed for: each row shows a tick. */
  confirmedKeys?: ReadonlySet<string>;
  /**
   * Deadlines judged against the clock (a handover still being handed over). A sealed record keeps
   * the overdue marks it was signed with, or every deadline in the archive would read overdue.
   */
  live?: boolean;
}

function IncidentLine({ incident, now }: { incident: OpenIncident; now: number | null }) {
  const t = useWords();
  const labels = useDomainLabels();
  const due = incident.next?.dueAt ? Date.parse(incident.next.dueAt) : null;
  const over = incident.overdue || (now !== null && due !== null && due <= now);
  return (
    <>
      <div className="ho-carried-title">
        <Link to={`/incidents/${incident.id}`}>{`#${incident.id} ${incident.title}`}</Link>
        {incident.grade && <Tag className="ho-tag">{labels.grade(incident.grade)}</Tag>}
        <Tag color="processing" className="ho-tag">
          {t(stageLabel[incident.stage])}
        </Tag>
        {incident.drill && <Tag color="purple">{t('handover.carried.drill')}</Tag>}
      </div>
      <div className="ho-carried-next">
        {incident.next ? (
          <>
            {t('handover.carried.next')}：{t(obligationLabel[incident.next.kind])}
            {incident.next.dueAt ? (
              <span className={over ? 'ho-due-over' : 'ho-due'}>
                {t('handover.carried.due', { time: formatShortInstant(incident.next.dueAt) })}
              </span>
            ) : (
              <span className="ho-due">{t('handover.carried.noDue')}</span>
            )}
            {over && (
              <Tag color="red" variant="solid" className="ho-tag">
                {t('handover.carried.overdue')}
              </Tag>
            )}
          </>
        ) : (
          t('handover.carried.noNext')
        )}
      </div>
    </>
  );
}

/** 移交事项: every open incident with its stage and next report, every unfinished pending item. */
export function CarriedList({ rows, confirm, confirmedKeys, live = true }: Props) {
  const t = useWords();
  const tick = useNow(30_000);
  const now = live ? tick : null;
  if (rows.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('handover.carried.none')} />;
  }
  return (
    <ul className="ho-carried" data-testid="carried-list" data-count={rows.length}>
      {rows.map((row) => {
        const body = (
          <div className="ho-carried-body">
            {row.incident ? (
              <IncidentLine incident={row.incident} now={now} />
            ) : (
              <div className="ho-carried-title">
                <Tag color={row.kind === 'incident' ? 'red' : 'gold'} className="ho-tag">
                  {row.kind === 'incident' ? t('handover.carried.incident') : t('handover.carried.pending')}
                </Tag>
                <span>{row.text}</span>
                {row.isNew && <Tag className="ho-tag">{t('handover.carried.new')}</Tag>}
              </div>
            )}
          </div>
        );
        const confirmed = confirmedKeys?.has(row.key);
        return (
          <li
            key={row.key}
            className={`ho-carried-item ho-carried-${row.kind}`}
            data-testid={`carried-${row.key}`}
            data-kind={row.kind}
          >
            {confirm ? (
              <Checkbox
                checked={confirm.checked.has(row.key)}
                disabled={confirm.disabled}
                onChange={(e) => confirm.onToggle(row.key, e.target.checked)}
                data-testid={`confirm-${row.key}`}
                className="ho-confirm"
              >
                {body}
              </Checkbox>
            ) : (
              <>
                {confirmed !== undefined && (
                  <span className={confirmed ? 'ho-tick ho-tick-on' : 'ho-tick'}>
                    {confirmed ? '✓' : '○'}
                  </span>
                )}
                {body}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Rows from what a handover (or a draft) carries, each incident matched with its open record. */
export function carriedRows(
  carried: { key: string; kind: 'incident' | 'pending'; ref: string; text: string }[],
  open: OpenIncident[],
): CarriedRow[] {
  const byId = new Map(open.map((o) => [String(o.id), o]));
  return carried.map((c) => ({
    key: c.key,
    kind: c.kind,
    text: c.text,
    incident: c.kind === 'incident' ? byId.get(c.ref) : undefined,
  }));
}
