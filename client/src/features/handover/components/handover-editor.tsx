import { LockOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { getBureauZone } from '@client/lib/time';
import { openSectionText, pendingSectionText } from '@shared/domain/handover-lines';
import {
  type CarriedItem,
  DERIVED_SECTIONS,
  type HandoverAlarm,
  type HandoverWindow,
  type OpenIncident,
  type PendingItem,
  type Section,
  type SectionKey,
  type SubmitHandoverBody,
} from '@shared/schemas/handover';
import { Alert, Button, Card, Input, Space, Tag, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { useWords } from '../i18n';
import { CarriedList, type CarriedRow, carriedRows } from './carried-list';
import { describeHandoverError, isErrorCode } from './handover-errors';
import { sectionLabel } from './handover-labels';
import { type PendingDraftItem, PendingEditor } from './pending-editor';
import { SubmitDialog } from './submit-dialog';

interface Props {
  /** Drafted (or submitted) sections; a section the officer has not touched follows them live. */
  sections: Section[];
  pending: PendingItem[];
  /** Keys of the pending items the last shift handed on (marked 上班移交 in the record). */
  handedOn: ReadonlySet<string>;
  notes: string;
  carried: CarriedItem[];
  openIncidents: OpenIncident[];
  /** A first submission: the open alarms and the handover window, confirmed in a dialog. */
  confirm?: { alarms: HandoverAlarm[]; window: HandoverWindow };
  submitLabel: string;
  extraActions?: ReactNode;
  onSubmit: (body: SubmitHandoverBody) => Promise<void>;
}

/** 交班: the drafted record, editable section by section, with what is carried to the next shift. */
export function HandoverEditor(props: Props) {
  const t = useWords();
  const [edited, setEdited] = useState<Partial<Record<SectionKey, string>>>({});
  const [pending, setPending] = useState<PendingDraftItem[]>(() =>
    props.pending.map((p) => ({ id: p.key, key: p.key, text: p.text, done: p.done })),
  );
  const [notes, setNotes] = useState(props.notes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ error: string | null; reasonRequired: boolean } | null>(null);

  // The server writes these two from the lists; the console shows what it will write.
  const derived: Partial<Record<SectionKey, string>> = {
    open: openSectionText(props.openIncidents, getBureauZone()),
    pending: pendingSectionText(pending, props.handedOn),
  };
  const isDerived = (key: SectionKey) => DERIVED_SECTIONS.includes(key);
  const textOf = (s: Section) => derived[s.key] ?? edited[s.key] ?? s.text;

  const rows: CarriedRow[] = [
    ...carriedRows(
      props.carried.filter((c) => c.kind === 'incident'),
      props.openIncidents,
    ),
    ...pending
      .filter((p) => !p.done && p.text.trim())
      .map((p) => ({
        key: p.key ? `pending:${p.key}` : p.id,
        kind: 'pending' as const,
        text: p.text.trim(),
        isNew: !p.key,
      })),
  ];
  // Open incidents not yet in the carried list (opened since the draft was read) are carried too.
  for (const o of props.openIncidents) {
    if (!rows.some((r) => r.key === `incident:${o.id}`)) {
      rows.unshift({ key: `incident:${o.id}`, kind: 'incident', text: o.title, incident: o });
    }
  }

  function submit() {
    if (pending.some((p) => !p.text.trim())) {
      setError(t('handover.pending.emptyText'));
      return;
    }
    setError(null);
    if (props.confirm) setDialog({ error: null, reasonRequired: false });
    else void send(undefined);
  }

  /** Only what the officer changed: the server drafts the rest from the records at that moment. */
  async function send(earlyReason: string | undefined) {
    setBusy(true);
    try {
      await props.onSubmit({
        content: props.sections
          .filter((s) => !isDerived(s.key) && edited[s.key] !== undefined)
          .map((s) => ({ key: s.key, text: edited[s.key]! })),
        pending: pending.map((p) => ({
          ...(p.key ? { key: p.key } : {}),
          text: p.text.trim(),
          done: p.done,
        })),
        notes: notes.trim(),
        ...(earlyReason ? { earlyReason } : {}),
      });
      setDialog(null);
    } catch (caught) {
      const message = describeHandoverError(t, caught);
      if (props.confirm && dialog !== null)
        setDialog({ error: message, reasonRequired: isErrorCode(caught, 'DUTY_ERR_EARLY_HANDOVER') });
      else setError(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ho-editor">
      <div className="ho-editor-main">
        {props.sections.map((s) => {
          const fixed = isDerived(s.key);
          const changed = !fixed && edited[s.key] !== undefined;
          return (
            <div key={s.key} className="ho-section-edit">
              <div className="ho-section-head">
                <span className="ho-section-title">{t(sectionLabel[s.key])}</span>
                {fixed && (
                  <Tooltip title={t('handover.draft.derivedHint')}>
                    <Tag icon={<LockOutlined />} className="ho-tag" data-testid={`derived-${s.key}`}>
                      {t('handover.draft.derived')}
                    </Tag>
                  </Tooltip>
                )}
                {changed && (
                  <>
                    <Tag color="blue" className="ho-tag">
                      {t('handover.draft.edited')}
                    </Tag>
                    <Button
                      size="small"
                      type="link"
                      icon={<UndoOutlined />}
                      onClick={() =>
                        setEdited((current) => {
                          const next = { ...current };
                          delete next[s.key];
                          return next;
                        })
                      }
                    >
                      {t('handover.draft.restore')}
                    </Button>
                  </>
                )}
              </div>
              <Input.TextArea
                value={textOf(s)}
                readOnly={fixed}
                onChange={(e) => setEdited((current) => ({ ...current, [s.key]: e.target.value }))}
                autoSize={{ minRows: 1, maxRows: 12 }}
                maxLength={20000}
                data-testid={`handover-section-${s.key}`}
                aria-label={t(sectionLabel[s.key])}
              />
            </div>
          );
        })}
      </div>
      <div className="ho-editor-side">
        <Card size="small" title={t('handover.carried.title', { count: rows.length })}>
          <CarriedList rows={rows} />
        </Card>
        <Card size="small" title={t('handover.pending.title')}>
          <PendingEditor items={pending} onChange={setPending} />
        </Card>
        <Card size="small" title={t('handover.notes.title')}>
          <Input.TextArea
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            placeholder={t('handover.notes.placeholder')}
            data-testid="handover-notes"
          />
        </Card>
        {error && <Alert type="error" showIcon title={error} data-testid="handover-error" />}
        <Space className="ho-editor-actions" wrap>
          {props.extraActions}
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined />}
            loading={busy}
            onClick={submit}
            data-testid="submit-handover"
          >
            {props.submitLabel}
          </Button>
        </Space>
      </div>
      {props.confirm && (
        <SubmitDialog
          open={dialog !== null}
          alarms={props.confirm.alarms}
          window={props.confirm.window}
          reasonRequired={dialog?.reasonRequired ?? false}
          busy={busy}
          error={dialog?.error ?? null}
          onCancel={() => setDialog(null)}
          onConfirm={(reason) => void send(reason)}
        />
      )}
    </div>
  );
}
