import { apiRequest } from '@client/lib/api-client';
import type { GenerateBody } from '@shared/schemas/roster';

export interface GenerateResult {
  created: number;
  replaced: number;
  /** Shifts already begun or checked in to: they stay, and their posts are not filled twice. */
  kept: number;
}

export function generateRoster(body: GenerateBody): Promise<GenerateResult> {
  return apiRequest<GenerateResult>('POST', '/roster/generate', { body });
}
