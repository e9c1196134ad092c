import { useT } from '@client/lib/i18n';
import type { Shift } from '@shared/schemas/roster';
import type { Swap } from '@shared/schemas/swaps';
import { Alert, App, Button, Input, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { approvalCheck, approveSwap } from '../api/approve-swap';
import { previewSwap } from '../api/preview-swap';
import { rejectSwap } from '../api/reject-swap';
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
  const t = useT();
  const { message } = App.useApp();
  const [check, setCheck] = useState<Check | null>(null);
  const [loading, setLoading] = useState(false);
  const [refused, setRefused] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setCheck(null);
    setRefused(false);
    setNote('');
    setError(null);
    if (!swap) return;
    const controller = new AbortController();
    setLoading(true);
    previewSwap(swap.id, controller.signal).then(
      (preview) => {
        setCheck(preview.check);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(describeRosterError(t, caught));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [swap, t]);

  const blocking = Boolean(check && (check.conflicts.length || check.unqualified.length));
  const override = isAdmin && (blocking || refused);

  async function approve() {
    if (!swap) return;
    setBusy('approve');
    setError(null);
    try {
      const trimmed = note.trim();
      await approveSwap(swap.id, {
        ...(trimmed ? { note: trimmed } : {}),
        ...(override ? { override: true } : {}),
      });
      message.success(t('swap.approved'));
      onClose();
    } catch (caught) {
      const failed = approvalCheck(caught);
      if (failed) {
        setCheck(failed);
        setRefused(true);
      }
      setError(describeRosterError(t, caught));
    } finally {
      setBusy(null);
    }
  }

  async function reject() {
    if (!swap) return;
    setBusy('reject');
    setError(null);
    try {
      await rejectSwap(swap.id, note.trim() || undefined);
      message.success(t('swap.rejected'));
      onClose();
    } catch (caught) {
      setError(describeRosterError(t, caught));
    } finally {
      setBusy(null);
    }
  }

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
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Title level={5}>{t('swap.previewTitle')}</Typography.Title>
      {loading && <Spin />}
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
