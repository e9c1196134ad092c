import { SendOutlined, UndoOutlined } from '@ant-design/icons';
import { useT } from '@client/lib/i18n';
import type {
  CarriedItem,
  OpenIncident,
  PendingItem,
  Section,
  SectionKey,
  SubmitHandoverBody,
} from '@shared/schemas/handover';
import { Alert, Button, Card, Input, Space, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { CarriedList, type CarriedRow, carriedRows } from './carried-list';
import { describeHandoverError } from './handover-errors';
import { sectionLabel } from './handover-labels';
import { type PendingDraftItem, PendingEditor, pendingSectionText } from './pending-editor';

interface Props {
  /** Drafted (or submitted) sections; a section the officer has not touched follows them live. */
  sections: Section[];
  pending: PendingItem[];
  notes: string;
  carried: CarriedItem[];
  openIncidents: OpenIncident[];
  /** The 待办事项 section is written from the list until the officer edits it (a fresh draft). */
  syncPending: boolean;
  submitLabel: string;
  extraActions?: ReactNode;
  onSubmit: (body: SubmitHandoverBody) => Promise<void>;
}

/** 交班: the drafted record, editable section by section, with what is carried to the next shift. */
export function HandoverEditor(props: Props) {
  const t = useT();
  const [edited, setEdited] = useState<Partial<Record<SectionKey, string>>>({});
  const [pending, setPending] = useState<PendingDraftItem[]>(() =>
    props.pending.map((p) => ({ id: p.key, key: p.key, text: p.text, done: p.done })),
  );
  const [notes, setNotes] = useState(props.notes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const drafted = (s: Section) =>
    s.key === 'pending' && props.syncPending ? pendingSectionText(pending) : s.text;
  const textOf = (s: Section) => edited[s.key] ?? drafted(s);

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

  async function submit() {
    if (pending.some((p) => !p.text.trim())) {
      setError(t('handover.pending.emptyText'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({
        content: props.sections.map((s) => ({ key: s.key, text: textOf(s) })),
        pending: pending.map((p) => ({
          ...(p.key ? { key: p.key } : {}),
          text: p.text.trim(),
          done: p.done,
        })),
        notes: notes.trim(),
      });
    } catch (caught) {
      setError(describeHandoverError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ho-editor">
      <div className="ho-editor-main">
        {props.sections.map((s) => {
          const changed = edited[s.key] !== undefined;
          return (
            <div key={s.key} className="ho-section-edit">
              <div className="ho-section-head">
                <span className="ho-section-title">{t(sectionLabel[s.key])}</span>
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
    </div>
  );
}
