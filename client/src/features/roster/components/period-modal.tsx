import { useT } from '@client/lib/i18n';
import type { NewPeriodBody } from '@shared/schemas/roster';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { createPeriod } from '../api/create-period';
import { describeRosterError } from './roster-errors';
import { PERIOD_KINDS, type PeriodKind, periodKindLabel } from './roster-labels';

interface Values {
  kind: PeriodKind;
  name: string;
  fromDate: string;
  toDate: string;
  officers?: number | null;
  leaders?: number | null;
}

export function PeriodModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    setError(null);
    onClose();
  }

  async function onFinish(values: Values) {
    if (values.toDate < values.fromDate) {
      setError(t('roster.rangeRule'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const body: NewPeriodBody = {
        kind: values.kind,
        name: values.name.trim(),
        fromDate: values.fromDate,
        toDate: values.toDate,
        ...(values.officers ? { officers: values.officers } : {}),
        ...(values.leaders ? { leaders: values.leaders } : {}),
      };
      await createPeriod(body);
      message.success(t('period.created', { name: body.name }));
      close();
    } catch (caught) {
      setError(describeRosterError(t, caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('period.new')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onCancel={close}
      okButtonProps={{ htmlType: 'submit', loading: submitting, id: 'period-submit' }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ kind: 'holiday' }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
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
        </Row>
      )}
    </Modal>
  );
}
