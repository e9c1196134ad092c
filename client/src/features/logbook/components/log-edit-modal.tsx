import { FormModal } from '@client/components/form-modal';
import { formatMinute } from '@client/lib/time';
import type { LogEntry, LogPatch } from '@shared/schemas/logbook';
import { App, Form, Input } from 'antd';
import { updateLogEntry } from '../api/update-log-entry';
import { useWords } from '../i18n';
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
  const t = useWords();
  const { message } = App.useApp();
  const fields = entry ? kindFields[entry.kind] : null;

  async function submit(values: Values) {
    if (!entry) return;
    const patch: LogPatch = {};
    const content = values.content.trim();
    if (content !== entry.content) patch.content = content;
    const told = values.alreadyTold?.trim() ?? '';
    if (fields?.alreadyTold && told !== (entry.alreadyTold ?? '')) patch.alreadyTold = told;
    const handling = values.handling?.trim() ?? '';
    if (handling !== (entry.handling ?? '')) patch.handling = handling;
    if (Object.keys(patch).length === 0) return;
    const saved = await updateLogEntry(entry.id, patch);
    message.success(t('logbook.edit.saved'));
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      open={entry !== null}
      title={
        entry ? t('logbook.edit.title', { kind: t(kindLabel[entry.kind]), time: formatMinute(entry.at) }) : ''
      }
      okText={t('common.save')}
      onClose={onClose}
      submit={submit}
      name="log-edit"
      submitId="log-edit-submit"
      initialValues={{
        content: entry?.content ?? '',
        alreadyTold: entry?.alreadyTold ?? '',
        handling: entry?.handling ?? '',
      }}
      onError={(caught) => describeLogError(t, caught)}
      alertClassName="logbook-form-alert"
    >
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
    </FormModal>
  );
}
