import { AuditOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { hasRole } from '@client/lib/session';
import { bureauToday, formatShortInstant } from '@client/lib/time';
import type { DisasterRecipient, DisasterReportKind } from '@shared/domain/disasters';
import type { Disaster, DisasterSignoff } from '@shared/schemas/disasters';
import type { User } from '@shared/schemas/users';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import {
  askSignoff,
  decideSignoff,
  disasterReportsQuery,
  disasterSignoffsQuery,
  getDisasterDraft,
  leadersQuery,
  type SendBody,
  sendDisasterReport,
} from '../api/reports';
import { type DisasterWordKey, useWords } from '../i18n';

const KINDS: DisasterReportKind[] = ['initial', 'followup', 'daily', 'verify'];
const RECIPIENTS: DisasterRecipient[] = ['city', 'province', 'ministry'];

interface Values {
  kind: DisasterReportKind;
  forDate?: string;
  recipients: DisasterRecipient[];
  title: string;
  text: string;
  mode: 'request' | 'phone';
  leader?: string;
}

function defaultKind(d: Disaster): DisasterReportKind {
  const initialOpen = d.obligations.some((o) => o.kind === 'initial' && !o.doneAt);
  if (initialOpen) return 'initial';
  if (d.state === 'stable' || d.state === 'closed') return 'verify';
  if (d.obligations.some((o) => o.kind === 'daily' && !o.doneAt)) return 'daily';
  return 'followup';
}

function sameRequest(s: DisasterSignoff, v: Partial<Values>): boolean {
  return (
    s.kind === v.kind &&
    s.text === v.text &&
    s.title === v.title &&
    [...s.recipients].sort().join() === [...(v.recipients ?? [])].sort().join()
  );
}

/** A leader's own pending sign-offs of this disaster's reports: 签发 or 退回. */
function PendingForMe({ list }: { list: DisasterSignoff[] }) {
  const w = useWords();
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  if (list.length === 0) return null;
  const decide = async (s: DisasterSignoff, approve: boolean) => {
    try {
      await decideSignoff(s.id, approve);
      await client.invalidateQueries({ queryKey: ['signoffs'] });
    } catch (caught) {
      message.error(describeError(t, caught));
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      title={w('rep.pendingForMe')}
      data-testid="signoffs-for-me"
      description={
        <ul className="dis-list">
          {list.map((s) => (
            <li key={s.id}>
              <Typography.Text strong>{s.title}</Typography.Text>
              <Typography.Paragraph className="dis-note" ellipsis={{ rows: 3, expandable: true }}>
                {s.text}
              </Typography.Paragraph>
              <Space>
                <Button
                  type="primary"
                  size="small"
                  onClick={() => void decide(s, true)}
                  data-testid={`approve-${s.id}`}
                >
                  {w('rep.approve')}
                </Button>
                <Button size="small" danger onClick={() => void decide(s, false)}>
                  {w('rep.return')}
                </Button>
              </Space>
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** 报告: draft (from the figures and the text) → edit → sign-off → send to the city (+ province, ministry). */
export function ReportsCard({ disaster, user }: { disaster: Disaster; user: User }) {
  const w = useWords();
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [drafting, setDrafting] = useState(false);
  const [sending, setSending] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isLeader = hasRole(user, 'leader');
  const reports = useQuery(disasterReportsQuery(disaster.id));
  const signoffs = useQuery(disasterSignoffsQuery());
  const leaders = useQuery({ ...leadersQuery(), enabled: !isLeader });
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const kind = values?.kind;
  const mode = values?.mode ?? 'request';
  const mine = (signoffs.data ?? []).filter((s) => s.disasterId === disaster.id);
  const current = mine.find((s) => s.kind === kind && s.status !== 'used') ?? null;
  const stale = current !== null && values !== undefined && !sameRequest(current, values);
  const approved = current?.status === 'approved' && !stale;
  const canSend = isLeader || mode === 'phone' || approved;
  const forMe = isLeader ? mine.filter((s) => s.status === 'pending' && s.leader === user.username) : [];
  const severe = disaster.severe;

  useEffect(() => {
    const list = leaders.data ?? [];
    if (list.length && !form.getFieldValue('leader')) form.setFieldValue('leader', list[0]!.username);
  }, [leaders.data, form]);

  async function draft(k: DisasterReportKind, forDate?: string) {
    setDrafting(true);
    setError(null);
    try {
      const d = await getDisasterDraft(disaster.id, k, k === 'daily' ? forDate : undefined);
      form.setFieldsValue({ title: d.title, text: d.text });
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setDrafting(false);
    }
  }

  const firstKind = defaultKind(disaster);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first draft only, per disaster
  useEffect(() => {
    void draft(firstKind, bureauToday());
  }, [disaster.id]);

  function body(v: Values): SendBody {
    return {
      kind: v.kind,
      recipients: v.recipients,
      forDate: v.kind === 'daily' ? v.forDate : undefined,
      title: v.title.trim(),
      text: v.text,
    };
  }

  async function ask() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setAsking(true);
    setError(null);
    try {
      await askSignoff(disaster.id, { ...body(v), leader: v.leader ?? '' });
      message.success(w('rep.asked'));
      await signoffs.refetch();
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setAsking(false);
    }
  }

  async function send(v: Values) {
    const b = body(v);
    if (!isLeader) {
      if (v.mode === 'phone') b.phoneConsentBy = v.leader;
      else if (current) b.signoffRequestId = current.id;
    }
    setSending(true);
    setError(null);
    try {
      const sent = await sendDisasterReport(disaster.id, b);
      message.success(w('rep.sent', { count: sent.reports.length }));
      await client.invalidateQueries({ queryKey: ['disaster', disaster.id] });
      void signoffs.refetch();
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setSending(false);
    }
  }

  const leaderOptions = (leaders.data ?? []).map((l) => ({
    value: l.username,
    label: l.onCall ? w('rep.onCall', { name: l.displayName }) : l.displayName,
  }));

  return (
    <Card size="small" title={w('rep.title')} className="dis-card" data-testid="reports-card">
      <PendingForMe list={forMe} />
      <Form<Values>
        form={form}
        name="disaster-report"
        layout="vertical"
        initialValues={{
          kind: firstKind,
          forDate: bureauToday(),
          recipients: severe && firstKind === 'initial' ? ['city', 'province', 'ministry'] : ['city'],
          mode: 'request',
          title: '',
          text: '',
        }}
        onFinish={(v) => void send(v)}
      >
        {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
        <div className="dis-form-row">
          <Form.Item name="kind" label={w('rep.kind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={KINDS.map((k) => ({ value: k, label: w(`rep.kind.${k}` as DisasterWordKey) }))}
              onChange={(e) =>
                void draft(e.target.value as DisasterReportKind, form.getFieldValue('forDate'))
              }
            />
          </Form.Item>
          {kind === 'daily' && (
            <Form.Item name="forDate" label={w('rep.forDate')}>
              <Input type="date" onChange={(e) => void draft('daily', e.target.value)} />
            </Form.Item>
          )}
          <Form.Item
            name="recipients"
            label={w('rep.recipients')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <Checkbox.Group
              options={RECIPIENTS.map((r) => ({
                value: r,
                label: w(`rep.to.${r}` as DisasterWordKey),
                disabled: r === 'city' ? false : !severe,
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="title" label={w('rep.titleField')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="disaster-report-title" />
        </Form.Item>
        <Form.Item
          name="text"
          label={
            <Space>
              <span>{w('rep.text')}</span>
              <Button
                size="small"
                type="link"
                icon={<ReloadOutlined />}
                loading={drafting}
                onClick={() => void draft(form.getFieldValue('kind'), form.getFieldValue('forDate'))}
                data-testid="disaster-redraft"
              >
                {w('rep.redraft')}
              </Button>
            </Space>
          }
          rules={[{ required: true, whitespace: true, message: w('rep.textRule') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 6, maxRows: 18 }}
            maxLength={20000}
            data-testid="disaster-report-text"
          />
        </Form.Item>
        {isLeader ? (
          <Typography.Paragraph type="secondary">{w('rep.modeSelf')}</Typography.Paragraph>
        ) : (
          <div className="dis-form-row">
            <Form.Item name="mode" label={w('rep.signoff')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'request', label: w('rep.modeRequest') },
                  { value: 'phone', label: w('rep.modePhone') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="leader"
              label={w('rep.leader')}
              rules={[{ required: true, message: w('rep.pickLeader') }]}
              extra={mode === 'phone' ? w('rep.phoneHint') : undefined}
            >
              <Select options={leaderOptions} placeholder={w('rep.pickLeader')} style={{ minWidth: 200 }} />
            </Form.Item>
            {mode === 'request' && (
              <Form.Item label=" ">
                <Space wrap>
                  <Button
                    icon={<AuditOutlined />}
                    loading={asking}
                    onClick={() => void ask()}
                    data-testid="disaster-ask-signoff"
                  >
                    {w('rep.ask')}
                  </Button>
                  {current && (
                    <Tag
                      color={
                        stale
                          ? 'warning'
                          : current.status === 'approved'
                            ? 'success'
                            : current.status === 'returned'
                              ? 'error'
                              : 'processing'
                      }
                    >
                      {stale
                        ? w('rep.stale')
                        : current.status === 'approved'
                          ? w('rep.approved', { name: current.leaderName ?? current.leader })
                          : current.status === 'returned'
                            ? w('rep.returned', {
                                name: current.leaderName ?? current.leader,
                                comment: current.comment ?? '',
                              })
                            : w('rep.waiting', { name: current.leaderName ?? current.leader })}
                    </Tag>
                  )}
                </Space>
              </Form.Item>
            )}
          </div>
        )}
        <Popconfirm
          title={w('rep.send')}
          description={w('rep.sendConfirm')}
          okText={w('rep.send')}
          cancelText={t('common.cancel')}
          onConfirm={() => form.submit()}
        >
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={sending}
            disabled={!canSend}
            data-testid="disaster-send"
          >
            {w('rep.send')}
          </Button>
        </Popconfirm>
      </Form>
      <Typography.Title level={5} className="dis-subtitle">
        {w('rep.sentList')}
      </Typography.Title>
      {(reports.data ?? []).length === 0 ? (
        <Typography.Text type="secondary">{w('rep.none')}</Typography.Text>
      ) : (
        <ul className="dis-list" data-testid="disaster-reports">
          {(reports.data ?? []).map((r) => (
            <li key={r.id}>
              <Space size={4} wrap>
                <Tag>{w(`rep.kind.${r.kind}` as DisasterWordKey)}</Tag>
                <Tag color="blue">{w(`rep.to.${r.recipient}` as DisasterWordKey)}</Tag>
                <Typography.Text>{r.title}</Typography.Text>
                <Typography.Text type="secondary">{formatShortInstant(r.sentAt)}</Typography.Text>
                {r.onTime !== null && (
                  <Tag color={r.onTime ? 'success' : 'error'}>{w(r.onTime ? 'rep.onTime' : 'rep.late')}</Tag>
                )}
              </Space>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
