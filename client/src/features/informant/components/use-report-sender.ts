import { ApiError, NETWORK_ERROR } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fileFigures } from '../api/file-figures';
import { listUnitFilings } from '../api/my-filings';
import { uploadPhoto } from '../api/upload-photo';
import { photoBytes } from './photo';
import { clearReportDraft, type ReportDraft } from './report-draft';
import { filingBody, landedFiling } from './report-values';

export type SendState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  /** The network lost it: kept on the phone, sent again when the connection returns. */
  | { kind: 'waiting'; offline: boolean }
  | { kind: 'failed'; reason: string }
  /** The figures are filed, the photo was refused. */
  | { kind: 'photoFailed'; reason: string }
  | { kind: 'sent'; filedAt: string; photo: boolean };

const isNetwork = (e: unknown) => e instanceof ApiError && e.code === NETWORK_ERROR;

/**
 * Sends the kept draft: the filing (once: a retry after a lost answer finds it on the server), then
 * its photo; the draft leaves the phone only when the server has confirmed both.
 */
export function useReportSender(userId: number, username: string, keep: (d: ReportDraft) => void) {
  const t = useT();
  const client = useQueryClient();
  const [state, setState] = useState<SendState>({ kind: 'idle' });
  const busy = useRef(false);
  const lastDraft = useRef<ReportDraft | null>(null);

  const send = useCallback(
    async (draft: ReportDraft, first: boolean, withPhoto = true) => {
      if (busy.current) return;
      busy.current = true;
      setState({ kind: 'sending' });
      let current: ReportDraft = { ...draft, sentAt: draft.sentAt ?? Date.now() };
      // A retry sends this one: marked sent, so it first looks for the filing on the server.
      lastDraft.current = current;
      keep(current);
      try {
        let filedAt = new Date().toISOString();
        if (current.filingId === null) {
          const landed =
            draft.sentAt === null
              ? undefined
              : landedFiling(await listUnitFilings(current.disasterId, current.unitId), current, username);
          const filing = landed ?? (await fileFigures(current.disasterId, filingBody(current, first)));
          filedAt = filing.filedAt;
          current = { ...current, filingId: filing.id };
          keep(current);
          lastDraft.current = current;
        }
        const photo = withPhoto ? current.photo : null;
        if (photo && current.filingId !== null) {
          try {
            await uploadPhoto(current.disasterId, current.filingId, photoBytes(photo), photo.type);
          } catch (caught) {
            if (isNetwork(caught)) throw caught;
            setState({ kind: 'photoFailed', reason: describeError(t, caught) });
            return;
          }
        }
        clearReportDraft(userId);
        lastDraft.current = null;
        setState({ kind: 'sent', filedAt, photo: photo !== null });
      } catch (caught) {
        if (isNetwork(caught)) setState({ kind: 'waiting', offline: !navigator.onLine });
        else setState({ kind: 'failed', reason: describeError(t, caught) });
      } finally {
        busy.current = false;
        void client.invalidateQueries({ queryKey: ['disaster', draft.disasterId] });
      }
    },
    [client, keep, t, userId, username],
  );

  // A lost send goes again when the connection returns (or every 5 s, for a phone that never says so).
  const waiting = state.kind === 'waiting';
  const firstRef = useRef(false);
  useEffect(() => {
    if (!waiting) return;
    const retry = () => {
      if (lastDraft.current && !busy.current) void send(lastDraft.current, firstRef.current);
    };
    window.addEventListener('online', retry);
    const timer = window.setInterval(() => {
      if (navigator.onLine) retry();
    }, 5000);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [waiting, send]);

  const start = useCallback(
    (draft: ReportDraft, first: boolean, withPhoto = true) => {
      firstRef.current = first;
      return send(draft, first, withPhoto);
    },
    [send],
  );
  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, send: start, reset };
}
