import { apiGet } from '@client/lib/api-client';
import type { ApiToken } from '@shared/schemas/tokens';

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  const { tokens } = await apiGet<{ tokens: ApiToken[] }>('/tokens', undefined, signal);
  return tokens;
}
