import { CopyOutlined } from '@ant-design/icons';
import { useCopy } from '@client/hooks/use-copy';
import type { CreatedToken } from '@shared/schemas/tokens';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useWords } from '../i18n';

interface Props {
  created: CreatedToken | null;
  onClose: () => void;
}

/** The only time the secret is ever visible: closing needs a deliberate click. */
export function TokenSecretModal({ created, onClose }: Props) {
  const t = useWords();
  const { input, copy } = useCopy();

  return (
    <Modal
      open={created !== null}
      title={created ? t('tokens.secretTitle', { name: created.token.name }) : ''}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-done">
          {t('tokens.secretDone')}
        </Button>
      }
      width={640}
    >
      <Alert type="warning" showIcon title={t('tokens.secretWarning')} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={created?.secret ?? ''}
          ref={input}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
          data-testid="token-secret"
          onFocus={(event) => event.target.select()}
        />
        <Button icon={<CopyOutlined />} onClick={() => copy(created?.secret)} data-testid="token-secret-copy">
          {t('common.copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('tokens.secretUsage')}
      </Typography.Paragraph>
    </Modal>
  );
}
