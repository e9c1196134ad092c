import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import type { CreateUserBody, Role, User } from '@shared/schemas/users';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { createUser } from '../api/create-user';
import { passwordRules, UserProfileFields, usernameRules } from './user-form-fields';

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  phone?: string;
  qualified: boolean;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}

export function UserCreateModal({ open, onClose, onCreated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    setError(null);
    onClose();
  }

  async function onFinish(values: CreateValues) {
    const body: CreateUserBody = {
      username: values.username,
      displayName: values.displayName.trim(),
      password: values.password,
      roles: values.roles,
      qualified: values.qualified,
    };
    const phone = values.phone?.trim();
    if (phone) body.phone = phone;

    setSubmitting(true);
    setError(null);
    try {
      const user = await createUser(body);
      onCreated(user);
      message.success(t('users.created', { username: user.username }));
      close();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'DUTY_ERR_USERNAME_TAKEN') {
        form.setFields([{ name: 'username', errors: [t('users.usernameTaken')] }]);
      } else {
        setError(describeError(t, caught));
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onCancel={close}
      okButtonProps={{ htmlType: 'submit', loading: submitting, id: 'create-user-submit' }}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<CreateValues>
          form={form}
          name="create-user"
          layout="vertical"
          clearOnDestroy
          initialValues={{ roles: ['officer'], qualified: false }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={usernameRules(t)}
        normalize={(value: string) => value.toLowerCase()}
      >
        <Input maxLength={40} autoComplete="off" autoFocus />
      </Form.Item>
      <UserProfileFields />
      <Form.Item name="password" label={t('users.password')} rules={passwordRules(t, true)}>
        <Input.Password maxLength={200} autoComplete="new-password" />
      </Form.Item>
    </Modal>
  );
}
