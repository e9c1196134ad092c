import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useT } from '@client/lib/i18n';
import type { Handover } from '@shared/schemas/handover';
import { Alert, App, Button, Typography } from 'antd';
import { useState } from 'react';
import { acceptHandover } from '../api/accept-handover';
import { CarriedList, carriedRows } from './carried-list';
import { describeHandoverError } from './handover-errors';

interface Props {
  handover: Handover;
  onAccepted: (handover: Handover) => void;
}

/** 接班签收: the incoming officer ticks every carried item, one by one, then signs. */
export function AcceptPanel({ handover: h, onAccepted }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rows = carriedRows(h.carried, h.content.openIncidents);
  const all = rows.every((r) => checked.has(r.key));

  async function sign() {
    setBusy(true);
    setError(null);
    try {
      const sealed = await acceptHandover(
        h.id,
        rows.map((r) => r.key).filter((key) => checked.has(key)),
      );
      message.success(t('handover.accept.done'));
      onAccepted(sealed);
    } catch (caught) {
      setError(describeHandoverError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ho-accept" data-testid="accept-panel">
      <Typography.Paragraph className="ho-accept-hint">
        {rows.length ? t('handover.accept.hint', { count: rows.length }) : t('handover.accept.hintNone')}
      </Typography.Paragraph>
      <CarriedList
        rows={rows}
        confirm={{
          checked,
          disabled: busy,
          onToggle: (key, on) =>
            setChecked((current) => {
              const next = new Set(current);
              if (on) next.add(key);
              else next.delete(key);
              return next;
            }),
        }}
      />
      {error && <Alert type="error" showIcon title={error} className="ho-accept-error" />}
      <div className="ho-accept-actions">
        <Typography.Text type="secondary">
          {t('handover.accept.progress', {
            done: rows.filter((r) => checked.has(r.key)).length,
            total: rows.length,
          })}
        </Typography.Text>
        <Button
          type="primary"
          size="large"
          icon={<SafetyCertificateOutlined />}
          disabled={!all}
          loading={busy}
          onClick={sign}
          data-testid="accept-handover"
        >
          {t('handover.accept.sign')}
        </Button>
      </div>
    </div>
  );
}
