import { FormModal } from '@client/components/form-modal';
import { bureauWallNow, bureauWallToIso } from '@client/lib/time';
import type { Incident, NotificationBody, ObligationView } from '@shared/schemas/incidents';
import { Form, Input, Select } from 'antd';
import { recordDirectEntry, recordDirectNotified, recordNotification } from '../api/record-statutory';
import { type AnyKey, useWords } from '../i18n';
import { notificationDepartment } from './incident-labels';

interface Values {
  at: string;
  recordNumber?: string;
  department?: string;
  person?: string;
  channel?: NotificationBody['channel'];
}

const CHANNELS: NotificationBody['channel'][] = ['phone', 'written', 'fax', 'system', 'in_person'];
export const channelLabel: Record<NotificationBody['channel'], AnyKey> = {
  phone: 'incidents.ob.channel.phone',
  written: 'incidents.ob.channel.written',
  fax: 'incidents.ob.channel.fax',
  system: 'incidents.ob.channel.system',
  in_person: 'incidents.ob.channel.in_person',
};

interface Props {
  incident: Incident;
  /** The statutory obligation to record (direct_entry, direct_notified, notification), or null: closed. */
  obligation: ObligationView | null;
  onClose: () => void;
  onSaved: (incident: Incident) => void;
}

/** 直报录入, the notification received from the fire service / traffic police, a department told: one record each. */
export function StatutoryRecordModal({ incident, obligation, onClose, onSaved }: Props) {
  const t = useWords();
  const kind = obligation?.kind;
  const department = obligation ? notificationDepartment(obligation.key) : null;
  const title =
    kind === 'direct_entry'
      ? t('incidents.ob.recordTitle.direct_entry')
      : kind === 'direct_notified'
        ? t('incidents.ob.recordTitle.direct_notified')
        : t('incidents.ob.recordTitle.notification', { department: department ?? '' });
  const required = { required: true, whitespace: true, message: t('incidents.ob.field.required') };

  async function submit(v: Values) {
    const at = bureauWallToIso(v.at);
    if (!at) throw new Error(t('incidents.ob.field.badTime'));
    const saved =
      kind === 'direct_entry'
        ? await recordDirectEntry(incident.id, { enteredAt: at, recordNumber: v.recordNumber!.trim() })
        : kind === 'direct_notified'
          ? await recordDirectNotified(incident.id, {
              notifiedAt: at,
              department: v.department!.trim(),
              ...(v.person?.trim() ? { person: v.person.trim() } : {}),
            })
          : await recordNotification(incident.id, {
              department: department ?? '',
              notifiedAt: at,
              channel: v.channel ?? 'phone',
              person: v.person!.trim(),
            });
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      open={obligation !== null}
      title={title}
      okText={t('common.save')}
      onClose={onClose}
      submit={submit}
      name="statutory-record"
      submitId="statutory-record-submit"
      testId="statutory-record-modal"
      initialValues={{
        at: bureauWallNow(),
        channel: 'phone',
        department: incident.category === 'road_traffic' ? '区公安交警大队' : '区消防救援大队',
      }}
    >
      <Form.Item
        name="at"
        label={t(kind === 'direct_entry' ? 'incidents.ob.field.enteredAt' : 'incidents.ob.field.notifiedAt')}
        rules={[required]}
      >
        <Input type="datetime-local" />
      </Form.Item>
      {kind === 'direct_entry' && (
        <Form.Item
          name="recordNumber"
          label={t('incidents.ob.field.recordNumber')}
          rules={[
            required,
            { pattern: /^[A-Za-z0-9_./:-]+$/, max: 60, message: t('incidents.ob.field.recordNumberRule') },
          ]}
        >
          <Input maxLength={60} autoComplete="off" autoFocus />
        </Form.Item>
      )}
      {kind === 'direct_notified' && (
        <Form.Item name="department" label={t('incidents.ob.field.department')} rules={[required]}>
          <Input maxLength={60} />
        </Form.Item>
      )}
      {kind === 'notification' && (
        <Form.Item name="channel" label={t('incidents.ob.field.channel')} rules={[{ required: true }]}>
          <Select options={CHANNELS.map((c) => ({ value: c, label: t(channelLabel[c]) }))} />
        </Form.Item>
      )}
      {kind !== 'direct_entry' && (
        <Form.Item
          name="person"
          label={t(kind === 'notification' ? 'incidents.ob.field.personTo' : 'incidents.ob.field.personFrom')}
          rules={kind === 'notification' ? [required] : []}
        >
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
      )}
    </FormModal>
  );
}
