import { AlertOutlined } from '@ant-design/icons';
import { formatMinute } from '@client/lib/time';
import { useWarningWords } from '@client/lib/warning-labels';
import { RESPONSE_COLOUR_LEVEL, WARNING_COLOURS, type WarningLevel } from '@shared/domain/warning-types';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useState } from 'react';
import { dutyWarningsQuery } from '../api/list-duty-warnings';
import { useWords } from '../i18n';

interface Line {
  key: string;
  at: string;
  level: WarningLevel | null;
  text: string;
}

/**
 * 预警与应急响应 in the duty log: the warnings and responses in force during the period shown (the
 * last day when none is chosen) and the consultations held, oldest first.
 */
export function LogbookWarnings({ from, to }: { from?: string; to?: string }) {
  const t = useWords();
  const words = useWarningWords();
  const [dayAgo] = useState(() => new Date(Date.now() - 86_400_000).toISOString());
  const { data } = useQuery(dutyWarningsQuery({ from: from ?? dayAgo, ...(to ? { to } : {}) }));
  if (!data) return null;
  const state = (end: string | null) =>
    end ? `${t('warnings.lifted')} ${formatMinute(end)}` : t('warnings.inForce');
  const lines: Line[] = [
    ...data.warnings.map((w) => ({
      key: `w${w.id}`,
      at: w.effectiveAt,
      level: w.level,
      text: `${words.warning(w)}（${w.issuer}）· ${state(w.liftedAt)}`,
    })),
    ...data.responses.map((r) => ({
      key: `r${r.id}`,
      at: r.startedAt,
      level: RESPONSE_COLOUR_LEVEL[r.level],
      text: `${words.response(r)} · ${state(r.endedAt)}`,
    })),
    ...data.consultations.map((c) => ({
      key: `c${c.id}`,
      at: c.heldAt,
      level: null,
      text: `${t('warnings.tab.consultations')}（${c.participants.join('、')}）：${c.conclusions}${c.orders ? `；${c.orders}` : ''}`,
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  if (lines.length === 0) return null;
  return (
    <Card
      size="small"
      className="logbook-warnings"
      data-testid="logbook-warnings"
      title={
        <>
          <AlertOutlined /> {t('warnings.title')}
        </>
      }
    >
      <ul className="logbook-warnings-list">
        {lines.map((l) => (
          <li key={l.key}>
            <span className="logbook-warnings-time">{formatMinute(l.at)}</span>
            {l.level && (
              <span
                className="logbook-warnings-dot"
                style={{ background: WARNING_COLOURS[l.level].bg }}
                aria-hidden
              />
            )}
            <span>{l.text}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
