import { CameraOutlined, CheckCircleFilled, DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { useLang } from '@client/lib/i18n';
import { formatHourMinute } from '@client/lib/time';
import { FIGURE_LABELS, type FigureField } from '@shared/domain/disasters';
import type { Filing } from '@shared/schemas/disasters';
import { Alert, Button, Input } from 'antd';
import { type ChangeEvent, useCallback, useRef, useState } from 'react';
import { useWords } from '../i18n';
import { PhotoProblem, preparePhoto } from './photo';
import { loadReportDraft, type ReportDraft, saveReportDraft } from './report-draft';
import { COMMUNITY_FIELDS, emptyDraft, hasContent, invalidFields, isCount } from './report-values';
import { useReportSender } from './use-report-sender';

interface Props {
  userId: number;
  username: string;
  unitId: number;
  disasterId: number;
  /** The unit's filings so far, newest first (its last figures; none yet: this is its 初报). */
  filings: Filing[] | undefined;
}

/** One screen: the figures a community knows in the first hour, a photo, a note, and 上报. */
export function ReportForm({ userId, username, unitId, disasterId, filings }: Props) {
  const w = useWords();
  const lang = useLang();
  const [restored] = useState(() => {
    const kept = loadReportDraft(userId);
    return kept && kept.disasterId === disasterId && kept.unitId === unitId ? kept : null;
  });
  const [draft, setDraft] = useState<ReportDraft>(() => restored ?? emptyDraft(disasterId, unitId));
  const [showErrors, setShowErrors] = useState(false);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [storageFull, setStorageFull] = useState(false);
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);

  const keep = useCallback(
    (d: ReportDraft) => {
      setDraft(d);
      setStorageFull(!saveReportDraft(userId, { ...d, savedAt: Date.now() }) && d.photo !== null);
    },
    [userId],
  );
  const { state, send, reset } = useReportSender(userId, username, keep);
  const last = filings?.[0]?.figures;
  const first = filings !== undefined && filings.length === 0;
  const locked = state.kind === 'sending' || state.kind === 'waiting' || draft.filingId !== null;

  function change(next: Partial<ReportDraft>) {
    keep({ ...draft, ...next, sentAt: null });
  }

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setPhotoProblem(null);
    try {
      change({ photo: await preparePhoto(file) });
    } catch (caught) {
      setPhotoProblem(
        caught instanceof PhotoProblem && caught.kind === 'size'
          ? w('photoTooBig', { size: caught.sizeMb })
          : w('photoType'),
      );
    }
  }

  function submit() {
    setShowErrors(true);
    if (!hasContent(draft) || invalidFields(draft).length > 0) return;
    void send(draft, first);
  }

  function startOver() {
    keep(emptyDraft(disasterId, unitId));
    setShowErrors(false);
    reset();
  }

  if (state.kind === 'sent') {
    return (
      <section className="inf-card inf-sent" data-testid="report-sent" aria-live="polite">
        <CheckCircleFilled className="inf-sent-icon" />
        <h2 className="inf-h2">{w('sent', { time: formatHourMinute(state.filedAt) })}</h2>
        {state.photo && <p>{w('sentPhoto')}</p>}
        <p className="inf-muted">{w('sentBody')}</p>
        <Button size="large" block className="inf-big" onClick={startOver} data-testid="report-again">
          {w('again')}
        </Button>
      </section>
    );
  }

  const bad = showErrors ? invalidFields(draft) : [];
  const empty = showErrors && !hasContent(draft);
  return (
    <section className="inf-card" aria-label={w('figuresTitle')} data-testid="report-form">
      {restored && state.kind === 'idle' && (
        <Alert
          type="info"
          showIcon
          title={w('restored', { time: formatHourMinute(new Date(restored.savedAt).toISOString()) })}
          data-testid="report-restored"
        />
      )}
      <h2 className="inf-h2">{w('figuresTitle')}</h2>
      <p className="inf-muted inf-hint">{w('figuresHint')}</p>
      <div className="inf-figures">
        {COMMUNITY_FIELDS.map((field: FigureField) => {
          const label = FIGURE_LABELS[field];
          const id = `inf-figure-${field}`;
          return (
            <div key={field} className="inf-figure">
              <label htmlFor={id} className="inf-label">
                {label[lang]} <span className="inf-unit">{w('unit', { unit: label.unit[lang] })}</span>
              </label>
              <Input
                id={id}
                size="large"
                inputMode={isCount(field) ? 'numeric' : 'decimal'}
                autoComplete="off"
                value={draft.figures[field] ?? ''}
                placeholder={last ? w('last', { value: last[field] }) : '0'}
                status={bad.includes(field) ? 'error' : undefined}
                disabled={locked}
                onChange={(e) => change({ figures: { ...draft.figures, [field]: e.target.value } })}
                data-testid={`figure-${field}`}
              />
              {bad.includes(field) && (
                <span className="inf-error">{w(isCount(field) ? 'notWhole' : 'notNumber')}</span>
              )}
            </div>
          );
        })}
      </div>

      <h2 className="inf-h2">{w('photo')}</h2>
      {draft.photo ? (
        <div className="inf-photo">
          <img src={draft.photo.dataUrl} alt={w('photoAlt')} data-testid="photo-preview" />
          <Button
            size="large"
            icon={<DeleteOutlined />}
            className="inf-big"
            disabled={locked}
            onClick={() => change({ photo: null })}
            data-testid="photo-remove"
          >
            {w('removePhoto')}
          </Button>
        </div>
      ) : (
        <div className="inf-photo-buttons">
          <Button
            size="large"
            icon={<CameraOutlined />}
            className="inf-big"
            onClick={() => camera.current?.click()}
          >
            {w('takePhoto')}
          </Button>
          <Button
            size="large"
            icon={<PictureOutlined />}
            className="inf-big"
            onClick={() => gallery.current?.click()}
          >
            {w('pickPhoto')}
          </Button>
          <input
            ref={camera}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={pick}
            data-testid="photo-camera"
          />
          <input
            ref={gallery}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            hidden
            onChange={pick}
            data-testid="photo-file"
          />
        </div>
      )}
      {photoProblem && <Alert type="error" showIcon title={photoProblem} />}
      {storageFull && <Alert type="warning" showIcon title={w('storageFull')} />}

      <label htmlFor="inf-note" className="inf-h2 inf-label-block">
        {w('note')}
      </label>
      <Input.TextArea
        id="inf-note"
        rows={2}
        maxLength={500}
        value={draft.note}
        placeholder={w('notePlaceholder')}
        disabled={locked}
        onChange={(e) => change({ note: e.target.value })}
        data-testid="report-note"
      />

      {empty && <Alert type="warning" showIcon title={w('empty')} />}
      <SendStatus state={state} />
      <SendButtons
        state={state}
        onSubmit={submit}
        onRetry={() => void send(draft, first)}
        onSkipPhoto={() => void send(draft, first, false)}
        onDiscard={startOver}
      />
    </section>
  );
}

function SendStatus({ state }: { state: ReturnType<typeof useReportSender>['state'] }) {
  const w = useWords();
  if (state.kind === 'waiting') {
    return (
      <Alert
        type="warning"
        showIcon
        title={w(state.offline ? 'offline' : 'retrying')}
        data-testid="report-status"
        data-state="waiting"
      />
    );
  }
  if (state.kind === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={w('failed', { reason: state.reason })}
        data-testid="report-status"
        data-state="failed"
      />
    );
  }
  if (state.kind === 'photoFailed') {
    return (
      <Alert
        type="error"
        showIcon
        title={w('photoFailed', { reason: state.reason })}
        data-testid="report-status"
        data-state="photo-failed"
      />
    );
  }
  return null;
}

function SendButtons(props: {
  state: ReturnType<typeof useReportSender>['state'];
  onSubmit: () => void;
  onRetry: () => void;
  onSkipPhoto: () => void;
  onDiscard: () => void;
}) {
  const w = useWords();
  const { state } = props;
  if (state.kind === 'failed' || state.kind === 'photoFailed') {
    return (
      <div className="inf-actions">
        <Button
          type="primary"
          size="large"
          block
          className="inf-big"
          onClick={props.onRetry}
          data-testid="report-retry"
        >
          {w(state.kind === 'photoFailed' ? 'photoRetry' : 'retry')}
        </Button>
        <Button
          size="large"
          block
          danger
          className="inf-big"
          onClick={state.kind === 'photoFailed' ? props.onSkipPhoto : props.onDiscard}
          data-testid="report-discard"
        >
          {w(state.kind === 'photoFailed' ? 'skipPhoto' : 'discard')}
        </Button>
      </div>
    );
  }
  return (
    <Button
      type="primary"
      size="large"
      block
      className="inf-big inf-submit"
      loading={state.kind === 'sending' || state.kind === 'waiting'}
      onClick={props.onSubmit}
      data-testid="report-submit"
    >
      {state.kind === 'sending' || state.kind === 'waiting' ? w('sending') : w('submit')}
    </Button>
  );
}
