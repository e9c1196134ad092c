import { useNow } from '@client/hooks/use-now';
import { formatMinute } from '@client/lib/time';
import type { HandoverAlarm, HandoverWindow } from '@shared/schemas/handover';
import { Alert, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useWords } from '../i18n';
import { AlarmList } from './alarm-list';

interface Props {
  open: boolean;
  alarms: HandoverAlarm[];
  window: HandoverWindow;
  /** The server said it is early (a console clock a little behind): ask for the reason anyway. */
  reasonRequired: boolean;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: (earlyReason: string | undefined) => void;
}

/**
 * 提交交班: what is still wrong goes into the record with the handover, said out loud before it is
 * handed over; before the handover window, why it is handed over early.
 */
export function SubmitDialog(props: Props) {
  const t = useWords();
  const now = useNow(15_000);
  const [reason, setReason] = useState('');
  const early = props.reasonRequired || now < Date.parse(props.window.opensAt);
  const missing = early && !reason.trim();
  return (
    <Modal
      open={props.open}
      title={t('handover.submit.title')}
      okText={t('handover.draft.submit')}
      cancelText={t('common.cancel')}
      onCancel={props.onCancel}
      onOk={() => props.onConfirm(early ? reason.trim() : undefined)}
      okButtonProps={{ disabled: missing, loading: props.busy, id: 'confirm-submit-handover' }}
      destroyOnHidden
      width={640}
    >
      <div data-testid="submit-dialog">
        <Typography.Paragraph strong>
          {t('handover.alarms.title', { count: props.alarms.length })}
        </Typography.Paragraph>
        <AlarmList alarms={props.alarms} />
        {props.alarms.length > 0 && (
          <Typography.Paragraph type="secondary" className="ho-submit-hint">
            {t('handover.alarms.recorded')}
          </Typography.Paragraph>
        )}
        {early && (
          <div className="ho-early" data-testid="early-reason-block">
            <Alert
              type="warning"
              showIcon
              title={t('handover.early.submit', {
                time: formatMinute(props.window.opensAt),
                minutes: props.window.minutes,
              })}
            />
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={1000}
              status={missing ? 'warning' : undefined}
              placeholder={t('handover.early.placeholder')}
              aria-label={t('handover.early.label')}
              data-testid="early-reason"
            />
          </div>
        )}
        {props.error && <Alert type="error" showIcon title={props.error} data-testid="submit-dialog-error" />}
      </div>
    </Modal>
  );
}
