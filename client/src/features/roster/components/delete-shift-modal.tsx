import { FormModal } from '@client/components/form-modal';
import { useLang } from '@client/lib/i18n';
import { formatDay } from '@client/lib/time';
import type { RosterView, Shift } from '@shared/schemas/roster';
import { App, Typography } from 'antd';
import { useState } from 'react';
import { deleteShift } from '../api/delete-shift';
import { useWords } from '../i18n';
import {
  PublishedEditFields,
  type PublishedEditValues,
  publishedEditBody,
  refusal,
} from './published-edit-fields';
import type { Check, RosterIndex } from './roster-derive';

interface Props {
  /** The shift to delete from a published month; null when closed. */
  shift: Shift | null;
  index: RosterIndex;
  days: RosterView['days'];
  onClose: () => void;
}

/** Deleting from a published roster: a reason on record, and the override if it leaves a gap. */
export function DeleteShiftModal({ shift, index, days, onClose }: Props) {
  const t = useWords();
  const lang = useLang();
  const { message } = App.useApp();
  const [refused, setRefused] = useState<Check | null>(null);

  function close() {
    setRefused(null);
    onClose();
  }

  async function submit(values: PublishedEditValues) {
    if (!shift) return;
    await deleteShift(shift.id, publishedEditBody(true, values));
    message.success(t('roster.shiftDeleted', { name: shift.userName }));
  }

  return (
    <FormModal<PublishedEditValues>
      open={shift !== null}
      title={
        shift
          ? t('roster.deleteShiftTitle', { name: shift.userName, day: formatDay(shift.dutyDate, lang) })
          : ''
      }
      okText={t('roster.delete')}
      danger
      onClose={close}
      submit={submit}
      submitId="delete-shift-submit"
      onError={(caught) => refusal(caught, setRefused, t)}
      testId="delete-shift-modal"
    >
      {shift && (
        <Typography.Paragraph>
          {t('roster.deleteShiftConfirm', { name: shift.userName })}
        </Typography.Paragraph>
      )}
      <PublishedEditFields refused={refused} index={index} days={days} />
    </FormModal>
  );
}
