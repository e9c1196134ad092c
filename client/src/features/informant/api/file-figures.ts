import { apiRequest } from '@client/lib/api-client';
import type { Filing, FilingBody } from '@shared/schemas/disasters';

/** A community's filing of its figures (or of a note with its figures unchanged). */
export function fileFigures(disasterId: number, body: FilingBody): Promise<Filing> {
  return apiRequest<Filing>('POST', `/disasters/${disasterId}/filings`, { body });
}
