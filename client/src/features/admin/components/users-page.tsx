import { CheckCircleTwoTone, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { roleColor, roleLabel } from '@client/lib/roles';
import { formatInstant } from '@client/lib/time';
import type { User } from '@shared/schemas/users';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { updateUser } from '../api/update-user';
import { useUsers } from './use-users';
import { UserCreateModal } from './user-create-modal';
import { UserEditModal } from './user-edit-modal';
import './admin-pages.css';

export function UsersPage({ currentUserId }: { currentUserId: number }) {
  const t = useT();
  const { message } = App.useApp();
  const { users, loading, error, reload, apply } = useUsers();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [toggling, setToggling] = useState<number | null>(null);

  async function toggleEnabled(user: User, enabled: boolean) {
    setToggling(user.id);
    try {
      const saved = await updateUser(user.id, { enabled });
      apply(saved);
      message.success(t(enabled ? 'users.enabledOn' : 'users.enabledOff', { username: saved.username }));
    } catch (caught) {
      message.error(describeError(t, caught));
    } finally {
      setToggling(null);
    }
  }

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 160,
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 140, ellipsis: true },
    { title: t('users.phone'), dataIndex: 'phone', width: 150 },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (_: unknown, user) => (
        <Flex gap={4} wrap>
          {user.roles.map((role) => (
            <Tag key={role} color={roleColor[role]}>
              {t(roleLabel[role])}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('users.qualified'),
      dataIndex: 'qualified',
      width: 100,
      align: 'center',
      render: (qualified: boolean) =>
        qualified ? (
          <CheckCircleTwoTone twoToneColor="#52c41a" />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('users.enabled'),
      dataIndex: 'enabled',
      width: 90,
      align: 'center',
      render: (enabled: boolean, user) => (
        <Switch
          size="small"
          checked={enabled}
          loading={toggling === user.id}
          disabled={user.id === currentUserId}
          onChange={(checked) => toggleEnabled(user, checked)}
          aria-label={t('users.enabled')}
        />
      ),
    },
    {
      title: t('users.updatedAt'),
      dataIndex: 'updatedAt',
      width: 180,
      render: (at: string) => formatInstant(at),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, user) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => {
            setEditing(user);
            setEditOpen(true);
          }}
          data-testid={`edit-user-${user.username}`}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card>
      <div className="page-toolbar">
        <Space align="baseline">
          <Typography.Title level={4}>{t('users.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('users.count', { count: users.length })}</Typography.Text>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.refresh')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-user"
          >
            {t('users.new')}
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
      <div data-testid="users-table">
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users}
          loading={loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          rowClassName={(user) => (user.enabled ? '' : 'row-disabled')}
        />
      </div>
      <UserCreateModal open={creating} onClose={() => setCreating(false)} onCreated={apply} />
      <UserEditModal
        open={editOpen}
        user={editing}
        isSelf={editing?.id === currentUserId}
        onClose={() => setEditOpen(false)}
        onSaved={apply}
      />
    </Card>
  );
}
