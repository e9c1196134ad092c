import { FormModal } from '@client/components/form-modal';
import { bureauWallNow, bureauWallToIso } from '@client/lib/time';
import { useWarningWords } from '@client/lib/warning-labels';
import {
  HEADQUARTERS_CODES,
  type HeadquartersCode,
  RESPONSE_LEVELS,
  type ResponseLevel,
} from '@shared/domain/warning-types';
import type { EmergencyResponse } from '@shared/schemas/warnings';
import { Form, Input, Select, type SelectProps } from 'antd';
import { changeResponseLevel, endResponse, recordConsultation, startResponse } from '../api/responses';
import { useWords } from '../i18n';

const iso = (wall: string | undefined) => (wall ? (bureauWallToIso(wall) ?? undefined) : undefined);

function ResponseLevelSelect(props: SelectProps) {
  const words = useWarningWords();
  return (
    <Select {...props} options={RESPONSE_LEVELS.map((l) => ({ value: l, label: words.responseLevel(l) }))} />
  );
}

/** 启动应急响应. */
export function StartResponseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useWords();
  const words = useWarningWords();
  return (
    <FormModal<{
      headquarters: HeadquartersCode;
      level: ResponseLevel;
      startedAt?: string;
      orderText: string;
    }>
      open={open}
      onClose={onClose}
      title={t('warnings.startResponse')}
      okText={t('warnings.save')}
      name="start-response"
      submitId="start-response-submit"
      keepOnMaskClick
      initialValues={{ headquarters: 'flood_drought', startedAt: bureauWallNow() }}
      submit={(v) =>
        startResponse({
          headquarters: v.headquarters,
          level: v.level,
          ...(v.startedAt ? { startedAt: iso(v.startedAt) } : {}),
          orderText: v.orderText,
        })
      }
    >
      <Form.Item name="headquarters" label={t('warnings.headquarters')} rules={[{ required: true }]}>
        <Select options={HEADQUARTERS_CODES.map((c) => ({ value: c, label: words.hq(c) }))} />
      </Form.Item>
      <Form.Item name="level" label={t('warnings.responseLevel')} rules={[{ required: true }]}>
        <ResponseLevelSelect />
      </Form.Item>
      <Form.Item name="startedAt" label={t('warnings.startedAt')}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item
        name="orderText"
        label={t('warnings.orderText')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

/** 调整响应级别. */
export function ChangeResponseModal({
  response,
  onClose,
}: {
  response: EmergencyResponse | null;
  onClose: () => void;
}) {
  const t = useWords();
  return (
    <FormModal<{ level: ResponseLevel; at?: string; orderText?: string }>
      open={response !== null}
      onClose={onClose}
      title={t('warnings.changeResponse')}
      okText={t('warnings.save')}
      name="change-response"
      initialValues={{ level: response?.level }}
      submit={(v) =>
        changeResponseLevel(response!.id, {
          level: v.level,
          ...(v.at ? { at: iso(v.at) } : {}),
          ...(v.orderText?.trim() ? { orderText: v.orderText } : {}),
        })
      }
    >
      <Form.Item name="level" label={t('warnings.responseLevel')} rules={[{ required: true }]}>
        <ResponseLevelSelect />
      </Form.Item>
      <Form.Item name="at" label={t('warnings.at')}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="orderText" label={t('warnings.orderText')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

/** 终止应急响应. */
export function EndResponseModal({
  response,
  onClose,
}: {
  response: EmergencyResponse | null;
  onClose: () => void;
}) {
  const t = useWords();
  const words = useWarningWords();
  return (
    <FormModal<{ at?: string; note?: string }>
      open={response !== null}
      onClose={onClose}
      title={response ? t('warnings.endTitle', { label: words.response(response) }) : ''}
      okText={t('warnings.end')}
      danger
      name="end-response"
      submit={(v) =>
        endResponse(response!.id, { ...(v.at ? { at: iso(v.at) } : {}), ...(v.note ? { note: v.note } : {}) })
      }
    >
      <Form.Item name="at" label={t('warnings.at')}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="note" label={t('warnings.note')}>
        <Input maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** 记录会商研判. */
export function ConsultationModal({
  open,
  onClose,
  responses,
}: {
  open: boolean;
  onClose: () => void;
  responses: EmergencyResponse[];
}) {
  const t = useWords();
  const words = useWarningWords();
  return (
    <FormModal<{
      heldAt: string;
      participants: string[];
      conclusions: string;
      orders?: string;
      responseId?: number;
    }>
      open={open}
      onClose={onClose}
      title={t('warnings.consult')}
      okText={t('warnings.save')}
      name="consultation"
      keepOnMaskClick
      initialValues={{ heldAt: bureauWallNow(), responseId: responses[0]?.id }}
      submit={(v) =>
        recordConsultation({
          heldAt: iso(v.heldAt) ?? new Date().toISOString(),
          participants: v.participants,
          conclusions: v.conclusions,
          ...(v.orders ? { orders: v.orders } : {}),
          responseId: v.responseId ?? null,
        })
      }
    >
      <Form.Item name="heldAt" label={t('warnings.heldAt')} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item
        name="participants"
        label={t('warnings.participants')}
        extra={t('warnings.participantsHint')}
        rules={[{ required: true }]}
      >
        <Select mode="tags" open={false} />
      </Form.Item>
      <Form.Item
        name="conclusions"
        label={t('warnings.conclusions')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="orders" label={t('warnings.orders')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="responseId" label={t('warnings.underResponse')}>
        <Select allowClear options={responses.map((r) => ({ value: r.id, label: words.response(r) }))} />
      </Form.Item>
    </FormModal>
  );
}
