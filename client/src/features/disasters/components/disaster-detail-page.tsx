import { ArrowLeftOutlined } from '@ant-design/icons';
import { FormModal } from '@client/components/form-modal';
import { LoadError } from '@client/components/load-error';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { hasRole } from '@client/lib/session';
import { formatMinute } from '@client/lib/time';
import type { DisasterState } from '@shared/domain/disasters';
import { DISTRICT_PATH } from '@shared/domain/district';
import type { Disaster } from '@shared/schemas/disasters';
import type { User } from '@shared/schemas/users';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { changeDisasterState, disasterQuery, patchDisaster } from '../api/disasters';
import { type DisasterWordKey, useWords } from '../i18n';
import { useTownshipOptions } from './create-disaster-modal';
import { FiguresCard } from './figures-card';
import { FromBelowCard } from './from-below-card';
import { StateTag, useDisasterLabels } from './labels';
import { ObligationsCard } from './obligations-card';
import { ReportsCard } from './reports-card';
import { VictimsCard } from './victims-card';
import './disasters.css';

const MOVES: Record<
  DisasterState,
  { to: DisasterState; label: DisasterWordKey; confirm: DisasterWordKey }[]
> = {
  developing: [
    { to: 'stable', label: 'action.stable', confirm: 'action.stableConfirm' },
    { to: 'closed', label: 'action.close', confirm: 'action.closeConfirm' },
  ],
  stable: [
    { to: 'closed', label: 'action.close', confirm: 'action.closeConfirm' },
    { to: 'developing', label: 'action.reopen', confirm: 'action.reopenConfirm' },
  ],
  closed: [{ to: 'developing', label: 'action.reopen', confirm: 'action.reopenConfirm' }],
};

interface EditValues {
  title: string;
  subtype?: string;
  townships: number[];
  major: boolean;
  severeLoss: boolean;
  disasterText: string;
  reliefText: string;
}

function EditModal({ disaster, onClose }: { disaster: Disaster; onClose: () => void }) {
  const w = useWords();
  const [form] = Form.useForm<EditValues>();
  const client = useQueryClient();
  const townships = useTownshipOptions();
  return (
    <FormModal<EditValues>
      open
      title={w('detail.editTitle')}
      okText={w('detail.save')}
      onClose={onClose}
      name="disaster-edit"
      form={form}
      width={640}
      keepOnMaskClick
      initialValues={{
        title: disaster.title,
        subtype: disaster.subtype ?? '',
        townships: disaster.townships.map((u) => u.unitId),
        major: disaster.major,
        severeLoss:
          disaster.severe &&
          disaster.severeSince !== null &&
          disaster.totals.dead + disaster.totals.missing < 10,
        disasterText: disaster.disasterText,
        reliefText: disaster.reliefText,
      }}
      submit={async (v) => {
        await patchDisaster(disaster.id, {
          title: v.title.trim(),
          subtype: v.subtype?.trim() || null,
          townships: v.townships,
          major: form.isFieldTouched('major') ? v.major : undefined,
          severeLoss: form.isFieldTouched('severeLoss') ? v.severeLoss : undefined,
          disasterText: v.disasterText ?? '',
          reliefText: v.reliefText ?? '',
        });
        await client.invalidateQueries({ queryKey: ['disaster', disaster.id] });
      }}
    >
      <Form.Item
        name="title"
        label={w('f.title')}
        rules={[{ required: true, whitespace: true, message: w('f.titleRule') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="subtype" label={w('f.subtype')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="townships"
        label={w('f.townships')}
        rules={[{ required: true, type: 'array', min: 1, message: w('f.townshipsRule') }]}
      >
        <Select mode="multiple" options={townships} optionFilterProp="label" />
      </Form.Item>
      <div className="dis-form-row">
        <Form.Item name="major" valuePropName="checked">
          <Checkbox>{w('f.major')}</Checkbox>
        </Form.Item>
        <Form.Item name="severeLoss" valuePropName="checked">
          <Checkbox>{w('f.severeLoss')}</Checkbox>
        </Form.Item>
      </div>
      <Form.Item name="disasterText" label={w('f.disasterText')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="reliefText" label={w('f.reliefText')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

function Header({ disaster, district, mayAct }: { disaster: Disaster; district: boolean; mayAct: boolean }) {
  const w = useWords();
  const t = useT();
  const labels = useDisasterLabels();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState<DisasterState | null>(null);
  const [editing, setEditing] = useState(false);
  async function move(to: DisasterState) {
    setBusy(to);
    try {
      await changeDisasterState(disaster.id, to);
      message.success(w('action.done'));
      await client.invalidateQueries({ queryKey: ['disaster', disaster.id] });
      await client.invalidateQueries({ queryKey: ['disasters'] });
    } catch (caught) {
      message.error(describeError(t, caught));
    } finally {
      setBusy(null);
    }
  }
  return (
    <Card size="small" className="dis-card" data-testid="disaster-header">
      <div className="dis-head">
        <div className="dis-head-main">
          <Space size={6} wrap>
            <Link to="/disasters" aria-label={w('detail.back')}>
              <ArrowLeftOutlined />
            </Link>
            <Tag color="geekblue">{labels.type(disaster.type)}</Tag>
            {disaster.subtype && <Tag>{disaster.subtype}</Tag>}
            <Typography.Title level={4} className="dis-title" data-testid="disaster-title">
              {disaster.title}
            </Typography.Title>
            <StateTag state={disaster.state} />
            {disaster.major && <Tag color="red">{w('flag.major')}</Tag>}
            {disaster.severe && <Tag color="volcano">{w('flag.severe')}</Tag>}
          </Space>
          <Space size={12} wrap className="dis-head-facts">
            <Typography.Text type="secondary">
              {w('detail.began', { time: formatMinute(disaster.beganAt) })}
            </Typography.Text>
            {disaster.stableAt && (
              <Typography.Text type="secondary">
                {w('detail.stableAt', { time: formatMinute(disaster.stableAt) })}
              </Typography.Text>
            )}
            {disaster.closedAt && (
              <Typography.Text type="secondary">
                {w('detail.closedAt', { time: formatMinute(disaster.closedAt) })}
              </Typography.Text>
            )}
          </Space>
        </div>
        {district && mayAct && (
          <Space wrap>
            <Button onClick={() => setEditing(true)} data-testid="disaster-edit">
              {w('detail.edit')}
            </Button>
            {MOVES[disaster.state].map((m) => (
              <Popconfirm
                key={m.to}
                title={w(m.label)}
                description={<div className="dis-confirm">{w(m.confirm)}</div>}
                okText={w(m.label)}
                cancelText={t('common.cancel')}
                onConfirm={() => void move(m.to)}
              >
                <Button
                  type={m.to === 'stable' ? 'primary' : 'default'}
                  danger={m.to === 'closed'}
                  loading={busy === m.to}
                  data-testid={`disaster-to-${m.to}`}
                >
                  {w(m.label)}
                </Button>
              </Popconfirm>
            ))}
          </Space>
        )}
      </div>
      {(disaster.links.incidents.length > 0 || disaster.links.warnings.length > 0) && (
        <Space size={4} wrap className="dis-links">
          {disaster.links.incidents.map((i) => (
            <Link key={`i${i.id}`} to={`/incidents/${i.id}`}>
              <Tag color="blue">
                #{i.id} {i.summary}
              </Tag>
            </Link>
          ))}
          {disaster.links.warnings.map((x) => (
            <Tag key={`w${x.id}`} color="gold">
              {w('links.warnings')} #{x.id}
            </Tag>
          ))}
        </Space>
      )}
      <div className="dis-texts">
        <div>
          <Typography.Text strong>{w('text.disaster')}</Typography.Text>
          <Typography.Paragraph className="dis-note">
            {disaster.disasterText || w('text.none')}
          </Typography.Paragraph>
        </div>
        <div>
          <Typography.Text strong>{w('text.relief')}</Typography.Text>
          <Typography.Paragraph className="dis-note">
            {disaster.reliefText || w('text.none')}
          </Typography.Paragraph>
        </div>
      </div>
      {editing && <EditModal disaster={disaster} onClose={() => setEditing(false)} />}
    </Card>
  );
}

/** One disaster: header and state, figures by township with 合计, deadlines, victims, reports from below, reports. */
export function DisasterDetailPage({ user }: { user: User }) {
  const w = useWords();
  const id = Number(useParams().id);
  const query = useQuery({ ...disasterQuery(id), enabled: Number.isInteger(id) && id > 0 });
  const district = user.unitPath === DISTRICT_PATH;
  const mayAct = (['officer', 'leader', 'admin'] as const).some((r) => hasRole(user, r));
  const mayFile = mayAct || hasRole(user, 'informant');
  if (query.isPending) return <Spin />;
  if (query.isError)
    return (
      <Card>
        <LoadError error={query.error} />
        <Link to="/disasters">{w('detail.back')}</Link>
      </Card>
    );
  const d = query.data;
  // The district keeps the list; a township its own people (a community reports through its township).
  const mayEditVictims =
    mayAct && d.state !== 'closed' && (district || d.townships.some((u) => u.unitId === user.unitId));
  return (
    <div className="dis-page" data-testid="disaster-detail" data-id={d.id}>
      <Header disaster={d} district={district} mayAct={mayAct} />
      <FiguresCard disaster={d} district={district} mayFile={mayFile} unitId={user.unitId} />
      <div className="dis-columns">
        <ObligationsCard disaster={d} />
        <VictimsCard disaster={d} mayEdit={mayEditVictims} />
      </div>
      <FromBelowCard disaster={d} />
      {district && mayAct && <ReportsCard disaster={d} user={user} />}
    </div>
  );
}
