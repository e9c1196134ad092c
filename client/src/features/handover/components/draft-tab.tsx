import { CheckCircleOutlined, EyeOutlined } from '@ant-design/icons';
import { NotLoaded } from '@client/components/load-error';
import { hasRole } from '@client/lib/session';
import type { Handover, HandoverDraft } from '@shared/schemas/handover';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { handoverDraftQuery } from '../api/get-handover-draft';
import { reviseHandover } from '../api/revise-handover';
import { submitHandover } from '../api/submit-handover';
import { useWords } from '../i18n';
import { HandoverEditor } from './handover-editor';
import { describeHandoverError, isErrorCode } from './handover-errors';
import { expectedSigner } from './handover-labels';
import { HandoverMeta } from './handover-meta';
import { useHandover } from './use-handover-data';

function DraftPeople({ draft }: { draft: HandoverDraft }) {
  const t = useWords();
  const names = (people: { name: string }[]) => people.map((p) => p.name).join('、') || '—';
  return (
    <div className="ho-people">
      <span>
        {t('handover.people.officers')}：<b>{names(draft.people.officers)}</b>
      </span>
      <span>
        {t('handover.people.leaders')}：<b>{names(draft.people.leaders)}</b>
      </span>
      <span>
        {t('handover.people.incoming')}：<b data-testid="draft-incoming">{names(draft.people.incoming)}</b>
      </span>
    </div>
  );
}

/** The shift already handed over: waiting for the signature (and still revisable), or sealed. */
function Existing({ id, user, draft }: { id: number; user: User; draft: HandoverDraft }) {
  const t = useWords();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: h, error, set } = useHandover(id);
  const [revising, setRevising] = useState(false);
  if (!h) {
    return error ? <Alert type="error" showIcon title={describeHandoverError(t, error)} /> : <Spin />;
  }
  const view = (
    <Link to={`/handover/${h.id}`}>
      <Button icon={<EyeOutlined />}>{t('handover.draft.view')}</Button>
    </Link>
  );
  if (h.status === 'sealed') {
    return (
      <Result
        status="success"
        title={t('handover.draft.sealed')}
        subTitle={t('handover.draft.sealedSub', { name: h.acceptedByName ?? '' })}
        extra={view}
        data-testid="handover-existing"
      />
    );
  }
  const mine = h.submittedBy === user.username;
  if (revising && mine) {
    return (
      <HandoverEditor
        key={`revise-${h.id}`}
        sections={h.content.sections}
        pending={h.pending}
        handedOn={new Set(draft.pending.map((p) => p.key))}
        notes={h.notes}
        carried={h.carried}
        openIncidents={draft.openIncidents}
        submitLabel={t('handover.draft.saveRevision')}
        extraActions={<Button onClick={() => setRevising(false)}>{t('common.cancel')}</Button>}
        onSubmit={async (body) => {
          const saved: Handover = await reviseHandover(h.id, body);
          set(saved);
          setRevising(false);
          message.success(t('handover.draft.revised'));
          navigate(`/handover/${saved.id}`);
        }}
      />
    );
  }
  return (
    <Result
      icon={<CheckCircleOutlined style={{ color: '#fa8c16' }} />}
      title={t('handover.draft.submitted')}
      subTitle={t('handover.draft.submittedSub', { name: expectedSigner(h) || t('handover.sign.nobody') })}
      extra={
        <Space>
          {view}
          {mine && (
            <Button onClick={() => setRevising(true)} data-testid="revise-handover">
              {t('handover.detail.revise')}
            </Button>
          )}
        </Space>
      }
      data-testid="handover-existing"
    />
  );
}

/** 本班交接: the draft of the caller's shift, to edit and submit; or where that handover stands. */
export function DraftTab({ user }: { user: User }) {
  const t = useWords();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const officer = hasRole(user, 'officer');
  const { data: draft, error, refetch } = useQuery(handoverDraftQuery(officer));

  if (!officer) {
    return <Result status="info" title={t('handover.draft.officersOnly')} />;
  }
  if (!draft) {
    if (isErrorCode(error, 'DUTY_ERR_NOT_ROSTERED')) {
      return (
        <Result
          status="info"
          title={t('handover.draft.noShift')}
          subTitle={t('handover.draft.noShiftSub')}
          data-testid="handover-no-shift"
        />
      );
    }
    return <NotLoaded error={error} describe={describeHandoverError} spinClassName="ho-spin" />;
  }

  return (
    <div className="ho-draft" data-testid="handover-draft" data-shift={draft.shift.start}>
      <Card size="small" className="ho-draft-head">
        <div className="ho-draft-head-row">
          <HandoverMeta shift={draft.shift} />
          <DraftPeople draft={draft} />
          {draft.lastHandoverId && (
            <Link to={`/handover/${draft.lastHandoverId}`}>
              <Tag>{t('handover.draft.last', { id: draft.lastHandoverId })}</Tag>
            </Link>
          )}
        </div>
        {draft.people.incoming.length === 0 && (
          <Alert type="warning" showIcon title={t('handover.draft.noIncoming')} className="ho-draft-alert" />
        )}
      </Card>
      {draft.existing ? (
        <Existing id={draft.existing.id} user={user} draft={draft} />
      ) : (
        <HandoverEditor
          key={draft.shift.start}
          sections={draft.sections}
          pending={draft.pending}
          handedOn={new Set(draft.pending.map((p) => p.key))}
          notes=""
          carried={draft.carried}
          openIncidents={draft.openIncidents}
          confirm={{ alarms: draft.alarms, window: draft.window }}
          submitLabel={t('handover.draft.submit')}
          onSubmit={async (body) => {
            try {
              const saved = await submitHandover(body);
              message.success(t('handover.draft.done', { name: expectedSigner(saved) || '—' }));
              navigate(`/handover/${saved.id}`);
            } catch (caught) {
              if (isErrorCode(caught, 'DUTY_ERR_ALREADY_DONE')) void refetch();
              throw caught;
            }
          }}
        />
      )}
    </div>
  );
}
