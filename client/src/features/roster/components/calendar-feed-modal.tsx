import { CopyOutlined } from '@ant-design/icons';
import { ApiError } from '@client/lib/api-client';
import { useT } from '@client/lib/i18n';
import { Alert, App, Button, Input, type InputRef, Modal, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createCalendarFeed } from '../api/create-calendar-feed';
import { describeRosterError } from './roster-errors';

/** Issues a personal iCalendar feed URL (replacing any earlier one) and offers it for copying. */
export function CalendarFeedModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const input = useRef<InputRef>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setUrl(null);
    setError(null);
    setLoading(true);
    createCalendarFeed().then(
      (feed) => {
        if (cancelled) return;
        setUrl(new URL(feed.url, window.location.origin).toString());
        setLoading(false);
      },
      (caught: unknown) => {
        if (cancelled) return;
        const missing = caught instanceof ApiError && (caught.status === 404 || caught.status === 405);
        setError(missing ? t('roster.feedUnavailable') : describeRosterError(t, caught));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [open, t]);

  async function copy() {
    if (!url) return;
    try {
      // The Clipboard API exists only in secure contexts; an intranet console may be plain http.
      if (navigator.clipboard) await navigator.clipboard.writeText(url);
      else {
        input.current?.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      message.success(t('common.copied'));
    } catch {
      input.current?.select();
      message.error(t('common.copyFailed'));
    }
  }

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
          <Input.Search
            ref={input}
            readOnly
            value={url}
            enterButton={
              <span>
                <CopyOutlined /> {t('common.copy')}
              </span>
            }
            onSearch={copy}
            onFocus={(event) => event.target.select()}
            data-testid="calendar-feed-url"
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('roster.feedHint')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
