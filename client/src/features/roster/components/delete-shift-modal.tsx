import { useLang, useT } from '@client/lib/i18n';
import { formatDay } from '@client/lib/time';
import type { RosterView, Shift } from '@shared/schemas/roster';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { deleteShift } from '../api/delete-shift';
import { refusedCheck } from '../api/publish-month';
import { PublishedEditFields, type PublishedEditValues, publishedEditBody } from './published-edit-fields';
import type { Check, RosterIndex } from './roster-derive';
import { describeRosterError } from './roster-errors';

interface Props {
  /** The shift to delete from a published month; null when closed. */
  shift: Shift | null;
  index: RosterIndex;
  days: RosterView['days'];
  onClose: () => void;
}

/** Deleting from a published roster: a reason on record, and the override if it leaves a gap. */
export function DeleteShiftModal({ shift, index, days, onClose }: Props) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishedEditValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Check | null>(null);

  function close() {
    setError(null);
    setRefused(null);
    onClose();
  }

  async function onFinish(values: PublishedEditValues) {
    if (!shift) return;
    setBusy(true);
    setError(null);
    try {
      await deleteShift(shift.id, publishedEditBody(true, values));
      message.success(t('roster.shiftDeleted', { name: shift.userName }));
      close();
    } catch (caught) {
      const check = refusedCheck(caught);
      setRefused(check);
      setError(check ? null : describeRosterError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={shift !== null}
      title={
        shift
          ? t('roster.deleteShiftTitle', { name: shift.userName, day: formatDay(shift.dutyDate, lang) })
          : ''
      }
      okText={t('roster.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, htmlType: 'submit', loading: busy, id: 'delete-shift-submit' }}
      onCancel={close}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<PublishedEditValues> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
          {dom}
        </Form>
      )}
      data-testid="delete-shift-modal"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {shift && (
        <Typography.Paragraph>
          {t('roster.deleteShiftConfirm', { name: shift.userName })}
        </Typography.Paragraph>
      )}
      <PublishedEditFields refused={refused} index={index} days={days} />
    </Modal>
  );
}
