import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, type FormInstance, Modal, type ModalFuncProps } from 'antd';
import { type ReactNode, useState } from 'react';

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  okText: ReactNode;
  /** Closes the dialog: after cancel and after a submission that went through. */
  onClose: () => void;
  /** Sends the values; the dialog closes when it resolves and shows the error when it throws. */
  submit: (values: V) => Promise<unknown>;
  /** The form, when the caller reads or sets its fields; otherwise one of its own. */
  form?: FormInstance<V>;
  /** The form's name: its fields' ids are `<name>_<field>`. */
  name?: string;
  initialValues?: Partial<V>;
  /** The submit button's id. */
  submitId?: string;
  danger?: boolean;
  okDisabled?: boolean;
  width?: number;
  /** A stray click beside a half-filled form does not throw it away. */
  keepOnMaskClick?: boolean;
  requiredMark?: boolean;
  /** A rule across fields, checked before sending: the message to show, or null. */
  check?: (values: V) => string | null;
  /** A question asked before sending (e.g. "replace these days?"). */
  confirm?: (values: V) => ModalFuncProps;
  /**
   * Words a refusal for the banner; null when it is shown elsewhere (on a field). Called once per
   * failure, so it may also set field errors or keep the refusal's details.
   */
  onError?: (error: unknown) => string | null;
  /** Shown above the error banner. */
  intro?: ReactNode;
  alertClassName?: string;
  alertTestId?: string;
  testId?: string;
  children: ReactNode;
}

/** A dialog holding one form: submit button, sending state, refusal banner, reset on close. */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { open, title, okText, onClose, submit, form: given, name, initialValues, children } = props;
  const t = useT();
  const { modal } = App.useApp();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [error, setError] = useState<string | null>(null);
  const sending = useMutation({
    mutationFn: submit,
    onSuccess: () => close(),
    onError: (caught: unknown) => setError(props.onError ? props.onError(caught) : describeError(t, caught)),
  });

  function close() {
    setError(null);
    sending.reset();
    onClose();
  }

  function onFinish(values: V) {
    const problem = props.check?.(values) ?? null;
    setError(problem);
    if (problem) return;
    if (!props.confirm) {
      sending.mutate(values);
      return;
    }
    modal.confirm({
      ...props.confirm(values),
      cancelText: t('common.cancel'),
      onOk: () => sending.mutateAsync(values).catch(() => undefined),
    });
  }

  return (
    <Modal
      open={open}
      title={title}
      width={props.width}
      okText={okText}
      cancelText={t('common.cancel')}
      onCancel={close}
      okButtonProps={{
        htmlType: 'submit',
        loading: sending.isPending,
        id: props.submitId,
        danger: props.danger,
        disabled: props.okDisabled,
      }}
      destroyOnHidden
      mask={props.keepOnMaskClick ? { closable: false } : undefined}
      modalRender={(dom) => (
        <Form<V>
          form={form}
          name={name}
          layout="vertical"
          clearOnDestroy
          requiredMark={props.requiredMark}
          initialValues={initialValues}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
      data-testid={props.testId}
    >
      {props.intro}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          className={props.alertClassName}
          style={props.alertClassName ? undefined : { marginBottom: 16 }}
          data-testid={props.alertTestId}
        />
      )}
      {children}
    </Modal>
  );
}
