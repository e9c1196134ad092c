import { describeError } from '@client/lib/error-text';
import { formatHourMinute } from '@client/lib/time';
import type { Escalation, EscalationStep } from '@shared/schemas/escalation';
import type { User } from '@shared/schemas/users';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Typography } from 'antd';
import { acknowledgeEscalation } from '../api/acknowledge-escalation';
import { activeEscalationsQuery } from '../api/list-active-escalations';
import { useWords } from '../i18n';

function Person({ step }: { step: EscalationStep }) {
  return (
    <span className="escalation-person">
      {step.label} <strong>{step.name}</strong>{' '}
      <a href={`tel:${step.phone.replace(/[\s-]/g, '')}`} className="escalation-phone">
        {step.phone}
      </a>
    </span>
  );
}

function EscalationLine({ e, canAcknowledge }: { e: Escalation; canAcknowledge: boolean }) {
  const t = useWords();
  const { message } = App.useApp();
  const client = useQueryClient();
  const ack = useMutation({
    mutationFn: () => acknowledgeEscalation(e.id),
    onSuccess: () => {
      message.success(t('escalation.acknowledged'));
      void client.invalidateQueries({ queryKey: ['escalations'] });
    },
    onError: (err) => message.error(describeError(t, err)),
  });
  return (
    <Alert
      type={e.step > 0 ? 'error' : 'warning'}
      showIcon
      data-testid={`escalation-${e.id}`}
      title={
        <span>
          {t(`escalation.kind.${e.kind}`)}：{e.title}
        </span>
      }
      description={
        <Space direction="vertical" size={2}>
          <Typography.Text>
            {e.current ? (
              <>
                {t('escalation.reached', { step: e.step, of: e.chain.length })}
                <Person step={e.current} />
              </>
            ) : (
              t('escalation.waitingLeader', { minutes: e.delayMinutes })
            )}
          </Typography.Text>
          <Typography.Text data-testid={`escalation-next-${e.id}`}>
            {e.next ? (
              <>
                {t('escalation.next', { time: formatHourMinute(e.nextAt) })}
                <Person step={e.next} />
              </>
            ) : (
              t('escalation.endOfChain')
            )}
          </Typography.Text>
        </Space>
      }
      action={
        canAcknowledge ? (
          <Button size="small" type="primary" loading={ack.isPending} onClick={() => ack.mutate()}>
            {t('escalation.acknowledge')}
          </Button>
        ) : null
      }
    />
  );
}

/** 逐级上报: what the leader on call has not acknowledged, and whom the duty room calls next. */
export function EscalationBanner({ user }: { user: User }) {
  const t = useWords();
  const { data, error } = useQuery(activeEscalationsQuery());
  if (error) return <Alert type="error" showIcon title={describeError(t, error)} />;
  if (!data || data.length === 0) return null;
  return (
    <section className="escalation-banner" data-testid="escalations" aria-label={t('escalation.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {data.map((e) => (
          <EscalationLine key={e.id} e={e} canAcknowledge={user.roles.includes('leader')} />
        ))}
      </Space>
    </section>
  );
}
