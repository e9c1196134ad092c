import { StopOutlined } from '@ant-design/icons';
import { PAGE_OF_50, TablePage } from '@client/components/table-page';
import { useDisplayName } from '@client/hooks/use-display-name';
import { describeError } from '@client/lib/error-text';
import { formatInstant } from '@client/lib/time';
import type { ApiToken, CreatedToken } from '@shared/schemas/tokens';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { tokensQuery } from '../api/list-tokens';
import { revokeToken } from '../api/revoke-token';
import { useWords } from '../i18n';
import { TokenCreateModal } from './token-create-modal';
import { TokenSecretModal } from './token-secret-modal';

export function TokensPage() {
  const t = useWords();
  const person = useDisplayName();
  const { message } = App.useApp();
  const { data: tokens = [], isFetching, error, refetch } = useQuery(tokensQuery());
  const reload = () => void refetch();
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
    {
      title: t('tokens.createdBy'),
      dataIndex: 'createdBy',
      width: 140,
      render: (by: string) => person(by),
    },
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
    <TablePage<ApiToken>
      title={t('tokens.title')}
      sub={t('tokens.intro')}
      subBelow
      onRefresh={reload}
      create={{ label: t('tokens.new'), onClick: () => setCreating(true), testId: 'new-token' }}
      error={error}
      testId="tokens-table"
      table={{
        columns,
        dataSource: tokens,
        loading: isFetching,
        pagination: PAGE_OF_50,
        rowClassName: (token) => (token.revokedAt ? 'row-disabled' : ''),
      }}
    >
      <TokenCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(fresh) => {
          setCreated(fresh);
          reload();
        }}
      />
      <TokenSecretModal created={created} onClose={() => setCreated(null)} />
    </TablePage>
  );
}
