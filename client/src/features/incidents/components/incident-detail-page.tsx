import { LoadFailed } from '@client/components/load-failed';
import { RecordState, recordMissing } from '@client/components/record-state';
import { describeError } from '@client/lib/error-text';
import { hasRole } from '@client/lib/session';
import { nextReportObligation } from '@shared/domain/board-fields';
import type { ObligationView, Report } from '@shared/schemas/incidents';
import type { User } from '@shared/schemas/users';
import { Card } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ActionLog } from './action-log';
import { CloseIncidentModal } from './close-incident-modal';
import { EditFiguresModal } from './edit-figures-modal';
import { HopTrail } from './hop-trail';
import { IncidentFacts } from './incident-facts';
import { IncidentHeader } from './incident-header';
import { IncidentStage } from './incident-stage';
import { IncidentTimeline } from './incident-timeline';
import { ObligationsTable } from './obligations-table';
import { ReportComposer } from './report-composer';
import { ReportsList } from './reports-list';
import { SimilarIncidents } from './similar-incidents';
import { StatutoryRecordModal } from './statutory-record-modal';
import { useIncidentDetail } from './use-incident-detail';
import './incidents.css';
import { useWords } from '../i18n';

/** One incident: its stage, deadlines, reports sent up, handling and history. */
export function IncidentDetailPage({ user }: { user: User }) {
  const t = useWords();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const { detail, error, reload, apply } = useIncidentDetail(valid ? id : 0);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [recording, setRecording] = useState<ObligationView | null>(null);
  const [kindRequest, setKindRequest] = useState<{ kind: Report['kind']; seq: number } | null>(null);

  const missing = recordMissing(valid, error);
  if (missing || !detail) {
    return (
      <RecordState
        missing={missing}
        notFound={{
          title: t('incidents.detail.notFound'),
          backTo: '/incidents',
          backLabel: t('incidents.board.title'),
        }}
        failed={error ? t('common.loadFailed', { message: describeError(t, error) }) : null}
        spinClassName="inc-page-spin"
      />
    );
  }

  const { incident } = detail;
  const closed = incident.stage === 'closed';
  const handler = hasRole(user, 'officer') || hasRole(user, 'leader');
  const composing = !closed && handler;
  // A report due or overdue: the composer is the first thing on the page.
  const reportDue = composing && nextReportObligation(incident) !== null;
  const composer = composing && (
    <Card size="small" title={t('incidents.detail.compose')} id="report-composer-card">
      <ReportComposer
        key={incident.id}
        detail={detail}
        user={user}
        onSent={reload}
        kindRequest={kindRequest}
      />
    </Card>
  );
  function sendDue(kind: Report['kind']) {
    setKindRequest((prev) => ({ kind, seq: (prev?.seq ?? 0) + 1 }));
    document.getElementById('report-composer-card')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
  return (
    <div className="inc-detail" data-testid="incident-detail" data-incident-id={incident.id}>
      <IncidentHeader
        incident={incident}
        user={user}
        onChanged={apply}
        onEdit={() => setEditing(true)}
        onClose={() => setClosing(true)}
        onSendReport={sendDue}
      />
      <IncidentStage detail={detail} />
      <LoadFailed type="warning" error={error} />
      <div className="inc-detail-grid">
        <div className="inc-detail-main" data-report-due={reportDue ? 'true' : 'false'}>
          {reportDue && composer}
          <Card size="small" title={t('incidents.detail.facts')}>
            <IncidentFacts incident={incident} />
          </Card>
          <HopTrail incidentId={incident.id} />
          <Card size="small" title={t('incidents.detail.obligations')}>
            <ObligationsTable
              obligations={incident.obligations}
              closed={closed}
              onRecord={handler ? setRecording : undefined}
            />
          </Card>
          {!reportDue && composer}
          <Card size="small" title={t('incidents.detail.reports', { count: detail.reports.length })}>
            <ReportsList reports={detail.reports} />
          </Card>
        </div>
        <div className="inc-detail-side">
          <Card size="small" title={t('incidents.detail.actions')}>
            <ActionLog
              key={incident.id}
              detail={detail}
              user={user}
              onAdded={(saved) => {
                apply(saved);
                reload();
              }}
            />
          </Card>
          <Card size="small" title={t('incidents.detail.similar')}>
            <SimilarIncidents detail={detail} canLink={handler && incident.stage !== 'closed'} />
          </Card>
          <Card size="small" title={t('incidents.detail.timeline')}>
            <IncidentTimeline timeline={detail.timeline} />
          </Card>
        </div>
      </div>
      {handler && (
        <StatutoryRecordModal
          incident={incident}
          obligation={recording}
          onClose={() => setRecording(null)}
          onSaved={apply}
        />
      )}
      {handler && !closed && (
        <>
          <EditFiguresModal
            incident={incident}
            open={editing}
            onClose={() => setEditing(false)}
            onSaved={apply}
          />
          <CloseIncidentModal
            incident={incident}
            open={closing}
            hasFinal={detail.reports.some((r) => r.kind === 'final')}
            onClose={() => setClosing(false)}
            onClosed={apply}
          />
        </>
      )}
    </div>
  );
}
