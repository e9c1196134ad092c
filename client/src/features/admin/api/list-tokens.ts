import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { ApiToken } from '@shared/schemas/tokens';
import { queryOptions } from '@tanstack/react-query';

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  const { tokens } = await apiGet<{ tokens: ApiToken[] }>('/tokens', undefined, signal);
  return tokens;
}

/** Token events carry only id and name, so any change is answered by reading the list again. */
export const tokensQuery = () =>
  queryOptions({ queryKey: resourceKey('tokens'), queryFn: ({ signal }) => listTokens(signal) });
