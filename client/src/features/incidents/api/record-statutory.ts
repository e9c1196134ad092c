import { apiRequest } from '@client/lib/api-client';
import type {
  DirectEntryBody,
  DirectNotifiedBody,
  Incident,
  NotificationBody,
} from '@shared/schemas/incidents';

/** 直报录入: when it was entered into the direct-report system, and its record number. */
export function recordDirectEntry(id: number, body: DirectEntryBody): Promise<Incident> {
  return apiRequest<Incident>('POST', `/incidents/${id}/direct-entry`, { body });
}

/** The fire service's / traffic police's notification of a production fire or road accident. */
export function recordDirectNotified(id: number, body: DirectNotifiedBody): Promise<Incident> {
  return apiRequest<Incident>('POST', `/incidents/${id}/direct-notified`, { body });
}

/** A department told with the 首报 (条例 第十条). */
export function recordNotification(id: number, body: NotificationBody): Promise<Incident> {
  return apiRequest<Incident>('POST', `/incidents/${id}/notifications`, { body });
}
