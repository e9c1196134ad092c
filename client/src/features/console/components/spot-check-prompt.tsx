import { BellFilled } from '@ant-design/icons';
import { useDisplayName } from '@client/hooks/use-display-name';
import { useT } from '@client/lib/i18n';
import { formatHourMinute } from '@client/lib/time';
import { playTones } from '@client/lib/tones';
import type { SpotCheck } from '@shared/schemas/spot-checks';
import { Alert, App, Button, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { answerSpotCheck } from '../api/answer-spot-check';
import { describeDutyError } from './console-errors';
import { SpotCheckCountdown } from './spot-check-countdown';

interface Props {
  /** Unanswered spot-checks; the prompt shows only to someone standing the post now. */
  pending: SpotCheck[];
  onDuty: boolean;
  onAnswered: () => void;
}

/** The 查岗 prompt: a modal with a countdown, a beep when it appears, and 应答. */
export function SpotCheckPrompt({ pending, onDuty, onAnswered }: Props) {
  const t = useT();
  const person = useDisplayName();
  const { message } = App.useApp();
  // Note and error belong to one spot-check; a new one starts clean.
  const [draft, setDraft] = useState<{ id: number | null; note: string; error: string | null }>({
    id: null,
    note: '',
    error: null,
  });
  const [busy, setBusy] = useState(false);
  const [snoozed, setSnoozed] = useState<number | null>(null);
  const heard = useRef(new Set<number>());
  const current = onDuty ? pending[0] : undefined;

  useEffect(() => {
    if (!onDuty) return;
    const fresh = pending.filter((s) => !heard.current.has(s.id));
    for (const s of fresh) heard.current.add(s.id);
    if (fresh.length > 0) playTones([880, 660, 880], { wave: 'square', step: 0.22, volume: 0.2 });
  }, [pending, onDuty]);

  const mine =
    current && draft.id === current.id ? draft : { id: current?.id ?? null, note: '', error: null };
  const setNote = (note: string) => setDraft({ ...mine, note });
  const setError = (error: string | null) => setDraft({ ...mine, error });

  async function answer() {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      const answered = await answerSpotCheck(current.id, mine.note.trim() || undefined);
      message.success(answered.status === 'late' ? t('spot.answeredLate') : t('spot.answered'));
      onAnswered();
    } catch (caught) {
      setError(describeDutyError(t, caught));
      onAnswered();
    } finally {
      setBusy(false);
    }
  }

  if (!current) return null;
  const who =
    current.source === 'upper'
      ? t('spot.fromUpper', { caller: current.caller })
      : t('spot.fromIssuer', { who: person(current.issuedBy) });
  const answerButton = (
    <Button
      type="primary"
      danger
      size="large"
      loading={busy}
      onClick={answer}
      data-testid="answer-spot-check"
    >
      {t('spot.answer')}
    </Button>
  );

  return (
    <>
      {snoozed === current.id && (
        <Alert
          type="error"
          showIcon
          icon={<BellFilled />}
          className="spot-alert"
          title={
            <span>
              {t('spot.pending')} · {who} · <SpotCheckCountdown dueAt={current.dueAt} />
            </span>
          }
          action={
            <Button danger type="primary" onClick={() => setSnoozed(null)}>
              {t('spot.open')}
            </Button>
          }
        />
      )}
      {snoozed !== current.id && (
        // A plain overlay rather than antd's Modal keeps this alert in the first load, with no chunk to fetch.
        <div className="spot-overlay">
          <div
            className="spot-dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="spot-dialog-title"
            data-testid="spot-check-prompt"
          >
            <div className="spot-dialog-title" id="spot-dialog-title">
              <BellFilled /> {t('spot.title')}
            </div>
            <Typography.Paragraph>
              {who} · {t('spot.issuedAt', { time: formatHourMinute(current.issuedAt) })}
            </Typography.Paragraph>
            {current.note && <Typography.Paragraph type="secondary">{current.note}</Typography.Paragraph>}
            <div className="spot-modal-countdown">
              <span>{t('spot.timeLeft')}</span>
              <SpotCheckCountdown dueAt={current.dueAt} large />
            </div>
            {pending.length > 1 && (
              <Typography.Paragraph type="secondary">
                {t('spot.more', { count: pending.length - 1 })}
              </Typography.Paragraph>
            )}
            {mine.error && <Alert type="error" showIcon title={mine.error} style={{ marginBottom: 12 }} />}
            <Input
              value={mine.note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={500}
              placeholder={t('spot.answerNote')}
              onPressEnter={answer}
            />
            <div className="spot-dialog-footer">
              <Button onClick={() => setSnoozed(current.id)}>{t('spot.later')}</Button>
              {answerButton}
            </div>
          </div>
        </div>
      )}
    </>
  );
}
