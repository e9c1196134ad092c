import type { RosterView } from '@shared/schemas/roster';
import { Alert, Checkbox, Form, Input } from 'antd';
import { refusedCheck } from '../api/publish-month';
import { useWords, type Words } from '../i18n';
import { CheckList } from './check-list';
import { type Check, problemCount, type RosterIndex } from './roster-derive';
import { describeRosterError } from './roster-errors';

/** What an edit of a published month adds to its form: why, and (after a refusal) the override. */
export interface PublishedEditValues {
  reason?: string;
  override?: boolean;
}

/** The body fields of a published edit, or none for a draft month. */
export function publishedEditBody(
  published: boolean,
  values: PublishedEditValues,
): { reason?: string; override?: boolean } {
  if (!published) return {};
  return { reason: values.reason?.trim() ?? '', ...(values.override ? { override: true } : {}) };
}

/**
 * A refused edit: the checks' refusal goes beside the override (and no banner), any other refusal
 * into the banner.
 */
export function refusal(error: unknown, setRefused: (check: Check | null) => void, t: Words): string | null {
  const check = refusedCheck(error);
  setRefused(check);
  return check ? null : describeRosterError(t, error);
}

interface Props {
  /** The new problems the checks found when the edit was last tried, or null. */
  refused: Check | null;
  index: RosterIndex;
  days: RosterView['days'];
}

/**
 * A published month changes only with a reason on record; when the change leaves the roster with a
 * problem it did not have, the checks refuse it unless the administrator overrides them.
 */
export function PublishedEditFields({ refused, index, days }: Props) {
  const t = useWords();
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={t('roster.editPublished')}
        style={{ marginBottom: 12 }}
        data-testid="edit-published-notice"
      />
      <Form.Item
        name="reason"
        label={t('roster.editReason')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('roster.editReasonRule') }]}
      >
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={t('roster.editReasonHint')}
          data-testid="edit-reason"
        />
      </Form.Item>
      {refused && (
        <>
          <Alert
            type="error"
            showIcon
            title={t('roster.editProblems', { count: problemCount(refused) })}
            description={
              <CheckList check={refused} nameById={index.nameById} shiftById={index.shiftById} days={days} />
            }
            style={{ marginBottom: 12 }}
          />
          <Form.Item name="override" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="edit-override">{t('roster.editOverride')}</Checkbox>
          </Form.Item>
        </>
      )}
    </>
  );
}
