import { CopyField } from '@client/components/copy-field';
import { ApiError } from '@client/lib/api-client';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { createCalendarFeed } from '../api/create-calendar-feed';
import { useWords } from '../i18n';
import { describeRosterError } from './roster-errors';

/** Issues a personal iCalendar feed URL (replacing any earlier one) and offers it for copying. */
export function CalendarFeedModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useWords();
  // Each opening issues a fresh URL (the old one stops working).
  const issue = useMutation({ mutationFn: createCalendarFeed });
  const { mutate, reset } = issue;
  useEffect(() => {
    if (open) mutate();
    else reset();
  }, [open, mutate, reset]);
  const url = issue.data ? new URL(issue.data.url, window.location.origin).toString() : null;
  const missing =
    issue.error instanceof ApiError && (issue.error.status === 404 || issue.error.status === 405);
  const error = issue.error && (missing ? t('roster.feedUnavailable') : describeRosterError(t, issue.error));
  const loading = issue.isPending;

  return (
    <Modal
      open={open}
      width={680}
      title={t('roster.feedTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
    >
      {loading && <Spin />}
      {error && <Alert type="warning" showIcon title={error} />}
      {url && (
        <>
          <CopyField value={url} testId="calendar-feed-url" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('roster.feedHint')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
