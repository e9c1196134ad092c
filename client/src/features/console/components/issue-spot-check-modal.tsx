import type { IssueSpotCheckBody } from '@shared/schemas/spot-checks';
import type { User } from '@shared/schemas/users';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { issueSpotCheck } from '../api/issue-spot-check';
import { useWords } from '../i18n';
import { describeDutyError } from './console-errors';

type Source = NonNullable<IssueSpotCheckBody['source']>;

interface Values {
  source: Source;
  caller?: string;
  note?: string;
}

interface Props {
  user: User;
  open: boolean;
  onClose: () => void;
}

/** 查岗: a leader or administrator checks the post, or records a call from the upper level. */
export function IssueSpotCheckModal({ user, open, onClose }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const own: Source = user.roles.includes('leader') ? 'leader' : 'admin';
  const sources: Source[] = [own, 'upper'];
  const issue = useMutation({
    mutationFn: ({ source, caller, note }: Values) =>
      issueSpotCheck({
        source,
        ...(source === 'upper' ? { caller: caller?.trim() } : {}),
        ...(note?.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: () => {
      message.success(t('spot.issued'));
      close();
    },
  });

  function close() {
    issue.reset();
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('spot.issueTitle')}
      okText={t('spot.issueOk')}
      cancelText={t('common.cancel')}
      onCancel={close}
      okButtonProps={{ htmlType: 'submit', loading: issue.isPending, id: 'issue-spot-check-submit' }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ source: own }}
          onFinish={(values) => issue.mutate(values)}
        >
          {dom}
        </Form>
      )}
    >
      {issue.error && (
        <Alert type="error" showIcon title={describeDutyError(t, issue.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="source" label={t('spot.source')}>
        <Radio.Group
          optionType="button"
          options={sources.map((s) => ({ value: s, label: t(`spot.source.${s}`) }))}
        />
      </Form.Item>
      {source === 'upper' && (
        <Form.Item
          name="caller"
          label={t('spot.caller')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('spot.callerRule') }]}
        >
          <Input maxLength={100} placeholder={t('spot.callerPlaceholder')} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('spot.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </Modal>
  );
}
