import { useLang } from '@client/lib/i18n';
import { formatMonth } from '@client/lib/time';
import type { RosterView } from '@shared/schemas/roster';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { publishMonth, refusedCheck } from '../api/publish-month';
import { useWords } from '../i18n';
import { CheckList } from './check-list';
import { type Check, problemCount, type RosterIndex } from './roster-derive';
import { describeRosterError } from './roster-errors';

interface Props {
  open: boolean;
  month: string;
  view: RosterView;
  index: RosterIndex;
  onClose: () => void;
  onOpenDay: (day: string) => void;
}

const MIN_REASON = 4;

/**
 * Publishing a month with problems is refused; the administrator may still publish it by giving a
 * reason, which goes on record with the event.
 */
export function PublishModal({ open, month, view, index, onClose, onOpenDay }: Props) {
  const t = useWords();
  const lang = useLang();
  const { message } = App.useApp();
  const [check, setCheck] = useState<Check>(view.check);
  const [reason, setReason] = useState('');
  const problems = problemCount(check);
  const needsOverride = !check.ok;
  const publish = useMutation({
    mutationFn: () => publishMonth({ month, ...(needsOverride ? { overrideReason: reason.trim() } : {}) }),
    onSuccess: () => {
      message.success(t('roster.published', { month: formatMonth(month, lang) }));
      onClose();
    },
    onError: (caught) => {
      const refused = refusedCheck(caught);
      if (refused) setCheck(refused);
    },
  });
  const { reset } = publish;

  // Each opening starts from the checks on screen; a refusal replaces them with the server's.
  useEffect(() => {
    if (open) {
      setCheck(view.check);
      setReason('');
      reset();
    }
  }, [open, view.check, reset]);

  const reasonOk = reason.trim().length >= MIN_REASON;
  return (
    <Modal
      open={open}
      width={720}
      title={t('roster.publishTitle', { month: formatMonth(month, lang) })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={needsOverride}
          loading={publish.isPending}
          disabled={needsOverride && !reasonOk}
          onClick={() => publish.mutate()}
          data-testid="publish-confirm"
        >
          {needsOverride ? t('roster.publishOverride') : t('roster.publish')}
        </Button>,
      ]}
      data-testid="publish-modal"
    >
      {publish.error && (
        <Alert
          type="error"
          showIcon
          title={describeRosterError(t, publish.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      {needsOverride ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('roster.publishProblems', { count: problems })}
            description={t('roster.publishProblemsSub')}
            style={{ marginBottom: 12 }}
          />
          <div className="publish-check" data-testid="publish-problems">
            <CheckList
              check={check}
              nameById={index.nameById}
              shiftById={index.shiftById}
              days={view.days}
              onOpenDay={(day) => {
                onClose();
                onOpenDay(day);
              }}
            />
          </div>
          <Typography.Text strong>{t('roster.overrideReason')}</Typography.Text>
          <Input.TextArea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('roster.overrideReasonHint')}
            data-testid="override-reason"
            style={{ marginBottom: 20 }}
          />
        </>
      ) : (
        <Alert type="success" showIcon title={t('roster.publishReady')} />
      )}
    </Modal>
  );
}
