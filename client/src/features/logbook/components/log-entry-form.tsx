import { ClockCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { bureauWallNow } from '@client/lib/time';
import type { LogEntry, LogKind } from '@shared/schemas/logbook';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Segmented, Space } from 'antd';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { addLogEntry } from '../api/add-log-entry';
import { useWords } from '../i18n';
import { type LogEntryValues, toNewEntry, wallToIso } from './log-entry-values';
import { kindFields, kindLabel, LOG_KINDS } from './log-labels';
import { describeLogError } from './logbook-errors';

const PHONE = /^[0-9+() -]*$/;
/** While the officer has not touched the time, it follows the clock. */
const CLOCK_FOLLOW_MS = 15_000;

interface Props {
  onAdded: (entry: LogEntry) => void;
}

/** 快速记录: the kind first, then the fields that kind asks for, in the order they are asked. */
export function LogEntryForm({ onAdded }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<LogEntryValues>();
  const [kind, setKind] = useState<LogKind>('call');
  const fields = kindFields[kind];
  const add = useMutation({
    mutationFn: addLogEntry,
    onSuccess: (entry) => {
      message.success(t('logbook.form.added', { kind: t(kindLabel[kind]) }));
      reset();
      onAdded(entry);
      document.getElementById(fields.name ? 'logbook-entry_callerName' : 'logbook-entry_content')?.focus();
    },
  });
  const error = add.error && describeLogError(t, add.error);

  useEffect(() => {
    const timer = setInterval(() => {
      if (!form.isFieldTouched('at')) form.setFieldValue('at', bureauWallNow());
    }, CLOCK_FOLLOW_MS);
    return () => clearInterval(timer);
  }, [form]);

  function reset() {
    form.resetFields();
    form.setFieldValue('at', bureauWallNow());
    add.reset();
  }

  function onFinish(values: LogEntryValues) {
    const touched = form.isFieldTouched('at');
    const atIso = touched ? wallToIso(values.at) : null;
    if (touched && !atIso) {
      form.setFields([{ name: 'at', errors: [t('logbook.form.atInvalid')] }]);
      return;
    }
    add.mutate(toNewEntry(kind, values, atIso));
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      form.submit();
    }
  }

  const text = (key: typeof fields.name) => (key ? t(key) : '');

  return (
    <fieldset
      className="logbook-form"
      aria-label={t('logbook.form.title')}
      data-testid="logbook-form"
      data-kind={kind}
      onKeyDown={onKeyDown}
    >
      <div className="logbook-form-head">
        <Segmented<LogKind>
          value={kind}
          onChange={(next) => {
            setKind(next);
            add.reset();
          }}
          options={LOG_KINDS.map((k) => ({ value: k, label: t(kindLabel[k]) }))}
          data-testid="logbook-kind"
        />
        <span className="logbook-form-hint">{t('logbook.form.hint')}</span>
      </div>
      {error && <Alert type="error" showIcon title={error} className="logbook-form-alert" />}
      <Form<LogEntryValues>
        form={form}
        name="logbook-entry"
        layout="vertical"
        initialValues={{ at: bureauWallNow() }}
        onFinish={onFinish}
        requiredMark
      >
        <div className="logbook-grid-head">
          <Form.Item label={t('logbook.field.at')} required>
            <Space.Compact block>
              <Form.Item name="at" noStyle rules={[{ required: true, message: t('logbook.form.atRule') }]}>
                <Input type="datetime-local" />
              </Form.Item>
              <Button
                icon={<ClockCircleOutlined />}
                tabIndex={-1}
                aria-label={t('logbook.form.now')}
                onClick={() => {
                  // Untouched again: it follows the clock and the server stamps it.
                  form.resetFields(['at']);
                  form.setFieldValue('at', bureauWallNow());
                }}
              />
            </Space.Compact>
          </Form.Item>
          {fields.name && (
            <Form.Item
              name="callerName"
              label={text(fields.name)}
              rules={
                kind === 'call'
                  ? [{ required: true, whitespace: true, message: t('logbook.form.callerNameRule') }]
                  : []
              }
            >
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
          )}
          {fields.unit && (
            <Form.Item name="callerUnit" label={text(fields.unit)}>
              <Input maxLength={120} autoComplete="off" />
            </Form.Item>
          )}
          {fields.post && (
            <Form.Item name="callerPost" label={text(fields.post)}>
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
          )}
          {fields.phone && (
            <Form.Item
              name="callerPhone"
              label={text(fields.phone)}
              rules={[{ pattern: PHONE, message: t('logbook.form.phoneRule') }]}
            >
              <Input maxLength={30} autoComplete="off" inputMode="tel" />
            </Form.Item>
          )}
        </div>
        <div className={`logbook-grid-body${fields.handling ? '' : ' logbook-grid-body-single'}`}>
          <Form.Item
            name="content"
            label={t(fields.content)}
            rules={[{ required: true, whitespace: true, message: t('logbook.form.contentRule') }]}
          >
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          {fields.handling && (
            <div>
              {fields.alreadyTold && (
                <Form.Item name="alreadyTold" label={text(fields.alreadyTold)}>
                  <Input
                    maxLength={300}
                    autoComplete="off"
                    placeholder={t('logbook.form.alreadyToldPlaceholder')}
                  />
                </Form.Item>
              )}
              <Form.Item name="handling" label={text(fields.handling)}>
                <Input.TextArea
                  maxLength={4000}
                  autoSize={{ minRows: fields.alreadyTold ? 1 : 2, maxRows: 6 }}
                />
              </Form.Item>
            </div>
          )}
        </div>
        <div className="logbook-form-actions">
          <Button onClick={reset}>{t('logbook.form.clear')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={add.isPending}
            data-testid="logbook-submit"
          >
            {t('logbook.form.submit')}
          </Button>
        </div>
      </Form>
    </fieldset>
  );
}
