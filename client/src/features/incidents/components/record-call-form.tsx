import { ClockCircleOutlined, SendOutlined } from '@ant-design/icons';
import { ApiError, NETWORK_ERROR } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import { bureauWallNow, formatHourMinute } from '@client/lib/time';
import type { Incident } from '@shared/schemas/incidents';
import { Alert, App, Button, Form, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createIncident } from '../api/create-incident';
import { useWords } from '../i18n';
import { formKeyHandler } from './form-keys';
import { GradePreview } from './grade-preview';
import { clearDraft, loadDraft, newIdempotencyKey, saveDraft } from './record-call-draft';
import { RecordCallSections } from './record-call-sections';
import { gradingInputOf, initialCallValues, type RecordCallValues, toIntake } from './record-call-values';

interface Props {
  onCancel: () => void;
  onCreated: (incident: Incident) => void;
}

type Problem = { kind: 'error' | 'network' | 'mismatch'; text: string } | null;

export function RecordCallForm({ onCancel, onCreated }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordCallValues>();
  const [restored] = useState(loadDraft);
  // Made when the form opens and kept across retries, so a lost response never doubles the call.
  const [key, setKey] = useState(() => restored?.key ?? newIdempotencyKey());
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  const values = Form.useWatch((all: RecordCallValues) => all, { form, preserve: true });
  // A submission the network lost: sent again, same key and body, when the connection returns.
  const [pending, setPending] = useState(false);
  const submittingRef = useRef(false);

  useEffect(() => {
    if (!pending) return;
    const retry = () => {
      if (!submittingRef.current) form.submit();
    };
    window.addEventListener('online', retry);
    // A connection that came back before this listener (or never told the page) is tried too.
    const timer = window.setInterval(() => {
      if (navigator.onLine) retry();
    }, 5000);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [pending, form]);

  function persist() {
    saveDraft({ key: keyRef.current, values: form.getFieldsValue(true), savedAt: Date.now() });
  }

  function startOver() {
    clearDraft();
    const fresh = newIdempotencyKey();
    keyRef.current = fresh;
    setKey(fresh);
    setProblem(null);
    form.resetFields();
    form.setFieldsValue(initialCallValues());
    document.getElementById('record-call_caller_name')?.focus();
  }

  async function onFinish(all: RecordCallValues) {
    const body = toIntake(all);
    if (!body) {
      form.setFields([{ name: 'occurredAt', errors: [t('incidents.form.occurredAtInvalid')] }]);
      return;
    }
    if (submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    setProblem(null);
    persist();
    try {
      const incident = await createIncident(body, keyRef.current);
      setPending(false);
      clearDraft();
      message.success(t('incidents.record.created', { id: incident.id }));
      onCreated(incident);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === NETWORK_ERROR) {
        setPending(true);
        setProblem({
          kind: 'network',
          text: navigator.onLine ? t('incidents.record.networkRetry') : t('incidents.record.offlineQueued'),
        });
      } else if (caught instanceof ApiError && caught.code === 'DUTY_ERR_IDEMPOTENCY_MISMATCH') {
        setPending(false);
        setProblem({ kind: 'mismatch', text: t('incidents.record.mismatch') });
      } else if (caught instanceof ApiError && caught.message.startsWith('body.occurredAt:')) {
        // Refused by the server's clock (this computer's may differ): said at the field.
        form.setFields([{ name: 'occurredAt', errors: [t('incidents.form.occurredAtFuture')] }]);
      } else if (caught instanceof ApiError && caught.code === 'DUTY_ERR_IDEMPOTENCY_IN_FLIGHT') {
        // The first attempt is still being stored: asked again shortly, same key.
        setPending(true);
        setProblem({ kind: 'error', text: t('incidents.record.inFlight') });
      } else {
        setPending(false);
        setProblem({ kind: 'error', text: describeError(t, caught) });
      }
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }

  function submitAsNew() {
    const fresh = newIdempotencyKey();
    keyRef.current = fresh;
    setKey(fresh);
    persist();
    form.submit();
  }

  return (
    <fieldset
      className="inc-record"
      aria-label={t('incidents.record.title')}
      onKeyDown={formKeyHandler(() => form.submit(), 'record-call-submit')}
      data-idempotency-key={key}
    >
      {restored && (
        <Alert
          type="info"
          showIcon
          className="inc-record-alert"
          title={t('incidents.record.restored', {
            time: formatHourMinute(new Date(restored.savedAt).toISOString()),
          })}
          action={
            <Button size="small" onClick={startOver} data-testid="record-call-reset">
              {t('incidents.record.startOver')}
            </Button>
          }
        />
      )}
      {problem && (
        <Alert
          type={problem.kind === 'network' ? 'warning' : 'error'}
          showIcon
          className="inc-record-alert"
          title={problem.text}
          data-testid="record-call-error"
          action={
            problem.kind === 'mismatch' ? (
              <Button size="small" danger onClick={submitAsNew}>
                {t('incidents.record.submitAsNew')}
              </Button>
            ) : undefined
          }
        />
      )}
      <div className="inc-record-layout">
        <Form<RecordCallValues>
          form={form}
          name="record-call"
          layout="vertical"
          requiredMark
          initialValues={restored?.values ?? initialCallValues()}
          onValuesChange={persist}
          onFinish={onFinish}
          scrollToFirstError
          className="inc-record-form"
        >
          <RecordCallSections
            category={values?.category}
            now={
              <Button
                icon={<ClockCircleOutlined />}
                tabIndex={-1}
                onClick={() => {
                  form.setFieldValue('occurredAt', bureauWallNow());
                  persist();
                }}
              >
                {t('incidents.form.now')}
              </Button>
            }
          />
        </Form>
        <aside className="inc-record-side">
          <GradePreview input={values ? gradingInputOf(values) : null} />
          <Space orientation="vertical" className="inc-record-actions">
            <Button
              type="primary"
              size="large"
              block
              icon={<SendOutlined />}
              loading={submitting}
              onClick={() => form.submit()}
              id="record-call-submit"
              data-testid="record-call-submit"
            >
              {t('incidents.record.submit')}
            </Button>
            <Button block onClick={onCancel}>
              {t('incidents.record.closeKeep')}
            </Button>
          </Space>
        </aside>
      </div>
    </fieldset>
  );
}
