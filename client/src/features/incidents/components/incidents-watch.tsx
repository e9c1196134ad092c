import { useDomainLabels } from '@client/lib/domain-labels';
import { useT } from '@client/lib/i18n';
import { hasRole, useSession } from '@client/lib/session';
import { useLiveEvents } from '@client/lib/use-live';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { raiseAlert } from './incident-alerts';
import { obligationLabel } from './incident-labels';

/** Where the record-a-call drawer opens: the board, told by the query string. */
export const RECORD_CALL_PATH = '/incidents?record=1';

function isRecordCallKey(e: KeyboardEvent): boolean {
  if (e.key === 'F2' && !e.altKey && !e.ctrlKey && !e.metaKey) return true;
  // `code`, not `key`: Alt+N types a dead key on some layouts.
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyN';
}

/**
 * Mounted once for the signed-in console, on every page: the record-a-call shortcut (Alt+N or F2)
 * and the sound and desktop notification for new and overdue incidents.
 */
export function IncidentsWatch() {
  const t = useT();
  const labels = useDomainLabels();
  const navigate = useNavigate();
  const session = useSession();
  const user = session.status === 'authenticated' ? session.user : null;
  const canRecord = user ? hasRole(user, 'officer') || hasRole(user, 'informant') : false;

  useEffect(() => {
    if (!canRecord) return;
    function onKey(e: KeyboardEvent) {
      if (!isRecordCallKey(e) || e.repeat) return;
      e.preventDefault();
      navigate(RECORD_CALL_PATH);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canRecord, navigate]);

  useLiveEvents((event) => {
    if (event.type === 'incident.created') {
      const { incident } = event.payload;
      // The officer who typed it needs no alarm for their own call.
      if (user && event.actor === user.username) return;
      raiseAlert({
        seq: event.seq,
        at: event.at,
        title: t('incidents.notify.created', { id: incident.id, grade: labels.grade(incident.grade) }),
        body: `${labels.category(incident.category)} · ${incident.location.address}\n${incident.summary}`,
        tag: `incident-${incident.id}-created`,
        urgent: incident.grade === 'I' || incident.grade === 'II',
        onClick: () => navigate(`/incidents/${incident.id}`),
      });
    } else if (event.type === 'incident.overdue') {
      const { incident, obligation } = event.payload;
      raiseAlert({
        seq: event.seq,
        at: event.at,
        title: t('incidents.notify.overdue', { id: incident.id, kind: t(obligationLabel[obligation.kind]) }),
        body: `${labels.category(incident.category)} · ${incident.location.address}`,
        tag: `incident-${incident.id}-overdue-${obligation.key}`,
        urgent: true,
        onClick: () => navigate(`/incidents/${incident.id}`),
      });
    }
  });

  return null;
}
