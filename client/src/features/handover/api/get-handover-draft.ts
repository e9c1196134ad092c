import { apiGet } from '@client/lib/api-client';
import type { HandoverDraft } from '@shared/schemas/handover';

/** The draft of the caller's shift, drafted from its own records; nothing is stored yet. */
export function getHandoverDraft(signal?: AbortSignal): Promise<HandoverDraft> {
  return apiGet<HandoverDraft>('/handovers/draft', undefined, signal);
}
