import { useT } from '@client/lib/i18n';
import { formatMinute } from '@client/lib/time';
import type { LogEntry, LogPatch } from '@shared/schemas/logbook';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { updateLogEntry } from '../api/update-log-entry';
import { kindFields, kindLabel } from './log-labels';
import { describeLogError } from './logbook-errors';

interface Values {
  content: string;
  alreadyTold?: string;
  handling?: string;
}

interface Props {
  entry: LogEntry | null;
  onClose: () => void;
  onSaved: (entry: LogEntry) => void;
}

/** 补记: how it was handled and who else was told are often known only later. */
export function LogEditModal({ entry, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = entry ? kindFields[entry.kind] : null;

  async function onFinish(values: Values) {
    if (!entry) return;
    const patch: LogPatch = {};
    const content = values.content.trim();
    if (content !== entry.content) patch.content = content;
    const told = values.alreadyTold?.trim() ?? '';
    if (fields?.alreadyTold && told !== (entry.alreadyTold ?? '')) patch.alreadyTold = told;
    const handling = values.handling?.trim() ?? '';
    if (handling !== (entry.handling ?? '')) patch.handling = handling;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await updateLogEntry(entry.id, patch);
      message.success(t('logbook.edit.saved'));
      onSaved(saved);
      onClose();
    } catch (caught) {
      setError(describeLogError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={entry !== null}
      title={
        entry ? t('logbook.edit.title', { kind: t(kindLabel[entry.kind]), time: formatMinute(entry.at) }) : ''
      }
      okText={t('common.save')}
      okButtonProps={{ loading: busy, htmlType: 'submit', id: 'log-edit-submit' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) setError(null);
      }}
      modalRender={(dom) => (
        <Form
          form={form}
          name="log-edit"
          layout="vertical"
          clearOnDestroy
          onFinish={onFinish}
          initialValues={{
            content: entry?.content ?? '',
            alreadyTold: entry?.alreadyTold ?? '',
            handling: entry?.handling ?? '',
          }}
        >
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error} className="logbook-form-alert" />}
      {fields && (
        <>
          <Form.Item
            name="content"
            label={t(fields.content)}
            rules={[{ required: true, whitespace: true, message: t('logbook.form.contentRule') }]}
          >
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          {fields.alreadyTold && (
            <Form.Item name="alreadyTold" label={t(fields.alreadyTold)}>
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="handling" label={t(fields.handling ?? 'logbook.field.handling')}>
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 8 }} autoFocus />
          </Form.Item>
        </>
      )}
    </Modal>
  );
}
