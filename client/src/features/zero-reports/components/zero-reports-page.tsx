import { FormModal } from '@client/components/form-modal';
import { activeResponsesQuery, activeWarningsQuery } from '@client/lib/api/active-warnings';
import { myZeroAsksQuery } from '@client/lib/api/zero-asks';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { DISTRICT_PATH, hasRole } from '@client/lib/session';
import { formatHourMinute, formatShortInstant } from '@client/lib/time';
import type { User } from '@shared/schemas/users';
import type {
  CreateZeroRequestBody,
  ZeroAsk,
  ZeroFigures,
  ZeroRequest,
  ZeroRoundUnit,
  ZeroScope,
  ZeroUnitState,
} from '@shared/schemas/zero-reports';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  askableUnitsQuery,
  createZeroRequest,
  endZeroRequest,
  fileZeroReport,
  openDisastersQuery,
  zeroRequestsQuery,
} from '../api/zero-reports';
import { useWords, type ZeroWord } from '../i18n';

const STATE_COLOR: Record<ZeroUnitState, string> = {
  filed: 'success',
  late: 'warning',
  missing: 'error',
  pending: 'default',
};

const SCOPES: ZeroScope[] = ['all', 'warning', 'response', 'disaster', 'units', 'key_period'];
const FIGURES = ['affected', 'dead', 'missing', 'relocated', 'housesCollapsed', 'directLossWanYuan'] as const;

/** The district's duty room asks for zero reports and ends them. */
const mayAsk = (user: User) =>
  user.unitPath === DISTRICT_PATH &&
  (hasRole(user, 'officer') || hasRole(user, 'leader') || hasRole(user, 'admin'));

/** A few figures in one line: "受灾人口（人） 12 · 死亡（人） 0". */
function figuresText(w: ReturnType<typeof useWords>, figures: ZeroFigures | null): string {
  if (!figures) return '';
  return FIGURES.filter((f) => figures[f] !== undefined && figures[f] !== 0)
    .map((f) => `${w(`fig.${f}` as ZeroWord)} ${figures[f]}`)
    .join(' · ');
}

interface CreateValues {
  title: string;
  scope: ZeroScope;
  refId?: number;
  unitIds?: number[];
  level?: 'township' | 'community';
  cutoff: string;
  remindMinutes?: number;
  firstDate?: string;
  lastDate?: string;
}

function CreateRequest() {
  const w = useWords();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const scope = Form.useWatch('scope', form);
  const warnings = useQuery({ ...activeWarningsQuery(), enabled: open && scope === 'warning' });
  const responses = useQuery({ ...activeResponsesQuery(), enabled: open && scope === 'response' });
  const disasters = useQuery({ ...openDisastersQuery(), enabled: open && scope === 'disaster' });
  const units = useQuery({ ...askableUnitsQuery(), enabled: open && scope === 'units' });
  const refOptions =
    scope === 'warning'
      ? (warnings.data ?? []).map((x) => ({
          value: x.id,
          label: `${x.label}（${x.area.join('、') || '全区'}）`,
        }))
      : scope === 'response'
        ? (responses.data ?? []).map((x) => ({ value: x.id, label: x.label }))
        : (disasters.data ?? []).map((x) => ({ value: x.id, label: x.title }));
  async function submit(v: CreateValues) {
    const body: CreateZeroRequestBody = {
      title: v.title.trim(),
      scope: v.scope,
      cutoff: v.cutoff,
      ...(v.remindMinutes !== undefined && v.remindMinutes !== null
        ? { remindMinutes: v.remindMinutes }
        : {}),
      ...(v.firstDate ? { firstDate: v.firstDate } : {}),
      ...(v.lastDate ? { lastDate: v.lastDate } : {}),
      ...(['warning', 'response', 'disaster'].includes(v.scope) && v.refId ? { refId: v.refId } : {}),
      ...(v.scope === 'units' ? { unitIds: v.unitIds ?? [] } : {}),
      ...(v.scope === 'all' || v.scope === 'key_period' ? { level: v.level ?? 'township' } : {}),
    };
    await createZeroRequest(body);
    await client.invalidateQueries({ queryKey: ['zero-reports'] });
  }
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="zero-create">
        {w('create')}
      </Button>
      <FormModal<CreateValues>
        open={open}
        title={w('createTitle')}
        okText={w('createOk')}
        onClose={() => setOpen(false)}
        submit={submit}
        form={form}
        name="zero-create"
        submitId="zero-create-submit"
        initialValues={{ scope: 'all', level: 'township', cutoff: '08:00', remindMinutes: 60 }}
        check={(v) =>
          ['warning', 'response', 'disaster'].includes(v.scope) && !v.refId
            ? w('needRef')
            : v.scope === 'units' && !v.unitIds?.length
              ? w('needUnits')
              : null
        }
        keepOnMaskClick
      >
        <Form.Item
          name="title"
          label={w('field.title')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="scope" label={w('field.scope')}>
          <Select options={SCOPES.map((s) => ({ value: s, label: w(`scope.${s}`) }))} />
        </Form.Item>
        {(scope === 'warning' || scope === 'response' || scope === 'disaster') && (
          <Form.Item name="refId" label={w('field.ref')}>
            <Select
              options={refOptions}
              loading={warnings.isLoading || responses.isLoading || disasters.isLoading}
            />
          </Form.Item>
        )}
        {scope === 'units' && (
          <Form.Item name="unitIds" label={w('field.units')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              loading={units.isLoading}
            />
          </Form.Item>
        )}
        {(scope === 'all' || scope === 'key_period') && (
          <Form.Item name="level" label={w('field.level')}>
            <Radio.Group
              options={[
                { value: 'township', label: w('level.township') },
                { value: 'community', label: w('level.community') },
              ]}
            />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item
            name="cutoff"
            label={w('field.cutoff')}
            rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:mm' }]}
          >
            <Input placeholder="08:00" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="remindMinutes" label={w('field.remind')}>
            <InputNumber min={0} max={720} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="firstDate" label={w('field.firstDate')} extra={w('field.firstDateHint')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="lastDate" label={w('field.lastDate')} extra={w('field.lastDateHint')}>
            <Input type="date" />
          </Form.Item>
        </Space>
      </FormModal>
    </>
  );
}

interface FigureValues {
  affected?: number;
  dead?: number;
  missing?: number;
  relocated?: number;
  housesCollapsed?: number;
  directLossWanYuan?: number;
  note?: string;
}

/** One tap "无新增", or a few figures in a dialog. */
function FileButtons({ requestId, unitId, forDate }: { requestId: number; unitId: number; forDate: string }) {
  const w = useWords();
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['zero-reports'] });
  async function nothingNew() {
    setBusy(true);
    try {
      await fileZeroReport(requestId, { unitId, forDate, nothingNew: true });
      message.success(w('filedOk'));
    } catch (caught) {
      message.error(describeError(t, caught));
    } finally {
      setBusy(false);
      await refresh();
    }
  }
  async function submit(v: FigureValues) {
    const figures: ZeroFigures = {};
    for (const f of FIGURES) if (typeof v[f] === 'number') figures[f] = v[f];
    await fileZeroReport(requestId, { unitId, forDate, figures, ...(v.note ? { note: v.note } : {}) });
    message.success(w('filedOk'));
    await refresh();
  }
  return (
    <Space wrap>
      <Button
        type="primary"
        loading={busy}
        onClick={nothingNew}
        data-testid={`zero-nothing-new-${requestId}-${unitId}`}
      >
        {w('nothingNew')}
      </Button>
      <Button onClick={() => setOpen(true)} data-testid={`zero-figures-${requestId}-${unitId}`}>
        {w('figures')}
      </Button>
      <FormModal<FigureValues>
        open={open}
        title={w('figuresTitle')}
        okText={w('figuresOk')}
        onClose={() => setOpen(false)}
        submit={submit}
        name={`zero-figures-${requestId}`}
        check={(v) => (FIGURES.some((f) => typeof v[f] === 'number') ? null : w('needFigure'))}
      >
        {FIGURES.map((f) => (
          <Form.Item key={f} name={f} label={w(`fig.${f}` as ZeroWord)}>
            <InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
        ))}
        <Form.Item name="note" label={w('note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function UnitLine({ request, unit }: { request: ZeroRequest; unit: ZeroRoundUnit }) {
  const w = useWords();
  const content = unit.nothingNew ? w('nothingNew') : figuresText(w, unit.figures);
  return (
    <div className="zero-unit" data-testid={`zero-unit-${request.id}-${unit.unitId}`} data-state={unit.state}>
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>{unit.name}</Typography.Text>
        <Tag color={STATE_COLOR[unit.state]}>{w(`state.${unit.state}`)}</Tag>
        {unit.filedAt && (
          <Typography.Text type="secondary">
            {w('filedAt', { time: formatShortInstant(unit.filedAt) })}
            {unit.source === 'disaster' ? w('fromDisaster') : ''}
          </Typography.Text>
        )}
        {content && <Typography.Text>{content}</Typography.Text>}
        {unit.note && <Typography.Text type="secondary">{unit.note}</Typography.Text>}
      </Space>
    </div>
  );
}

function RequestCard({ request, user }: { request: ZeroRequest; user: User }) {
  const w = useWords();
  const t = useT();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const district = user.unitPath === DISTRICT_PATH;
  const round = request.today;
  const waiting = round.units.filter((u) => u.state === 'missing' || u.state === 'pending');
  const canEnd = district && request.endedAt === null && mayAsk(user);
  function end() {
    modal.confirm({
      title: w('endConfirm'),
      okText: w('end'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await endZeroRequest(request.id);
          message.success(w('endedOk'));
        } catch (caught) {
          message.error(describeError(t, caught));
        } finally {
          await client.invalidateQueries({ queryKey: ['zero-reports'] });
        }
      },
    });
  }
  return (
    <Card
      size="small"
      data-testid={`zero-request-${request.id}`}
      title={
        <Space wrap size={[8, 4]}>
          <span>{request.title}</span>
          <Tag>{w(`reason.${request.reason}`)}</Tag>
          {request.endedAt && <Tag color="default">{w('ended')}</Tag>}
        </Space>
      }
      extra={
        canEnd ? (
          <Button size="small" onClick={end} data-testid={`zero-end-${request.id}`}>
            {w('end')}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        <Typography.Text type="secondary">
          {round.date} · {w('cutoffAt', { time: formatHourMinute(round.cutoffAt) })} ·{' '}
          {request.lastDate === null
            ? w('rangeOpen', { from: request.firstDate })
            : w('range', { from: request.firstDate, to: request.lastDate })}
        </Typography.Text>
        <Typography.Text
          type={waiting.length > 0 ? 'danger' : 'success'}
          data-testid={`zero-not-filed-${request.id}`}
          data-count={waiting.length}
        >
          {waiting.length > 0
            ? w('notFiled', { count: waiting.length, names: waiting.map((u) => u.name).join('、') })
            : w('allFiled')}
        </Typography.Text>
        {round.units.map((u) => (
          <UnitLine key={u.unitId} request={request} unit={u} />
        ))}
      </Space>
    </Card>
  );
}

function MyAsks({ asks }: { asks: ZeroAsk[] }) {
  const w = useWords();
  if (asks.length === 0) return <Typography.Text type="secondary">{w('noAsks')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {asks.map((a) => (
        <Card size="small" key={a.requestId} data-testid={`zero-ask-${a.requestId}`} data-state={a.state}>
          <Space wrap size={[8, 4]}>
            <Typography.Text strong>{a.title}</Typography.Text>
            <Tag color={STATE_COLOR[a.state]}>{w(`state.${a.state}`)}</Tag>
            <Typography.Text type="secondary">
              {w('cutoffAt', { time: formatHourMinute(a.cutoffAt) })}
            </Typography.Text>
          </Space>
          {!a.filed && (
            <div style={{ marginTop: 8 }}>
              <FileButtons requestId={a.requestId} unitId={a.unitId} forDate={a.forDate} />
            </div>
          )}
        </Card>
      ))}
    </Space>
  );
}

/** 零报告: the district asks and watches who has not filed, live; a unit files its own in one tap. */
export function ZeroReportsPage({ user }: { user: User }) {
  const w = useWords();
  const district = user.unitPath === DISTRICT_PATH;
  const requests = useQuery(zeroRequestsQuery());
  const mine = useQuery({ ...myZeroAsksQuery(), enabled: !district });
  const canAsk = district && mayAsk(user);
  return (
    <div className="zero-reports-page" data-testid="zero-reports-page">
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {w('title')}
          </Typography.Title>
          {canAsk && <CreateRequest />}
        </Space>
        <Typography.Text type="secondary">{w('intro')}</Typography.Text>
        {!district && (
          <Card size="small" title={w('mine')}>
            {mine.isLoading ? <Spin /> : <MyAsks asks={mine.data ?? []} />}
          </Card>
        )}
        {requests.isLoading ? (
          <Spin />
        ) : (requests.data ?? []).length === 0 ? (
          <Empty description={w('empty')} />
        ) : (
          (requests.data ?? []).map((r) => <RequestCard key={r.id} request={r} user={user} />)
        )}
      </Space>
    </div>
  );
}
