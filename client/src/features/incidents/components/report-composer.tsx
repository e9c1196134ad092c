import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import { hasRole } from '@client/lib/session';
import type { IncidentDetail, Report, ReportBody } from '@shared/schemas/incidents';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Form, Input, Popconfirm, Radio, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getReportDraft } from '../api/get-report-draft';
import { sendReport } from '../api/send-report';
import { incidentSignoffsQuery, requestSignoff, signoffLeadersQuery } from '../api/signoffs';
import { useWords } from '../i18n';
import { channelLabel, reportKindLabel } from './incident-labels';
import { type SignoffMode, SignoffPanel } from './signoff-panel';

export const DEFAULT_RECIPIENT = '区应急管理局总值班室';

interface Values {
  kind: Report['kind'];
  channel: Report['channel'];
  recipient: string;
  signoffMode: SignoffMode;
  leader?: string;
  text: string;
}

const KINDS: Report['kind'][] = ['initial', 'followup', 'final'];
const CHANNELS: Report['channel'][] = ['phone', 'written', 'system'];

/** What a draft is made from: when this changes, the draft on screen is stale. */
export function draftBasis(detail: IncidentDetail): string {
  const { obligations: _o, nextDueAt: _n, overdue: _d, ...facts } = detail.incident;
  return JSON.stringify([facts, detail.actions.map((a) => a.id), detail.reports.map((r) => r.id)]);
}

function defaults(detail: IncidentDetail): Pick<Values, 'kind' | 'channel'> {
  const hasInitial = detail.reports.some((r) => r.kind === 'initial');
  const phoneDue = detail.incident.obligations.some((o) => o.kind === 'initial_phone' && !o.doneAt);
  return { kind: hasInitial ? 'followup' : 'initial', channel: phoneDue ? 'phone' : 'written' };
}

/** 报告: the text drafted by the server from the incident, edited here, then sent once and for all. */
export function ReportComposer({
  detail,
  user,
  onSent,
  kindRequest,
}: {
  detail: IncidentDetail;
  user: User;
  onSent: () => void;
  /** The header's "报送首报": switch to that kind and draft it (seq makes a repeat click count). */
  kindRequest?: { kind: Report['kind']; seq: number } | null;
}) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [title, setTitle] = useState('');
  const [drafting, setDrafting] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = detail.incident.id;
  const isLeader = hasRole(user, 'leader');
  const channel = Form.useWatch('channel', form);
  const kind = Form.useWatch('kind', form);
  const recipient = Form.useWatch('recipient', form);
  const text = Form.useWatch('text', form);
  const mode = Form.useWatch('signoffMode', form) ?? 'request';
  const request = useRef(0);
  const [asking, setAsking] = useState(false);
  // 签发: an officer's written report goes out with the leader's approval or a recorded phone consent.
  const needsSignoff = channel === 'written' && !isLeader;
  const leaders = useQuery({ ...signoffLeadersQuery(), enabled: needsSignoff });
  const signoffs = useQuery({ ...incidentSignoffsQuery(id), enabled: needsSignoff });
  // The newest request for this kind of report; once used for a report, there is none pending.
  const newest = (signoffs.data ?? []).find((s) => s.kind === kind) ?? null;
  const current = newest && newest.status !== 'used' ? newest : null;
  const signoffStale =
    current !== null &&
    (current.recipient !== (recipient ?? '').trim() || current.text !== text || current.channel !== channel);
  const approved = current?.status === 'approved' && !signoffStale;
  const canSend = !needsSignoff || mode === 'phone' || approved;

  // The leader on call is the default choice.
  useEffect(() => {
    const list = leaders.data ?? [];
    if (list.length && !form.getFieldValue('leader')) form.setFieldValue('leader', list[0]!.username);
  }, [leaders.data, form]);

  async function ask() {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setAsking(true);
    setError(null);
    try {
      await requestSignoff(id, {
        leader: values.leader ?? '',
        kind: values.kind,
        channel: 'written',
        recipient: values.recipient.trim(),
        text: values.text,
      });
      await signoffs.refetch();
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setAsking(false);
    }
  }
  const basisNow = draftBasis(detail);
  const basisRef = useRef(basisNow);
  basisRef.current = basisNow;
  /** The incident as the draft on screen saw it, and that draft's text (to tell an edited one). */
  const [draftedFrom, setDraftedFrom] = useState<string | null>(null);
  const lastDraft = useRef('');

  const loadDraft = useCallback(
    async (kind: Report['kind']) => {
      const mine = ++request.current;
      const basis = basisRef.current;
      setDrafting(true);
      try {
        const draft = await getReportDraft(id, kind);
        if (mine !== request.current) return;
        setTitle(draft.title);
        form.setFieldValue('text', draft.text);
        lastDraft.current = draft.text;
        setDraftedFrom(basis);
      } catch (caught) {
        if (mine === request.current) setError(describeError(t, caught));
      } finally {
        if (mine === request.current) setDrafting(false);
      }
    },
    [id, form, t],
  );

  const initialKind = defaults(detail).kind;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first draft only, per incident
  useEffect(() => {
    void loadDraft(initialKind);
  }, [id]);

  const stale = draftedFrom !== null && draftedFrom !== basisNow && !drafting;
  // The incident changed (a dispatch, new figures, a report sent): an untouched draft is redrafted at
  // once; an edited one keeps the officer's words and says it can be refreshed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the incident's facts change
  useEffect(() => {
    if (!stale) return;
    if ((form.getFieldValue('text') ?? '') === lastDraft.current) {
      void loadDraft(form.getFieldValue('kind') as Report['kind']);
    }
  }, [basisNow]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new request from the header only
  useEffect(() => {
    if (!kindRequest) return;
    form.setFieldValue('kind', kindRequest.kind);
    void loadDraft(kindRequest.kind);
  }, [kindRequest?.seq]);

  async function onFinish(values: Values) {
    const body: ReportBody = {
      kind: values.kind,
      channel: values.channel,
      recipient: values.recipient.trim(),
    };
    if (values.text.trim()) body.text = values.text;
    if (needsSignoff) {
      if (values.signoffMode === 'phone') body.phoneConsentBy = values.leader;
      else if (current) body.signoffRequestId = current.id;
    }
    setSending(true);
    setError(null);
    try {
      const report = await sendReport(id, body);
      if (needsSignoff) void signoffs.refetch();
      message.success(t('incidents.report.sent', { title: report.title, number: report.number }));
      onSent();
      const next = report.kind === 'final' ? 'final' : 'followup';
      form.setFieldsValue({ kind: next, channel: 'written' });
      void loadDraft(next);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'DUTY_ERR_SIGNOFF_REQUIRED') {
        setError(t('incidents.report.signoffRequired'));
        void signoffs.refetch();
      } else {
        setError(describeError(t, caught));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      name="report"
      layout="vertical"
      initialValues={{ ...defaults(detail), recipient: DEFAULT_RECIPIENT, signoffMode: 'request', text: '' }}
      onFinish={onFinish}
      className="inc-composer"
      data-testid="report-composer"
    >
      {detail.incident.drill && <Alert type="warning" showIcon title={t('incidents.report.drill')} />}
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      {stale && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-stale"
          title={t('incidents.report.stale')}
          action={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              data-testid="refresh-draft"
              onClick={() => void loadDraft(form.getFieldValue('kind') as Report['kind'])}
            >
              {t('incidents.report.refresh')}
            </Button>
          }
        />
      )}
      <div className="inc-composer-row">
        <Form.Item name="kind" label={t('incidents.report.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={KINDS.map((k) => ({ value: k, label: t(reportKindLabel[k]) }))}
            onChange={(e) => void loadDraft(e.target.value as Report['kind'])}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('incidents.report.channel')}>
          <Radio.Group
            optionType="button"
            options={CHANNELS.map((c) => ({ value: c, label: t(channelLabel[c]) }))}
          />
        </Form.Item>
        <Form.Item
          name="recipient"
          label={t('incidents.report.recipient')}
          rules={[{ required: true, whitespace: true, message: t('incidents.report.recipientRule') }]}
          className="inc-composer-grow"
        >
          <AutoComplete
            options={[
              { value: DEFAULT_RECIPIENT },
              { value: '区人民政府总值班室' },
              { value: '市应急管理局总值班室' },
            ]}
          >
            <Input maxLength={120} />
          </AutoComplete>
        </Form.Item>
        {channel === 'written' && isLeader && (
          <Typography.Text type="secondary" className="inc-signoff-self">
            {t('incidents.report.signoffSelf')}
          </Typography.Text>
        )}
      </div>
      <Form.Item
        name="text"
        label={
          <Space>
            <span>{t('incidents.report.text')}</span>
            {title && <Typography.Text strong>{title}</Typography.Text>}
            <Button
              size="small"
              type="link"
              icon={<ReloadOutlined />}
              loading={drafting}
              onClick={() => void loadDraft(form.getFieldValue('kind') as Report['kind'])}
            >
              {t('incidents.report.redraft')}
            </Button>
          </Space>
        }
        rules={[{ required: true, whitespace: true, message: t('incidents.report.textRule') }]}
      >
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 18 }} maxLength={20000} data-testid="report-text" />
      </Form.Item>
      {needsSignoff && (
        <SignoffPanel
          mode={mode}
          leaders={leaders.data ?? []}
          current={current}
          stale={signoffStale}
          asking={asking}
          onAsk={() => void ask()}
        />
      )}
      <Popconfirm
        title={t('incidents.report.confirmTitle')}
        description={t('incidents.report.confirmText')}
        okText={t('incidents.report.send')}
        cancelText={t('common.cancel')}
        onConfirm={() => form.submit()}
      >
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={sending}
          disabled={!canSend}
          data-testid="send-report"
        >
          {t('incidents.report.send')}
        </Button>
      </Popconfirm>
    </Form>
  );
}
