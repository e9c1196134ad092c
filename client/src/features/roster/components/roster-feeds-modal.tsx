import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CopyField } from '@client/components/copy-field';
import { useDisplayName } from '@client/hooks/use-display-name';
import { formatInstant } from '@client/lib/time';
import type { RosterFeedKey } from '@shared/schemas/roster';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { issueRosterFeed, revokeRosterFeed, rosterFeedsQuery } from '../api/roster-feeds';
import { useWords } from '../i18n';
import { describeRosterError } from './roster-errors';

/**
 * Whole-roster calendar feeds (a duty-room display, a bureau calendar): administrators issue each
 * with a label, see its URL once, and revoke it. A personal feed never shows anyone else's shifts.
 */
export function RosterFeedsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useWords();
  const person = useDisplayName();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ label: string }>();
  const feeds = useQuery(rosterFeedsQuery(open));
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    setIssued(null);
    setError(null);
  }, [open]);
  const onError = (caught: unknown) => setError(caught);
  const issue = useMutation({
    mutationFn: ({ label }: { label: string }) => issueRosterFeed({ label: label.trim() }),
    onMutate: () => setError(null),
    onSuccess: ({ url }) => {
      setIssued(new URL(url, window.location.origin).toString());
      form.resetFields();
      void feeds.refetch();
    },
    onError,
  });
  const revoke = useMutation({
    mutationFn: (feed: RosterFeedKey) => revokeRosterFeed(feed.id),
    onSuccess: (_, feed) => {
      message.success(t('roster.feeds.revoked', { label: feed.label }));
      void feeds.refetch();
    },
    onError,
  });
  const shown = error ?? feeds.error;

  const columns: TableColumnsType<RosterFeedKey> = [
    { title: t('roster.feeds.label'), dataIndex: 'label' },
    {
      title: t('roster.feeds.createdBy'),
      dataIndex: 'createdBy',
      width: 120,
      render: (by: string) => person(by),
    },
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
          onConfirm={() => revoke.mutate(feed)}
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
      {shown !== null && (
        <Alert type="error" showIcon title={describeRosterError(t, shown)} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="inline"
        onFinish={(values) => issue.mutate(values)}
        style={{ marginBottom: 12 }}
      >
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
          loading={issue.isPending}
          data-testid="issue-roster-feed"
        >
          {t('roster.feeds.issue')}
        </Button>
      </Form>
      {issued && (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Alert type="success" showIcon title={t('roster.feeds.issuedOnce')} />
          <CopyField value={issued} testId="roster-feed-url" />
        </Flex>
      )}
      <Table<RosterFeedKey>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={feeds.data ?? []}
        locale={{ emptyText: t('roster.feeds.none') }}
      />
    </Modal>
  );
}
