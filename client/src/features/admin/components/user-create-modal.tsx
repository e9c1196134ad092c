import { FormModal } from '@client/components/form-modal';
import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import type { CreateUserBody, Role, User } from '@shared/schemas/users';
import { App, Form, Input } from 'antd';
import { createUser } from '../api/create-user';
import { useWords } from '../i18n';
import { passwordRules, UserProfileFields, usernameRules } from './user-form-fields';

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  phone?: string;
  qualified: boolean;
  unitId: number;
  informantRole?: 'A' | 'B' | null;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}

export function UserCreateModal({ open, onClose, onCreated }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();

  async function submit(values: CreateValues) {
    const body: CreateUserBody = {
      username: values.username,
      displayName: values.displayName.trim(),
      password: values.password,
      roles: values.roles,
      qualified: values.qualified,
      unitId: values.unitId,
    };
    if (values.roles.includes('informant') && values.informantRole) body.informantRole = values.informantRole;
    const phone = values.phone?.trim();
    if (phone) body.phone = phone;
    const user = await createUser(body);
    onCreated(user);
    message.success(t('users.created', { username: user.username }));
  }

  return (
    <FormModal<CreateValues>
      open={open}
      title={t('users.createTitle')}
      okText={t('common.create')}
      onClose={onClose}
      submit={submit}
      form={form}
      name="create-user"
      submitId="create-user-submit"
      keepOnMaskClick
      initialValues={{ roles: ['officer'], qualified: false, unitId: 1 }}
      onError={(caught) => {
        if (!(caught instanceof ApiError && caught.code === 'DUTY_ERR_USERNAME_TAKEN'))
          return describeError(t, caught);
        form.setFields([{ name: 'username', errors: [t('users.usernameTaken')] }]);
        return null;
      }}
    >
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
    </FormModal>
  );
}
