import { FormModal } from '@client/components/form-modal';
import type { CreatedToken } from '@shared/schemas/tokens';
import { Form, Input } from 'antd';
import { createToken } from '../api/create-token';
import { useWords } from '../i18n';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedToken) => void;
}

export function TokenCreateModal({ open, onClose, onCreated }: Props) {
  const t = useWords();
  return (
    <FormModal<{ name: string }>
      open={open}
      title={t('tokens.new')}
      okText={t('common.create')}
      onClose={onClose}
      submit={async ({ name }) => onCreated(await createToken({ name: name.trim() }))}
      name="create-token"
      submitId="create-token-submit"
    >
      <Form.Item
        name="name"
        label={t('tokens.name')}
        rules={[{ required: true, whitespace: true, max: 80, message: t('tokens.nameRule') }]}
      >
        <Input maxLength={80} placeholder={t('tokens.namePlaceholder')} autoComplete="off" autoFocus />
      </Form.Item>
    </FormModal>
  );
}
