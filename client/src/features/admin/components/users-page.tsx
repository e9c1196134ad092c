import { CheckCircleTwoTone, EditOutlined } from '@ant-design/icons';
import { PAGE_OF_50, TablePage } from '@client/components/table-page';
import { describeError } from '@client/lib/error-text';
import { roleColor, roleLabel } from '@client/lib/roles';
import { formatInstant } from '@client/lib/time';
import type { User } from '@shared/schemas/users';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Switch, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { unitsQuery } from '../api/list-units';
import { usersQuery } from '../api/list-users';
import { updateUser } from '../api/update-user';
import { useWords } from '../i18n';
import { UserCreateModal } from './user-create-modal';
import { UserEditModal } from './user-edit-modal';

/** Replaces a user only with a version at least as new, so a late answer never undoes a fresher one. */
function upsert(users: User[] | undefined, user: User): User[] | undefined {
  if (!users) return users;
  const index = users.findIndex((u) => u.id === user.id);
  if (index === -1) return [...users, user];
  const existing = users[index]!;
  if (Date.parse(existing.updatedAt) > Date.parse(user.updatedAt)) return users;
  const next = users.slice();
  next[index] = user;
  return next;
}

export function UsersPage({ currentUserId }: { currentUserId: number }) {
  const t = useWords();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { data: users = [], isFetching, error, refetch } = useQuery(usersQuery());
  const { data: units = [] } = useQuery(unitsQuery());
  const unitName = new Map(units.map((u) => [u.unit.id, u.unit.name]));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  // The server's answer goes on screen at once; the live event then reads the list again.
  const apply = (user: User) => client.setQueryData(usersQuery().queryKey, (users) => upsert(users, user));
  const toggle = useMutation({
    mutationFn: ({ user, enabled }: { user: User; enabled: boolean }) => updateUser(user.id, { enabled }),
    onSuccess: (saved, { enabled }) => {
      apply(saved);
      message.success(t(enabled ? 'users.enabledOn' : 'users.enabledOff', { username: saved.username }));
    },
    onError: (caught) => message.error(describeError(t, caught)),
  });

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
      title: t('users.unit'),
      key: 'unit',
      width: 170,
      render: (_: unknown, user) =>
        `${unitName.get(user.unitId) ?? user.unitId}${user.informantRole ? ` · ${user.informantRole}${t('users.informantPost')}` : ''}`,
    },
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
          loading={toggle.isPending && toggle.variables.user.id === user.id}
          disabled={user.id === currentUserId}
          onChange={(checked) => toggle.mutate({ user, enabled: checked })}
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
    <TablePage<User>
      title={t('users.title')}
      sub={t('users.count', { count: users.length })}
      onRefresh={() => void refetch()}
      create={{ label: t('users.new'), onClick: () => setCreating(true), testId: 'new-user' }}
      error={error}
      testId="users-table"
      table={{
        columns,
        dataSource: users,
        loading: isFetching,
        pagination: PAGE_OF_50,
        rowClassName: (user) => (user.enabled ? '' : 'row-disabled'),
      }}
    >
      <UserCreateModal open={creating} onClose={() => setCreating(false)} onCreated={apply} />
      <UserEditModal
        open={editOpen}
        user={editing}
        isSelf={editing?.id === currentUserId}
        onClose={() => setEditOpen(false)}
        onSaved={apply}
      />
    </TablePage>
  );
}
