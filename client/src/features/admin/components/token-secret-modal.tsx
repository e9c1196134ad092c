import { CopyOutlined } from '@ant-design/icons';
import { useT } from '@client/lib/i18n';
import type { CreatedToken } from '@shared/schemas/tokens';
import { Alert, App, Button, Input, type InputRef, Modal, Space, Typography } from 'antd';
import { useRef } from 'react';

interface Props {
  created: CreatedToken | null;
  onClose: () => void;
}

/** The only time the secret is ever visible: closing needs a deliberate click. */
export function TokenSecretModal({ created, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const input = useRef<InputRef>(null);

  async function copy() {
    if (!created) return;
    try {
      // The Clipboard API exists only in secure contexts; an intranet console may be plain http.
      if (navigator.clipboard) await navigator.clipboard.writeText(created.secret);
      else {
        input.current?.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      message.success(t('common.copied'));
    } catch {
      input.current?.select();
      message.error(t('common.copyFailed'));
    }
  }

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
        <Button icon={<CopyOutlined />} onClick={copy} data-testid="token-secret-copy">
          {t('common.copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('tokens.secretUsage')}
      </Typography.Paragraph>
    </Modal>
  );
}
