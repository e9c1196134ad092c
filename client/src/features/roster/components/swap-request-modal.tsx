import { FormModal } from '@client/components/form-modal';
import { useLang } from '@client/lib/i18n';
import { formatDay } from '@client/lib/time';
import type { Shift } from '@shared/schemas/roster';
import type { User } from '@shared/schemas/users';
import { App, Form, Input, Select, Typography } from 'antd';
import { requestSwap } from '../api/request-swap';
import { useWords } from '../i18n';
import { eligibleFor } from './roster-derive';
import { describeRosterError } from './roster-errors';
import { dutyRoleLabel, shiftKindLabel } from './roster-labels';

interface Values {
  shiftId: number;
  toUserId: number;
  counterShiftId?: number;
  reason: string;
}

interface Props {
  open: boolean;
  /** Preselected shift, or null to pick one of `ownShifts`. */
  shift: Shift | null;
  /** The shifts the caller may offer: their own future ones (any future one for an administrator). */
  ownShifts: Shift[];
  /** Future shifts of everyone, for the counterpart picker and the exchange. */
  futureShifts: Shift[];
  /** Administrators' full user list; empty for others, who pick from people on the roster. */
  users: User[];
  /** Shifts already in a pending swap: a second request for them would be refused. */
  busyShiftIds: Set<number>;
  onClose: () => void;
}

/** Who may take a shift of `role`: from the user list when there is one, else from the roster itself. */
function candidates(role: Shift['role'], exclude: number, users: User[], futureShifts: Shift[]) {
  if (users.length > 0) {
    return eligibleFor(role, users)
      .filter((u) => u.id !== exclude)
      .map((u) => ({ value: u.id, label: u.displayName }));
  }
  const seen = new Map<number, string>();
  for (const s of futureShifts) {
    const fits = role === 'backup' ? s.role !== 'backup' : s.role === role;
    if (fits && s.userId !== exclude) seen.set(s.userId, s.userName);
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}

export function SwapRequestModal({
  open,
  shift,
  ownShifts,
  futureShifts,
  users,
  busyShiftIds,
  onClose,
}: Props) {
  const t = useWords();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const shiftId = Form.useWatch('shiftId', form) ?? shift?.id;
  const toUserId = Form.useWatch('toUserId', form);

  const describe = (s: Shift) =>
    `${formatDay(s.dutyDate, lang)} · ${t(dutyRoleLabel[s.role])} · ${t(shiftKindLabel[s.kind])} · ${s.userName}`;
  const offered = shift ? [shift, ...ownShifts.filter((s) => s.id !== shift.id)] : ownShifts;
  const chosen = offered.find((s) => s.id === shiftId) ?? null;
  const people = chosen ? candidates(chosen.role, chosen.userId, users, futureShifts) : [];
  const counters = futureShifts.filter((s) => s.userId === toUserId && !s.checkInAt);

  async function submit(values: Values) {
    await requestSwap({
      shiftId: values.shiftId,
      toUserId: values.toUserId,
      reason: values.reason.trim(),
      ...(values.counterShiftId ? { counterShiftId: values.counterShiftId } : {}),
    });
    message.success(t('swap.requested'));
  }

  return (
    <FormModal<Values>
      open={open}
      width={640}
      title={t('swap.requestTitle')}
      okText={t('swap.submit')}
      onClose={onClose}
      submit={submit}
      form={form}
      submitId="swap-submit"
      initialValues={{ shiftId: shift?.id }}
      onError={(caught) => describeRosterError(t, caught)}
    >
      <Typography.Paragraph type="secondary">{t('swap.requestHint')}</Typography.Paragraph>
      <Form.Item
        name="shiftId"
        label={t('swap.shift')}
        rules={[{ required: true, message: t('swap.shiftRule') }]}
      >
        <Select
          options={offered.map((s) => ({
            value: s.id,
            label: busyShiftIds.has(s.id) ? `${describe(s)}${t('swap.pendingSuffix')}` : describe(s),
            disabled: busyShiftIds.has(s.id),
          }))}
          onChange={() => form.setFieldsValue({ toUserId: undefined, counterShiftId: undefined })}
          notFoundContent={t('swap.noOwnShifts')}
          data-testid="swap-shift"
        />
      </Form.Item>
      <Form.Item name="toUserId" label={t('swap.to')} rules={[{ required: true, message: t('swap.toRule') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={people}
          onChange={() => form.setFieldsValue({ counterShiftId: undefined })}
          data-testid="swap-to"
        />
      </Form.Item>
      <Form.Item name="counterShiftId" label={t('swap.counter')} extra={t('swap.counterHint')}>
        <Select
          allowClear
          options={counters.map((s) => ({
            value: s.id,
            label: describe(s),
            disabled: busyShiftIds.has(s.id),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('swap.reason')}
        rules={[{ required: true, whitespace: true, max: 500, message: t('swap.reasonRule') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="swap-reason" />
      </Form.Item>
    </FormModal>
  );
}
