import { FormModal } from '@client/components/form-modal';
import { useLang } from '@client/lib/i18n';
import { formatMonth } from '@client/lib/time';
import type { GenerateBody, RosterView } from '@shared/schemas/roster';
import type { User } from '@shared/schemas/users';
import { App, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { generateRoster } from '../api/generate-roster';
import { useWords } from '../i18n';
import {
  PublishedEditFields,
  type PublishedEditValues,
  publishedEditBody,
  refusal,
} from './published-edit-fields';
import { type Check, eligibleFor, type RosterIndex } from './roster-derive';

interface Values extends PublishedEditValues {
  from: string;
  to: string;
  officers: number[];
  leaders: number[];
  backups: number[];
}

interface Props {
  open: boolean;
  month: string;
  from: string;
  to: string;
  users: User[];
  /** The month on screen, for its publication state and the names in a refusal. */
  view: RosterView | null;
  index: RosterIndex | null;
  onClose: () => void;
}

/** The rotation follows the order people are picked in: the first picked stands the first day. */
export function GenerateModal({ open, month, from, to, users, view, index, onClose }: Props) {
  const t = useWords();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [refused, setRefused] = useState<Check | null>(null);
  const rangeFrom = Form.useWatch('from', form) ?? from;
  const rangeTo = Form.useWatch('to', form) ?? to;
  // Regenerating touches a published month when the range reaches into one (the server decides; the
  // month on screen is what the console knows).
  const published =
    view?.months.some(
      (m) => m.status === 'published' && m.month >= rangeFrom.slice(0, 7) && m.month <= rangeTo.slice(0, 7),
    ) ?? false;

  const option = (u: User) => ({ value: u.id, label: `${u.displayName}（${u.username}）` });
  const officers = eligibleFor('officer', users);
  const leaders = eligibleFor('leader', users);
  const backups = eligibleFor('backup', users);
  // Someone picked for both lists would be rostered on both posts on the same day: by default,
  // leaders lead and the officers' rotation is of those who are officers only.
  const officersOnly = officers.filter((u) => !leaders.some((l) => l.id === u.id));
  const defaultOfficers = officersOnly.length > 0 ? officersOnly : officers;

  function close() {
    setRefused(null);
    onClose();
  }

  async function run(values: Values) {
    const body: GenerateBody = {
      from: values.from,
      to: values.to,
      officers: values.officers,
      leaders: values.leaders,
      ...(values.backups.length ? { backups: values.backups } : {}),
      ...publishedEditBody(published, values),
    };
    const result = await generateRoster(body);
    message.success(t('roster.generated', { ...result }));
  }

  return (
    <FormModal<Values>
      open={open}
      width={720}
      title={t('roster.generateTitle', { month: formatMonth(month, lang) })}
      okText={t('roster.generate')}
      onClose={close}
      submit={run}
      form={form}
      submitId="generate-submit"
      keepOnMaskClick
      initialValues={{
        from,
        to,
        officers: defaultOfficers.map((u) => u.id),
        leaders: leaders.map((u) => u.id),
        backups: [],
      }}
      check={(values) => (values.to < values.from ? t('roster.rangeRule') : null)}
      confirm={(values) => ({
        title: t('roster.generateConfirmTitle'),
        content: t('roster.generateConfirm', { from: values.from, to: values.to }),
        okText: t('roster.generate'),
      })}
      onError={(caught) => refusal(caught, setRefused, t)}
    >
      <Typography.Paragraph type="secondary">{t('roster.generateHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="from" label={t('roster.from')} rules={[{ required: true }]}>
            <Input type="date" data-testid="generate-from" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="to" label={t('roster.to')} rules={[{ required: true }]}>
            <Input type="date" data-testid="generate-to" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="officers"
        label={t('roster.role.officer')}
        extra={t('roster.orderHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('roster.pickOfficers') }]}
      >
        <Select mode="multiple" options={officers.map(option)} data-testid="generate-officers" />
      </Form.Item>
      <Form.Item
        name="leaders"
        label={t('roster.role.leader')}
        rules={[{ required: true, type: 'array', min: 1, message: t('roster.pickLeaders') }]}
      >
        <Select mode="multiple" options={leaders.map(option)} data-testid="generate-leaders" />
      </Form.Item>
      <Form.Item name="backups" label={t('roster.role.backup')} extra={t('roster.backupHint')}>
        <Select mode="multiple" allowClear options={backups.map(option)} data-testid="generate-backups" />
      </Form.Item>
      {published && view && index && <PublishedEditFields refused={refused} index={index} days={view.days} />}
    </FormModal>
  );
}
