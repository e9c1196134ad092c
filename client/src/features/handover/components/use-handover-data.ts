import type { AnyDutyEvent } from '@shared/events';
import type { Handover, HandoverDraft, HandoverQuery } from '@shared/schemas/handover';
import type { DutySettings } from '@shared/schemas/settings';
import { getDutySettings } from '../api/get-duty-settings';
import { getHandover } from '../api/get-handover';
import { getHandoverDraft } from '../api/get-handover-draft';
import { listHandovers } from '../api/list-handovers';
import { listPendingHandovers } from '../api/list-pending-handovers';
import { type Resource, useResource } from './use-resource';

const isHandoverEvent = (event: AnyDutyEvent) => event.type.startsWith('handover.');

/** Everything a draft is drafted from: the shift's records and the open incidents. */
const DRAFT_SOURCES = [
  'handover.',
  'incident.',
  'logbook.',
  'attendance.',
  'spotcheck.',
  'roster.',
  'swap.approved',
  'settings.updated',
  'report.delivery',
];

export function useHandoverDraft(enabled: boolean): Resource<HandoverDraft> {
  return useResource(
    getHandoverDraft,
    'draft',
    (event) => DRAFT_SOURCES.some((prefix) => event.type.startsWith(prefix)),
    enabled,
  );
}

export function useHandover(id: number): Resource<Handover> {
  return useResource(
    (signal) => getHandover(id, signal),
    String(id),
    (event) => event.subject === `handover:${id}`,
    id > 0,
  );
}

export function usePendingHandovers(): Resource<Handover[]> {
  return useResource(listPendingHandovers, 'pending', isHandoverEvent);
}

export function useHandoverArchive(query: HandoverQuery): Resource<Handover[]> {
  return useResource((signal) => listHandovers(query, signal), JSON.stringify(query), isHandoverEvent);
}

/** The duty rules, for the handover window the incoming officer signs in. */
export function useDutySettings(): Resource<DutySettings> {
  return useResource(getDutySettings, 'duty-settings', (event) => event.type === 'settings.updated');
}
