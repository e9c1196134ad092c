import type { Handover } from '@shared/schemas/handover';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { handoverQuery } from '../api/get-handover';

/** One handover, and a way to put a command's answer on screen without another read. */
export function useHandover(id: number) {
  const client = useQueryClient();
  const query = useQuery(handoverQuery(id));
  const set = (fresh: Handover) => client.setQueryData(handoverQuery(fresh.id).queryKey, fresh);
  return { ...query, set };
}
