import { ApiError } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import type { Incident } from '@shared/schemas/incidents';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { closeIncident } from '../api/close-incident';
import { useWords } from '../i18n';

interface Props {
  incident: Incident;
  open: boolean;
  hasFinal: boolean;
  onClose: () => void;
  onClosed: (incident: Incident) => void;
}

/** 结案: the outcome, once the 终报 has gone up. */
export function CloseIncidentModal({ incident, open, hasFinal, onClose, onClosed }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: string }>();
  const close = useMutation({
    mutationFn: ({ outcome }: { outcome: string }) => closeIncident(incident.id, outcome.trim()),
    onSuccess: (closed) => {
      message.success(t('incidents.close.done', { id: incident.id }));
      onClosed(closed);
      onClose();
    },
  });
  const error =
    close.error instanceof ApiError && close.error.code === 'DUTY_ERR_FINAL_REPORT_REQUIRED'
      ? t('incidents.close.needFinal')
      : close.error && describeError(t, close.error);

  return (
    <Modal
      open={open}
      title={t('incidents.close.title', { id: incident.id })}
      okText={t('incidents.close.confirm')}
      okButtonProps={{
        danger: true,
        loading: close.isPending,
        htmlType: 'submit',
        id: 'close-incident-submit',
      }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form
          form={form}
          name="close-incident"
          layout="vertical"
          clearOnDestroy
          onFinish={(values) => close.mutate(values)}
        >
          {dom}
        </Form>
      )}
    >
      {!hasFinal && (
        <Alert type="warning" showIcon title={t('incidents.close.needFinal')} className="inc-modal-alert" />
      )}
      {error && (
        <Alert type="error" showIcon title={error} className="inc-modal-alert" data-testid="close-error" />
      )}
      <Form.Item
        name="outcome"
        label={t('incidents.close.outcome')}
        rules={[{ required: true, whitespace: true, message: t('incidents.close.outcomeRule') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={4000}
          autoFocus
          data-testid="close-outcome"
        />
      </Form.Item>
    </Modal>
  );
}
