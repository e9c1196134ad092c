import { CheckOutlined, CopyOutlined, DeleteOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { TablePage } from '@client/components/table-page';
import { useDisplayName } from '@client/hooks/use-display-name';
import { describeError } from '@client/lib/error-text';
import { useLang } from '@client/lib/i18n';
import { formatInstant } from '@client/lib/time';
import type { PolicyProfile } from '@shared/schemas/policy-profiles';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { copyPolicyProfile } from '../api/copy-policy-profile';
import { deletePolicyProfile } from '../api/delete-policy-profile';
import { policyProfilesQuery } from '../api/list-policy-profiles';
import { selectPolicyProfile } from '../api/select-policy-profile';
import { useWords } from '../i18n';
import { PolicyEditorModal } from './policy-editor-modal';
import { policyWords } from './policy-words';

/**
 * 报告时限方案 (DESIGN §2.3): the deadline policy profiles — built in (national, provincial; read-only)
 * and the administrator's copies. Pick the one in force (incidents already received keep theirs),
 * read a table in words, copy one and edit the copy.
 */
export function PolicyProfilesPage() {
  const t = useWords();
  const lang = useLang();
  const person = useDisplayName();
  const { message } = App.useApp();
  const { data, isFetching, error, refetch } = useQuery(policyProfilesQuery());
  const reload = () => void refetch();
  const [viewing, setViewing] = useState<string | null>(null);
  const [editing, setEditing] = useState<PolicyProfile | null>(null);
  const profiles = data?.profiles ?? [];
  const active = data?.active;
  const shown = profiles.find((p) => p.id === (viewing ?? active)) ?? null;

  async function run<T>(action: () => Promise<T>, ok: (result: T) => string): Promise<T | null> {
    try {
      const result = await action();
      message.success(ok(result));
      reload();
      return result;
    } catch (caught) {
      message.error(describeError(t, caught));
      return null;
    }
  }

  const copy = async (p: PolicyProfile) => {
    const made = await run(
      () => copyPolicyProfile(p.id),
      (c) => t('profiles.copiedOk', { name: c.policy.name }),
    );
    if (made) {
      setViewing(made.id);
      setEditing(made);
    }
  };

  const columns: TableColumnsType<PolicyProfile> = [
    {
      title: t('profiles.name'),
      key: 'name',
      render: (_: unknown, p) => (
        <Space wrap>
          <Typography.Text strong={p.id === active}>{p.policy.name}</Typography.Text>
          {p.id === active && (
            <Tag color="success" data-testid="profile-active-tag">
              {t('profiles.active')}
            </Tag>
          )}
          <Tag>{p.builtIn ? t('profiles.builtIn') : t('profiles.custom')}</Tag>
        </Space>
      ),
    },
    {
      title: t('profiles.basedOn'),
      key: 'basedOn',
      width: 200,
      render: (_: unknown, p) =>
        p.basedOn ? (profiles.find((o) => o.id === p.basedOn)?.policy.name ?? p.basedOn) : '—',
    },
    {
      title: t('profiles.updated'),
      key: 'updated',
      width: 220,
      render: (_: unknown, p) =>
        p.updatedAt ? `${formatInstant(p.updatedAt)} ${p.updatedBy ? person(p.updatedBy) : ''}` : '—',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 330,
      render: (_: unknown, p) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => setViewing(p.id)}
            data-testid={`view-profile-${p.id}`}
          >
            {t('profiles.view')}
          </Button>
          {p.id !== active && (
            <Popconfirm
              title={t('profiles.useConfirm', { name: p.policy.name })}
              okText={t('profiles.use')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                run(
                  () => selectPolicyProfile(p.id),
                  () => t('profiles.usedOk', { name: p.policy.name }),
                )
              }
            >
              <Button type="link" size="small" icon={<CheckOutlined />} data-testid={`use-profile-${p.id}`}>
                {t('profiles.use')}
              </Button>
            </Popconfirm>
          )}
          <Button
            type="link"
            size="small"
            icon={<CopyOutlined />}
            onClick={() => copy(p)}
            data-testid={`copy-profile-${p.id}`}
          >
            {t('profiles.copy')}
          </Button>
          {!p.builtIn && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(p)}
              data-testid={`edit-profile-${p.id}`}
            >
              {t('profiles.edit')}
            </Button>
          )}
          {!p.builtIn && p.id !== active && (
            <Popconfirm
              title={t('profiles.deleteConfirm', { name: p.policy.name })}
              okText={t('profiles.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                run(
                  () => deletePolicyProfile(p.id),
                  () => t('profiles.deletedOk', { name: p.policy.name }),
                )
              }
            >
              <Button
                type="link"
                size="small"
                danger
                icon={<DeleteOutlined />}
                data-testid={`delete-profile-${p.id}`}
              >
                {t('profiles.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const words = shown ? policyWords(shown.policy, lang) : null;
  return (
    <TablePage<PolicyProfile>
      title={t('profiles.title')}
      sub={t('profiles.intro')}
      subBelow
      onRefresh={reload}
      error={error}
      testId="profiles-table"
      table={{
        columns,
        dataSource: profiles,
        loading: isFetching,
        rowKey: 'id',
        pagination: false,
      }}
      footer={
        shown &&
        words && (
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={t('profiles.wordsTitle', { name: shown.policy.name })}
            data-testid="profile-words"
          >
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {[...words.initial, ...words.followup, words.changeWindow, words.disasterClock].map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {shown.sources.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 12 }}>
                  {t('profiles.sources')}
                </Typography.Title>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {shown.sources.map((s) => (
                    <li key={s}>
                      <Typography.Text type="secondary">{s}</Typography.Text>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        )
      }
    >
      <PolicyEditorModal profile={editing} onClose={() => setEditing(null)} onSaved={() => reload()} />
    </TablePage>
  );
}
