import { AuditOutlined } from '@ant-design/icons';
import type { SignoffRequest } from '@shared/schemas/signoffs';
import { Alert, Button, Form, Radio, Select, Typography } from 'antd';
import { useWords } from '../i18n';

export type SignoffMode = 'request' | 'phone';

export interface SignoffLeader {
  username: string;
  displayName: string;
  onCall: boolean;
}

/**
 * 签发 of a written report by an officer: the leader chosen from the list (the one on call first),
 * asked on their own console (请领导签发), or their consent by telephone recorded as such.
 */
export function SignoffPanel({
  mode,
  leaders,
  current,
  stale,
  asking,
  onAsk,
}: {
  mode: SignoffMode;
  leaders: SignoffLeader[];
  /** The request the report would be sent with (latest not used of this kind), if any. */
  current: SignoffRequest | null;
  /** The form changed since it was asked. */
  stale: boolean;
  asking: boolean;
  onAsk: () => void;
}) {
  const t = useWords();
  const options = leaders.map((l) => ({
    value: l.username,
    label: l.onCall ? t('incidents.report.onCall', { name: l.displayName }) : l.displayName,
  }));
  return (
    <div className="inc-signoff" data-testid="signoff-panel">
      <Form.Item name="signoffMode" label={t('incidents.report.signoffMode')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'request', label: t('incidents.report.modeRequest') },
            { value: 'phone', label: t('incidents.report.modePhone') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="leader"
        label={t('incidents.report.signedOffBy')}
        rules={[{ required: true, message: t('incidents.report.pickLeader') }]}
        extra={mode === 'phone' ? t('incidents.report.phoneHint') : undefined}
      >
        <Select
          options={options}
          placeholder={t('incidents.report.pickLeader')}
          data-testid="signoff-leader"
          style={{ maxWidth: 320 }}
        />
      </Form.Item>
      {mode === 'request' && (
        <div className="inc-signoff-state">
          <Button icon={<AuditOutlined />} loading={asking} onClick={onAsk} data-testid="request-signoff">
            {t('incidents.report.requestButton')}
          </Button>
          {current && <SignoffState request={current} stale={stale} />}
        </div>
      )}
    </div>
  );
}

function SignoffState({ request, stale }: { request: SignoffRequest; stale: boolean }) {
  const t = useWords();
  const name = request.leaderName;
  const body =
    request.status === 'pending' ? (
      <Alert type="info" showIcon title={t('incidents.report.waiting', { name })} />
    ) : request.status === 'returned' ? (
      <Alert
        type="warning"
        showIcon
        title={t('incidents.report.returned', { name, comment: request.comment ?? '' })}
      />
    ) : (
      <Alert
        type={stale ? 'warning' : 'success'}
        showIcon
        title={stale ? t('incidents.report.changedSince') : t('incidents.report.approved', { name })}
        description={
          request.comment ? (
            <Typography.Text>
              {t('incidents.report.approvedComment', { comment: request.comment })}
            </Typography.Text>
          ) : undefined
        }
      />
    );
  return (
    <div data-testid="signoff-status" data-status={request.status} data-stale={String(stale)}>
      {body}
    </div>
  );
}
