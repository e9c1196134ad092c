import { FormModal } from '@client/components/form-modal';
import type { NewPeriodBody } from '@shared/schemas/roster';
import { App, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { createPeriod } from '../api/create-period';
import { useWords } from '../i18n';
import { describeRosterError } from './roster-errors';
import { PERIOD_KINDS, type PeriodKind, periodKindLabel } from './roster-labels';

interface Values {
  kind: PeriodKind;
  name: string;
  fromDate: string;
  toDate: string;
  officers?: number | null;
  leaders?: number | null;
  leaderOnSite?: boolean;
}

export function PeriodModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  async function submit(values: Values) {
    const body: NewPeriodBody = {
      kind: values.kind,
      name: values.name.trim(),
      fromDate: values.fromDate,
      toDate: values.toDate,
      ...(values.officers ? { officers: values.officers } : {}),
      ...(values.leaders ? { leaders: values.leaders } : {}),
      ...(values.leaderOnSite ? { leaderOnSite: true } : {}),
    };
    await createPeriod(body);
    message.success(t('period.created', { name: body.name }));
  }

  return (
    <FormModal<Values>
      open={open}
      title={t('period.new')}
      okText={t('common.create')}
      onClose={onClose}
      submit={submit}
      form={form}
      submitId="period-submit"
      initialValues={{ kind: 'holiday' }}
      check={(values) => (values.toDate < values.fromDate ? t('roster.rangeRule') : null)}
      onError={(caught) => describeRosterError(t, caught)}
    >
      <Form.Item name="kind" label={t('period.kind')} rules={[{ required: true }]}>
        <Select options={PERIOD_KINDS.map((k) => ({ value: k, label: t(periodKindLabel[k]) }))} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('period.name')}
        rules={[{ required: true, whitespace: true, max: 60, message: t('period.nameRule') }]}
      >
        <Input maxLength={60} placeholder={t('period.namePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="fromDate" label={t('roster.from')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="toDate" label={t('roster.to')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      {kind !== 'makeup_workday' && (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="officers" label={t('period.officers')} extra={t('period.defaultHint')}>
              <InputNumber min={1} max={20} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leaders" label={t('period.leaders')} extra={t('period.defaultHint')}>
              <InputNumber min={1} max={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="leaderOnSite" valuePropName="checked" extra={t('period.leaderOnSiteHint')}>
              <Checkbox data-testid="period-leader-on-site">{t('period.leaderOnSite')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormModal>
  );
}
