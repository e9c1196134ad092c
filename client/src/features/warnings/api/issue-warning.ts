import { apiRequest } from '@client/lib/api-client';
import type { Warning, WarningIntake } from '@shared/schemas/warnings';

/** Typed in from a fax or a call; the key is made when the form opens, so a retry is one warning. */
export function issueWarning(body: WarningIntake, idempotencyKey: string): Promise<Warning> {
  return apiRequest<Warning>('POST', '/warnings', { body, headers: { 'Idempotency-Key': idempotencyKey } });
}
