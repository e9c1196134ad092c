import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { PASSWORD_MIN_LENGTH } from '@shared/schemas/users';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { changePassword } from '../api/change-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
}

/** The signed-in person changes their own password; the server ends their sessions elsewhere. */
export function ChangePasswordModal({ open, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    setError(null);
    onClose();
  }

  async function onFinish(values: Values) {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t('password.changed'));
      close();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'DUTY_ERR_WRONG_PASSWORD') {
        form.setFields([{ name: 'currentPassword', errors: [t('password.wrongCurrent')] }]);
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
      title={t('password.title')}
      okText={t('password.submit')}
      cancelText={t('common.cancel')}
      onCancel={close}
      okButtonProps={{ htmlType: 'submit', loading: submitting, id: 'change-password-submit' }}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values> form={form} name="change-password" layout="vertical" clearOnDestroy onFinish={onFinish}>
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
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
    </Modal>
  );
}
