import { PlusOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { hasRole } from '@client/lib/session';
import { formatShortInstant } from '@client/lib/time';
import type { ActionBody, Incident, IncidentDetail } from '@shared/schemas/incidents';
import type { User } from '@shared/schemas/users';
import { App, Button, Empty, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { addAction } from '../api/add-action';
import { useWords } from '../i18n';
import { actionColor, actionLabel } from './incident-labels';

type ActionType = ActionBody['type'];

interface Props {
  detail: IncidentDetail;
  user: User;
  onAdded: (incident: Incident) => void;
}

/** 处置记录: dispatches, leader instructions (批示), on-scene updates and notes, newest first. */
export function ActionLog({ detail, user, onAdded }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionBody>();
  const [busy, setBusy] = useState(false);
  const isLeader = hasRole(user, 'leader');
  const closed = detail.incident.stage === 'closed';
  const types: ActionType[] = isLeader
    ? ['instruction', 'dispatch', 'update', 'note']
    : ['dispatch', 'update', 'note'];

  async function onFinish(values: ActionBody) {
    setBusy(true);
    try {
      onAdded(await addAction(detail.incident.id, { type: values.type, text: values.text.trim() }));
      form.resetFields(['text']);
    } catch (caught) {
      message.error(describeError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  const actions = [...detail.actions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <div className="inc-actions" data-testid="action-log">
      {!closed && (
        <Form<ActionBody>
          form={form}
          name="add-action"
          layout="vertical"
          initialValues={{ type: isLeader ? 'instruction' : 'dispatch', text: '' }}
          onFinish={onFinish}
          className="inc-action-form"
        >
          <div className="inc-action-row">
            <Form.Item name="type" noStyle>
              <Select
                className="inc-action-type"
                options={types.map((type) => ({ value: type, label: t(actionLabel[type]) }))}
              />
            </Form.Item>
            <Form.Item
              name="text"
              noStyle
              rules={[{ required: true, whitespace: true, message: t('incidents.action.textRule') }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 5 }}
                maxLength={4000}
                placeholder={t('incidents.action.placeholder')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
                }}
                data-testid="action-text"
              />
            </Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="add-action">
              {t('incidents.action.add')}
            </Button>
          </div>
        </Form>
      )}
      {actions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.action.none')} />
      ) : (
        <ul className="inc-action-list">
          {actions.map((action) => {
            const type = action.type as ActionType;
            return (
              <li key={action.id} className={`inc-action inc-action-${action.type}`}>
                <div className="inc-action-head">
                  <Tag color={actionColor[type] ?? 'default'}>
                    {actionLabel[type] ? t(actionLabel[type]) : action.type}
                  </Tag>
                  <span className="inc-muted">
                    {formatShortInstant(action.at)} ·{' '}
                    {action.actor === 'system' ? t('people.system') : action.actorName}
                  </span>
                </div>
                <div className="inc-action-text">{action.text}</div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
