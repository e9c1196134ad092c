import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { myZeroAsksQuery } from '@client/lib/api/zero-asks';
import { formatHourMinute } from '@client/lib/time';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Tag } from 'antd';
import { useWords } from '../i18n';
import { useZeroTaps } from './use-zero-taps';
import { hasTap } from './zero-pending';

/**
 * The district's asks for today's zero report, each answered "今日无新增" with one tap; a tap the
 * network lost waits on the phone and goes when the connection returns.
 */
export function ZeroAsks({ userId }: { userId: number }) {
  const w = useWords();
  const asks = useQuery(myZeroAsksQuery());
  const { pending, sending, problem, tap } = useZeroTaps(userId);

  if (!asks.data || asks.data.length === 0) return null;

  return (
    <section className="inf-card" aria-label={w('zeroTitle')} data-testid="zero-asks">
      <h2 className="inf-h2">{w('zeroTitle')}</h2>
      {asks.data.map((ask) => {
        const mine = { requestId: ask.requestId, unitId: ask.unitId, forDate: ask.forDate };
        const waiting = !ask.filed && hasTap(pending, mine);
        const busy = sending !== null && hasTap([sending], mine);
        return (
          <div
            key={`${ask.requestId}-${ask.forDate}`}
            className="inf-zero"
            data-testid={`zero-ask-${ask.requestId}`}
            data-filed={ask.filed ? 'yes' : waiting ? 'waiting' : 'no'}
          >
            <div className="inf-zero-text">
              <strong>{ask.title}</strong>
              <span className="inf-muted">
                {ask.forDate} · {w('zeroAsk', { time: formatHourMinute(ask.cutoffAt) })}
              </span>
              {waiting && !busy && <span className="inf-zero-waiting">{w('zeroWaiting')}</span>}
            </div>
            {ask.filed ? (
              <Tag color="success" icon={<CheckCircleFilled />} className="inf-zero-done">
                {w('zeroFiled')}
              </Tag>
            ) : waiting && !busy ? (
              <Tag color="warning" icon={<ClockCircleOutlined />} className="inf-zero-done">
                {w('zeroKept')}
              </Tag>
            ) : (
              <Button
                type="primary"
                size="large"
                className="inf-big"
                loading={busy}
                onClick={() => tap(mine)}
                data-testid={`zero-tap-${ask.requestId}`}
              >
                {w('zeroTap')}
              </Button>
            )}
          </div>
        );
      })}
      {problem && <Alert type="error" showIcon title={problem} data-testid="zero-problem" />}
    </section>
  );
}
