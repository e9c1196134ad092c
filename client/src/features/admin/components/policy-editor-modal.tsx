import { describeError } from '@client/lib/error-text';
import { validatePolicy } from '@shared/domain/deadline-policy';
import type { DeadlinePolicy } from '@shared/domain/incident-types';
import type { DeadlinePolicyBody } from '@shared/schemas/deadlines';
import type { PolicyProfile } from '@shared/schemas/policy-profiles';
import { Alert, App, Input, Modal, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { savePolicyProfile } from '../api/save-policy-profile';
import { useWords } from '../i18n';

interface Props {
  /** The custom copy being edited; null: closed. */
  profile: PolicyProfile | null;
  onClose: () => void;
  onSaved: (profile: PolicyProfile) => void;
}

/**
 * A custom copy's table as JSON, checked as it is typed (the same rules the server applies:
 * shared/domain/deadline-policy.ts validatePolicy); the server's refusal, if any, is shown as well.
 */
export function PolicyEditorModal({ profile, onClose, onSaved }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setText(profile ? JSON.stringify(profile.policy, null, 2) : '');
    setRefusal(null);
  }, [profile]);

  const checked = useMemo((): { policy: DeadlinePolicyBody | null; problems: string[] } => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return { policy: null, problems: [t('profiles.jsonInvalid', { error: (e as Error).message })] };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return { policy: null, problems: [t('profiles.jsonNotObject')] };
    const problems = validatePolicy(parsed as DeadlinePolicy);
    return { policy: problems.length ? null : (parsed as DeadlinePolicyBody), problems };
  }, [text, t]);

  async function save() {
    if (!profile || !checked.policy) return;
    setSaving(true);
    setRefusal(null);
    try {
      const saved = await savePolicyProfile(profile.id, checked.policy);
      message.success(t('profiles.savedOk', { name: saved.policy.name }));
      onSaved(saved);
      onClose();
    } catch (caught) {
      setRefusal(describeError(t, caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={profile !== null}
      title={t('profiles.editTitle', { name: profile?.policy.name ?? '' })}
      okText={t('profiles.save')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ disabled: checked.policy === null, id: 'profile-save' }}
      width={760}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('profiles.editHint')}</Typography.Paragraph>
      <Input.TextArea
        data-testid="profile-json"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 14, maxRows: 28 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
      />
      {checked.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="profile-problems"
          message={t('profiles.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {checked.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="profile-refusal"
          message={refusal}
        />
      )}
    </Modal>
  );
}
