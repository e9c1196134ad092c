import { apiGet, apiRequest } from '@client/lib/api-client';
import type { DisasterRecipient, DisasterReportKind } from '@shared/domain/disasters';
import type {
  DisasterDraft,
  DisasterPhoto,
  DisasterReport,
  DisasterSignoff,
} from '@shared/schemas/disasters';
import { queryOptions } from '@tanstack/react-query';

export function getDisasterDraft(
  id: number,
  kind: DisasterReportKind,
  forDate?: string,
  signal?: AbortSignal,
): Promise<DisasterDraft> {
  return apiGet<DisasterDraft>(`/disasters/${id}/draft`, { kind, forDate }, signal);
}

/** The reports sent up for a disaster. */
export const disasterReportsQuery = (id: number) =>
  queryOptions({
    queryKey: ['disaster', id, 'reports'],
    queryFn: ({ signal }) =>
      apiGet<{ reports: DisasterReport[] }>(`/disasters/${id}/reports`, undefined, signal),
    select: (list) => list.reports,
  });

/** Sign-off requests of disaster reports (all of them; the panel keeps this disaster's). */
export const disasterSignoffsQuery = () =>
  queryOptions({
    queryKey: ['signoffs', 'disasters'],
    queryFn: ({ signal }) => apiGet<{ signoffs: DisasterSignoff[] }>('/disaster-signoffs', undefined, signal),
    select: (list) => list.signoffs,
  });

/** The leaders who may sign off, the one(s) on call first. */
export const leadersQuery = () =>
  queryOptions({
    queryKey: ['signoffs', 'leaders'],
    queryFn: ({ signal }) =>
      apiGet<{ leaders: { username: string; displayName: string; onCall: boolean }[] }>(
        '/signoffs/leaders',
        undefined,
        signal,
      ),
    select: (list) => list.leaders,
  });

export interface SendBody {
  kind: DisasterReportKind;
  recipients?: DisasterRecipient[];
  forDate?: string;
  title: string;
  text: string;
  signoffRequestId?: number;
  phoneConsentBy?: string;
}

export function sendDisasterReport(id: number, body: SendBody): Promise<{ reports: DisasterReport[] }> {
  return apiRequest('POST', `/disasters/${id}/reports`, { body });
}

export function askSignoff(
  id: number,
  body: Omit<SendBody, 'signoffRequestId' | 'phoneConsentBy'> & { leader: string },
): Promise<DisasterSignoff> {
  return apiRequest('POST', `/disasters/${id}/signoffs`, { body });
}

export function decideSignoff(signoffId: number, approve: boolean, comment?: string): Promise<unknown> {
  return apiRequest('POST', `/disaster-signoffs/${signoffId}/decision`, { body: { approve, comment } });
}

/** The photos attached to a disaster's filings. */
export const disasterPhotosQuery = (id: number) =>
  queryOptions({
    queryKey: ['disaster', id, 'photos'],
    queryFn: ({ signal }) =>
      apiGet<{ photos: DisasterPhoto[] }>(`/disasters/${id}/photos`, undefined, signal),
    select: (list) => list.photos,
  });

export function uploadPhoto(id: number, filingId: number, file: File, caption = ''): Promise<DisasterPhoto> {
  return apiRequest('POST', `/disasters/${id}/photos`, {
    query: { filingId, caption: caption || undefined },
    bytes: { data: file, type: file.type },
  });
}

export const photoUrl = (photoId: number) => `/api/disaster-photos/${photoId}`;
export const figuresCsvUrl = (id: number) => `/api/disasters/${id}/figures.csv`;
