import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useNow } from '@client/hooks/use-now';
import { dutySettingsQuery } from '@client/lib/duty-settings';
import { formatMinute } from '@client/lib/time';
import type { Handover } from '@shared/schemas/handover';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { acceptHandover } from '../api/accept-handover';
import { useWords } from '../i18n';
import { CarriedList, carriedRows } from './carried-list';
import { describeHandoverError, isErrorCode } from './handover-errors';

interface Props {
  handover: Handover;
  onAccepted: (handover: Handover) => void;
}

/** 接班签收: the incoming officer ticks every carried item, one by one, then signs. */
export function AcceptPanel({ handover: h, onAccepted }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [toldEarly, setToldEarly] = useState(false);
  const settings = useQuery(dutySettingsQuery()).data;
  const now = useNow(15_000);
  const rows = carriedRows(h.carried, h.content.openIncidents);
  const all = rows.every((r) => checked.has(r.key));
  // Before the handover window a reason is needed; the server has the last word (a clock behind).
  const opensAt = settings ? Date.parse(h.shift.end) - settings.handoverWindowMinutes * 60_000 : null;
  const early = toldEarly || (opensAt !== null && now < opensAt);

  async function sign() {
    setBusy(true);
    setError(null);
    try {
      const sealed = await acceptHandover(h.id, {
        confirmed: rows.map((r) => r.key).filter((key) => checked.has(key)),
        ...(early && reason.trim() ? { earlyReason: reason.trim() } : {}),
      });
      message.success(t('handover.accept.done'));
      onAccepted(sealed);
    } catch (caught) {
      if (isErrorCode(caught, 'DUTY_ERR_EARLY_HANDOVER')) setToldEarly(true);
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
      {early && (
        <div className="ho-early" data-testid="accept-early-block">
          <Alert
            type="warning"
            showIcon
            title={
              opensAt !== null
                ? t('handover.early.accept', {
                    time: formatMinute(new Date(opensAt).toISOString()),
                    minutes: settings?.handoverWindowMinutes ?? 0,
                  })
                : t('handover.early.acceptServer')
            }
          />
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={1000}
            placeholder={t('handover.early.placeholder')}
            aria-label={t('handover.early.label')}
            data-testid="accept-early-reason"
          />
        </div>
      )}
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
          disabled={!all || (early && !reason.trim())}
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
