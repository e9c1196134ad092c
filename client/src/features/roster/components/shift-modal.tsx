import { FormModal } from '@client/components/form-modal';
import { useLang } from '@client/lib/i18n';
import { formatDay } from '@client/lib/time';
import type { NewShiftBody, RosterView, Shift, UpdateShiftBody } from '@shared/schemas/roster';
import type { DutySettings } from '@shared/schemas/settings';
import type { User } from '@shared/schemas/users';
import { App, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { createShift } from '../api/create-shift';
import { updateShift } from '../api/update-shift';
import { useWords } from '../i18n';
import {
  PublishedEditFields,
  type PublishedEditValues,
  publishedEditBody,
  refusal,
} from './published-edit-fields';
import { type Check, eligibleFor, type RosterIndex } from './roster-derive';
import { DUTY_ROLES, type DutyRole, dutyRoleLabel, type ShiftKind, shiftKindLabel } from './roster-labels';

interface Values extends PublishedEditValues {
  userId: number;
  role: DutyRole;
  kind: ShiftKind;
  dutyDate: string;
}

interface Props {
  /** `null` adds a shift on `dutyDate`; a shift edits it. */
  editing: Shift | null;
  open: boolean;
  dutyDate: string;
  users: User[];
  settings: DutySettings | null;
  /** The month is published: the edit needs a reason and may meet the checks' refusal. */
  published: boolean;
  index: RosterIndex;
  days: RosterView['days'];
  onClose: () => void;
}

function defaultKind(role: DutyRole, settings: DutySettings | null): ShiftKind {
  return role === 'officer' && settings?.template === 'day_night' ? 'day' : 'full';
}

/** Only what changed is sent, so the event names the fields really touched. */
function changes(shift: Shift, values: Values): Omit<UpdateShiftBody, 'reason' | 'override'> {
  const body: Omit<UpdateShiftBody, 'reason' | 'override'> = {};
  if (values.userId !== shift.userId) body.userId = values.userId;
  if (values.role !== shift.role) body.role = values.role;
  if (values.kind !== shift.kind) body.kind = values.kind;
  if (values.dutyDate !== shift.dutyDate) body.dutyDate = values.dutyDate;
  return body;
}

export function ShiftModal({
  editing,
  open,
  dutyDate,
  users,
  settings,
  published,
  index,
  days,
  onClose,
}: Props) {
  const t = useWords();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form) ?? editing?.role ?? 'officer';
  const [refused, setRefused] = useState<Check | null>(null);

  const options = eligibleFor(role, users).map((u) => ({
    value: u.id,
    label: `${u.displayName}（${u.username}）`,
  }));
  // Keep the current holder selectable even if they no longer qualify, so the form shows who it is.
  if (editing && !options.some((o) => o.value === editing.userId)) {
    options.unshift({ value: editing.userId, label: editing.userName });
  }

  function close() {
    setRefused(null);
    onClose();
  }

  async function submit(values: Values) {
    const why = publishedEditBody(published, values);
    if (editing) {
      const body = changes(editing, values);
      if (Object.keys(body).length > 0) await updateShift(editing.id, { ...body, ...why });
    } else {
      const { userId, role, kind, dutyDate: day } = values;
      const body: NewShiftBody = { userId, role, kind, dutyDate: day, ...why };
      await createShift(body);
    }
    message.success(t('common.saved'));
  }

  const initial: Values = editing
    ? { userId: editing.userId, role: editing.role, kind: editing.kind, dutyDate: editing.dutyDate }
    : {
        userId: undefined as unknown as number,
        role: 'officer',
        kind: defaultKind('officer', settings),
        dutyDate,
      };

  return (
    <FormModal<Values>
      open={open}
      title={
        editing
          ? t('roster.editShiftTitle', { name: editing.userName, day: formatDay(editing.dutyDate, lang) })
          : t('roster.addShiftTitle', { day: formatDay(dutyDate, lang) })
      }
      okText={t('common.save')}
      onClose={close}
      submit={submit}
      form={form}
      submitId="shift-submit"
      initialValues={initial}
      onError={(caught) => refusal(caught, setRefused, t)}
    >
      <Form.Item name="role" label={t('roster.role')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={DUTY_ROLES.map((r) => ({ value: r, label: t(dutyRoleLabel[r]) }))}
          onChange={(event) => {
            const next = event.target.value as DutyRole;
            form.setFieldsValue({ kind: defaultKind(next, settings) });
          }}
        />
      </Form.Item>
      <Form.Item
        name="userId"
        label={t('roster.person')}
        rules={[{ required: true, message: t('roster.personRule') }]}
      >
        <Select showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="shift-user" />
      </Form.Item>
      <Form.Item name="kind" label={t('roster.shiftKind')} rules={[{ required: true }]}>
        <Radio.Group
          options={(['full', 'day', 'night'] as const).map((k) => ({
            value: k,
            label: t(shiftKindLabel[k]),
          }))}
        />
      </Form.Item>
      <Form.Item name="dutyDate" label={t('roster.dutyDate')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      {published && <PublishedEditFields refused={refused} index={index} days={days} />}
    </FormModal>
  );
}
