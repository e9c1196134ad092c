import { FormModal } from '@client/components/form-modal';
import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { PASSWORD_MIN_LENGTH } from '@shared/schemas/users';
import { App, Form, Input, Typography } from 'antd';
import { changePassword } from '../api/change-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export interface ChangePasswordProps {
  open: boolean;
  onClose: () => void;
}

/** The signed-in person changes their own password; the server ends their sessions elsewhere. */
export function ChangePasswordDialog({ open, onClose }: ChangePasswordProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  return (
    <FormModal<Values>
      open={open}
      title={t('password.title')}
      okText={t('password.submit')}
      onClose={onClose}
      submit={async (values) => {
        await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
        message.success(t('password.changed'));
      }}
      form={form}
      name="change-password"
      submitId="change-password-submit"
      keepOnMaskClick
      onError={(caught) => {
        if (!(caught instanceof ApiError && caught.code === 'DUTY_ERR_WRONG_PASSWORD'))
          return describeError(t, caught);
        form.setFields([{ name: 'currentPassword', errors: [t('password.wrongCurrent')] }]);
        return null;
      }}
    >
      <Typography.Paragraph type="secondary">{t('password.hint')}</Typography.Paragraph>
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password maxLength={200} autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('password.newRule') },
          { min: PASSWORD_MIN_LENGTH, max: 200, message: t('password.newRule') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error(t('password.newSame')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password maxLength={200} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmMismatch') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.confirmMismatch'))),
          }),
        ]}
      >
        <Input.Password maxLength={200} autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
