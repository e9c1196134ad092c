import { FormModal } from '@client/components/form-modal';
import { bureauWallNow, bureauWallToIso } from '@client/lib/time';
import { useWarningWords } from '@client/lib/warning-labels';
import {
  WARNING_TYPE_CODES,
  WARNING_TYPES,
  type WarningLevel,
  type WarningTypeCode,
} from '@shared/domain/warning-types';
import type { Warning } from '@shared/schemas/warnings';
import { Form, Input, Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { changeWarningLevel, liftWarning } from '../api/change-warning';
import { issueWarning } from '../api/issue-warning';
import { useWords } from '../i18n';

/** A UUID v4; `crypto.randomUUID` exists only in secure contexts, a LAN http console may lack it. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

const iso = (wall: string | undefined) => (wall ? (bureauWallToIso(wall) ?? undefined) : undefined);

/** Form.Item gives it its id, value and onChange; it offers only the colours the type takes. */
export function LevelSelect({ type, ...rest }: { type: WarningTypeCode | undefined } & SelectProps) {
  const words = useWarningWords();
  const levels = type ? WARNING_TYPES[type].levels : [];
  return (
    <Select
      {...rest}
      options={[...levels].reverse().map((l) => ({ value: l, label: words.level(l) }))}
      data-testid="warning-level"
    />
  );
}

interface IssueValues {
  type: WarningTypeCode;
  level: WarningLevel;
  issuer: string;
  issuedAt: string;
  effectiveAt?: string;
  area?: string[];
  text: string;
}

/** 录入预警: the key is made when the form opens, so a retry after a lost answer is one warning. */
export function IssueWarningModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useWords();
  const words = useWarningWords();
  const [form] = Form.useForm<IssueValues>();
  const type = Form.useWatch('type', form);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key each time the form opens
  const key = useMemo(newKey, [open]);
  return (
    <FormModal<IssueValues>
      open={open}
      onClose={onClose}
      title={t('warnings.issue')}
      okText={t('warnings.save')}
      form={form}
      name="issue-warning"
      submitId="issue-warning-submit"
      keepOnMaskClick
      initialValues={{ issuedAt: bureauWallNow(), issuer: '区气象台' }}
      submit={(v) =>
        issueWarning(
          {
            type: v.type,
            level: v.level,
            issuer: v.issuer,
            issuedAt: iso(v.issuedAt) ?? new Date().toISOString(),
            ...(v.effectiveAt ? { effectiveAt: iso(v.effectiveAt) } : {}),
            area: v.area ?? [],
            text: v.text,
          },
          key,
        )
      }
    >
      <Form.Item name="type" label={t('warnings.type')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={WARNING_TYPE_CODES.map((c) => ({ value: c, label: words.type(c) }))}
          onChange={() => form.setFieldValue('level', undefined)}
          data-testid="warning-type"
        />
      </Form.Item>
      <Form.Item name="level" label={t('warnings.level')} rules={[{ required: true }]}>
        <LevelSelect type={type} />
      </Form.Item>
      <Form.Item name="issuer" label={t('warnings.issuer')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="issuedAt" label={t('warnings.issuedAt')} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="effectiveAt" label={t('warnings.effectiveAt')}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="area" label={t('warnings.area')} extra={t('warnings.areaHint')}>
        <Select mode="tags" open={false} />
      </Form.Item>
      <Form.Item name="text" label={t('warnings.text')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

/** 升级 / 降级: only the colours this type takes. */
export function ChangeLevelModal({ warning, onClose }: { warning: Warning | null; onClose: () => void }) {
  const t = useWords();
  return (
    <FormModal<{ level: WarningLevel; at?: string; text?: string }>
      open={warning !== null}
      onClose={onClose}
      title={t('warnings.changeLevel')}
      okText={t('warnings.save')}
      name="change-level"
      submitId="change-level-submit"
      initialValues={{ level: warning?.level }}
      submit={(v) =>
        changeWarningLevel(warning!.id, {
          level: v.level,
          ...(v.at ? { at: iso(v.at) } : {}),
          ...(v.text?.trim() ? { text: v.text } : {}),
        })
      }
    >
      <Form.Item name="level" label={t('warnings.newLevel')} rules={[{ required: true }]}>
        <LevelSelect type={warning?.type} />
      </Form.Item>
      <Form.Item name="at" label={t('warnings.at')}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="text" label={t('warnings.text')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

/** 解除. */
export function LiftModal({ warning, onClose }: { warning: Warning | null; onClose: () => void }) {
  const t = useWords();
  const words = useWarningWords();
  return (
    <FormModal<{ at?: string; note?: string }>
      open={warning !== null}
      onClose={onClose}
      title={warning ? t('warnings.liftTitle', { label: words.warning(warning) }) : ''}
      okText={t('warnings.lift')}
      danger
      name="lift-warning"
      submitId="lift-warning-submit"
      submit={(v) =>
        liftWarning(warning!.id, { ...(v.at ? { at: iso(v.at) } : {}), ...(v.note ? { note: v.note } : {}) })
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
