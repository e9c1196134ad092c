import { PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { formatInstant } from '@client/lib/time';
import type { ApiToken, CreatedToken } from '@shared/schemas/tokens';
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { revokeToken } from '../api/revoke-token';
import { TokenCreateModal } from './token-create-modal';
import { TokenSecretModal } from './token-secret-modal';
import { useTokens } from './use-tokens';
import './admin-pages.css';

export function TokensPage() {
  const t = useT();
  const { message } = App.useApp();
  const { tokens, loading, error, reload } = useTokens();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  async function revoke(token: ApiToken) {
    try {
      await revokeToken(token.id);
      message.success(t('tokens.revokedOk', { name: token.name }));
      reload();
    } catch (caught) {
      message.error(describeError(t, caught));
    }
  }

  const columns: TableColumnsType<ApiToken> = [
    { title: 'ID', dataIndex: 'id', width: 70 },
    { title: t('tokens.name'), dataIndex: 'name', ellipsis: true },
    { title: t('tokens.createdBy'), dataIndex: 'createdBy', width: 140 },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', width: 180, render: formatInstant },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      width: 180,
      render: (at: string | null) =>
        at ? formatInstant(at) : <Typography.Text type="secondary">{t('tokens.never')}</Typography.Text>,
    },
    {
      title: t('tokens.status'),
      dataIndex: 'revokedAt',
      width: 230,
      render: (revokedAt: string | null) =>
        revokedAt ? (
          <Tag color="default">{t('tokens.revoked', { time: formatInstant(revokedAt) })}</Tag>
        ) : (
          <Tag color="success">{t('tokens.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: token.name })}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke(token)}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<StopOutlined />}
              data-testid={`revoke-token-${token.id}`}
            >
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card>
      <div className="page-toolbar">
        <div>
          <Typography.Title level={4}>{t('tokens.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('tokens.intro')}</Typography.Text>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.refresh')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-token"
          >
            {t('tokens.new')}
          </Button>
        </Space>
      </div>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed', { message: describeError(t, error) })}
          style={{ marginBottom: 16 }}
        />
      )}
      <div data-testid="tokens-table">
        <Table<ApiToken>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tokens}
          loading={loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          rowClassName={(token) => (token.revokedAt ? 'row-disabled' : '')}
        />
      </div>
      <TokenCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(fresh) => {
          setCreated(fresh);
          reload();
        }}
      />
      <TokenSecretModal created={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
