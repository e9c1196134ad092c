import { FormModal } from '@client/components/form-modal';
import type { Role, UpdateUserBody, User } from '@shared/schemas/users';
import { App, Form, Input, Switch } from 'antd';
import { updateUser } from '../api/update-user';
import { useWords } from '../i18n';
import { passwordRules, UserProfileFields } from './user-form-fields';

interface EditValues {
  displayName: string;
  roles: Role[];
  phone: string;
  qualified: boolean;
  enabled: boolean;
  password?: string;
  unitId: number;
  informantRole?: 'A' | 'B' | null;
}

interface Props {
  open: boolean;
  /** Kept after closing so the closing animation still shows the right title. */
  user: User | null;
  isSelf: boolean;
  onClose: () => void;
  onSaved: (user: User) => void;
}

/** Only what changed goes to the server, so the audit trail names the fields really touched. */
function changes(user: User, values: EditValues): UpdateUserBody {
  const body: UpdateUserBody = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) body.displayName = displayName;
  const roles = [...values.roles].sort();
  if (roles.join(',') !== [...user.roles].sort().join(',')) body.roles = values.roles;
  const phone = (values.phone ?? '').trim();
  if (phone !== user.phone) body.phone = phone;
  if (values.qualified !== user.qualified) body.qualified = values.qualified;
  if (values.enabled !== user.enabled) body.enabled = values.enabled;
  if (values.password) body.password = values.password;
  if (values.unitId !== user.unitId) body.unitId = values.unitId;
  const informantRole = values.roles.includes('informant') ? (values.informantRole ?? null) : null;
  if (informantRole !== user.informantRole) body.informantRole = informantRole;
  return body;
}

export function UserEditModal({ open, user, isSelf, onClose, onSaved }: Props) {
  const t = useWords();
  const { message } = App.useApp();

  async function submit(values: EditValues) {
    if (!user) return;
    const body = changes(user, values);
    if (Object.keys(body).length === 0) return;
    onSaved(await updateUser(user.id, body));
    message.success(t('common.saved'));
  }

  return (
    <FormModal<EditValues>
      open={open && user !== null}
      title={user ? t('users.editTitle', { username: user.username }) : ''}
      okText={t('common.save')}
      onClose={onClose}
      submit={submit}
      name="edit-user"
      submitId="edit-user-submit"
      keepOnMaskClick
      initialValues={user ?? undefined}
    >
      <UserProfileFields />
      <Form.Item
        name="enabled"
        label={t('users.enabled')}
        valuePropName="checked"
        extra={isSelf ? t('users.selfDisableWarning') : undefined}
      >
        <Switch disabled={isSelf} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.resetPassword')}
        extra={t('users.resetPasswordHint')}
        rules={passwordRules(t, false)}
      >
        <Input.Password maxLength={200} autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
