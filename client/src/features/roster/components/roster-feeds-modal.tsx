import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '@client/lib/i18n';
import { formatInstant } from '@client/lib/time';
import type { RosterFeedKey } from '@shared/schemas/roster';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  type InputRef,
  Modal,
  Popconfirm,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { issueRosterFeed, listRosterFeeds, revokeRosterFeed } from '../api/roster-feeds';
import { describeRosterError } from './roster-errors';

/**
 * Whole-roster calendar feeds (a duty-room display, a bureau calendar): administrators issue each
 * with a label, see its URL once, and revoke it. A personal feed never shows anyone else's shifts.
 */
export function RosterFeedsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ label: string }>();
  const input = useRef<InputRef>(null);
  const [feeds, setFeeds] = useState<RosterFeedKey[]>([]);
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setFeeds(await listRosterFeeds());
    } catch (caught) {
      setError(describeRosterError(t, caught));
    }
  }, [t]);

  useEffect(() => {
    if (!open) return;
    setIssued(null);
    setError(null);
    void load();
  }, [open, load]);

  async function issue({ label }: { label: string }) {
    setBusy(true);
    setError(null);
    try {
      const { url } = await issueRosterFeed({ label: label.trim() });
      setIssued(new URL(url, window.location.origin).toString());
      form.resetFields();
      await load();
    } catch (caught) {
      setError(describeRosterError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(feed: RosterFeedKey) {
    try {
      await revokeRosterFeed(feed.id);
      message.success(t('roster.feeds.revoked', { label: feed.label }));
      await load();
    } catch (caught) {
      setError(describeRosterError(t, caught));
    }
  }

  async function copy() {
    if (!issued) return;
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(issued);
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

  const columns: TableColumnsType<RosterFeedKey> = [
    { title: t('roster.feeds.label'), dataIndex: 'label' },
    { title: t('roster.feeds.createdBy'), dataIndex: 'createdBy', width: 120 },
    {
      title: t('roster.feeds.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (at: string) => formatInstant(at),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, feed) => (
        <Popconfirm
          title={t('roster.feeds.revokeConfirm', { label: feed.label })}
          okButtonProps={{ danger: true }}
          okText={t('roster.feeds.revoke')}
          cancelText={t('common.cancel')}
          onConfirm={() => revoke(feed)}
        >
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            data-testid={`revoke-feed-${feed.id}`}
          >
            {t('roster.feeds.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Modal
      open={open}
      width={760}
      title={t('roster.feeds.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
      data-testid="roster-feeds-modal"
    >
      <Typography.Paragraph type="secondary">{t('roster.feeds.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" onFinish={issue} style={{ marginBottom: 12 }}>
        <Form.Item
          name="label"
          rules={[{ required: true, whitespace: true, message: t('roster.feeds.labelRule') }]}
          style={{ flex: 1 }}
        >
          <Input maxLength={80} placeholder={t('roster.feeds.labelHint')} data-testid="roster-feed-label" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={busy}
          data-testid="issue-roster-feed"
        >
          {t('roster.feeds.issue')}
        </Button>
      </Form>
      {issued && (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Alert type="success" showIcon title={t('roster.feeds.issuedOnce')} />
          <Input.Search
            ref={input}
            readOnly
            value={issued}
            enterButton={
              <span>
                <CopyOutlined /> {t('common.copy')}
              </span>
            }
            onSearch={copy}
            onFocus={(event) => event.target.select()}
            data-testid="roster-feed-url"
          />
        </Flex>
      )}
      <Table<RosterFeedKey>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={feeds}
        locale={{ emptyText: t('roster.feeds.none') }}
      />
    </Modal>
  );
}
