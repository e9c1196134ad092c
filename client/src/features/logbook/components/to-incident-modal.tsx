import { CategoryPicker } from '@client/components/category-picker';
import { FormModal } from '@client/components/form-modal';
import { bureauWallOf, bureauWallToIso, formatMinute } from '@client/lib/time';
import { CASUALTY_FIELDS, type CasualtyField } from '@shared/domain/incident-flags';
import type { CategoryCode } from '@shared/domain/incident-types';
import type { Incident } from '@shared/schemas/incidents';
import type { LogEntry, LogToIncidentBody } from '@shared/schemas/logbook';
import { App, Form, Input, InputNumber, Typography } from 'antd';
import { logEntryToIncident } from '../api/log-entry-to-incident';
import { useWords } from '../i18n';
import { describeLogError } from './logbook-errors';

interface Values {
  category?: CategoryCode;
  occurredAt?: string;
  address?: string;
  summary?: string;
  casualties?: Partial<Record<CasualtyField, number | null>>;
}

interface Props {
  entry: LogEntry | null;
  onClose: () => void;
  onCreated: (incident: Incident) => void;
}

const casualtyKey: Record<CasualtyField, `incidents.cas.${CasualtyField}`> = {
  deaths: 'incidents.cas.deaths',
  missing: 'incidents.cas.missing',
  seriousInjuries: 'incidents.cas.seriousInjuries',
  poisoned: 'incidents.cas.poisoned',
  minorInjuries: 'incidents.cas.minorInjuries',
  injuredUnknown: 'incidents.cas.injuredUnknown',
  trapped: 'incidents.cas.trapped',
  endangered: 'incidents.cas.endangered',
  evacuated: 'incidents.cas.evacuated',
};

function toBody(values: Values, occurredAt: string): LogToIncidentBody {
  const casualties = Object.fromEntries(
    CASUALTY_FIELDS.map((f) => [f, Math.max(0, Math.trunc(values.casualties?.[f] ?? 0))]),
  ) as Record<CasualtyField, number>;
  const body: LogToIncidentBody = {
    category: values.category!,
    occurredAt,
    location: { address: values.address?.trim() ?? '' },
    casualties,
  };
  const summary = values.summary?.trim();
  if (summary) body.summary = summary;
  return body;
}

/** A refusal already shown on its field. */
class FieldRefusal extends Error {}

/**
 * 转为事件: what the call does not already say (the caller, the time received and the account come
 * from the entry). Grading, deadlines and reports then run on the incident's own page.
 */
export function ToIncidentModal({ entry, onClose, onCreated }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  async function submit(values: Values) {
    if (!entry) return;
    const occurredAt = values.occurredAt ? bureauWallToIso(values.occurredAt) : null;
    if (!occurredAt) {
      form.setFields([{ name: 'occurredAt', errors: [t('logbook.toIncident.occurredAtInvalid')] }]);
      throw new FieldRefusal();
    }
    const { incident } = await logEntryToIncident(entry.id, toBody(values, occurredAt));
    message.success(t('logbook.toIncident.done', { id: incident.id }));
    onCreated(incident);
  }

  return (
    <FormModal<Values>
      open={entry !== null}
      title={t('logbook.toIncident.title')}
      width={720}
      okText={t('logbook.toIncident.submit')}
      danger
      onClose={onClose}
      submit={submit}
      form={form}
      name="to-incident"
      submitId="to-incident-submit"
      keepOnMaskClick
      requiredMark
      initialValues={{
        occurredAt: bureauWallOf(entry?.at),
        summary: entry?.content ?? '',
        casualties: Object.fromEntries(CASUALTY_FIELDS.map((f) => [f, 0])),
      }}
      onError={(caught) => (caught instanceof FieldRefusal ? null : describeLogError(t, caught))}
      intro={
        entry && (
          <Typography.Paragraph type="secondary" className="logbook-convert-from">
            {t('logbook.toIncident.from', {
              time: formatMinute(entry.at),
              who: [entry.callerName, entry.callerUnit].filter(Boolean).join(' · ') || '—',
            })}
          </Typography.Paragraph>
        )
      }
      alertClassName="logbook-form-alert"
      alertTestId="to-incident-error"
    >
      <div className="logbook-convert-grid">
        <Form.Item
          name="category"
          label={t('incidents.form.category')}
          rules={[{ required: true, message: t('incidents.form.categoryRule') }]}
        >
          <CategoryPicker autoFocus placeholder={t('logbook.toIncident.categoryPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="occurredAt"
          label={t('incidents.form.occurredAt')}
          rules={[{ required: true, message: t('incidents.form.occurredAtRule') }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
      </div>
      <Form.Item
        name="address"
        label={t('incidents.form.address')}
        rules={[{ required: true, whitespace: true, message: t('incidents.form.addressRule') }]}
      >
        <Input maxLength={300} autoComplete="off" placeholder={t('incidents.form.addressPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('logbook.toIncident.summary')}
        rules={[{ required: true, whitespace: true, message: t('logbook.form.contentRule') }]}
      >
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <div className="logbook-section-title">{t('logbook.toIncident.casualties')}</div>
      <div className="logbook-casualty-grid">
        {CASUALTY_FIELDS.map((field) => (
          <Form.Item key={field} name={['casualties', field]} label={t(casualtyKey[field])}>
            <InputNumber min={0} max={1_000_000} precision={0} className="logbook-number" />
          </Form.Item>
        ))}
      </div>
    </FormModal>
  );
}
