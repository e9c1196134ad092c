import { EditOutlined } from '@ant-design/icons';
import { formatMinute } from '@client/lib/time';
import type { Handover } from '@shared/schemas/handover';
import { Alert, App, Button, Card, Empty, Input } from 'antd';
import { useState } from 'react';
import { addAmendment } from '../api/add-amendment';
import { useWords } from '../i18n';
import { describeHandoverError } from './handover-errors';

interface Props {
  handover: Handover;
  canAmend: boolean;
  onAmended: (handover: Handover) => void;
}

/** 更正记录: a sealed handover is never edited, only added to, each addition signed. */
export function AmendmentsCard({ handover: h, canAmend, onAmended }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sealed = h.status === 'sealed';

  async function add() {
    const value = text.trim();
    if (!value) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await addAmendment(h.id, value);
      setText('');
      message.success(t('handover.amend.done'));
      onAmended(saved);
    } catch (caught) {
      setError(describeHandoverError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('handover.amend.title', { count: h.amendments.length })}>
      {h.amendments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('handover.amend.none')} />
      ) : (
        <ol className="ho-amendments" data-testid="amendments">
          {h.amendments.map((a) => (
            <li key={a.id} data-testid={`amendment-${a.id}`}>
              <div className="ho-amendment-text">{a.text}</div>
              <div className="ho-amendment-sign">
                {t('handover.amend.signed', { name: a.authorName, time: formatMinute(a.signedAt) })}
              </div>
            </li>
          ))}
        </ol>
      )}
      {canAmend && sealed && (
        <div className="ho-amend-form">
          {error && <Alert type="error" showIcon title={error} className="ho-accept-error" />}
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            placeholder={t('handover.amend.placeholder')}
            data-testid="amendment-text"
          />
          <Button
            icon={<EditOutlined />}
            onClick={add}
            loading={busy}
            disabled={!text.trim()}
            data-testid="add-amendment"
          >
            {t('handover.amend.add')}
          </Button>
        </div>
      )}
      {!sealed && <div className="ho-muted">{t('handover.amend.notSealed')}</div>}
    </Card>
  );
}
