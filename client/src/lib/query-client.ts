import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** A refusal (4xx) is an answer, not a failure: asking again changes nothing. */
function retryable(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

/**
 * The console's one cache of server data. Live events keep it fresh (`live-cache.ts`), so a
 * query is not refetched on focus or on a timer unless it asks to be (a clock boundary, a backstop poll).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: retryable,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
