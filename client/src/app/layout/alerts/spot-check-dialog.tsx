import { BellFilled } from '@ant-design/icons';
import { SpotCheckCountdown } from '@client/components/spot-check-countdown';
import { useDisplayName } from '@client/hooks/use-display-name';
import { answerSpotCheck } from '@client/lib/api/answer-spot-check';
import { describeWith } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { queryClient } from '@client/lib/query-client';
import { formatHourMinute } from '@client/lib/time';
import type { SpotCheck } from '@shared/schemas/spot-checks';
import { Alert, App, Button, Input } from 'antd';
import { useState } from 'react';
import { createPortal } from 'react-dom';

const describeSpotError = describeWith({
  DUTY_ERR_NOT_ROSTERED: 'duty.err.notRostered',
  DUTY_ERR_ALREADY_DONE: 'duty.err.alreadyDone',
  DUTY_ERR_FORBIDDEN: 'duty.err.forbidden',
});

export function spotCheckFrom(
  t: ReturnType<typeof useT>,
  s: SpotCheck,
  person: (username: string) => string,
): string {
  return s.source === 'upper'
    ? t('spot.fromUpper', { caller: s.caller })
    : t('spot.fromIssuer', { who: person(s.issuedBy) });
}

interface Props {
  current: SpotCheck;
  /** How many are waiting in all, this one included. */
  waiting: number;
  onLater: () => void;
}

/**
 * The 查岗 answer dialog, on whatever page the officer is: a countdown and 应答. A plain overlay
 * rather than antd's Modal keeps it in the first load, and it is put on the body above every
 * drawer and modal (z-index in alerts.css), so a half-typed form underneath never hides it.
 */
export function SpotCheckDialog({ current, waiting, onLater }: Props) {
  const t = useT();
  const person = useDisplayName();
  const { message } = App.useApp();
  // Note and error belong to one spot-check; a new one starts clean.
  const [draft, setDraft] = useState<{ id: number; note: string; error: string | null }>({
    id: current.id,
    note: '',
    error: null,
  });
  const [busy, setBusy] = useState(false);
  const mine = draft.id === current.id ? draft : { id: current.id, note: '', error: null };

  async function answer() {
    setBusy(true);
    setDraft({ ...mine, error: null });
    try {
      const answered = await answerSpotCheck(current.id, mine.note.trim() || undefined);
      message.success(answered.status === 'late' ? t('spot.answeredLate') : t('spot.answered'));
    } catch (caught) {
      setDraft({ ...mine, error: describeSpotError(t, caught) });
    } finally {
      setBusy(false);
      // Its live event says the same a moment later; this console need not wait for it.
      void queryClient.invalidateQueries({ queryKey: ['spotchecks'] });
    }
  }

  return createPortal(
    <div className="spot-overlay">
      <div
        className="spot-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="spot-dialog-title"
        data-testid="spot-check-prompt"
        data-spot-check-id={current.id}
      >
        <div className="spot-dialog-title" id="spot-dialog-title">
          <BellFilled /> {t('spot.title')}
        </div>
        <p className="spot-dialog-line">
          {spotCheckFrom(t, current, person)} ·{' '}
          {t('spot.issuedAt', { time: formatHourMinute(current.issuedAt) })}
        </p>
        {current.note && <p className="spot-dialog-line spot-dialog-secondary">{current.note}</p>}
        <div className="spot-modal-countdown">
          <span>{t('spot.timeLeft')}</span>
          <SpotCheckCountdown dueAt={current.dueAt} large />
        </div>
        {waiting > 1 && (
          <p className="spot-dialog-line spot-dialog-secondary">{t('spot.more', { count: waiting - 1 })}</p>
        )}
        {mine.error && <Alert type="error" showIcon title={mine.error} style={{ marginBottom: 12 }} />}
        <Input
          value={mine.note}
          onChange={(event) => setDraft({ ...mine, note: event.target.value })}
          maxLength={500}
          placeholder={t('spot.answerNote')}
          onPressEnter={answer}
          data-testid="spot-check-note"
        />
        <div className="spot-dialog-footer">
          <Button onClick={onLater} data-testid="spot-check-later">
            {t('spot.later')}
          </Button>
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
        </div>
      </div>
    </div>,
    document.body,
  );
}
