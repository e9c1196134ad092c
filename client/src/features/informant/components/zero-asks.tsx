import { CheckCircleFilled } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { formatHourMinute } from '@client/lib/time';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Tag } from 'antd';
import { useState } from 'react';
import { fileNothingNew, zeroAsksQuery } from '../api/zero-asks';
import { useWords } from '../i18n';

/** The district's asks for today's zero report, each answered "今日无新增" with one tap. */
export function ZeroAsks() {
  const w = useWords();
  const t = useT();
  const client = useQueryClient();
  const asks = useQuery(zeroAsksQuery());
  const [busy, setBusy] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (!asks.data || asks.data.length === 0) return null;

  async function tap(requestId: number, unitId: number, forDate: string) {
    setBusy(requestId);
    setProblem(null);
    try {
      await fileNothingNew(requestId, unitId, forDate);
    } catch (caught) {
      setProblem(w('zeroFailed', { reason: describeError(t, caught) }));
    } finally {
      setBusy(null);
      await client.invalidateQueries({ queryKey: ['zero-reports'] });
    }
  }

  return (
    <section className="inf-card" aria-label={w('zeroTitle')} data-testid="zero-asks">
      <h2 className="inf-h2">{w('zeroTitle')}</h2>
      {asks.data.map((ask) => (
        <div
          key={`${ask.requestId}-${ask.forDate}`}
          className="inf-zero"
          data-testid={`zero-ask-${ask.requestId}`}
          data-filed={ask.filed ? 'yes' : 'no'}
        >
          <div className="inf-zero-text">
            <strong>{ask.title}</strong>
            <span className="inf-muted">
              {ask.forDate} · {w('zeroAsk', { time: formatHourMinute(ask.cutoffAt) })}
            </span>
          </div>
          {ask.filed ? (
            <Tag color="success" icon={<CheckCircleFilled />} className="inf-zero-done">
              {w('zeroFiled')}
            </Tag>
          ) : (
            <Button
              type="primary"
              size="large"
              className="inf-big"
              loading={busy === ask.requestId}
              onClick={() => tap(ask.requestId, ask.unitId, ask.forDate)}
              data-testid={`zero-tap-${ask.requestId}`}
            >
              {w('zeroTap')}
            </Button>
          )}
        </div>
      ))}
      {problem && <Alert type="error" showIcon title={problem} data-testid="zero-problem" />}
    </section>
  );
}
