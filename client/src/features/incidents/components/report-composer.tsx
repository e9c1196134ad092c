import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { hasRole } from '@client/lib/session';
import type { IncidentDetail, Report, ReportBody } from '@shared/schemas/incidents';
import type { User } from '@shared/schemas/users';
import { Alert, App, AutoComplete, Button, Form, Input, Popconfirm, Radio, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getReportDraft } from '../api/get-report-draft';
import { sendReport } from '../api/send-report';
import { channelLabel, reportKindLabel } from './incident-labels';
import { knownSigners, rememberSigner } from './signers';

export const DEFAULT_RECIPIENT = '区应急管理局总值班室';

interface Values {
  kind: Report['kind'];
  channel: Report['channel'];
  recipient: string;
  signedOffBy?: string;
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
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [title, setTitle] = useState('');
  const [drafting, setDrafting] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = detail.incident.id;
  const isLeader = hasRole(user, 'leader');
  const channel = Form.useWatch('channel', form);
  const request = useRef(0);
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
    const signer = values.signedOffBy?.trim();
    if (values.channel === 'written' && signer) body.signedOffBy = signer;
    setSending(true);
    setError(null);
    try {
      const report = await sendReport(id, body);
      if (signer) rememberSigner(signer);
      message.success(t('incidents.report.sent', { title: report.title, number: report.number }));
      onSent();
      const next = report.kind === 'final' ? 'final' : 'followup';
      form.setFieldsValue({ kind: next, channel: 'written' });
      void loadDraft(next);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'DUTY_ERR_SIGNOFF_REQUIRED') {
        form.setFields([{ name: 'signedOffBy', errors: [t('incidents.report.signoffRequired')] }]);
      } else {
        setError(describeError(t, caught));
      }
    } finally {
      setSending(false);
    }
  }

  const signers = knownSigners(detail).map((s) => ({ value: s }));

  return (
    <Form<Values>
      form={form}
      name="report"
      layout="vertical"
      initialValues={{ ...defaults(detail), recipient: DEFAULT_RECIPIENT, text: '' }}
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
        {channel === 'written' && (
          <Form.Item
            name="signedOffBy"
            label={t('incidents.report.signedOffBy')}
            rules={
              isLeader
                ? []
                : [{ required: true, whitespace: true, message: t('incidents.report.signoffRequired') }]
            }
            extra={isLeader ? t('incidents.report.signoffSelf') : t('incidents.report.signoffHint')}
          >
            <AutoComplete options={signers}>
              <Input
                maxLength={40}
                autoComplete="off"
                placeholder={t('incidents.report.signoffPlaceholder')}
              />
            </AutoComplete>
          </Form.Item>
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
      <Popconfirm
        title={t('incidents.report.confirmTitle')}
        description={t('incidents.report.confirmText')}
        okText={t('incidents.report.send')}
        cancelText={t('common.cancel')}
        onConfirm={() => form.submit()}
      >
        <Button type="primary" icon={<SendOutlined />} loading={sending} data-testid="send-report">
          {t('incidents.report.send')}
        </Button>
      </Popconfirm>
    </Form>
  );
}
