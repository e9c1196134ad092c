import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import type { CreatedToken } from '@shared/schemas/tokens';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { createToken } from '../api/create-token';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedToken) => void;
}

export function TokenCreateModal({ open, onClose, onCreated }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ name: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    setError(null);
    onClose();
  }

  async function onFinish({ name }: { name: string }) {
    setSubmitting(true);
    setError(null);
    try {
      const created = await createToken({ name: name.trim() });
      close();
      onCreated(created);
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('tokens.new')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onCancel={close}
      okButtonProps={{ htmlType: 'submit', loading: submitting, id: 'create-token-submit' }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} name="create-token" layout="vertical" clearOnDestroy onFinish={onFinish}>
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="name"
        label={t('tokens.name')}
        rules={[{ required: true, whitespace: true, max: 80, message: t('tokens.nameRule') }]}
      >
        <Input maxLength={80} placeholder={t('tokens.namePlaceholder')} autoComplete="off" autoFocus />
      </Form.Item>
    </Modal>
  );
}
