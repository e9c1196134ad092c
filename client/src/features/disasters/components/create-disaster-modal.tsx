import { FormModal } from '@client/components/form-modal';
import { activeWarningsQuery } from '@client/lib/api/active-warnings';
import { listBoard, OPEN_BOARD_QUERY } from '@client/lib/api/open-board';
import { useLang } from '@client/lib/i18n';
import { bureauWallNow, bureauWallToIso } from '@client/lib/time';
import { useWarningWords } from '@client/lib/warning-labels';
import { DISASTER_SUBTYPES, DISASTER_TYPES, type DisasterType } from '@shared/domain/disasters';
import { DISTRICT_UNIT_ID } from '@shared/domain/district';
import { TOWNSHIP_KINDS } from '@shared/schemas/units';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Checkbox, Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { createDisaster, disasterUnitsQuery } from '../api/disasters';
import { useWords } from '../i18n';
import { useDisasterLabels } from './labels';

interface Values {
  type: DisasterType;
  subtype?: string;
  title: string;
  beganAt: string;
  townships: number[];
  major?: boolean;
  severeLoss?: boolean;
  disasterText?: string;
  reliefText?: string;
  incidentIds?: number[];
  warningIds?: number[];
}

/** The townships (and streets, development zones) right under the district: the statistical units. */
export function useTownshipOptions() {
  const units = useQuery(disasterUnitsQuery());
  return (units.data ?? [])
    .filter((u) => u.parentId === DISTRICT_UNIT_ID && TOWNSHIP_KINDS.includes(u.kind) && u.enabled)
    .map((u) => ({ value: u.id, label: u.name }));
}

/** 新建灾害过程: type and sub-type, when it began, the townships it hit, its flags, text and links. */
export function CreateDisasterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const w = useWords();
  const lang = useLang();
  const labels = useDisasterLabels();
  const warningWords = useWarningWords();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const townships = useTownshipOptions();
  const incidents = useQuery({
    queryKey: ['incidents', '/incidents/board', 'disaster-links'],
    queryFn: ({ signal }) => listBoard(OPEN_BOARD_QUERY, signal),
    enabled: open,
  });
  const warnings = useQuery({ ...activeWarningsQuery(), enabled: open });
  const subtypes = (type && DISASTER_SUBTYPES[type]) || [];
  return (
    <FormModal<Values>
      open={open}
      title={w('create.title')}
      okText={w('create.ok')}
      onClose={onClose}
      form={form}
      name="disaster"
      width={640}
      keepOnMaskClick
      submitId="disaster-create-submit"
      testId="disaster-create"
      initialValues={{ type: 'flood', beganAt: bureauWallNow(), townships: [] }}
      submit={async (v) => {
        const created = await createDisaster({
          type: v.type,
          subtype: v.subtype?.trim() || undefined,
          title: v.title.trim(),
          beganAt: bureauWallToIso(v.beganAt) ?? v.beganAt,
          townships: v.townships,
          major: Boolean(v.major),
          severeLoss: Boolean(v.severeLoss),
          disasterText: v.disasterText?.trim() || undefined,
          reliefText: v.reliefText?.trim() || undefined,
          incidentIds: v.incidentIds?.length ? v.incidentIds : undefined,
          warningIds: v.warningIds?.length ? v.warningIds : undefined,
        });
        await client.invalidateQueries({ queryKey: ['disasters'] });
        navigate(`/disasters/${created.id}`);
      }}
    >
      <div className="dis-form-row">
        <Form.Item name="type" label={w('f.type')} rules={[{ required: true }]}>
          <Select
            options={DISASTER_TYPES.map((t) => ({ value: t, label: labels.type(t) }))}
            data-testid="disaster-type"
          />
        </Form.Item>
        <Form.Item name="subtype" label={w('f.subtype')}>
          <AutoComplete options={subtypes.map((s) => ({ value: s[lang] }))} placeholder={w('f.subtypeHint')}>
            <Input maxLength={40} />
          </AutoComplete>
        </Form.Item>
      </div>
      <Form.Item
        name="title"
        label={w('f.title')}
        rules={[{ required: true, whitespace: true, message: w('f.titleRule') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item
        name="beganAt"
        label={w('f.beganAt')}
        rules={[{ required: true, message: w('f.beganAtRule') }]}
      >
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item
        name="townships"
        label={w('f.townships')}
        rules={[{ required: true, type: 'array', min: 1, message: w('f.townshipsRule') }]}
      >
        <Select
          mode="multiple"
          options={townships}
          optionFilterProp="label"
          data-testid="disaster-townships"
        />
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
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="reliefText" label={w('f.reliefText')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <div className="dis-form-row">
        <Form.Item name="incidentIds" label={w('f.incidents')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={incidents.isPending}
            options={(incidents.data?.incidents ?? []).map((i) => ({
              value: i.id,
              label: `#${i.id} ${i.summary}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="warningIds" label={w('f.warnings')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={warnings.isPending}
            options={(warnings.data ?? []).map((x) => ({ value: x.id, label: warningWords.warning(x) }))}
          />
        </Form.Item>
      </div>
    </FormModal>
  );
}
