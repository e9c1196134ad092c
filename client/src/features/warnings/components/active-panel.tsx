import { sortResponses, sortWarnings } from '@client/components/warning-chips';
import { activeResponsesQuery, activeWarningsQuery } from '@client/lib/api/active-warnings';
import { formatMinute } from '@client/lib/time';
import { useWarningWords } from '@client/lib/warning-labels';
import { RESPONSE_COLOUR_LEVEL, WARNING_COLOURS, type WarningLevel } from '@shared/domain/warning-types';
import type { EmergencyResponse, Warning } from '@shared/schemas/warnings';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Space } from 'antd';
import type { ReactNode } from 'react';
import { useWords } from '../i18n';

function Row(props: {
  level: WarningLevel;
  title: string;
  lines: ReactNode;
  actions: ReactNode;
  testId: string;
}) {
  const colour = WARNING_COLOURS[props.level];
  return (
    <li className="warnings-row" data-testid={props.testId} data-level={props.level}>
      <span className="warnings-row-badge" style={{ background: colour.bg, color: colour.fg }}>
        {props.title}
      </span>
      <div className="warnings-row-text">{props.lines}</div>
      {props.actions && <Space wrap>{props.actions}</Space>}
    </li>
  );
}

/** What is in force now, most severe first, with the commands the duty room gives on each. */
export function ActivePanel(props: {
  canAct: boolean;
  onChange: (w: Warning) => void;
  onLift: (w: Warning) => void;
  onChangeResponse: (r: EmergencyResponse) => void;
  onEnd: (r: EmergencyResponse) => void;
}) {
  const t = useWords();
  const words = useWarningWords();
  const warnings = useQuery(activeWarningsQuery()).data ?? [];
  const responses = useQuery(activeResponsesQuery()).data ?? [];
  if (warnings.length + responses.length === 0)
    return <Empty description={t('warnings.noneActive')} data-testid="warnings-none" />;
  return (
    <ul className="warnings-list" data-testid="warnings-active">
      {sortWarnings(warnings).map((w) => (
        <Row
          key={`w${w.id}`}
          level={w.level}
          title={words.warning(w)}
          testId="active-warning"
          lines={
            <>
              <div>
                {w.issuer} · {t('warnings.since', { time: formatMinute(w.effectiveAt) })} ·{' '}
                {w.area.length ? w.area.join('、') : t('warnings.wholeDistrict')} ·{' '}
                {t(w.source === 'api' ? 'warnings.source.api' : 'warnings.source.manual')}
              </div>
              <div className="warnings-row-body">{w.text}</div>
            </>
          }
          actions={
            props.canAct && (
              <>
                <Button size="small" onClick={() => props.onChange(w)} data-testid="warning-change">
                  {t('warnings.changeLevel')}
                </Button>
                <Button size="small" danger onClick={() => props.onLift(w)} data-testid="warning-lift">
                  {t('warnings.lift')}
                </Button>
              </>
            )
          }
        />
      ))}
      {sortResponses(responses).map((r) => (
        <Row
          key={`r${r.id}`}
          level={RESPONSE_COLOUR_LEVEL[r.level]}
          title={words.response(r)}
          testId="active-response"
          lines={
            <>
              <div>
                {words.hq(r.headquarters)} · {t('warnings.since', { time: formatMinute(r.startedAt) })}
              </div>
              <div className="warnings-row-body">{r.orderText}</div>
            </>
          }
          actions={
            props.canAct && (
              <>
                <Button size="small" onClick={() => props.onChangeResponse(r)}>
                  {t('warnings.changeResponse')}
                </Button>
                <Button size="small" danger onClick={() => props.onEnd(r)}>
                  {t('warnings.end')}
                </Button>
              </>
            )
          }
        />
      ))}
    </ul>
  );
}
