import type { Shift } from '@shared/schemas/roster';
import type { Swap } from '@shared/schemas/swaps';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { approvalCheck, approveSwap } from '../api/approve-swap';
import { swapPreviewQuery } from '../api/preview-swap';
import { rejectSwap } from '../api/reject-swap';
import { useWords } from '../i18n';
import { CheckList } from './check-list';
import type { Check } from './roster-derive';
import { describeRosterError } from './roster-errors';

interface Props {
  swap: Swap | null;
  isAdmin: boolean;
  nameById: Map<number, string>;
  shiftById: Map<number, Shift>;
  summary: (swap: Swap) => string;
  onClose: () => void;
}

/** Leader or administrator: the roster as it would be after the swap, then approve or reject. */
export function SwapDecideModal({ swap, isAdmin, nameById, shiftById, summary, onClose }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const preview = useQuery(swapPreviewQuery(swap?.id ?? null));
  // A refused approval brings the checks as the server found them then.
  const [failed, setFailed] = useState<Check | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    void swap;
    setFailed(null);
    setNote('');
    setError(null);
  }, [swap]);
  const check = failed ?? preview.data?.check ?? null;
  const blocking = Boolean(check && (check.conflicts.length || check.unqualified.length));
  const override = isAdmin && (blocking || failed !== null);

  const decide = useMutation({
    mutationFn: ({ id, approve }: { id: number; approve: boolean }) => {
      const trimmed = note.trim();
      if (!approve) return rejectSwap(id, trimmed || undefined);
      return approveSwap(id, {
        ...(trimmed ? { note: trimmed } : {}),
        ...(override ? { override: true } : {}),
      });
    },
    onMutate: () => setError(null),
    onSuccess: (_, { approve }) => {
      message.success(t(approve ? 'swap.approved' : 'swap.rejected'));
      onClose();
    },
    onError: (caught, { approve }) => {
      const refused = approve ? approvalCheck(caught) : null;
      if (refused) setFailed(refused);
      setError(caught);
    },
  });
  const busy = decide.isPending ? (decide.variables.approve ? 'approve' : 'reject') : null;
  const approve = () => swap && decide.mutate({ id: swap.id, approve: true });
  const reject = () => swap && decide.mutate({ id: swap.id, approve: false });
  const shown = error ?? preview.error;

  const approveDisabled = (blocking && !isAdmin) || (override && !note.trim());
  return (
    <Modal
      open={swap !== null}
      width={720}
      title={t('swap.decideTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="reject" danger loading={busy === 'reject'} onClick={reject} data-testid="swap-reject">
          {t('swap.reject')}
        </Button>,
        <Button
          key="approve"
          type="primary"
          danger={override}
          loading={busy === 'approve'}
          disabled={approveDisabled}
          onClick={approve}
          data-testid="swap-approve"
        >
          {override ? t('swap.approveOverride') : t('swap.approve')}
        </Button>,
      ]}
    >
      {swap && (
        <Typography.Paragraph>
          <Typography.Text strong>{summary(swap)}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t('swap.reason')}：{swap.reason}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {shown !== null && (
        <Alert type="error" showIcon title={describeRosterError(t, shown)} style={{ marginBottom: 12 }} />
      )}
      <Typography.Title level={5}>{t('swap.previewTitle')}</Typography.Title>
      {preview.isFetching && !check && <Spin />}
      {check && (
        <div className="publish-check" data-testid="swap-preview">
          {blocking && (
            <Alert
              type={isAdmin ? 'warning' : 'error'}
              showIcon
              title={isAdmin ? t('swap.blockingAdmin') : t('swap.blocking')}
              style={{ marginBottom: 8 }}
            />
          )}
          <CheckList check={check} nameById={nameById} shiftById={shiftById} />
        </div>
      )}
      <Typography.Text strong>{override ? t('swap.overrideNote') : t('swap.note')}</Typography.Text>
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 4 }}
        data-testid="swap-note"
      />
    </Modal>
  );
}
